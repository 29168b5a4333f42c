import {registry} from "@web/core/registry";

// (a) The legal department creates an evaluation of an engagement and invites two
// evaluators (000/E-VC-9).
registry.category("web_tour.tours").add("vc_evaluation_create_tour", {
    steps: () => [
        {
            content: "New evaluation",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the engagement",
            trigger: ".o_field_widget[name='engagement_id'] input",
            run: "edit TOUR-ENG",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(TOUR-ENG)",
            run: "click",
        },
        {
            content: "The firm follows the engagement",
            trigger: ".o_field_widget[name='firm_id'] input:value(评价测试律师事务所)",
        },
        ...["评价人甲", "评价人乙"].flatMap((name, index) => [
            {
                content: `Invite ${name}`,
                trigger:
                    ".o_field_widget[name='evaluator_ids'] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                trigger: `.o_field_widget[name='evaluator_ids'] .o_data_row:nth-child(${index + 1}).o_selected_row .o_field_widget[name='user_id'] input`,
                run: `edit ${name}`,
            },
            {
                trigger: `.o-autocomplete--dropdown-item a:contains(${name})`,
                run: "click",
            },
        ]),
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Invite the evaluators",
            trigger: ".o_form_view button[name='action_start_scoring']",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='scoring']",
        },
    ],
});

// (a) An evaluator opens their scorecard from "My Scorecards", scores every
// criterion and submits.
registry.category("web_tour.tours").add("vc_evaluation_score_tour", {
    steps: () => [
        {
            content: "Open my scorecard",
            trigger: ".o_list_view .o_data_row .o_data_cell[name='evaluation_id']",
            run: "click",
        },
        ...[1, 2].flatMap((row) => [
            {
                content: `Score criterion ${row}`,
                trigger: `.o_field_widget[name='line_ids'] .o_data_row:nth-child(${row}) td[name='score']`,
                run: "click",
            },
            {
                trigger: `.o_field_widget[name='line_ids'] .o_data_row:nth-child(${row}).o_selected_row .o_field_widget[name='score'] input`,
                run: "edit 90",
            },
        ]),
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit the scorecard",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// (a) The legal department closes the evaluation and sees the outcome.
registry.category("web_tour.tours").add("vc_evaluation_close_tour", {
    steps: () => [
        {
            content: "Open the evaluation",
            trigger: ".o_list_view .o_data_row .o_data_cell[name='firm_id']",
            run: "click",
        },
        {
            content: "Close it",
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
                ".o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
        {
            content: "The outcome: renewal proposed",
            trigger: ".o_form_view .ribbon .text-bg-success",
        },
    ],
});
