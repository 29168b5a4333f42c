from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vc_unit_kind = fields.Selection(related="company_id.vc_unit_kind", readonly=False)

    # --- vc_coi_check
    vc_coi_similarity_threshold = fields.Float(
        related="company_id.vc_coi_similarity_threshold", readonly=False
    )
    vc_coi_match_limit = fields.Integer(
        related="company_id.vc_coi_match_limit", readonly=False
    )
