from odoo import fields, models
from odoo.tools import SQL


class QtFeedbackCoverageReport(models.Model):
    """Feedback card coverage: one row per closed matter, whether its card came back
    (000/R-QT-06: 100 % of the closed matters; 000 §7.2)."""

    _name = "qt.feedback.coverage.report"
    _description = "Feedback Card Coverage"
    _auto = False
    _order = "date_closed desc"
    _depends = {
        "qt.matter": [
            "partner_id",
            "category_id",
            "department_id",
            "user_id",
            "company_id",
            "date_closed",
            "state",
        ],
        "qt.feedback.card": ["matter_id", "state", "collect_due", "score_overall"],
    }

    matter_id = fields.Many2one("qt.matter", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    category_id = fields.Many2one("qt.category", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    user_id = fields.Many2one("res.users", string="Handler", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_closed = fields.Date(string="Closed On", readonly=True)
    matter_count = fields.Integer(string="Closed Matters", readonly=True)
    returned_count = fields.Integer(string="Cards Returned", readonly=True)
    overdue_count = fields.Integer(string="Cards Overdue", readonly=True)
    coverage_rate = fields.Float(
        string="Coverage (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the closed matters whose feedback card was returned.",
    )
    score_overall = fields.Float(
        string="Overall Score",
        readonly=True,
        aggregator="avg",
        help="Average overall rating of the returned cards (4 very satisfied … 1 "
        "dissatisfied).",
    )

    def _query(self):
        return SQL(
            """
            SELECT m.id AS id,
                   m.id AS matter_id,
                   m.partner_id,
                   m.category_id,
                   m.department_id,
                   m.user_id,
                   m.company_id,
                   m.date_closed,
                   1 AS matter_count,
                   CASE WHEN bool_or(c.state = 'returned') THEN 1 ELSE 0 END
                       AS returned_count,
                   CASE WHEN bool_or(c.state = 'issued'
                                     AND c.collect_due < %(now)s) THEN 1 ELSE 0 END
                       AS overdue_count,
                   CASE WHEN bool_or(c.state = 'returned') THEN 100.0 ELSE 0.0 END
                       AS coverage_rate,
                   avg(NULLIF(c.score_overall, 0)) AS score_overall
              FROM qt_matter m
         LEFT JOIN qt_feedback_card c
                ON c.matter_id = m.id AND c.state != 'cancel'
             WHERE m.state IN ('closed', 'archived')
          GROUP BY m.id
            """,
            now=fields.Datetime.now(),
        )

    @property
    def _table_query(self):
        return self._query()
