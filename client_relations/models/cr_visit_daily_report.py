import logging
from datetime import timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CrVisitDailyReport(models.Model):
    """《巡访日报表》: a visitor's visits of one day with the six items, submitted
    to the supervisor with the client cards (000/E-CR-4, R-CR-12; 002/E32, R23)."""

    _name = "cr.visit.daily.report"
    _description = "Daily Visit Report"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Visitor",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        index=True,
        tracking=True,
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_from_user",
        store=True,
        readonly=False,
        index=True,
    )
    supervisor_id = fields.Many2one(
        "res.users",
        compute="_compute_from_user",
        store=True,
        readonly=False,
        domain=[("share", "=", False)],
        tracking=True,
    )
    visit_ids = fields.One2many("cr.visit", "daily_report_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")
    other_info = fields.Text(string="Other Matters to Report")
    report_days = fields.Integer(compute="_compute_report_days")
    date_due = fields.Datetime(string="Due", readonly=True, copy=False)
    date_submitted = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    is_late = fields.Boolean(string="Submitted Late", readonly=True, copy=False)
    review_note = fields.Text(string="Supervisor's Comments")
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("reviewed", "Reviewed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    can_submit = fields.Boolean(compute="_compute_can")
    can_review = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    _user_date_uniq = models.UniqueIndex(
        "(user_id, date, company_id)",
        "A visitor has one daily visit report per day.",
    )

    @api.depends("user_id", "company_id")
    def _compute_from_user(self):
        for report in self:
            employee = (
                report.user_id.employee_ids.filtered(
                    lambda e, r=report: e.company_id == r.company_id
                )[:1]
                or report.user_id.employee_ids[:1]
            )
            report.department_id = employee.department_id
            report.supervisor_id = (
                employee.parent_id.user_id or employee.department_id.manager_id.user_id
            )

    def _compute_visit_count(self):
        for report in self:
            report.visit_count = len(report.visit_ids)

    @api.depends("company_id")
    def _compute_report_days(self):
        for report in self:
            report.report_days = report.company_id.cr_visit_daily_report_days

    @api.depends_context("uid")
    @api.depends("state", "supervisor_id")
    def _compute_can(self):
        user = self.env.user
        is_service = user.has_group("client_relations.group_client_relations_service")
        for report in self:
            report.can_submit = report.state == "draft"
            report.can_review = report.state == "submitted" and (
                is_service or report.supervisor_id == user
            )
            report.can_reset = report.state == "submitted"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("cr.visit.daily.report") or "/"
                )
        reports = super().create(vals_list)
        reports._collect_visits()
        return reports

    def _collect_visits(self):
        """Attach the visitor's visits of the day that no report holds yet."""
        if not self:
            return
        visits = self.env["cr.visit"].search(
            [
                ("user_id", "in", self.user_id.ids),
                ("visit_day", "in", list(set(self.mapped("date")))),
                ("daily_report_id", "=", False),
                ("state", "!=", "cancel"),
            ]
        )
        for report in self:
            visits.filtered(
                lambda v, r=report: v.user_id == r.user_id
                and v.visit_day == r.date
                and v.company_id == r.company_id
            ).daily_report_id = report

    def action_collect(self):
        self._check_state(["draft"], self.env._("Collecting the day's visits"))
        self._collect_visits()
        return True

    def action_submit(self):
        """000/R-CR-12: the visitor submits the day's report to the supervisor."""
        self._check_state(["draft"], self.env._("Submitting the daily report"))
        self._collect_visits()
        for report in self:
            if not report.visit_ids and not (report.other_info or "").strip():
                self._raise_missing(
                    report,
                    self.env._("the report has no visit and nothing else to report."),
                )
        now = fields.Datetime.now()
        self.write({"state": "submitted", "date_submitted": now})
        self.env.flush_all()
        self.invalidate_recordset(["date_due"])
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for report in self:
            report.is_late = bool(report.date_due and now > report.date_due)
            if report.supervisor_id:
                report.message_subscribe(
                    partner_ids=report.supervisor_id.partner_id.ids
                )
                report.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Review the daily visit report"),
                    user_id=report.supervisor_id.id,
                )
        return True

    def action_review(self):
        self._check_state(["submitted"], self.env._("Reviewing the daily report"))
        for report in self:
            if not report.can_review:
                self._raise_missing(
                    report, self.env._("only the visitor's supervisor reviews it.")
                )
        self.write({"state": "reviewed"})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_reset(self):
        self._check_state(["submitted"], self.env._("Returning the daily report"))
        self.write({"state": "draft"})
        return True

    # ------------------------------------------------------------------ cron

    @api.model
    def _cron_remind_daily_reports(self, today=None):
        """000/R-CR-12 (daily scheduled action): every visitor with visits up to
        today (within the look-back days) and no daily report for that day gets a
        draft report and one reminder activity; a report already there is not
        reminded twice."""
        today = today or fields.Date.context_today(self)
        start = today - timedelta(days=self.env.company.cr_visit_report_lookback_days)
        pairs = self.env["cr.visit"]._read_group(
            [
                ("visit_day", ">=", start),
                ("visit_day", "<=", today),
                ("daily_report_id", "=", False),
                ("state", "!=", "cancel"),
            ],
            ["user_id", "visit_day:day", "company_id"],
        )
        existing = {
            (report.user_id.id, report.date, report.company_id.id): report
            for report in self.search([("date", ">=", start), ("date", "<=", today)])
        }
        todo = self.browse()
        for user, day, company in pairs:
            report = existing.get((user.id, day, company.id))
            try:
                with self.env.cr.savepoint():
                    if report:
                        report._collect_visits()
                    else:
                        report = self.create(
                            {"user_id": user.id, "date": day, "company_id": company.id}
                        )
                    todo |= report
            except Exception:
                _logger.exception("Daily visit report of user %s not prepared", user.id)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for report in todo.filtered(
            lambda r: r.state == "draft" and not r.reminder_sent
        ):
            try:
                with self.env.cr.savepoint():
                    report.activity_schedule(
                        activity_type_id=activity_type.id,
                        date_deadline=report.date,
                        summary=self.env._("Submit your daily visit report"),
                        user_id=report.user_id.id,
                    )
                    report.reminder_sent = True
            except Exception:
                _logger.exception("Daily report reminder %s failed", report.id)
        self.env["ir.cron"]._commit_progress(len(todo))
        return todo
