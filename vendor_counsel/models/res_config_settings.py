from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vc_unit_kind = fields.Selection(related="company_id.vc_unit_kind", readonly=False)

    # --- vc_evaluations
    vc_eval_score_max = fields.Integer(
        related="company_id.vc_eval_score_max", readonly=False
    )
    vc_eval_min_evaluators = fields.Integer(
        related="company_id.vc_eval_min_evaluators", readonly=False
    )
    vc_eval_renew_threshold = fields.Float(
        related="company_id.vc_eval_renew_threshold", readonly=False
    )
    vc_eval_warn_threshold = fields.Float(
        related="company_id.vc_eval_warn_threshold", readonly=False
    )
    vc_eval_block_threshold = fields.Float(
        related="company_id.vc_eval_block_threshold", readonly=False
    )
    vc_eval_interval_months = fields.Integer(
        related="company_id.vc_eval_interval_months", readonly=False
    )
    vc_eval_renewal_days = fields.Integer(
        related="company_id.vc_eval_renewal_days", readonly=False
    )
    vc_eval_create_filing = fields.Boolean(
        related="company_id.vc_eval_create_filing", readonly=False
    )
