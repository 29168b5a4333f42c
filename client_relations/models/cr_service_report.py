import logging
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class CrServiceReport(models.Model):
    """A periodic service report of an agreement (003/E5b, HR-D1-6): indicators met
    and failed over a period."""

    _name = "cr.service.report"
    _description = "Service Report"
    _inherit = ["portal.mixin", "mail.thread", "business.state.mixin"]
    _order = "date_to desc, id desc"

    name = fields.Char(required=True)
    agreement_id = fields.Many2one(
        "cr.agreement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="agreement_id.partner_id", store=True, string="Counterparty"
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for report in self:
            report.access_url = f"/my/cr_service_reports/{report.id}"
        return result

    # --- cr-gov
    line_ids = fields.One2many(
        "cr.service.report.line", "report_id", string="Indicators", readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Submitted By",
        domain=[("share", "=", False)],
        tracking=True,
        help="003/E5b: the service level manager who submits the report.",
    )
    date_sent = fields.Datetime(string="Sent On", readonly=True, copy=False)
    request_count = fields.Integer(
        string="Requests", compute="_compute_cr_totals", store=True
    )
    met_count = fields.Integer(string="Met", compute="_compute_cr_totals", store=True)
    breached_count = fields.Integer(
        string="Breached", compute="_compute_cr_totals", store=True
    )
    on_time_rate = fields.Float(
        string="On Time (%)",
        compute="_compute_cr_totals",
        store=True,
        aggregator="avg",
        digits=(16, 1),
    )
    result = fields.Selection(
        [("met", "All Indicators Met"), ("failed", "Indicators Failed")],
        compute="_compute_cr_totals",
        store=True,
        help="003/HR-D1-6: an indicator fails when one of its deadlines was breached.",
    )
    can_send = fields.Boolean(compute="_compute_cr_can")
    can_reset = fields.Boolean(compute="_compute_cr_can")

    @api.depends("line_ids.met_count", "line_ids.breached_count")
    def _compute_cr_totals(self):
        for report in self:
            lines = report.line_ids
            report.request_count = sum(lines.mapped("request_count"))
            report.met_count = met = sum(lines.mapped("met_count"))
            report.breached_count = breached = sum(lines.mapped("breached_count"))
            report.on_time_rate = (
                100.0 * met / (met + breached) if met + breached else 0
            )
            report.result = "failed" if breached else "met"

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_cr_can(self):
        is_slm = self.env.user.has_group("client_relations.group_client_relations_slm")
        for report in self:
            report.can_send = is_slm and report.state == "draft"
            report.can_reset = is_slm and report.state == "sent"

    @api.model
    def _cr_period_bounds(self, day, period):
        """The period (``month``, ``quarter`` or ``year``) holding ``day``."""
        if period == "year":
            start = date(day.year, 1, 1)
            return start, date(day.year, 12, 31)
        if period == "quarter":
            start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
            return start, start + relativedelta(months=3, days=-1)
        start = day.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)

    @api.model
    def _cr_generate(self, agreements, date_from, date_to):
        """003/E5b, HR-D1-6: create the service report of each agreement for the
        period from ``date_from`` to ``date_to`` (once: an agreement that already
        has a report of that period is skipped) and compute its indicators.
        A report specification calls this with its own period. Returns the
        reports created."""
        if date_from > date_to:
            raise ValidationError(
                self.env._("The report period must start before it ends.")
            )
        existing = {
            agreement.id
            for [agreement] in self._read_group(
                [
                    ("agreement_id", "in", agreements.ids),
                    ("date_from", "=", date_from),
                    ("date_to", "=", date_to),
                ],
                ["agreement_id"],
            )
        }
        todo = agreements.filtered(lambda a: a.id not in existing)
        reports = self.create(
            [
                {
                    "name": self.env._(
                        "%(agreement)s: %(start)s - %(end)s",
                        agreement=agreement.name,
                        start=date_from,
                        end=date_to,
                    ),
                    "agreement_id": agreement.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "user_id": agreement.user_id.id,
                }
                for agreement in todo
            ]
        )
        reports._cr_compute_lines()
        return reports

    def _cr_compute_lines(self):
        """Replace the indicator lines of the draft reports: per deadline rule of
        the service requests and priority, the requests whose deadline fell due in
        the period, met on time and breached (003/HR-D1-6). One query per
        period, whatever the number of agreements and requests."""
        drafts = self.filtered(lambda r: r.state == "draft")
        drafts.line_ids.sudo().unlink()
        self.env["business.deadline.timer"].flush_model()
        self.env["cr.request"].flush_model(["agreement_id", "priority"])
        now = fields.Datetime.now()
        groups = {}
        for report in drafts:
            key = (report.company_id, report.date_from, report.date_to)
            groups.setdefault(key, self.browse())
            groups[key] |= report
        vals_list = []
        line_model = self.env["cr.service.report.line"]
        for (company, date_from, date_to), reports in groups.items():
            calendar = self.env["resource.calendar"]._bd_default_calendar(company)
            start = calendar._bd_local_midnight(date_from)
            end = calendar._bd_local_midnight(date_to + timedelta(days=1))
            by_agreement = {report.agreement_id.id: report for report in reports}
            self.env.cr.execute(
                SQL(
                    """
                SELECT r.agreement_id, t.rule_id, r.priority,
                       COUNT(DISTINCT t.res_id),
                       COUNT(*) FILTER (
                           WHERE t.state = 'met' AND NOT COALESCE(t.is_late, FALSE)
                       ),
                       COUNT(*) FILTER (
                           WHERE t.state = 'breached' OR COALESCE(t.is_late, FALSE)
                              OR (t.state IN ('running', 'warning', 'paused')
                                  AND t.due_time < %(now)s)
                       )
                  FROM business_deadline_timer t
                  JOIN cr_request r ON r.id = t.res_id
                 WHERE t.res_model = 'cr.request'
                   AND r.agreement_id = ANY(%(agreements)s)
                   AND t.state != 'cancelled'
                   AND t.due_time >= %(start)s AND t.due_time < %(end)s
                 GROUP BY 1, 2, 3
                    """,
                    now=now,
                    agreements=list(by_agreement),
                    start=start,
                    end=end,
                )
            )
            rows = self.env.cr.fetchall()
            rules = self.env["business.deadline.rule"].browse({row[1] for row in rows})
            names = {rule.id: rule.name for rule in rules.sudo()}
            for agreement_id, rule_id, priority, count, met, breached in rows:
                vals_list.append(
                    {
                        "report_id": by_agreement[agreement_id].id,
                        "rule_id": rule_id,
                        "name": names[rule_id],
                        "priority": priority,
                        "request_count": count,
                        "met_count": met,
                        "breached_count": breached,
                        **line_model._cr_values(met, breached),
                    }
                )
        self.env["cr.service.report.line"].sudo().create(vals_list)
        return True

    def action_refresh(self):
        """Recompute the indicators of a draft report."""
        self._check_state(("draft",), self.env._("Refreshing the indicators"))
        self._cr_compute_lines()
        return True

    def action_send(self):
        """003/E5b: the service level manager submits the report to the client
        (a mail with the printed report) and marks it sent."""
        self._check_state(("draft",), self.env._("Sending a service report"))
        template = self.env.ref("client_relations.mail_template_cr_service_report")
        for report in self:
            if not report.partner_id:
                self._raise_missing(report, self.env._("the agreement has no client."))
        self.write({"state": "sent", "date_sent": fields.Datetime.now()})
        for report in self:
            template.send_mail(report.id)
        return True

    def action_reset_draft(self):
        self._check_state(("sent",), self.env._("Resetting to draft"))
        self.write({"state": "draft", "date_sent": False})
        return True

    @api.model
    def _cron_generate(self, today=None):
        """003/HR-D1-6 (monthly by default): generate, once, the service report of
        the last complete period (the company's setting) of every active
        agreement; a company that fails is logged and skipped."""
        today = today or fields.Date.context_today(self)
        cron = self.env["ir.cron"]
        companies = self.env["res.company"].search([])
        for done, company in enumerate(companies, start=1):
            period = company.cr_service_report_period
            date_from, date_to = self._cr_period_bounds(
                self._cr_period_bounds(today, period)[0] - timedelta(days=1), period
            )
            agreements = self.env["cr.agreement"].search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "active"),
                    "|",
                    ("date_start", "=", False),
                    ("date_start", "<=", date_to),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", date_from),
                ]
            )
            try:
                with self.env.cr.savepoint():
                    self._cr_generate(agreements, date_from, date_to)
            except Exception:
                _logger.exception(
                    "Service reports of company %s not generated", company.id
                )
            cron._commit_progress(1, remaining=len(companies) - done)
        return True

    # --- cr-portal
