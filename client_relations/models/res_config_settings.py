from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cr_tier_currency_id = fields.Many2one(
        related="company_id.cr_tier_currency_id", readonly=False
    )

    # --- cr-file
    cr_tier_recompute_month = fields.Integer(
        related="company_id.cr_tier_recompute_month", readonly=False
    )
    cr_tier_recompute_day = fields.Integer(
        related="company_id.cr_tier_recompute_day", readonly=False
    )
    cr_revenue_from_invoices = fields.Boolean(
        related="company_id.cr_revenue_from_invoices", readonly=False
    )
