import {registry} from "@web/core/registry";

// A department head runs the department's same-type evaluation: opens it, adds a
// matter already handled, scores it on the five criteria, marks it excellent and
// closes the evaluation; the case then appears in the firm-wide evaluation
// (000/WF-QT-4, R-QT-11, R-QT-12).
registry.category("web_tour.tours").add("qt_evaluation_tour", {
    steps: () => [
        {
            content: "Open the department's evaluation",
            trigger: ".o_kanban_record:contains(Tour Department)",
            run: "click",
        },
        {
            content: "Open it for entries",
            trigger: ".o_form_view button[name='action_open']",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='open']",
        },
        {
            content: "Add an entry",
            trigger: ".o_field_widget[name='entry_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the matter already handled",
            trigger:
                ".o_field_widget[name='entry_ids'] .o_selected_row .o_field_widget[name='matter_id'] input",
            run: "edit Tour matter",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour matter)",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Start the scoring",
            trigger: ".o_form_view button[name='action_start_scoring']",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='scoring']",
        },
        {
            content: "Go to the scores",
            trigger: ".o_notebook .nav-link[name='scores']",
            run: "click",
        },
        {
            content: "Score the entry",
            trigger: ".o_field_widget[name='score_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='score_ids'] .o_selected_row .o_field_widget[name='entry_id'] input",
            run: "edit Tour matter",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour matter)",
            run: "click",
        },
        ...[
            "score_skill",
            "score_ethics",
            "score_files",
            "score_satisfaction",
            "score_influence",
        ].map((name) => ({
            content: `Score ${name}`,
            trigger: `.o_field_widget[name='score_ids'] .o_selected_row .o_field_widget[name='${name}'] input`,
            run: "edit 90",
        })),
        {
            content: "Save the scores",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Back to the entries",
            trigger: ".o_notebook .nav-link[name='entries']",
            run: "click",
        },
        {
            content: "The entry shows its total",
            trigger:
                ".o_field_widget[name='entry_ids'] .o_data_row td[name='total']:contains(90)",
        },
        {
            content: "Edit the entry",
            trigger: ".o_field_widget[name='entry_ids'] .o_data_row td[name='total']",
            run: "click",
        },
        {
            content: "Mark it excellent",
            trigger:
                ".o_field_widget[name='entry_ids'] .o_selected_row .o_field_widget[name='is_excellent'] input",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='entry_ids'] .o_field_widget[name='is_excellent'] input:checked",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Close and publish",
            trigger: ".o_form_view button[name='action_close']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='closed']",
        },
        {
            content: "Open the firm-wide evaluations the case entered",
            trigger: ".o_form_view button[name='action_view_firm_wide_evaluations']",
            run: "click",
        },
        {
            // the evaluations' list (its Type column), not the entries of the form
            // being left behind
            trigger: ".o_list_view .o_data_row:first .o_data_cell[name='kind']",
            run: "click",
        },
        {
            content: "The excellent case is an entry of the firm-wide evaluation",
            trigger:
                ".o_field_widget[name='entry_ids'] .o_data_row:contains(Tour matter)",
        },
    ],
});
