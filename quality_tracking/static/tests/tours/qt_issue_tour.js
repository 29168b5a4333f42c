import {registry} from "@web/core/registry";

// Report a quality issue, set its cause, add a corrective action, carry the action
// out and close it, verify the effectiveness and close it.
registry.category("web_tour.tours").add("qt_issue_tour", {
    url: "/odoo/action-quality_tracking.qt_issue_action/new",
    steps: () => [
        {
            content: "Describe the problem",
            trigger: ".o_field_widget[name='title'] input",
            run: "edit 巡检发现焊缝气孔",
        },
        {
            content: "Save the report",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Start the investigation",
            trigger: ".o_form_saved button[name='action_investigate']",
            run: "click",
        },
        {
            content: "The issue is being investigated",
            trigger: ".o_form_saved button[name='action_start_action']",
        },
        {
            content: "Set the cause: process or method",
            trigger: ".o_field_widget[name='cause_kind'] input[data-value='process']",
            run: "click",
        },
        {
            content: "Open the cause page",
            trigger: ".o_notebook a[name='cause']",
            run: "click",
        },
        {
            content: "Describe the root cause",
            trigger: ".o_field_widget[name='root_cause'] textarea",
            run: "edit 焊机电流参数漂移",
        },
        {
            content: "The cause is set",
            trigger:
                ".o_field_widget[name='cause_kind'] input[data-value='process']:checked",
        },
        {
            content: "Save the analysis",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Start the corrective action",
            trigger: ".o_form_saved button[name='action_start_action']",
            run: "click",
        },
        {
            content: "The issue is under corrective action",
            trigger: ".o_form_saved button[name='action_verify']",
        },
        {
            content: "Add a corrective action",
            trigger:
                ".o_form_saved .o_field_widget[name='capa_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name it",
            trigger:
                ".o_field_widget[name='capa_ids'] .o_selected_row [name='title'] input",
            run: "edit 每周校准焊机",
        },
        {
            content: "Save the issue",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The action is saved with the issue",
            trigger:
                ".o_form_saved .o_field_widget[name='capa_ids'] .o_data_row:not(.o_selected_row)",
        },
        {
            content: "Open the issue's corrective actions",
            trigger: "button[name='action_view_capas']",
            run: "click",
        },
        {
            content: "Open the action",
            trigger: ".o_kanban_record:contains(每周校准焊机)",
            run: "click",
        },
        {
            content: "Describe the measures",
            trigger: ".o_field_widget[name='measures'] textarea",
            run: "edit 每周一校准焊机电流",
        },
        {
            content: "Start the action",
            trigger: "button[name='action_start']",
            run: "click",
        },
        {
            content: "The action is in progress",
            trigger: ".o_form_saved button[name='action_done']",
        },
        {
            content: "Record the result",
            trigger: ".o_form_saved .o_field_widget[name='execution_result'] textarea",
            run: "edit 已校准并记录",
        },
        {
            content: "Mark it done",
            trigger: "button[name='action_done']",
            run: "click",
        },
        {
            content: "The action is done",
            trigger: ".o_form_saved button[name='action_close']",
        },
        {
            content: "Open the verification page",
            trigger: ".o_form_saved .o_notebook a[name='verification']",
            run: "click",
        },
        {
            content: "The action was effective",
            trigger:
                ".o_field_widget[name='effectiveness'] input[data-value='effective']",
            run: "click",
        },
        {
            content: "Re-evaluate",
            trigger: ".o_field_widget[name='reevaluation'] textarea",
            run: "edit 一个月内未再发现气孔",
        },
        {
            content: "Close the action (the quality manager validates)",
            trigger: "button[name='action_close']",
            run: "click",
        },
        {
            content: "The action is closed",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='closed']",
        },
        {
            content: "Back to the issue",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(QI)",
            run: "click",
        },
        {
            content: "Verify the effectiveness",
            trigger: "button[name='action_verify']",
            run: "click",
        },
        {
            content: "The issue is being verified",
            trigger: ".o_form_saved button[name='action_back_to_action']",
        },
        {
            content: "Open the effectiveness page",
            trigger: ".o_form_saved .o_notebook a[name='effectiveness']",
            run: "click",
        },
        {
            content: "Effective",
            trigger:
                ".o_field_widget[name='effectiveness'] input[data-value='effective']",
            run: "click",
        },
        {
            content: "How it was verified",
            trigger: ".o_field_widget[name='effectiveness_note'] textarea",
            run: "edit 抽检三批无气孔",
        },
        {
            content: "Close the issue",
            trigger: "button[name='action_close']",
            run: "click",
        },
        {
            content: "The issue is closed",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='closed']",
        },
    ],
});
