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

    # --- evaluation (000/E-QT-7, R-QT-10..R-QT-13, C-QT-2)
    qt_eval_score_max = fields.Integer(
        string="Evaluation Score Scale",
        default=100,
        help="000/R-QT-10: each of the five evaluation criteria is scored from 0 to "
        "this maximum (the seed gives no scale; 100 points by default).",
    )
    qt_eval_weight_skill = fields.Integer(
        string="Weight: Professional Skill",
        default=20,
        help="000/R-QT-10: relative weight of the handling lawyer's professional "
        "skill and ability in an entry's total (the seed weighs the criteria "
        "equally).",
    )
    qt_eval_weight_ethics = fields.Integer(
        string="Weight: Professional Ethics",
        default=20,
        help="000/R-QT-10: relative weight of the handling lawyer's professional "
        "ethics in an entry's total.",
    )
    qt_eval_weight_files = fields.Integer(
        string="Weight: Case Files",
        default=20,
        help="000/R-QT-10: relative weight of the organisation and archiving of the "
        "case files (working papers) in an entry's total.",
    )
    qt_eval_weight_satisfaction = fields.Integer(
        string="Weight: Client Satisfaction",
        default=20,
        help="000/R-QT-10: relative weight of the client's satisfaction with the "
        "result in an entry's total.",
    )
    qt_eval_weight_influence = fields.Integer(
        string="Weight: Influence",
        default=20,
        help="000/R-QT-10: relative weight of the matter's influence in the industry "
        "or in society in an entry's total.",
    )
    qt_excellent_cases_per_half = fields.Integer(
        string="Excellent Cases per Department and Half-Year",
        default=1,
        help="000/R-QT-11 (ambiguity A-1: 'at least one'): the minimum number of "
        "excellent cases a department selects each half-year; its same-type "
        "evaluation cannot close with fewer.",
    )
    qt_excellent_check_days = fields.Integer(
        string="Excellent Case Check (days before half-year end)",
        default=15,
        help="000/C-QT-2: from this many days before a half-year ends, the head of a "
        "department that has not selected its excellent cases gets an activity.",
    )
    qt_eval_scoring_days = fields.Integer(
        string="Evaluation Scoring Period (days)",
        default=30,
        help="000/E-QT-7: calendar days from opening an evaluation to closing it "
        "(the seed gives no period; 30 days by default).",
    )

    # --- prereview
    qt_delivery_check_target = fields.Float(
        string="Delivery Check Target (%)",
        default=100.0,
        help="Share of deliveries (tickets) of a site assignment that must be "
        "checked against the actual part and grade (001/R-04: every truck).",
    )

    _qt_delivery_check_target_range = models.Constraint(
        "CHECK (qt_delivery_check_target >= 0 AND qt_delivery_check_target <= 100)",
        "The delivery check target is a percentage between 0 and 100.",
    )

    # --- issues
    qt_issue_resolve_days = fields.Integer(
        string="Quality Issue Resolution (working days)",
        default=15,
        help="Working days from the quality department's receipt of a quality problem "
        "within which it is resolved (001/R-28, 000/R-QT-20).",
    )
    qt_incident_batch_scrap_hours = fields.Float(
        string="Batch Incident: Scrap (production hours)",
        default=0.5,
        help="A batch scrap of at least this many hours of production makes a batch "
        "quality incident (002/R40 a).",
    )
    qt_incident_batch_rework_hours = fields.Float(
        string="Batch Incident: Rework (production hours)",
        default=1.0,
        help="A batch rework of at least this many hours of production makes a batch "
        "quality incident (002/R40 b).",
    )
    qt_incident_batch_aftersales_qty = fields.Integer(
        string="Batch Incident: Same Model and Date (pieces)",
        default=50,
        help="After-sales feedback or returns of at least this many pieces of the same "
        "model and production date make a batch quality incident (002/R40 c).",
    )
    qt_incident_major_returned_qty = fields.Integer(
        string="Major Incident: Returned Shipped Batch (pieces)",
        default=500,
        help="A returned shipped batch of at least this many pieces makes a major "
        "quality incident (002/R41).",
    )
    qt_incident_major_loss_amount = fields.Monetary(
        string="Major Incident: Loss Amount",
        currency_field="currency_id",
        default=20000.0,
        help="A loss of at least this amount makes a major quality incident (002/R41).",
    )
    qt_general_manager_id = fields.Many2one(
        "res.users",
        string="General Manager",
        help="The company head: notified at once of a major quality problem "
        "(003/HR-D11-6); may sign the written complaint handling document (002/R45).",
    )
    qt_quality_head_id = fields.Many2one(
        "res.users",
        string="Quality Department Head",
        help="Signs the written complaint handling document (002/R45).",
    )
    qt_capa_allowed_days = fields.Integer(
        string="Corrective Action Period (working days)",
        default=20,
        help="Default working days allowed to carry out a corrective or preventive "
        "action from its start (001/QT-10, 002/E21: the seeds give no value).",
    )

    # --- feedback
    qt_tracking_resolve_days = fields.Integer(
        string="Tracking Record Resolution (working days)",
        default=15,
        help="000/R-QT-20: the quality department resolves a forwarded quality "
        "tracking record within this many working days.",
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

    # --- ae (000/R-QT-16..R-QT-18, R-QT-21, R-QT-22; 001/R-21..R-23, R-27, R-29)
    qt_ae_internal_days = fields.Integer(
        string="Adverse Event: Internal Report (days)",
        default=0,
        help="000/R-QT-16, R-QT-21 (001/R-21, R-29): a suspected adverse event "
        "reaches the quality department and the quality manager within this many "
        "calendar days after the day the company became aware of it (0: the same "
        "day).",
    )
    qt_ae_death_hours = fields.Integer(
        string="Adverse Event: Death Report (hours)",
        default=12,
        help="000/R-QT-18 (001/R-23): a death is reported to the regulators, the "
        "national monitoring centre and the national administration within this "
        "many calendar hours of awareness.",
    )
    qt_ae_serious_hours = fields.Integer(
        string="Adverse Event: Serious Report (hours)",
        default=72,
        help="000/R-QT-17 (001/R-22): a serious event not stated in the instructions "
        "is reported to the local regulator and the national monitoring centre "
        "within this many calendar hours of awareness.",
    )
    qt_ae_provincial_days = fields.Integer(
        string="Adverse Event: Provincial Report (working days)",
        default=15,
        help="000/R-QT-22 (001/R-27): a serious, rare or new adverse reaction is "
        "reported to the provincial authority within this many working days of "
        "awareness.",
    )

    _qt_ae_periods = models.Constraint(
        "CHECK (qt_ae_internal_days >= 0 AND qt_ae_death_hours > 0 "
        "AND qt_ae_serious_hours > 0 AND qt_ae_provincial_days > 0)",
        "The adverse-event reporting periods must be positive (internal report: "
        "zero days is the same day).",
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

    # --- aebatch (000/R-QT-19, 001/R-24): the seed gives no submission period for
    # the quarterly report; 15 working days after the quarter ends, like the
    # provincial route
    qt_ae_batch_submit_days = fields.Integer(
        string="Quarterly AE Report Submission (working days)",
        default=15,
        help="000/R-QT-19, 001/R-24: working days after a quarter ends within which "
        "its quarterly adverse event report is submitted to the local regulator (the "
        "seed gives no period; 15 working days by default).",
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

    # --- recall
    # The seeds say "immediately" (立即) without a number (001 §8 item 5): the hours
    # below are ours, shown in Settings, and counted by the deadline engine.
    qt_hold_contain_hours = fields.Integer(
        string="Quality Hold Containment (hours)",
        default=24,
        help="000/R-QT-27, 001/R-40: calendar hours from a hold's confirmation within "
        "which the defective product is contained (stop-sale, quarantine, purchasing "
        "notified, recall opened when sold). The seed says immediately; 24 hours (the "
        "same day) is our default.",
    )
    qt_notice_check_hours = fields.Integer(
        string="Regulator Notice Check (hours)",
        default=24,
        help="001/QT-16, D11 §7: calendar hours from a regulator notice's receipt "
        "within which purchases, sales and stock are checked for the products named. "
        "The seed says immediately; 24 hours is our default.",
    )
    qt_recall_notice_hours = fields.Integer(
        string="Recall Notices (hours)",
        default=24,
        help="000/WF-QT-8, 001/WF-6: calendar hours from a recall's opening within "
        "which the return notices are sent to the customers. The seed gives no "
        "number; 24 hours is our default.",
    )
    _qt_recall_hours_positive = models.Constraint(
        "CHECK (qt_hold_contain_hours > 0 AND qt_notice_check_hours > 0 "
        "AND qt_recall_notice_hours > 0)",
        "The containment, notice check and recall notice periods must be positive.",
    )
