from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

from .cr_agreement import PRIORITIES


class CrSlaComplianceReport(models.Model):
    """Service-level compliance of the desk: one row per deadline timer of a
    service request (the engine's ``business.deadline.timer``), with the request's
    agreement, target line, client, revenue tier, team, type and month. The engine
    has no compliance report model of its own, hence this view."""

    _name = "cr.sla.compliance.report"
    _description = "SLA Compliance Analysis"
    _auto = False
    _order = "date_start desc, id desc"
    _depends = {
        "business.deadline.timer": [
            "rule_id",
            "res_model",
            "res_id",
            "state",
            "start_time",
            "due_time",
            "met_time",
            "breach_time",
            "is_late",
            "is_on_time",
        ],
        "cr.request": [
            "company_id",
            "partner_id",
            "agreement_id",
            "team_id",
            "department_id",
            "kind",
            "priority",
            "state",
        ],
        "res.partner": ["cr_tier_id"],
        "cr.agreement.target": ["agreement_id", "priority"],
    }

    timer_id = fields.Many2one("business.deadline.timer", readonly=True)
    rule_id = fields.Many2one(
        "business.deadline.rule", string="Deadline Rule", readonly=True
    )
    request_id = fields.Many2one("cr.request", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    tier_id = fields.Many2one("cr.tier", string="Revenue Tier", readonly=True)
    agreement_id = fields.Many2one("cr.agreement", readonly=True)
    target_id = fields.Many2one(
        "cr.agreement.target", string="Service Level Target", readonly=True
    )
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
    timer_state = fields.Selection(
        lambda self: self.env["business.deadline.timer"]._fields["state"].selection,
        string="Deadline State",
        readonly=True,
    )
    date_start = fields.Datetime(string="Started On", readonly=True)
    due_time = fields.Datetime(string="Due", readonly=True)
    met_time = fields.Datetime(string="Met On", readonly=True)
    is_on_time = fields.Float(
        string="On Time (%)",
        aggregator="avg",
        readonly=True,
        help="100 for a deadline met on time, 0 for a breached or late one; open "
        "deadlines not yet breached do not count.",
    )
    breached_count = fields.Integer(string="Breached", readonly=True)
    met_count = fields.Integer(string="Met", readonly=True)
    open_count = fields.Integer(string="Open", readonly=True)
    timer_count = fields.Integer(string="Deadlines", readonly=True)

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
                SELECT t.id AS id,
                       t.id AS timer_id,
                       t.rule_id,
                       r.id AS request_id,
                       r.company_id,
                       r.partner_id,
                       p.cr_tier_id AS tier_id,
                       r.agreement_id,
                       tg.id AS target_id,
                       r.team_id,
                       r.department_id,
                       r.kind,
                       r.priority,
                       t.state AS timer_state,
                       t.start_time AS date_start,
                       t.due_time,
                       t.met_time,
                       CASE WHEN t.state = 'met' OR t.breach_time IS NOT NULL
                                 OR t.is_late
                            THEN t.is_on_time END AS is_on_time,
                       CASE WHEN t.breach_time IS NOT NULL OR t.is_late
                            THEN 1 ELSE 0 END AS breached_count,
                       CASE WHEN t.state = 'met' THEN 1 ELSE 0 END AS met_count,
                       CASE WHEN t.state IN ('running', 'paused', 'warning',
                                             'breached')
                            THEN 1 ELSE 0 END AS open_count,
                       1 AS timer_count
                  FROM business_deadline_timer t
                  JOIN cr_request r ON r.id = t.res_id
                  LEFT JOIN res_partner p ON p.id = r.partner_id
                  LEFT JOIN cr_agreement_target tg
                         ON tg.agreement_id = r.agreement_id
                        AND tg.priority = r.priority
                 WHERE t.res_model = 'cr.request'
                   AND t.state != 'cancelled'
            )""",
                SQL.identifier(self._table),
            )
        )
