from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vc_unit_kind = fields.Selection(related="company_id.vc_unit_kind", readonly=False)

    # --- vc_engagements
    vc_retained_term_months = fields.Integer(
        related="company_id.vc_retained_term_months", readonly=False
    )
    vc_filing_working_days = fields.Integer(
        related="company_id.vc_filing_working_days", readonly=False
    )
    vc_filing_required_parent = fields.Boolean(
        related="company_id.vc_filing_required_parent", readonly=False
    )
    vc_renewal_notice_days = fields.Integer(
        related="company_id.vc_renewal_notice_days", readonly=False
    )
    vc_currency_id = fields.Many2one(related="company_id.currency_id")
    vc_chairman_threshold = fields.Monetary(
        related="company_id.vc_chairman_threshold",
        readonly=False,
        currency_field="vc_currency_id",
    )
    vc_company_assets = fields.Monetary(
        related="company_id.vc_company_assets",
        readonly=False,
        currency_field="vc_currency_id",
    )
    vc_board_asset_divisor = fields.Integer(
        related="company_id.vc_board_asset_divisor", readonly=False
    )
    vc_gm_user_id = fields.Many2one(related="company_id.vc_gm_user_id", readonly=False)
    vc_chairman_user_id = fields.Many2one(
        related="company_id.vc_chairman_user_id", readonly=False
    )
    vc_board_user_id = fields.Many2one(
        related="company_id.vc_board_user_id", readonly=False
    )
    vc_archive_custodian_id = fields.Many2one(
        related="company_id.vc_archive_custodian_id", readonly=False
    )
    vc_archive_location = fields.Char(
        related="company_id.vc_archive_location", readonly=False
    )
    vc_selfcheck_months = fields.Integer(
        related="company_id.vc_selfcheck_months", readonly=False
    )
