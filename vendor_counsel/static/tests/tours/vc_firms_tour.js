import {registry} from "@web/core/registry";

// The legal department opens a law firm, sees it eligible, records a penalty and
// sees it become not eligible (000/R-VC-02); then approves a submitted panel.
registry.category("web_tour.tours").add("vc_firms_tour", {
    steps: () => [
        {
            content: "Open the firm",
            trigger: ".o_data_row td:contains(巡回测试律师事务所)",
            run: "click",
        },
        {
            content: "Open the outside counsel tab",
            trigger: ".o_notebook a[name='vc_outside_counsel']",
            run: "click",
        },
        {
            content: "The firm is eligible",
            trigger: ".o_field_widget[name='vc_eligibility_state'] span:text(Eligible)",
        },
        {
            content: "Add a penalty",
            trigger:
                ".o_field_widget[name='vc_penalty_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Describe it",
            trigger:
                ".o_field_widget[name='vc_penalty_ids'] .o_selected_row [name='description'] textarea",
            run: "edit 违规收费，行业处分",
        },
        {
            content: "Save the firm",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The firm is not eligible any more",
            trigger:
                ".o_form_saved .o_field_widget[name='vc_eligibility_state'] span:text(Not Eligible)",
        },
        {
            content: "The breach names its rule",
            trigger:
                ".o_field_widget[name='vc_eligibility_breaches']:contains(R-VC-02)",
        },
        {
            content: "Open the Law Firms section",
            trigger: ".o_menu_sections button:contains(Law Firms)",
            run: "click",
        },
        {
            content: "Open the panels",
            trigger: ".dropdown-item:contains(Panels)",
            run: "click",
        },
        {
            content: "Open the submitted panel",
            trigger: ".o_data_row td:contains(巡回测试名单)",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: "button[name='action_approve']",
            run: "click",
        },
        {
            content: "The panel is approved",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});
