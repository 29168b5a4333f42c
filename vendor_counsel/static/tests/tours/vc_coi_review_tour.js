import {registry} from "@web/core/registry";

// Compliance sends a declared conflict to the audit committee, which decides
// "eliminate within 15 days"; the feedback goes to the declarant, the
// remediation is verified and the form archived (002 W1 steps 4-11).
registry.category("web_tour.tours").add("vc_coi_review_tour", {
    steps: () => [
        {
            content: "Send the review to the audit committee",
            trigger: ".o_form_view button[name='action_to_decision']",
            run: "click",
        },
        {
            content: "The review awaits the committee's decision",
            trigger: ".o_form_saved button[name='action_decide']",
        },
        {
            content: "Open the decision page",
            trigger: ".o_notebook a[name='decision']",
            run: "click",
        },
        {
            content: "The committee decides: eliminate within N days",
            trigger:
                ".o_form_saved .o_field_widget[name='decision_option'] input[data-value='eliminate']",
            run: "click",
        },
        {
            content: "Within 15 days",
            trigger: ".o_field_widget[name='elimination_days'] input",
            run: "edit 15",
        },
        {
            content: "Save the decision",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Decide",
            trigger: ".o_form_saved button[name='action_decide']",
            run: "click",
        },
        {
            content: "Send the feedback to the declarant",
            trigger: ".o_form_saved button[name='action_send_feedback']",
            run: "click",
        },
        {
            content: "Start the remediation",
            trigger: ".o_form_saved button[name='action_start_remediation']",
            run: "click",
        },
        {
            content: "Open the remediation page",
            trigger: ".o_form_saved .o_notebook a[name='remediation']",
            run: "click",
        },
        {
            content: "Record the evidence",
            trigger: ".o_field_widget[name='remediation_evidence'] textarea",
            run: "edit 已将所持股权全部转让",
        },
        {
            content: "Save the evidence",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Verify the remediation",
            trigger: ".o_form_saved button[name='action_verify_remediation']",
            run: "click",
        },
        {
            content: "Archive the form",
            trigger: ".o_form_saved button[name='action_archive_review']",
            run: "click",
        },
        {
            content: "The review is archived",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='archived']",
        },
    ],
});
