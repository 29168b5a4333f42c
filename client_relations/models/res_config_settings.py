from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cr_tier_currency_id = fields.Many2one(
        related="company_id.cr_tier_currency_id", readonly=False
    )

    # --- cr-desk
    cr_dispatch_minutes = fields.Integer(
        related="company_id.cr_dispatch_minutes", readonly=False
    )
    cr_fault_serious_minutes = fields.Integer(
        related="company_id.cr_fault_serious_minutes", readonly=False
    )
    cr_fault_registration_minutes = fields.Integer(
        related="company_id.cr_fault_registration_minutes", readonly=False
    )
    cr_dispatch_supervisor_id = fields.Many2one(
        related="company_id.cr_dispatch_supervisor_id", readonly=False
    )
    cr_email_receiver_id = fields.Many2one(
        related="company_id.cr_email_receiver_id", readonly=False
    )
    cr_complaint_phone = fields.Char(
        related="company_id.cr_complaint_phone", readonly=False
    )
    cr_complaint_email = fields.Char(
        related="company_id.cr_complaint_email", readonly=False
    )
