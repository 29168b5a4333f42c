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
