from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vc_unit_kind = fields.Selection(related="company_id.vc_unit_kind", readonly=False)

    # --- vc_firms
    vc_firm_min_age_years = fields.Integer(
        related="company_id.vc_firm_min_age_years", readonly=False
    )
    vc_penalty_window_years = fields.Integer(
        related="company_id.vc_penalty_window_years", readonly=False
    )
    vc_retained_min_practice_years = fields.Integer(
        related="company_id.vc_retained_min_practice_years", readonly=False
    )
    vc_inspection_notice_days = fields.Integer(
        related="company_id.vc_inspection_notice_days", readonly=False
    )
    vc_panel_review_notice_days = fields.Integer(
        related="company_id.vc_panel_review_notice_days", readonly=False
    )
    vc_level_firm_age = fields.Selection(
        related="company_id.vc_level_firm_age", readonly=False
    )
    vc_level_penalty = fields.Selection(
        related="company_id.vc_level_penalty", readonly=False
    )
    vc_level_practice_years = fields.Selection(
        related="company_id.vc_level_practice_years", readonly=False
    )
    vc_level_inspection = fields.Selection(
        related="company_id.vc_level_inspection", readonly=False
    )
    vc_level_panel = fields.Selection(
        related="company_id.vc_level_panel", readonly=False
    )
    vc_level_legal_qualification = fields.Selection(
        related="company_id.vc_level_legal_qualification", readonly=False
    )
    vc_counsel_manager_id = fields.Many2one(
        related="company_id.vc_counsel_manager_id", readonly=False
    )

    # --- vc_requests
    vc_company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Outside Counsel Currency"
    )
    vc_request_lead_days = fields.Integer(
        related="company_id.vc_request_lead_days", readonly=False
    )
    vc_request_late_policy = fields.Selection(
        related="company_id.vc_request_late_policy", readonly=False
    )
    vc_open_subject_threshold = fields.Monetary(
        related="company_id.vc_open_subject_threshold",
        currency_field="vc_company_currency_id",
        readonly=False,
    )
    vc_open_fee_threshold = fields.Monetary(
        related="company_id.vc_open_fee_threshold",
        currency_field="vc_company_currency_id",
        readonly=False,
    )
    vc_open_min_invited = fields.Integer(
        related="company_id.vc_open_min_invited", readonly=False
    )
    vc_retained_min_considered = fields.Integer(
        related="company_id.vc_retained_min_considered", readonly=False
    )
    vc_retained_shortlist_min = fields.Integer(
        related="company_id.vc_retained_shortlist_min", readonly=False
    )
    vc_retained_shortlist_max = fields.Integer(
        related="company_id.vc_retained_shortlist_max", readonly=False
    )
    vc_score_max = fields.Float(related="company_id.vc_score_max", readonly=False)
    vc_executive_user_id = fields.Many2one(
        related="company_id.vc_executive_user_id", readonly=False
    )

    # --- vc_engagements
    vc_retained_term_months = fields.Integer(
        related="company_id.vc_retained_term_months", readonly=False
    )
    vc_filing_working_days = fields.Integer(
        related="company_id.vc_filing_working_days", readonly=False
    )
    vc_filing_required_parent = fields.Boolean(
        related="company_id.vc_filing_required_parent", readonly=False
    )
    vc_renewal_notice_days = fields.Integer(
        related="company_id.vc_renewal_notice_days", readonly=False
    )
    vc_chairman_threshold = fields.Monetary(
        related="company_id.vc_chairman_threshold",
        readonly=False,
        currency_field="vc_company_currency_id",
    )
    vc_company_assets = fields.Monetary(
        related="company_id.vc_company_assets",
        readonly=False,
        currency_field="vc_company_currency_id",
    )
    vc_board_asset_divisor = fields.Integer(
        related="company_id.vc_board_asset_divisor", readonly=False
    )
    vc_gm_user_id = fields.Many2one(related="company_id.vc_gm_user_id", readonly=False)
    vc_chairman_user_id = fields.Many2one(
        related="company_id.vc_chairman_user_id", readonly=False
    )
    vc_board_user_id = fields.Many2one(
        related="company_id.vc_board_user_id", readonly=False
    )
    vc_archive_custodian_id = fields.Many2one(
        related="company_id.vc_archive_custodian_id", readonly=False
    )
    vc_archive_location = fields.Char(
        related="company_id.vc_archive_location", readonly=False
    )
    vc_selfcheck_months = fields.Integer(
        related="company_id.vc_selfcheck_months", readonly=False
    )

    # --- vc_fees
    vc_first_payment_max_percent = fields.Float(
        related="company_id.vc_first_payment_max_percent", readonly=False
    )
    vc_first_payment_min_months = fields.Integer(
        related="company_id.vc_first_payment_min_months", readonly=False
    )
    vc_payment_gc_threshold = fields.Float(
        related="company_id.vc_payment_gc_threshold", readonly=False
    )
    vc_payment_reminder_days = fields.Integer(
        related="company_id.vc_payment_reminder_days", readonly=False
    )

    # --- vc_evaluations
    vc_eval_score_max = fields.Integer(
        related="company_id.vc_eval_score_max", readonly=False
    )
    vc_eval_min_evaluators = fields.Integer(
        related="company_id.vc_eval_min_evaluators", readonly=False
    )
    vc_eval_renew_threshold = fields.Float(
        related="company_id.vc_eval_renew_threshold", readonly=False
    )
    vc_eval_warn_threshold = fields.Float(
        related="company_id.vc_eval_warn_threshold", readonly=False
    )
    vc_eval_block_threshold = fields.Float(
        related="company_id.vc_eval_block_threshold", readonly=False
    )
    vc_eval_interval_months = fields.Integer(
        related="company_id.vc_eval_interval_months", readonly=False
    )
    vc_eval_renewal_days = fields.Integer(
        related="company_id.vc_eval_renewal_days", readonly=False
    )
    vc_eval_create_filing = fields.Boolean(
        related="company_id.vc_eval_create_filing", readonly=False
    )

    # --- vc_coi_decl
    vc_coi_holding_exempt_pct = fields.Float(
        related="company_id.vc_coi_holding_exempt_pct", readonly=False
    )
    vc_coi_annual_window_days = fields.Integer(
        related="company_id.vc_coi_annual_window_days", readonly=False
    )
    vc_coi_event_days = fields.Integer(
        related="company_id.vc_coi_event_days", readonly=False
    )
    vc_coi_promulgation_date = fields.Date(
        related="company_id.vc_coi_promulgation_date", readonly=False
    )
    vc_coi_transitional_amount = fields.Integer(
        related="company_id.vc_coi_transitional_amount", readonly=False
    )
    vc_coi_transitional_unit = fields.Selection(
        related="company_id.vc_coi_transitional_unit", readonly=False
    )

    # --- vc_coi_review
    vc_coi_statement_on_appointment = fields.Boolean(
        related="company_id.vc_coi_statement_on_appointment", readonly=False
    )
    vc_coi_statement_with_annual = fields.Boolean(
        related="company_id.vc_coi_statement_with_annual", readonly=False
    )

    # --- vc_coi_check
    vc_coi_similarity_threshold = fields.Float(
        related="company_id.vc_coi_similarity_threshold", readonly=False
    )
    vc_coi_match_limit = fields.Integer(
        related="company_id.vc_coi_match_limit", readonly=False
    )
