from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cr_tier_currency_id = fields.Many2one(
        related="company_id.cr_tier_currency_id", readonly=False
    )

    # --- cr-visit
    cr_visit_record_days = fields.Integer(
        related="company_id.cr_visit_record_days", readonly=False
    )
    cr_visit_daily_report_days = fields.Integer(
        related="company_id.cr_visit_daily_report_days", readonly=False
    )
    cr_visit_report_lookback_days = fields.Integer(
        related="company_id.cr_visit_report_lookback_days", readonly=False
    )
    cr_visit_monthly_report_day = fields.Integer(
        related="company_id.cr_visit_monthly_report_day", readonly=False
    )
    cr_visit_technicians_min = fields.Integer(
        related="company_id.cr_visit_technicians_min", readonly=False
    )
    cr_visit_technicians_max = fields.Integer(
        related="company_id.cr_visit_technicians_max", readonly=False
    )
    cr_visit_hour = fields.Integer(related="company_id.cr_visit_hour", readonly=False)
    cr_visit_commercial_user_id = fields.Many2one(
        related="company_id.cr_visit_commercial_user_id", readonly=False
    )
