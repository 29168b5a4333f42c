from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

from .cr_agreement import PRIORITIES

# Age buckets of the open requests, in calendar days since they were received
AGE_BUCKETS = [
    ("1", "≤ 1 day"),
    ("3", "≤ 3 days"),
    ("7", "≤ 7 days"),
    ("30", "≤ 30 days"),
    ("31", "> 30 days"),
]
OPEN_STATES = ("new", "registered", "responded", "assigned", "in_progress", "resolved")


class CrRequestBacklogReport(models.Model):
    """The desk's backlog: every open request (received up to resolved, awaiting
    the client's confirmation) with its age in calendar days since it was received,
    bucketed ≤ 1, ≤ 3, ≤ 7, ≤ 30 and > 30 days. The age is taken when the report is
    read."""

    _name = "cr.request.backlog.report"
    _description = "Request Backlog Analysis"
    _auto = False
    _order = "age_days desc, id desc"
    _depends = {
        "cr.request": [
            "company_id",
            "partner_id",
            "team_id",
            "department_id",
            "user_id",
            "kind",
            "priority",
            "state",
            "date_received",
        ],
    }

    request_id = fields.Many2one("cr.request", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    team_id = fields.Many2one("cr.team", readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="Handling Department", readonly=True
    )
    kind = fields.Selection(
        lambda self: self.env["cr.request"]._fields["kind"].selection,
        string="Type",
        readonly=True,
    )
    priority = fields.Selection(PRIORITIES, readonly=True)
    state = fields.Selection(
        lambda self: self.env["cr.request"]._fields["state"].selection,
        readonly=True,
    )
    date_received = fields.Datetime(string="Received On", readonly=True)
    age_days = fields.Float(
        string="Age (calendar days)", aggregator="avg", readonly=True
    )
    age_bucket = fields.Selection(
        AGE_BUCKETS, string="Age", readonly=True, help="Calendar days since received."
    )
    request_count = fields.Integer(string="Requests", readonly=True)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        """Only the rows of the requests the user may read: the requests' own
        record rules (the desk's confidentiality of complaints) apply, in SQL."""
        if not self.env.su and not kwargs.get("bypass_access"):
            domain = Domain(domain) & Domain(
                "request_id", "any!", self.env["cr.request"]._search([])
            )
        return super()._search(domain, offset, limit, order, **kwargs)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE OR REPLACE VIEW %s AS (
                SELECT a.*,
                       CASE WHEN a.age_days <= 1 THEN '1'
                            WHEN a.age_days <= 3 THEN '3'
                            WHEN a.age_days <= 7 THEN '7'
                            WHEN a.age_days <= 30 THEN '30'
                            ELSE '31' END AS age_bucket
                  FROM (SELECT r.id AS id,
                               r.id AS request_id,
                               r.company_id,
                               r.partner_id,
                               r.team_id,
                               r.department_id,
                               r.kind,
                               r.priority,
                               r.state,
                               r.date_received,
                               EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC'
                                                   - r.date_received)) / 86400.0
                                   AS age_days,
                               1 AS request_count
                          FROM cr_request r
                         WHERE r.state IN %s) a
            )""",
                SQL.identifier(self._table),
                OPEN_STATES,
            )
        )
