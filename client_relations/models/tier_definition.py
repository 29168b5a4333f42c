from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """The client-relations records approved through tiers: tier changes by the
        level of 000/R-CR-06, gifts and hospitality above the approval amount
        (000/E-CR-14), off-site services by the department manager (004/R10-4) and
        service-level change requests (003/HR-D1-21)."""
        return super()._get_tier_validation_model_names() + [
            "cr.tier.change",
            "cr.gift",
            "cr.offsite.application",
            "cr.change.request",
        ]
