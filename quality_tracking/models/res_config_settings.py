from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qt_feedback_collect_days = fields.Integer(
        related="company_id.qt_feedback_collect_days", readonly=False
    )

    # --- prereview
    qt_delivery_check_target = fields.Float(
        related="company_id.qt_delivery_check_target", readonly=False
    )

    # --- issues
    qt_company_currency_id = fields.Many2one(related="company_id.currency_id")
    qt_issue_resolve_days = fields.Integer(
        related="company_id.qt_issue_resolve_days", readonly=False
    )
    qt_incident_batch_scrap_hours = fields.Float(
        related="company_id.qt_incident_batch_scrap_hours", readonly=False
    )
    qt_incident_batch_rework_hours = fields.Float(
        related="company_id.qt_incident_batch_rework_hours", readonly=False
    )
    qt_incident_batch_aftersales_qty = fields.Integer(
        related="company_id.qt_incident_batch_aftersales_qty", readonly=False
    )
    qt_incident_major_returned_qty = fields.Integer(
        related="company_id.qt_incident_major_returned_qty", readonly=False
    )
    qt_incident_major_loss_amount = fields.Monetary(
        related="company_id.qt_incident_major_loss_amount",
        currency_field="qt_company_currency_id",
        readonly=False,
    )
    qt_general_manager_id = fields.Many2one(
        related="company_id.qt_general_manager_id", readonly=False
    )
    qt_quality_head_id = fields.Many2one(
        related="company_id.qt_quality_head_id", readonly=False
    )
    qt_capa_allowed_days = fields.Integer(
        related="company_id.qt_capa_allowed_days", readonly=False
    )

    # --- feedback
    qt_tracking_resolve_days = fields.Integer(
        related="company_id.qt_tracking_resolve_days", readonly=False
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

    # --- ae
    qt_ae_internal_days = fields.Integer(
        related="company_id.qt_ae_internal_days", readonly=False
    )
    qt_ae_death_hours = fields.Integer(
        related="company_id.qt_ae_death_hours", readonly=False
    )
    qt_ae_serious_hours = fields.Integer(
        related="company_id.qt_ae_serious_hours", readonly=False
    )
    qt_ae_provincial_days = fields.Integer(
        related="company_id.qt_ae_provincial_days", readonly=False
    )

    # --- recall
    qt_hold_contain_hours = fields.Integer(
        related="company_id.qt_hold_contain_hours", readonly=False
    )
    qt_notice_check_hours = fields.Integer(
        related="company_id.qt_notice_check_hours", readonly=False
    )
    qt_recall_notice_hours = fields.Integer(
        related="company_id.qt_recall_notice_hours", readonly=False
    )

    # --- aebatch
    qt_ae_batch_submit_days = fields.Integer(
        related="company_id.qt_ae_batch_submit_days", readonly=False
    )
