import {registry} from "@web/core/registry";

// The desk receives a complaint by phone, registers it, dispatches it to the
// second line, records the decision, answers in writing and closes it once the
// client confirms (003/HR-D3-1, HR-D10-6).
registry.category("web_tour.tours").add("cr_desk_tour", {
    url: "/odoo/action-client_relations.cr_request_action_complaints/new",
    steps: () => [
        {
            content: "The complaint's subject",
            trigger: ".o_field_widget[name='subject'] input",
            run: "edit 巡检工程师服务态度生硬",
        },
        {
            content: "The client",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit 华信巡检",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(华信巡检)",
            run: "click",
        },
        {
            content: "The caller",
            trigger: ".o_field_widget[name='contact_name'] input",
            run: "edit 王建国",
        },
        {
            content: "The caller's phone, read back",
            trigger: ".o_field_widget[name='contact_phone'] input",
            run: "edit 13800138000",
        },
        {
            content: "What the client says",
            trigger: ".o_field_widget[name='description'] .odoo-editor-editable",
            run: "editor 客户来电反映巡检工程师在现场说话生硬、不耐烦。",
        },
        {
            content: "A complaint about the service",
            trigger: ".o_notebook_headers a[name='complaint']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='complaint_object'] .o_select_menu_toggler",
            run: "click",
        },
        {
            content: "About the service quality",
            trigger:
                ".o_field_selection_menu .o_select_menu_item:contains('Service Quality'):visible",
            run: "click",
        },
        {
            content: "The object is chosen and its menu closed",
            trigger:
                "body:not(:has(.o_field_selection_menu)) .o_field_widget[name='complaint_object'] input:value('Service Quality')",
        },
        {
            content: "About the attitude",
            trigger:
                ".o_field_widget[name='complaint_category'] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger:
                ".o_field_selection_menu .o_select_menu_item:contains('Service Attitude'):visible",
            run: "click",
        },
        {
            content: "The category is chosen",
            trigger:
                "body:not(:has(.o_field_selection_menu)) .o_field_widget[name='complaint_category'] input:value('Service Attitude')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Register the complaint",
            trigger: ".o_form_saved button[name='action_register']",
            run: "click",
        },
        {
            content: "Dispatch it to the second line",
            trigger: ".o_field_widget[name='team_id'] input",
            run: "edit 二线巡检组",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(二线巡检组)",
            run: "click",
        },
        {
            content: "The team is chosen",
            trigger: ".o_field_widget[name='team_id'] input:value(二线巡检组)",
        },
        {
            trigger: "button[name='action_dispatch']",
            run: "click",
        },
        {
            content: "The decision",
            trigger: ".o_form_saved button[name='action_decide']",
        },
        {
            trigger: ".o_notebook_headers a[name='decision']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='decision'] textarea",
            run: "edit 对工程师进行服务礼仪培训并书面致歉。",
        },
        {
            trigger: "button[name='action_decide']",
            run: "click",
        },
        {
            content: "The written reply",
            trigger:
                ".o_form_saved .o_field_widget[name='reply_text'] .odoo-editor-editable",
            run: "editor 尊敬的客户：我们已对工程师进行培训，再次致歉。",
        },
        {
            trigger: "button[name='action_resolve']",
            run: "click",
        },
        {
            content: "The client confirms",
            trigger: ".o_form_saved button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Close",
            trigger: ".o_form_saved button[name='action_close']",
            run: "click",
        },
        {
            content: "Closed and archived in the year's case file",
            trigger:
                ".o_form_saved .o_field_widget[name='archive_year'] span:contains(20)",
        },
    ],
});
