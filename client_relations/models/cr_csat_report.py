from dateutil.relativedelta import relativedelta

from odoo import fields, models, tools
from odoo.tools import SQL


class CrCsatReport(models.Model):
    """CSAT per client, tier, department and month (issue 11 item 5): the completed
    answers of client-relations questionnaires, as a read-only SQL view for pivot and
    graph; the trend is the graph by month."""

    _name = "cr.csat.report"
    _description = "Client Satisfaction Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "partner_id"
    _depends = {
        "survey.user_input": [
            "cr_date",
            "cr_partner_id",
            "cr_tier_id",
            "cr_department_id",
            "cr_owner_id",
            "cr_company_id",
            "cr_campaign_id",
            "cr_request_id",
            "survey_id",
            "cr_csat",
            "state",
            "test_entry",
        ]
    }

    date = fields.Date(string="Survey Date", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    tier_id = fields.Many2one("cr.tier", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    owner_id = fields.Many2one("res.users", string="Account Owner", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    campaign_id = fields.Many2one(
        "cr.survey.campaign", string="Survey Campaign", readonly=True
    )
    request_id = fields.Many2one("cr.request", string="Service Request", readonly=True)
    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    csat = fields.Float(string="CSAT (%)", aggregator="avg", readonly=True)
    answer_count = fields.Integer(string="Answers", aggregator="sum", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE OR REPLACE VIEW %s AS (
                SELECT a.id, a.cr_date AS date, a.cr_partner_id AS partner_id,
                       a.cr_tier_id AS tier_id, a.cr_department_id AS department_id,
                       a.cr_owner_id AS owner_id, a.cr_company_id AS company_id,
                       a.cr_campaign_id AS campaign_id, a.cr_request_id AS request_id,
                       a.survey_id, a.cr_csat AS csat, 1 AS answer_count
                  FROM survey_user_input a
                 WHERE a.cr_partner_id IS NOT NULL AND a.state = 'done'
                       AND NOT COALESCE(a.test_entry, FALSE))""",
                SQL.identifier(self._table),
            )
        )

    def _cr_trend(self, partners, today, months=6):
        """{partner: (csat of the last ``months`` months, of the months before,
        trend up/down/stable/new)}; two grouped queries whatever the number of
        clients."""
        start = today - relativedelta(months=months)
        before = start - relativedelta(months=months)
        current = dict(
            self._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("date", ">", start),
                    ("date", "<=", today),
                ],
                ["partner_id"],
                ["csat:avg"],
            )
        )
        previous = dict(
            self._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("date", ">", before),
                    ("date", "<=", start),
                ],
                ["partner_id"],
                ["csat:avg"],
            )
        )
        result = {}
        for partner in partners:
            now, then = current.get(partner), previous.get(partner)
            if now is None:
                trend = "none"
            elif then is None:
                trend = "new"
            elif now > then + 1:
                trend = "up"
            elif now < then - 1:
                trend = "down"
            else:
                trend = "stable"
            result[partner] = (now or 0.0, then or 0.0, trend)
        return result
