import {registry} from "@web/core/registry";

// The account owner opens a client, sees its client file, requests a move into
// another tier; the provincial level (administrator) approves it (000/WF-CR-1,
// R-CR-06).
registry.category("web_tour.tours").add("cr_file_tour", {
    steps: () => [
        {
            content: "Open the client",
            trigger: ".o_data_row td:contains(巡回测试客户有限公司)",
            run: "click",
        },
        {
            content: "Open the client file tab",
            trigger: ".o_notebook a[name='cr_client_file']",
            run: "click",
        },
        {
            content: "The client file shows its completeness",
            trigger: ".o_field_widget[name='cr_file_completeness']",
        },
        {
            content: "Request a tier change",
            trigger: "button[name='action_cr_request_tier_change']",
            run: "click",
        },
        {
            content: "Choose the new tier",
            trigger: ".o_field_widget[name='to_tier_id'] input",
            run: "edit 钻石",
        },
        {
            content: "Pick Diamond",
            trigger: ".o-autocomplete--dropdown-item a:contains(钻石)",
            run: "click",
        },
        {
            content: "Diamond is chosen",
            trigger: ".o_field_widget[name='to_tier_id'] input:value(钻石)",
        },
        {
            content: "Give the reason",
            trigger: ".o_field_widget[name='reason'] textarea",
            run: "edit 省公司注册的上游大客户",
        },
        {
            content: "Save the request",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit for approval",
            trigger: ".o_form_saved button[name='action_submit']",
            run: "click",
        },
        {
            content: "Approve the tier",
            trigger: "button[name='action_approve']",
            run: "click",
        },
        {
            content: "The tier change is approved",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});
