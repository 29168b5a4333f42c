from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qt_feedback_collect_days = fields.Integer(
        related="company_id.qt_feedback_collect_days", readonly=False
    )

    # --- supervision
    qt_spot_check_max_score = fields.Integer(
        related="company_id.qt_spot_check_max_score", readonly=False
    )
    qt_spot_check_min_count = fields.Integer(
        related="company_id.qt_spot_check_min_count", readonly=False
    )
    qt_spot_check_flag_day = fields.Integer(
        related="company_id.qt_spot_check_flag_day", readonly=False
    )
    qt_spot_check_rectify_days = fields.Integer(
        related="company_id.qt_spot_check_rectify_days", readonly=False
    )
    qt_ranking_benchmark_count = fields.Integer(
        related="company_id.qt_ranking_benchmark_count", readonly=False
    )
    qt_ranking_advanced_percent = fields.Float(
        related="company_id.qt_ranking_advanced_percent", readonly=False
    )
    qt_ranking_laggard_percent = fields.Float(
        related="company_id.qt_ranking_laggard_percent", readonly=False
    )
    qt_ranking_reward_rule_id = fields.Many2one(
        related="company_id.qt_ranking_reward_rule_id", readonly=False
    )
    qt_ranking_penalty_rule_id = fields.Many2one(
        related="company_id.qt_ranking_penalty_rule_id", readonly=False
    )
    qt_supervision_rectify_days = fields.Integer(
        related="company_id.qt_supervision_rectify_days", readonly=False
    )
    qt_supervision_issuer_department_id = fields.Many2one(
        related="company_id.qt_supervision_issuer_department_id", readonly=False
    )
