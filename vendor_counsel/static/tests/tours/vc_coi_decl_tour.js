import {registry} from "@web/core/registry";

// A director opens My Declarations, declares a listed holding bought on the market,
// ticks the acknowledgement and signs and submits the annual declaration.
registry.category("web_tour.tours").add("vc_coi_decl_tour", {
    url: "/odoo/action-vendor_counsel.vc_coi_declaration_action_mine",
    steps: () => [
        {
            content: "Open the annual declaration to fill in",
            trigger: ".o_data_row td[name='declarant_id']",
            run: "click",
        },
        {
            content: "Add an interest",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "It is a holding",
            trigger:
                ".modal .o_field_widget[name='kind'] .o_selection_badge:contains('Holding')",
            run: "click",
        },
        {
            content: "The holding's share can now be given",
            trigger:
                ".modal .o_field_widget[name='kind'] .o_selection_badge.active:contains('Holding')",
        },
        {
            content: "In which company",
            trigger: ".modal .o_field_widget[name='counterparty_name'] input",
            run: "edit 华宇信息技术股份有限公司",
        },
        {
            content: "What share",
            trigger: ".modal .o_field_widget[name='holding_pct'] input",
            run: "edit 4.99",
        },
        {
            content: "Bought on the securities market",
            trigger: ".modal .o_field_widget[name='via_securities_market'] input",
            run: "click",
        },
        {
            content: "Keep the interest",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The interest is listed",
            trigger:
                ".o_field_widget[name='line_ids'] .o_data_row td[name='counterparty_name']:contains('华宇')",
        },
        {
            content: "Open the signature page",
            trigger: ".o_notebook a[name='signature']",
            run: "click",
        },
        {
            content: "Acknowledge the duty to declare",
            trigger: ".o_field_widget[name='acknowledgement'] input",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Sign and submit",
            trigger: ".o_form_saved button[name='action_submit']",
            run: "click",
        },
        {
            content: "The declaration is signed",
            trigger: ".o_form_saved .o_field_widget[name='signed_by_id']:not(:empty)",
        },
    ],
});

// The compliance officer finds the submitted declaration among all declarations.
registry.category("web_tour.tours").add("vc_coi_decl_compliance_tour", {
    url: "/odoo/action-vendor_counsel.vc_coi_declaration_action",
    steps: () => [
        {
            content: "The director's declaration is submitted",
            trigger:
                ".o_data_row:contains('Tour Director') td[name='state']:contains('Submitted')",
            run: "click",
        },
        {
            content: "The holding is exempt",
            trigger:
                ".o_field_widget[name='line_ids'] .o_data_row td[name='is_exempt'] input:checked",
        },
    ],
});
