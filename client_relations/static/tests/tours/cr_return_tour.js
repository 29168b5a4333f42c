import {registry} from "@web/core/registry";

// Customer service opens a served project, generates its return visits (monthly
// in the first year after delivery, then quarterly), opens the first one and
// records it.
registry.category("web_tour.tours").add("cr_return_tour", {
    url: "/odoo/action-client_relations.action_cr_project",
    steps: () => [
        {
            content: "Open the project delivered on 15 January 2026",
            trigger: ".o_data_row .o_data_cell:contains(机房改造回访巡检项目)",
            run: "click",
        },
        {
            content: "Generate its return visits",
            trigger: ".o_form_view button[name='action_generate_return_visits']",
            run: "click",
        },
        {
            content: "Open the first return visit",
            trigger: ".o_list_view .o_data_row:first .o_data_cell",
            run: "click",
        },
        {
            content: "Write what the client said",
            trigger: ".o_field_widget[name='content'] textarea",
            run: "edit 客户反馈机房运行正常,空调温度稳定。",
        },
        {
            content: "Record the visit",
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "The visit is done: it can be printed",
            trigger: ".o_form_view button[name='action_print']",
        },
    ],
});
