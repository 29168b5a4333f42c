from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

    # --- cr-file
    cr_tier_recompute_month = fields.Integer(
        string="Tier Recompute Month",
        default=1,
        help="000/R-CR-01..04, WF-CR-1: from this month and day of each year the "
        "scheduled action recomputes the previous year's tiers from the annual "
        "revenue and proposes the tier changes (seed: after year end, 1 January).",
    )
    cr_tier_recompute_day = fields.Integer(
        string="Tier Recompute Day",
        default=1,
        help="000/R-CR-01..04: the day of the recompute month (see the month).",
    )
    cr_revenue_from_invoices = fields.Boolean(
        string="Revenue from Invoices",
        default=True,
        help="000/R-CR-01..04 (annual business revenue): when Invoicing is installed, "
        "the yearly recompute first sums the posted customer invoices of each client "
        "into an 'invoice' revenue line of the year.",
    )
    cr_tier_recomputed_year = fields.Integer(
        string="Tiers Recomputed For",
        readonly=True,
        help="Technical: the last revenue year whose tiers were recomputed.",
    )

    @api.constrains("cr_tier_recompute_month", "cr_tier_recompute_day")
    def _check_cr_tier_recompute_date(self):
        for company in self:
            month, day = company.cr_tier_recompute_month, company.cr_tier_recompute_day
            if not 1 <= month <= 12 or not 1 <= day <= 28:
                raise ValidationError(
                    self.env._(
                        "The tier recompute date needs a month from 1 to 12 and a "
                        "day from 1 to 28."
                    )
                )
