from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """The outside-counsel approvals: the preferred panel (000/WF-VC-1), requests
        (000/WF-VC-2) and selection awards (000/WF-VC-3), engagement contracts
        (003/HR-D12-1..4), fee payments (000/WF-VC-5), the audit committee's
        conflict-of-interest decisions (002/R6) and conflict waivers."""
        return super()._get_tier_validation_model_names() + [
            "vc.panel",
            "vc.request",
            "vc.selection",
            "vc.engagement",
            "vc.payment",
            "vc.coi.review",
            "vc.coi.waiver",
        ]
