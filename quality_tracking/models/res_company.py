from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # --- feedback (000/R-QT-06): the seed gives no collection period; 10 working days
    qt_feedback_collect_days = fields.Integer(
        string="Feedback Card Collection (working days)",
        default=10,
        help="Working days after a matter's closing within which the handling lawyer "
        "collects the client's feedback card (000/R-QT-06).",
    )

    # --- supervision (004/QT-1..QT-5, 001/QT-18..QT-20); seed 004 D3 gives no
    # numbers: the defaults below are reasoned, and the catalogue says so
    qt_spot_check_max_score = fields.Integer(
        string="Spot Check Maximum Score",
        default=10,
        help="004/R3-3: the four dimensions of a spot check are scored from 1 to "
        "this value (the seed gives no scale).",
    )
    qt_spot_check_min_count = fields.Integer(
        string="Spot Checks per Unit and Month",
        default=1,
        help="004/R3-1: every supervised unit gets at least this many spot checks "
        "a month (the seed says every month; the minimum of 1 is inferred).",
    )
    qt_spot_check_flag_day = fields.Integer(
        string="Unchecked Units Flagged From Day",
        default=25,
        help="004/R3-1: from this day of the month on, units without a spot check "
        "in the month are flagged to the group's coordinator.",
    )
    qt_spot_check_rectify_days = fields.Integer(
        string="Spot Check Rectification (working days)",
        default=5,
        help="004/QT-3: working days a unit has to rectify what a spot check found "
        "(the seed gives none).",
    )
    qt_ranking_benchmark_count = fields.Integer(
        string="Benchmark Units",
        default=1,
        help="004/R3-2: the best-ranked units labelled benchmark (树标杆).",
    )
    qt_ranking_advanced_percent = fields.Float(
        string="Advanced Units (%)",
        default=30.0,
        help="004/R3-2: the top share of the ranked units labelled advanced (奖先进), "
        "benchmarks included; rounded up.",
    )
    qt_ranking_laggard_percent = fields.Float(
        string="Laggard Units (%)",
        default=10.0,
        help="004/R3-2: the bottom share of the ranked units labelled laggard "
        "(促后进); rounded up.",
    )
    qt_ranking_reward_rule_id = fields.Many2one(
        "qt.reward.penalty.rule",
        string="Benchmark Reward Rule",
        default=lambda self: self.env.ref(
            "quality_tracking.qt_rp_rule_d3_benchmark", raise_if_not_found=False
        ),
        help="004/QT-5: the rule of the rewards drafted for benchmark units.",
    )
    qt_ranking_penalty_rule_id = fields.Many2one(
        "qt.reward.penalty.rule",
        string="Laggard Penalty Rule",
        default=lambda self: self.env.ref(
            "quality_tracking.qt_rp_rule_d3_laggard", raise_if_not_found=False
        ),
        help="004/QT-5: the rule of the penalties drafted for laggard units.",
    )
    qt_supervision_rectify_days = fields.Integer(
        string="Supervision Order Rectification (working days)",
        default=10,
        help="001/QT-18: working days a section has to rectify a supervision order "
        "(the seed gives none).",
    )
    qt_supervision_issuer_department_id = fields.Many2one(
        "hr.department",
        string="Supervision Orders Issued By",
        help="001/QT-18: the general management section (综合管理科).",
    )

    _qt_spot_check_max_score_positive = models.Constraint(
        "CHECK (qt_spot_check_max_score >= 1)",
        "The maximum spot check score is at least 1.",
    )
    _qt_spot_check_flag_day_range = models.Constraint(
        "CHECK (qt_spot_check_flag_day BETWEEN 1 AND 31)",
        "The flag day is a day of the month (1 to 31).",
    )
    _qt_ranking_percent_range = models.Constraint(
        "CHECK (qt_ranking_advanced_percent BETWEEN 0 AND 100 "
        "AND qt_ranking_laggard_percent BETWEEN 0 AND 100)",
        "Ranking percentages lie between 0 and 100.",
    )

    @api.model
    def _qt_set_default_ranking_rules(self):
        """Give the companies created before the rules existed their default
        ranking reward and penalty rules (004/QT-5)."""
        reward = self.env.ref("quality_tracking.qt_rp_rule_d3_benchmark")
        penalty = self.env.ref("quality_tracking.qt_rp_rule_d3_laggard")
        companies = self.sudo().search([])
        companies.filtered(lambda c: not c.qt_ranking_reward_rule_id).write(
            {"qt_ranking_reward_rule_id": reward.id}
        )
        companies.filtered(lambda c: not c.qt_ranking_penalty_rule_id).write(
            {"qt_ranking_penalty_rule_id": penalty.id}
        )
