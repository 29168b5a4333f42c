import {registry} from "@web/core/registry";

// A requester fills in and submits the request form (seeing its submit-by date),
// the legal department and the general counsel approve it, the legal department
// starts a selection, invites two panel firms, records their bids and scores,
// and awards the engagement after the leadership's approval.
registry.category("web_tour.tours").add("vc_requests_tour", {
    url: "/odoo/action-vendor_counsel.vc_request_action/new",
    steps: () => [
        {
            content: "Describe the matter",
            trigger: ".o_field_widget[name='description'] textarea",
            run: "edit 收购华东新能源公司股权的法律尽职调查",
        },
        {
            content: "Service needed from",
            trigger: ".o_field_widget[name='date_service_start'] input",
            run: "edit 03/31/2027",
        },
        {
            content: "Choose the scenario",
            trigger: ".o_field_widget[name='scenario_id'] input",
            run: "edit Major investment",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Major investment)",
            run: "click",
        },
        {
            content: "Choose the practice area",
            trigger: ".o_field_widget[name='practice_area_id'] input",
            run: "edit 并购巡检",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(并购巡检)",
            run: "click",
        },
        {
            content: "Expected fee above the threshold: open competition",
            trigger: ".o_field_widget[name='expected_fee'] input",
            run: "edit 300000",
        },
        {
            content: "Say why internal counsel cannot do it",
            trigger: ".o_field_widget[name='internal_first_reason'] textarea",
            run: "edit 跨境尽调工作量大，法务部无法单独完成。",
        },
        {
            content: "Save the request",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The form shows the latest submission date",
            trigger:
                ".o_form_saved .o_field_widget[name='date_submit_by']:contains(2027)",
        },
        {
            content: "Submit to the legal department",
            trigger: ".o_form_saved button[name='action_submit']",
            run: "click",
        },
        {
            content: "The legal department validates its tier",
            trigger: ".o_form_saved button[name='validate_tier']",
            run: "click",
        },
        {
            content: "The general counsel validates his tier",
            trigger: ".o_form_saved button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Approve the request",
            trigger: ".o_form_saved button[name='action_approve']",
            run: "click",
        },
        {
            content: "Start the selection",
            trigger: ".o_form_saved button[name='action_start_selection']",
            run: "click",
        },
        {
            content: "Propose the panel firms",
            trigger: ".o_form_saved button[name='action_propose_candidates']",
            run: "click",
        },
        {
            content: "Invite the first firm",
            trigger:
                ".o_field_widget[name='candidate_ids'] .o_data_row:nth-child(1) button[name='action_invite']",
            run: "click",
        },
        {
            content: "The first firm is invited",
            trigger:
                ".o_field_widget[name='candidate_ids'] .o_data_row:nth-child(1) td[name='state']:contains(Invited)",
        },
        {
            content: "Invite the second firm",
            trigger:
                ".o_field_widget[name='candidate_ids'] .o_data_row:nth-child(2) button[name='action_invite']",
            run: "click",
        },
        {
            content: "Both firms are invited",
            trigger:
                ".o_field_widget[name='candidate_ids']:not(:has(button[name='action_invite']))",
        },
        {
            content: "Close the invitations",
            trigger: ".o_form_saved button[name='action_send_invitations']",
            run: "click",
        },
        {
            content: "The invitations are closed",
            trigger: ".o_form_saved button[name='action_start_scoring']",
        },
        {
            content: "Enter the first quote",
            trigger:
                ".o_field_widget[name='candidate_ids'] .o_data_row:nth-child(1) td[name='quote_amount']",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='candidate_ids'] .o_data_row:nth-child(1).o_selected_row [name='quote_amount'] input",
            run: "edit 280000",
        },
        {
            content: "Save the row",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Enter the second quote",
            trigger:
                ".o_field_widget[name='candidate_ids'] .o_data_row:nth-child(2) td[name='quote_amount']",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='candidate_ids'] .o_data_row:nth-child(2).o_selected_row [name='quote_amount'] input",
            run: "edit 260000",
        },
        {
            content: "Save the quotes",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The second quote is saved",
            trigger:
                ".o_form_saved .o_field_widget[name='candidate_ids'] .o_data_row:nth-child(2) td[name='quote_amount']:contains(260,000)",
        },
        {
            content: "Record the first bid",
            trigger:
                ".o_form_saved .o_field_widget[name='candidate_ids'] .o_data_row:nth-child(1) button[name='action_record_bid']",
            run: "click",
        },
        {
            content: "The first bid is in",
            trigger:
                ".o_field_widget[name='candidate_ids'] .o_data_row:nth-child(1) td[name='state']:contains(Bid Received)",
        },
        {
            content: "Record the second bid",
            trigger:
                ".o_form_saved .o_field_widget[name='candidate_ids'] .o_data_row:nth-child(2) button[name='action_record_bid']",
            run: "click",
        },
        {
            content: "Both bids are in",
            trigger:
                ".o_field_widget[name='candidate_ids']:not(:has(button[name='action_record_bid']))",
        },
        {
            content: "Open the scoring page",
            trigger: ".o_notebook a[name='scoring']",
            run: "click",
        },
        {
            content: "Name the evaluator",
            trigger: ".o_field_widget[name='evaluator_ids'] input",
            run: "edit Admin",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Admin)",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Start the scoring",
            trigger: ".o_form_saved button[name='action_start_scoring']",
            run: "click",
        },
        {
            content: "The score sheet is ready",
            trigger: ".o_form_saved .o_field_widget[name='score_ids'] .o_data_row",
        },
        {
            content: "Score the first bidder",
            trigger:
                ".o_field_widget[name='score_ids'] .o_data_row:nth-child(1) td[name='score']",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='score_ids'] .o_data_row:nth-child(1).o_selected_row [name='score'] input",
            run: "edit 90",
        },
        {
            content: "Save the scores",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Back to the candidates",
            trigger: ".o_form_saved .o_notebook a[name='candidates']",
            run: "click",
        },
        {
            content: "Choose the best-scored firm",
            trigger:
                ".o_field_widget[name='candidate_ids'] .o_data_row:has(td[name='rank']:contains(1)) button[name='action_choose_winner']",
            run: "click",
        },
        {
            content: "The winner is chosen",
            trigger: ".o_form_saved button[name='action_request_award']",
        },
        {
            content: "Open the award page",
            trigger: ".o_notebook a[name='award']",
            run: "click",
        },
        {
            content: "Give the award's reason",
            trigger: ".o_field_widget[name='award_reason'] textarea",
            run: "edit 综合得分第一，报价合理。",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Propose the award to the leadership",
            trigger: ".o_form_saved button[name='action_request_award']",
            run: "click",
        },
        {
            content: "The leadership validates",
            trigger: ".o_form_saved button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Award",
            trigger: ".o_form_saved button[name='action_award']",
            run: "click",
        },
        {
            content: "Create the engagement",
            trigger: ".o_form_saved button[name='action_create_engagement']",
            run: "click",
        },
        {
            content: "The draft engagement opens",
            trigger: ".o_form_view .o_field_widget[name='firm_id']",
        },
    ],
});
