from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """Outside counsel approvals: the preferred panel (000/WF-VC-1)."""
        return super()._get_tier_validation_model_names() + [
            "vc.panel",
        ]
