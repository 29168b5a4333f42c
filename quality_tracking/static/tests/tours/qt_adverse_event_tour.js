import {registry} from "@web/core/registry";

// Report an adverse event, classify it (serious: hospitalisation), start the
// investigation and record the submission to the local regulator.
registry.category("web_tour.tours").add("qt_adverse_event_tour", {
    url: "/odoo/action-quality_tracking.qt_adverse_event_action/new",
    steps: () => [
        {
            content: "Pick the device",
            trigger: ".o_field_widget[name='product_id'] input",
            run: "edit 巡航输液泵",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(巡航输液泵)",
            run: "click",
        },
        {
            content: "Its lot",
            trigger: ".o_field_widget[name='lot_ref'] input",
            run: "edit TOUR-LOT-1",
        },
        {
            content: "Open the event page",
            trigger: ".o_notebook a[name='event']",
            run: "click",
        },
        {
            content: "Classify: it caused a hospitalisation",
            trigger: ".o_field_widget[name='is_criterion_hospitalisation'] input",
            run: "click",
        },
        {
            content: "Save the report",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The 72-hour route applies",
            trigger:
                ".o_form_saved .o_field_widget[name='route_serious'] input:checked",
        },
        {
            content: "Start the investigation",
            trigger: ".o_form_saved button[name='action_investigate']",
            run: "click",
        },
        {
            content: "The event is investigated",
            trigger: ".o_form_saved .o_field_widget[name='date_internal_report'] input",
        },
        {
            content: "Open the submissions",
            trigger: ".o_notebook a[name='submissions']",
            run: "click",
        },
        {
            content: "Record a submission",
            trigger:
                ".o_field_widget[name='submission_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Route: serious, not in the instructions",
            trigger: ".modal .o_field_widget[name='route'] input[data-value='serious']",
            run: "click",
        },
        {
            content: "Authority: the local regulator",
            trigger:
                ".modal .o_field_widget[name='authority'] input[data-value='local_regulator']",
            run: "click",
        },
        {
            content: "The regulator's reference",
            trigger: ".modal .o_field_widget[name='reference'] input",
            run: "edit JS-TOUR-001",
        },
        {
            content: "Save the submission",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The submission is listed",
            trigger:
                ".o_field_widget[name='submission_ids'] .o_data_row td:contains(JS-TOUR-001)",
        },
        {
            content: "Save the event",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
