import { registry } from "@web/core/registry";

// Supervision › Spot Checks: record an unannounced spot check of a service window
// with its four scores; then Supervision › Monthly Rankings: generate this month's
// ranking from the done checks and confirm it.
registry.category("web_tour.tours").add("qt_supervision_tour", {
    url: "/odoo/action-quality_tracking.qt_spot_check_action",
    steps: () => [
        {
            content: "Create a spot check",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the supervised unit",
            trigger: ".o_field_widget[name='unit_id'] input",
            run: "edit Tour Window",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour Window)",
            run: "click",
        },
        {
            content: "Name the inspector",
            trigger: ".o_field_widget[name='inspector_ids'] input",
            run: "edit Tour Inspector",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour Inspector)",
            run: "click",
        },
        {
            content: "Score morale and appearance",
            trigger: ".o_field_widget[name='score_spirit'] input",
            run: "edit 9",
        },
        {
            content: "Score service quality",
            trigger: ".o_field_widget[name='score_service'] input",
            run: "edit 8",
        },
        {
            content: "Score work status",
            trigger: ".o_field_widget[name='score_status'] input",
            run: "edit 9",
        },
        {
            content: "Score work efficiency",
            trigger: ".o_field_widget[name='score_efficiency'] input",
            run: "edit 10",
        },
        {
            content: "Record the check",
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "The check is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
        {
            content: "Open the Supervision menu",
            trigger:
                "button[data-menu-xmlid='quality_tracking.quality_tracking_menu_supervision']",
            run: "click",
        },
        {
            content: "Open the monthly rankings",
            trigger: "a[data-menu-xmlid='quality_tracking.qt_ranking_menu']",
            run: "click",
        },
        {
            content: "Create this month's ranking",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Generate it from the month's spot checks",
            trigger: ".o_form_view button[name='action_generate']",
            run: "click",
        },
        {
            content: "The unit is ranked first",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains(Tour Window)",
        },
        {
            content: "Confirm the ranking",
            trigger: ".o_form_view button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The ranking is confirmed",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='confirmed']",
        },
    ],
});
