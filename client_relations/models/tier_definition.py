from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        names = super()._get_tier_validation_model_names()
        # --- cr-file: tier changes approved by the level of 000/R-CR-06
        names.append("cr.tier.change")
        return names
