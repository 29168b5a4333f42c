from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """The outside counsel approvals: the engagement contract (003/HR-D12-1..4)."""
        return super()._get_tier_validation_model_names() + ["vc.engagement"]
