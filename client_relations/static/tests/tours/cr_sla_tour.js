import {registry} from "@web/core/registry";

// The service level manager creates an SLA for a client, puts catalogue services
// in scope, adds targets, an indicator and a monthly report, and activates it.
registry.category("web_tour.tours").add("cr_sla_tour", {
    steps: () => [
        {
            content: "Name the agreement",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit 巡游科技服务级别协议",
        },
        {
            content: "Pick the client",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit 巡游科技",
        },
        {
            content: "Choose it",
            trigger: ".o-autocomplete--dropdown-item a:contains(巡游科技)",
            run: "click",
        },
        {
            content: "Add a service in scope",
            trigger: ".o_field_widget[name='service_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Pick the catalogue service",
            trigger: ".modal .o_data_row td:contains(巡游运维服务)",
            run: "click",
        },
        {
            content: "The service is in scope",
            trigger: ".o_field_widget[name='service_ids'] .o_data_row td:contains(巡游运维服务)",
        },
        {
            content: "Open the response events",
            trigger: ".o_notebook a[name='response_events']",
            run: "click",
        },
        {
            content: "Describe them",
            trigger: ".o_field_widget[name='response_events'] .odoo-editor-editable",
            run: "editor 工作日电话及门户受理的故障",
        },
        {
            content: "Open the targets",
            trigger: ".o_notebook a[name='targets']",
            run: "click",
        },
        {
            content: "Add a target line",
            trigger: ".o_field_widget[name='target_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "First response",
            trigger: ".o_field_widget[name='target_ids'] .o_selected_row [name='first_response_hours'] input",
            run: "edit 02:00",
        },
        {
            content: "Next response",
            trigger: ".o_field_widget[name='target_ids'] .o_selected_row [name='next_response_hours'] input",
            run: "edit 04:00",
        },
        {
            content: "Resolution",
            trigger: ".o_field_widget[name='target_ids'] .o_selected_row [name='resolution_hours'] input",
            run: "edit 08:00",
        },
        {
            content: "Open the indicators",
            trigger: ".o_notebook a[name='indicators']",
            run: "click",
        },
        {
            content: "Add an indicator",
            trigger: ".o_field_widget[name='indicator_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name='indicator_ids'] .o_selected_row [name='name'] input",
            run: "edit 问题解决及时率",
        },
        {
            content: "Save the agreement",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Open the service reports",
            trigger: ".o_notebook a[name='report_specs']",
            run: "click",
        },
        {
            content: "Add a report specification",
            trigger: ".o_field_widget[name='report_spec_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name the report",
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit 月度服务报告",
        },
        {
            content: "Pick the indicator it measures",
            trigger: ".modal .o_field_widget[name='indicator_ids'] input",
            run: "edit 问题",
        },
        {
            content: "Choose it",
            trigger: ".o-autocomplete--dropdown-item a:contains(问题解决及时率)",
            run: "click",
        },
        {
            content: "Save the report specification",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The report is listed",
            trigger: ".o_field_widget[name='report_spec_ids'] .o_data_row td:contains(月度服务报告)",
        },
        {
            content: "Activate",
            trigger: "button[name='action_activate']",
            run: "click",
        },
        {
            content: "The agreement is active",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='active']",
        },
    ],
});
