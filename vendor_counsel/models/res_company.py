from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # 000/R-VC-17, R-VC-18, R-VC-19, A-29: what kind of unit a company of the group is
    vc_unit_kind = fields.Selection(
        [
            ("headquarters", "Headquarters"),
            ("subsidiary", "Subsidiary"),
            ("branch", "Branch"),
            ("functional_centre", "Functional Centre"),
            ("office", "Office"),
        ],
        string="Unit Kind (Outside Counsel)",
        default="headquarters",
        help="000/R-VC-17..19: branches and functional centres may not hire retained "
        "counsel; a subsidiary's retained counsel needs a written request and the "
        "consent of the executive in charge.",
    )

    # --- vc_evaluations (000/E-VC-9, C-VC-2, C-VC-5)
    vc_eval_score_max = fields.Integer(
        string="Evaluation: Maximum Score",
        default=100,
        help="000/E-VC-9: criteria are scored from 0 to this value.",
    )
    vc_eval_min_evaluators = fields.Integer(
        string="Evaluation: Minimum Evaluators",
        default=1,
        help="000/E-VC-9: scorecards needed to close an evaluation before every "
        "evaluator has scored.",
    )
    vc_eval_renew_threshold = fields.Float(
        string="Evaluation: Renewal Threshold",
        default=80.0,
        help="000/E-VC-9: a score at or above it proposes renewal (续聘).",
    )
    vc_eval_warn_threshold = fields.Float(
        string="Evaluation: Warning Threshold",
        default=70.0,
        help="000/E-VC-9: a score below it warns on the firm's new engagements and "
        "proposes a fee reduction.",
    )
    vc_eval_block_threshold = fields.Float(
        string="Evaluation: Dismissal Threshold",
        default=60.0,
        help="000/E-VC-9: a score below it proposes dismissal (解聘) and blocks the "
        "firm for new engagements.",
    )
    vc_eval_interval_months = fields.Integer(
        string="Evaluation: Interval (Months)",
        default=12,
        help="000/C-VC-5: an active engagement is evaluated again after this many "
        "months.",
    )
    vc_eval_renewal_days = fields.Integer(
        string="Evaluation: Days Before Term End",
        default=30,
        help="000/C-VC-2: a retained-counsel term ending within this many days is "
        "evaluated before renewal.",
    )
    vc_eval_create_filing = fields.Boolean(
        string="Evaluation: File Evaluations",
        default=True,
        help="000/E-VC-9 (D8 第七条): a closed evaluation opens an evaluation filing.",
    )

    _vc_eval_settings_positive = models.Constraint(
        "CHECK (vc_eval_score_max > 0 AND vc_eval_min_evaluators >= 1 "
        "AND vc_eval_interval_months >= 1 AND vc_eval_renewal_days >= 0)",
        "Evaluation settings: the maximum score, the minimum evaluators and the "
        "interval must be positive.",
    )
    _vc_eval_thresholds_rise = models.Constraint(
        "CHECK (0 <= vc_eval_block_threshold "
        "AND vc_eval_block_threshold <= vc_eval_warn_threshold "
        "AND vc_eval_warn_threshold <= vc_eval_renew_threshold "
        "AND vc_eval_renew_threshold <= vc_eval_score_max)",
        "Evaluation thresholds must rise: dismissal ≤ warning ≤ renewal ≤ maximum "
        "score.",
    )
