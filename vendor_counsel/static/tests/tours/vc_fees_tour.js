import {registry} from "@web/core/registry";

// Finance schedules the first installment, sees the 40 % refusal, fixes the amount
// and requests the payment; the legal department and finance approve; finance pays.
registry.category("web_tour.tours").add("vc_fees_tour", {
    url: "/odoo/action-vendor_counsel.vc_payment_action/new",
    steps: () => [
        {
            content: "Choose the engagement",
            trigger: ".o_field_widget[name='engagement_id'] input",
            run: "edit 巡游",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains(巡游)",
            run: "click",
        },
        {
            content: "Plan it one month after the signature",
            trigger: ".o_field_widget[name='date_planned'] input",
            run: "edit 02/28/2026",
        },
        {
            content: "Ask for half the fee",
            trigger: ".o_field_widget[name='amount'] input",
            run: "edit 50000",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The 40 % rule refuses it",
            trigger: ".o_notification:contains(R-VC-05), .modal:contains(R-VC-05)",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary, .o_notification_close",
            run: "click",
        },
        {
            content: "Fix the amount to 40 %",
            trigger: ".o_field_widget[name='amount'] input",
            run: "edit 40000",
        },
        {
            content: "Save again",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Request the payment",
            trigger: ".o_form_saved button[name='action_submit']",
            run: "click",
        },
        {
            content: "The legal department validates",
            trigger: "button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Finance reviews next",
            trigger: ".o_field_widget[name='next_review']:contains(finance)",
        },
        {
            content: "Finance validates",
            trigger: "button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Mark as paid",
            trigger: "button[name='action_pay']",
            run: "click",
        },
        {
            content: "Paid",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Paid)",
        },
    ],
});
