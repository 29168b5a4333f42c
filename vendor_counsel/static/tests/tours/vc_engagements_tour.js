import {registry} from "@web/core/registry";

// The legal department records an engagement, sees the missing contract elements,
// completes them, has it reviewed and approved, signs it, files it and prints the
// filing form.
function text(name, value) {
    return {
        content: `Enter ${name}`,
        trigger: `.o_field_widget[name='${name}'] textarea`,
        run: `edit ${value}`,
    };
}

function date(name, value) {
    return [
        {
            content: `Enter ${name}`,
            trigger: `.o_field_widget[name='${name}'] input`,
            run: `edit ${value} && press Enter`,
        },
    ];
}

registry.category("web_tour.tours").add("vc_engagements_tour", {
    url: "/odoo/action-vendor_counsel.vc_engagement_action/new",
    steps: () => [
        {
            content: "Choose the law firm",
            trigger: ".o_field_widget[name='firm_id'] input",
            run: "edit 恒信巡检",
        },
        {
            content: "Pick it",
            trigger:
                ".o-autocomplete--dropdown-item a:contains(北京市恒信巡检律师事务所)",
            run: "click",
        },
        text("subject", "收购项目法律尽职调查"),
        {
            content: "Save the draft",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The missing contract elements are listed",
            trigger: ".o_form_saved .alert-warning:contains(Dispute resolution)",
        },
        {
            content: "Add the lawyer",
            trigger: ".o_field_widget[name='lawyer_ids'] input",
            run: "edit 周律师",
        },
        {
            content: "Pick the lawyer",
            trigger: ".o-autocomplete--dropdown-item a:contains(周律师)",
            run: "click",
        },
        ...date("date_start", "10/01/2026"),
        ...date("date_end", "12/31/2026"),
        {
            content: "Enter the fee",
            trigger: ".o_field_widget[name='fee_amount'] input",
            run: "edit 20000",
        },
        text("duties", "负责收购项目的法律尽职调查"),
        text("service_method", "现场办公与书面报告"),
        text("payment_method", "签约后一次性银行转账"),
        text("assessment_method", "法律事务部年度评价"),
        text("acceptance_method", "使用单位验收尽职调查报告"),
        text("confidentiality_clause", "对公司信息严格保密"),
        text("breach_liability", "赔偿损失并扣减律师费"),
        text("dispute_resolution", "提交北京仲裁委员会仲裁"),
        {
            content: "Signatory: the legal representative",
            trigger:
                ".o_field_widget[name='signatory_kind'] input[data-value='legal_rep']",
            run: "click",
        },
        {
            content: "Signatory's name",
            trigger: ".o_field_widget[name='signatory_name'] input",
            run: "edit 王董事长",
        },
        {
            content: "Save the elements",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Every element is present",
            trigger: ".o_form_saved:not(:has(.alert-warning))",
        },
        {
            content: "Submit to legal review",
            trigger: ".o_form_saved button[name='action_submit_review']",
            run: "click",
        },
        {
            content: "The engagement is in legal review",
            trigger: ".o_form_saved button[name='action_legal_validate']",
        },
        {
            content: "Open the legal review",
            trigger: ".o_notebook a[name='legal_review']",
            run: "click",
        },
        {
            content: "Legality",
            trigger: ".o_field_widget[name='review_legality'] input",
            run: "click",
        },
        {
            content: "Rigor",
            trigger: ".o_field_widget[name='review_rigor'] input",
            run: "click",
        },
        {
            content: "Feasibility",
            trigger: ".o_field_widget[name='review_feasibility'] input",
            run: "click",
        },
        {
            content: "Save the review",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The review is saved",
            trigger:
                ".o_form_saved .o_field_widget[name='review_feasibility'] input:checked",
        },
        {
            content: "Request the approval",
            trigger: ".o_form_saved button[name='request_validation']",
            run: "click",
        },
        {
            content: "The general manager (here the administrator) approves",
            trigger: ".o_form_saved button[name='validate_tier']",
            run: "click",
        },
        {
            content: "The approval is complete",
            trigger: ".o_form_saved .alert-success .fa-thumbs-up",
        },
        ...date("date_signed", "09/29/2026"),
        {
            content: "Save the signing date",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The signing date is saved",
            trigger:
                ".o_form_view:not(:has(.o_form_status_indicator_buttons:not(.invisible)))",
        },
        {
            content: "Sign",
            trigger: ".o_form_view button[name='action_sign']",
            run: "click",
        },
        {
            content: "The engagement is signed",
            trigger: ".o_form_view button[name='action_activate']",
        },
        {
            content: "Create the filing",
            trigger: ".o_form_view button[name='action_create_filing']",
            run: "click",
        },
        {
            content: "Submit the filing",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "The filing is submitted",
            trigger: ".o_form_view button[name='action_accept']",
        },
        {
            content: "Open the actions menu",
            trigger: ".o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Print the filing form",
            trigger:
                ".dropdown-menu .o-dropdown-item:contains(Outside Counsel Filing Form)",
            run: "click",
        },
    ],
});
