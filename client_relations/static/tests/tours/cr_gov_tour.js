import {registry} from "@web/core/registry";

// The service level manager holds the annual SLA review meeting, records the
// satisfaction and the cost, and sends the minutes to every participant
// (003/W3, HR-D1-11..16).
registry.category("web_tour.tours").add("cr_gov_review_tour", {
    steps: () => [
        {
            content: "Load the inputs of the review",
            trigger: ".o_form_view button[name='action_load_inputs']",
            run: "click",
        },
        {
            content: "Hold the meeting",
            trigger: ".o_form_saved button[name='action_hold']",
            run: "click",
        },
        {
            content: "The meeting is held",
            trigger: ".o_form_saved button[name='action_send_minutes']",
        },
        {
            content: "Open the minutes page",
            trigger: ".o_notebook a[name='minutes']",
            run: "click",
        },
        {
            content: "Measure the satisfaction with the performance",
            trigger:
                ".o_field_widget[name='satisfaction'] input[data-value='satisfied']",
            run: "click",
        },
        {
            content: "Assess the potential cost",
            trigger: ".o_field_widget[name='cost_assessment'] textarea",
            run: "edit 每月增加值班成本约 6000 元",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Send the minutes to every participant",
            trigger: ".o_form_saved button[name='action_send_minutes']",
            run: "click",
        },
        {
            content: "The minutes are sent",
            trigger: ".o_form_saved .o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
    ],
});
