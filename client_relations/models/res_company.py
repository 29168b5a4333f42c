from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Policy of the regulations: one block per slice, each field with its rule ID in
    # the help and the seed's value as default.
    cr_tier_currency_id = fields.Many2one(
        "res.currency",
        string="Tier Currency",
        default=lambda self: self.env.ref("base.CNY", raise_if_not_found=False),
        help="000/R-CR-01..04: the currency of the tier bands (yuan).",
    )

    # --- cr-sla
    cr_agreement_renewal_days = fields.Integer(
        string="Agreement Renewal Warning (days)",
        default=30,
        help="003/HR-D1-5: an active agreement ending within this many days gets a "
        "renewal activity for its service level manager (the seed gives no number; "
        "30 days).",
    )
