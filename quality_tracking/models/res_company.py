from odoo import fields, models


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
