from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vc_unit_kind = fields.Selection(related="company_id.vc_unit_kind", readonly=False)

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
