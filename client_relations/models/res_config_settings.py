from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cr_tier_currency_id = fields.Many2one(
        related="company_id.cr_tier_currency_id", readonly=False
    )

    # --- cr-gov
    cr_service_report_period = fields.Selection(
        related="company_id.cr_service_report_period", readonly=False
    )
    cr_review_interval_days = fields.Integer(
        related="company_id.cr_review_interval_days", readonly=False
    )
    cr_review_om_department_id = fields.Many2one(
        related="company_id.cr_review_om_department_id", readonly=False
    )
    cr_review_mgmt_department_id = fields.Many2one(
        related="company_id.cr_review_mgmt_department_id", readonly=False
    )
    cr_toc_department_id = fields.Many2one(
        related="company_id.cr_toc_department_id", readonly=False
    )
    cr_supervision_lead_days = fields.Integer(
        related="company_id.cr_supervision_lead_days", readonly=False
    )
    cr_weekly_report_weekday = fields.Selection(
        related="company_id.cr_weekly_report_weekday", readonly=False
    )
    cr_bulletin_due_day = fields.Integer(
        related="company_id.cr_bulletin_due_day", readonly=False
    )
