import {registry} from "@web/core/registry";

// An account owner records a gift for a client's contact and submits it for
// approval (000/E-CR-14 赠送礼品预算申请表), in Chinese.
registry.category("web_tour.tours").add("cr_care_tour", {
    url: "/odoo/action-client_relations.cr_gift_action",
    steps: () => [
        {
            content: "New gift",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Client",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit 杭州云帆",
        },
        {
            content: "Pick the client",
            trigger: ".o-autocomplete--dropdown-item:contains('杭州云帆')",
            run: "click",
        },
        {
            content: "Recipient",
            trigger: ".o_field_widget[name='recipient_id'] input",
            run: "edit 周敏",
        },
        {
            content: "Pick the recipient",
            trigger: ".o-autocomplete--dropdown-item:contains('周敏')",
            run: "click",
        },
        {
            content: "What is offered",
            trigger: ".o_field_widget[name='description'] input",
            run: "edit 春节茶叶礼盒",
        },
        {
            content: "Its value",
            trigger: ".o_field_widget[name='value'] input",
            run: "edit 260",
        },
        {
            content: "Budget line",
            trigger: ".o_field_widget[name='budget_id'] input",
            run: "edit 客服部（测试）",
        },
        {
            content: "Pick the budget",
            trigger: ".o-autocomplete--dropdown-item:contains('客服部（测试）')",
            run: "click",
        },
        {
            content: "Submit for approval",
            trigger: "button[name='action_submit']",
            run: "click",
        },
        {
            content: "Submitted, waiting for the supervisor",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});
