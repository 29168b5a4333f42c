from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """The quality cycle's approvals: contract review, CAPA closure, awards."""
        return super()._get_tier_validation_model_names() + [
            "qt.contract.review",
            "qt.capa",
            "qt.evaluation",
        ]
