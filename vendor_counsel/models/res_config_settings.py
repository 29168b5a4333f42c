from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vc_unit_kind = fields.Selection(related="company_id.vc_unit_kind", readonly=False)

    # --- vc_coi_review
    vc_coi_statement_on_appointment = fields.Boolean(
        related="company_id.vc_coi_statement_on_appointment", readonly=False
    )
    vc_coi_statement_with_annual = fields.Boolean(
        related="company_id.vc_coi_statement_with_annual", readonly=False
    )
