from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """004/R10-4: the department manager approves an off-site service."""
        return super()._get_tier_validation_model_names() + ["cr.offsite.application"]
