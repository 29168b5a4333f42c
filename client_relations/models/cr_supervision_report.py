import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CrSupervisionReport(models.Model):
    """The monthly service supervision report (000/E-CR-11, R-CR-18): the business
    department assesses the technical service department's service acceptance,
    proactive maintenance and other service work, compiled at month-end for the
    general manager."""

    _name = "cr.supervision.report"
    _description = "Service Supervision Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_from = fields.Date(string="Month", required=True, index=True)
    date_to = fields.Date(string="Month End", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Compiled By",
        domain=[("share", "=", False)],
        tracking=True,
        help="000/R-CR-18: the business department compiles the report.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Assessed Department",
        tracking=True,
        help="000/E-CR-11: the technical service department assessed.",
    )
    request_count = fields.Integer(string="Requests Received", readonly=True)
    resolved_count = fields.Integer(string="Requests Resolved", readonly=True)
    breached_count = fields.Integer(string="Deadlines Breached", readonly=True)
    acceptance_assessment = fields.Text(
        string="Service Acceptance",
        help="000/E-CR-11: how the service requests were accepted and handled.",
    )
    maintenance_assessment = fields.Text(
        string="Proactive Maintenance",
        help="000/E-CR-11: the proactive maintenance done for the clients.",
    )
    other_assessment = fields.Text(string="Other Service Work")
    conclusion = fields.Text()
    date_submitted = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted to the General Manager")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    can_submit = fields.Boolean(compute="_compute_can_submit")

    @api.depends("state")
    def _compute_can_submit(self):
        for report in self:
            report.can_submit = report.state == "draft"

    def _cr_compute_figures(self):
        """The month's requests received and resolved, and the deadlines of
        requests breached in the month: one grouped query each for all the
        reports of a month."""
        months = {}
        for report in self:
            months.setdefault((report.date_from, report.date_to), self.browse())
            months[(report.date_from, report.date_to)] |= report
        requests = self.env["cr.request"].sudo()
        for (date_from, date_to), reports in months.items():
            start = fields.Datetime.to_datetime(date_from)
            end = fields.Datetime.to_datetime(date_to + relativedelta(days=1))
            domain = [
                ("company_id", "in", reports.company_id.ids),
                ("date_received", ">=", start),
                ("date_received", "<", end),
            ]
            received = dict(requests._read_group(domain, ["company_id"], ["__count"]))
            resolved = dict(
                requests._read_group(
                    domain + [("state", "in", ("resolved", "confirmed", "closed"))],
                    ["company_id"],
                    ["__count"],
                )
            )
            breached = dict(
                self.env["business.deadline.timer"]
                .sudo()
                ._read_group(
                    [
                        ("res_model", "=", "cr.request"),
                        ("company_id", "in", reports.company_id.ids),
                        ("breach_time", ">=", start),
                        ("breach_time", "<", end),
                    ],
                    ["company_id"],
                    ["__count"],
                )
            )
            for report in reports:
                report.write(
                    {
                        "request_count": received.get(report.company_id, 0),
                        "resolved_count": resolved.get(report.company_id, 0),
                        "breached_count": breached.get(report.company_id, 0),
                    }
                )

    def action_refresh(self):
        self._check_state(("draft",), self.env._("Refreshing the figures"))
        self._cr_compute_figures()
        return True

    def action_submit(self):
        """000/R-CR-18: the report goes to the general manager at month-end."""
        self._check_state(("draft",), self.env._("Submitting the report"))
        for report in self:
            if (
                not (report.acceptance_assessment or "").strip()
                or not (report.maintenance_assessment or "").strip()
            ):
                self._raise_missing(
                    report,
                    self.env._(
                        "assess the service acceptance and the proactive "
                        "maintenance (000/E-CR-11)."
                    ),
                )
        self.write({"state": "submitted", "date_submitted": fields.Datetime.now()})
        return True

    def action_reset_draft(self):
        self._check_state(("submitted",), self.env._("Resetting to draft"))
        self.write({"state": "draft", "date_submitted": False})
        return True

    @api.model
    def _cron_create_monthly(self, today=None):
        """000/R-CR-18, C-CR-6 (daily check): at month-end (the company's lead
        days before the last day), create the month's report once per company."""
        today = today or fields.Date.context_today(self)
        date_from = today.replace(day=1)
        date_to = date_from + relativedelta(months=1, days=-1)
        companies = self.env["res.company"].search([])
        done = {
            company.id
            for [company] in self._read_group(
                [("date_from", "=", date_from)], ["company_id"]
            )
        }
        todo = companies.filtered(
            lambda c: c.id not in done
            and today >= date_to - relativedelta(days=c.cr_supervision_lead_days)
        )
        created = self.browse()
        for company in todo:
            try:
                with self.env.cr.savepoint():
                    created |= self.create(
                        {
                            "name": self.env._(
                                "Service Supervision Report %(month)s",
                                month=date_from.strftime("%Y-%m"),
                            ),
                            "company_id": company.id,
                            "date_from": date_from,
                            "date_to": date_to,
                        }
                    )
            except Exception:
                _logger.exception(
                    "Supervision report of company %s not created", company.id
                )
        created._cr_compute_figures()
        return created
