from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qt_feedback_collect_days = fields.Integer(
        related="company_id.qt_feedback_collect_days", readonly=False
    )

    # --- evaluation
    qt_eval_score_max = fields.Integer(
        related="company_id.qt_eval_score_max", readonly=False
    )
    qt_eval_weight_skill = fields.Integer(
        related="company_id.qt_eval_weight_skill", readonly=False
    )
    qt_eval_weight_ethics = fields.Integer(
        related="company_id.qt_eval_weight_ethics", readonly=False
    )
    qt_eval_weight_files = fields.Integer(
        related="company_id.qt_eval_weight_files", readonly=False
    )
    qt_eval_weight_satisfaction = fields.Integer(
        related="company_id.qt_eval_weight_satisfaction", readonly=False
    )
    qt_eval_weight_influence = fields.Integer(
        related="company_id.qt_eval_weight_influence", readonly=False
    )
    qt_excellent_cases_per_half = fields.Integer(
        related="company_id.qt_excellent_cases_per_half", readonly=False
    )
    qt_excellent_check_days = fields.Integer(
        related="company_id.qt_excellent_check_days", readonly=False
    )
    qt_eval_scoring_days = fields.Integer(
        related="company_id.qt_eval_scoring_days", readonly=False
    )
