import {registry} from "@web/core/registry";

// The unit head creates this month's visit plan for a region, confirms it and
// generates its visits; the visitor records a visit's outcome.
registry.category("web_tour.tours").add("cr_visit_tour", {
    url: "/odoo/action-client_relations.cr_visit_plan_action",
    steps: () => [
        {
            content: "New visit plan",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Designated visitor",
            trigger: ".o_field_widget[name='executor_id'] input",
            run: "edit Admin",
        },
        {
            content: "Pick the visitor",
            trigger: ".o-autocomplete--dropdown-item a:contains(Admin)",
            run: "click",
        },
        {
            content: "Region",
            trigger: ".o_field_widget[name='region_ids'] input",
            run: "edit 巡访测试区",
        },
        {
            content: "Pick the region",
            trigger: ".o-autocomplete--dropdown-item a:contains(巡访测试区)",
            run: "click",
        },
        {
            content: "Save the plan",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Confirm the plan",
            trigger: ".o_form_saved button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Generate the visits",
            trigger: ".o_form_saved button[name='action_generate_visits']",
            run: "click",
        },
        {
            content: "The plan has its visit",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains(杭州巡访测试有限公司)",
        },
        {
            content: "Open the visits",
            trigger: "button[name='action_view_visits']",
            run: "click",
        },
        {
            content: "Open the visit",
            trigger: ".o_view_controller.o_list_view .o_data_row .o_data_cell:contains(杭州巡访测试有限公司)",
            run: "click",
        },
        {
            content: "Record the outcome",
            trigger: ".o_field_widget[name='outcome'] textarea",
            run: "edit 客户同意试用新系统",
        },
        {
            content: "Complete the record",
            trigger: "button[name='action_done']",
            run: "click",
        },
        {
            content: "The visit is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
    ],
});
