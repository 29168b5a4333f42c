import {registry} from "@web/core/registry";

// The quality manager opens the quarter's adverse event report, enters the local
// regulator and the submission reference, and submits it (000/R-QT-19, 001/QT-14).
registry.category("web_tour.tours").add("qt_adverse_event_batch_tour", {
    steps: () => [
        {
            content: "Open the quarter's report",
            trigger: ".o_list_view .o_data_row td[name='name']:contains(2026 Q1)",
            run: "click",
        },
        {
            content: "Its event is listed",
            trigger: ".o_field_widget[name='event_ids'] .o_data_row",
        },
        {
            content: "Enter the local regulator",
            trigger: ".o_field_widget[name='authority_id'] input",
            run: "edit Tour Regulator",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour Regulator)",
            run: "click",
        },
        {
            content: "Enter the submission reference",
            trigger: ".o_field_widget[name='submission_ref'] input",
            run: "edit TOUR-2026-Q1",
        },
        {
            content: "Submit",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});
