from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cr_tier_currency_id = fields.Many2one(
        related="company_id.cr_tier_currency_id", readonly=False
    )

    # --- cr-return
    cr_return_horizon_days = fields.Integer(
        related="company_id.cr_return_horizon_days", readonly=False
    )
    cr_return_cs_manager_id = fields.Many2one(
        related="company_id.cr_return_cs_manager_id", readonly=False
    )
    cr_return_weekly_phone_min = fields.Integer(
        related="company_id.cr_return_weekly_phone_min", readonly=False
    )
    cr_return_weekly_appointment_min = fields.Integer(
        related="company_id.cr_return_weekly_appointment_min", readonly=False
    )
    cr_return_week_start = fields.Selection(
        related="company_id.cr_return_week_start", readonly=False
    )
    cr_return_payment_lead_days = fields.Integer(
        related="company_id.cr_return_payment_lead_days", readonly=False
    )
    cr_return_report_days = fields.Integer(
        related="company_id.cr_return_report_days", readonly=False
    )
    cr_return_submit_days = fields.Integer(
        related="company_id.cr_return_submit_days", readonly=False
    )
    cr_return_submit_extended_days = fields.Integer(
        related="company_id.cr_return_submit_extended_days", readonly=False
    )
    cr_return_rectify_hours = fields.Integer(
        related="company_id.cr_return_rectify_hours", readonly=False
    )
    cr_return_rate_manager = fields.Float(
        related="company_id.cr_return_rate_manager", readonly=False
    )
    cr_return_rate_supervisor = fields.Float(
        related="company_id.cr_return_rate_supervisor", readonly=False
    )
    cr_return_rate_repair_lead = fields.Float(
        related="company_id.cr_return_rate_repair_lead", readonly=False
    )
    cr_return_complaint_rate_target = fields.Float(
        related="company_id.cr_return_complaint_rate_target", readonly=False
    )
