from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cr_tier_currency_id = fields.Many2one(
        related="company_id.cr_tier_currency_id", readonly=False
    )

    # --- cr-sla
    cr_agreement_renewal_days = fields.Integer(
        related="company_id.cr_agreement_renewal_days", readonly=False
    )
