import {registry} from "@web/core/registry";

// Confirm a fatal defect with the stop-sale and the quarantine recorded, open the
// recall of the goods sold, add a customer and send the return notice.
registry.category("web_tour.tours").add("qt_recall_tour", {
    steps: () => [
        {
            content: "Open the containment page",
            trigger: ".o_notebook a[name='containment']",
            run: "click",
        },
        {
            content: "Record the stop-sale",
            trigger: ".o_field_widget[name='is_stop_sale'] input",
            run: "click",
        },
        {
            content: "Record the move to the nonconforming area",
            trigger: ".o_field_widget[name='is_quarantined'] input",
            run: "click",
        },
        {
            content: "Confirm the defect",
            trigger: "button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The defect is confirmed",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='confirmed']",
        },
        {
            content: "Open the recall of the goods sold",
            trigger: ".o_form_saved button[name='action_open_recall']",
            run: "click",
        },
        {
            content: "Add a customer who received the goods",
            trigger:
                ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Pick the customer",
            trigger:
                ".o_field_widget[name='line_ids'] .o_selected_row [name='partner_id'] input",
            run: "edit 巡回测试医院",
        },
        {
            content: "Select it",
            trigger: ".o-autocomplete--dropdown-item:contains(巡回测试医院)",
            run: "click",
        },
        {
            content: "Quantity delivered",
            trigger:
                ".o_field_widget[name='line_ids'] .o_selected_row [name='qty_delivered'] input",
            run: "edit 12",
        },
        {
            content: "Send the return notice",
            trigger: "button[name='action_send_notices']",
            run: "click",
        },
        {
            content: "The recall is notified",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='notified']",
        },
    ],
});
