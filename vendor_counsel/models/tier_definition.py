from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """The outside-counsel approvals: requests (000/WF-VC-2) and awards of a
        selection (000/WF-VC-3)."""
        return super()._get_tier_validation_model_names() + [
            "vc.request",
            "vc.selection",
        ]
