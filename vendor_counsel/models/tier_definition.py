from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """The outside-counsel approvals: conflict waivers (audit committee)."""
        return super()._get_tier_validation_model_names() + ["vc.coi.waiver"]
