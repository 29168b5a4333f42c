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
