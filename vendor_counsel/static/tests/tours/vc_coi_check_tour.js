import {registry} from "@web/core/registry";

// Compliance checks a typed counterparty name from the menu and sees the ranked
// matches: the declared holding first.
registry.category("web_tour.tours").add("vc_coi_check_tour", {
    url: "/odoo/action-vendor_counsel.vc_coi_check_action",
    steps: () => [
        {
            content: "Open the conflicts of interest menu",
            trigger: ".o_menu_sections button:contains('Conflicts of Interest')",
            run: "click",
        },
        {
            content: "Check a name",
            trigger: ".dropdown-item:contains('Check a Name')",
            run: "click",
        },
        {
            content: "Type the counterparty",
            trigger: ".o_field_widget[name='query_names'] textarea",
            run: "edit 上海恒通实业股份有限公司",
        },
        {
            content: "Run the check",
            trigger: "button[name='action_run']",
            run: "click",
        },
        {
            content: "A possible conflict",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Possible Conflict')",
        },
        {
            content: "The declared holding is the first match, normalised",
            trigger:
                ".o_field_widget[name='match_ids'] .o_data_row:first-child:contains('上海恒通实业有限公司'):contains('Normalised')",
        },
    ],
});
