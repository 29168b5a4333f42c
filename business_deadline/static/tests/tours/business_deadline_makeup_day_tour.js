import { registry } from "@web/core/registry";

// Deadlines › Configuration › Make-up Working Days: New gives an editable row; the
// hours follow the calendar once it is chosen; the row saves.
registry.category("web_tour.tours").add("business_deadline_makeup_day_tour", {
    url: "/odoo/action-business_deadline.business_deadline_makeup_day_action",
    steps: () => [
        {
            content: "Create a make-up working day from the list",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the working schedule",
            trigger: ".o_selected_row .o_field_widget[name='calendar_id'] input",
            run: "edit Tour schedule",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour schedule)",
            run: "click",
        },
        {
            content: "The hours of the regular working day are filled in",
            trigger: ".o_selected_row .o_field_widget[name='hour_to'] input:value(17:00)",
        },
        {
            content: "Set the date: Saturday 7 March 2026",
            trigger: ".o_selected_row .o_field_widget[name='date'] input",
            run: "edit 03/07/2026",
        },
        {
            content: "Give the reason",
            trigger: ".o_selected_row .o_field_widget[name='name'] input",
            run: "edit Tour make-up day",
        },
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "The saved row shows the make-up day",
            trigger: ".o_data_row:not(.o_selected_row):contains(Tour make-up day):contains(17:00)",
        },
    ],
});
