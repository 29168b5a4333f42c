import { registry } from "@web/core/registry";

// The department head opens a matter, fills its intake review, submits it for
// contract review, approves the contract review, signs the contract and registers
// the matter (000/R-QT-05, 001/R-01).
function pick(field, text) {
    return [
        {
            content: `Choose ${text}`,
            trigger: `.o_field_widget[name='${field}'] input`,
            run: `edit ${text}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item a:contains(${text})`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("qt_prereview_tour", {
    url: "/odoo/action-quality_tracking.qt_matter_action/new",
    steps: () => [
        {
            content: "Name the matter",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Tour matter",
        },
        ...pick("category_id", "Tour category"),
        ...pick("partner_id", "Tour Client"),
        ...pick("department_id", "Tour Department"),
        ...[
            "intake_capacity_ok",
            "intake_integrity_ok",
            "intake_conflict_checked",
            "intake_competent_handler",
        ].map((field) => ({
            content: `Intake review: ${field}`,
            trigger: `.o_field_widget[name='${field}'] input`,
            run: "click",
        })),
        {
            content: "Submit for contract review",
            trigger: "button[name='action_submit_review']",
            run: "click",
        },
        {
            content: "Request the contract review",
            trigger: "button[name='action_new_contract_review']",
            run: "click",
        },
        ...["materials_result", "quality_result", "inspection_result"].map(
            (field) => ({
                content: `${field}: met`,
                trigger: `.o_field_widget[name='${field}'] input[data-value='met']`,
                run: "click",
            })
        ),
        {
            content: "The head approves",
            trigger: "button[name='action_approve']",
            run: "click",
        },
        {
            content: "The review is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
        {
            content: "Back to the matter",
            trigger: ".o_field_widget[name='matter_id'] a",
            run: "click",
        },
        {
            content: "Mark the contract signed",
            trigger: ".o_field_widget[name='contract_signed'] input",
            run: "click",
        },
        {
            content: "Register the matter",
            trigger: "button[name='action_register']",
            run: "click",
        },
        {
            content: "The matter is in progress",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='open']",
        },
    ],
});
