from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vc_unit_kind = fields.Selection(related="company_id.vc_unit_kind", readonly=False)

    # --- vc_requests
    vc_company_currency_id = fields.Many2one(related="company_id.currency_id")
    vc_request_lead_days = fields.Integer(
        related="company_id.vc_request_lead_days", readonly=False
    )
    vc_request_late_policy = fields.Selection(
        related="company_id.vc_request_late_policy", readonly=False
    )
    vc_open_subject_threshold = fields.Monetary(
        related="company_id.vc_open_subject_threshold",
        currency_field="vc_company_currency_id",
        readonly=False,
    )
    vc_open_fee_threshold = fields.Monetary(
        related="company_id.vc_open_fee_threshold",
        currency_field="vc_company_currency_id",
        readonly=False,
    )
    vc_open_min_invited = fields.Integer(
        related="company_id.vc_open_min_invited", readonly=False
    )
    vc_retained_min_considered = fields.Integer(
        related="company_id.vc_retained_min_considered", readonly=False
    )
    vc_retained_shortlist_min = fields.Integer(
        related="company_id.vc_retained_shortlist_min", readonly=False
    )
    vc_retained_shortlist_max = fields.Integer(
        related="company_id.vc_retained_shortlist_max", readonly=False
    )
    vc_score_max = fields.Float(related="company_id.vc_score_max", readonly=False)
    vc_executive_user_id = fields.Many2one(
        related="company_id.vc_executive_user_id", readonly=False
    )
