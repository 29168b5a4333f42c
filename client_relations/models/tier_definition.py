from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        # --- cr-care: gifts and hospitality above the approval amount (000/E-CR-14)
        return super()._get_tier_validation_model_names() + ["cr.gift"]
