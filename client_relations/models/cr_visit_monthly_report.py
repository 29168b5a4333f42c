import logging
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CrVisitMonthlyReport(models.Model):
    """《每月巡访情况报告书》: the unit head compiles the month's daily reports
    and submits them to the company's leadership (000/E-CR-5, R-CR-13; 002/E33,
    R24)."""

    _name = "cr.visit.monthly.report"
    _description = "Monthly Visit Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "date_month desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Business Unit",
        required=True,
        index=True,
        tracking=True,
    )
    date_month = fields.Date(
        string="Month",
        required=True,
        help="The first day of the month reported.",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Unit Head",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    daily_report_ids = fields.Many2many(
        "cr.visit.daily.report",
        "cr_visit_monthly_daily_rel",
        "monthly_id",
        "daily_id",
        string="Daily Reports",
    )
    visits_planned = fields.Integer(readonly=True)
    visits_done = fields.Integer(readonly=True)
    visits_on_time = fields.Integer(readonly=True)
    summary = fields.Text(string="Visits of the Month")
    client_feedback = fields.Text(string="Client Opinions and Wishes")
    market_info = fields.Text(string="Market and Competitors")
    issues = fields.Text(string="Main Issues and Handling")
    proposals = fields.Text(string="Proposals to the Leadership")
    date_submitted = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    can_submit = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    _department_month_uniq = models.UniqueIndex(
        "(department_id, date_month, company_id)",
        "A business unit has one monthly visit report per month.",
    )

    @api.depends("state")
    def _compute_can(self):
        for report in self:
            report.can_submit = report.state == "draft"
            report.can_reset = report.state == "submitted"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("cr.visit.monthly.report")
                    or "/"
                )
            if vals.get("date_month"):
                vals["date_month"] = fields.Date.to_date(vals["date_month"]).replace(
                    day=1
                )
        return super().create(vals_list)

    def action_compile(self):
        """Gather the unit's daily reports of the month and count its visits."""
        self._check_state(["draft"], self.env._("Compiling the monthly report"))
        for report in self:
            start = report.date_month
            end = start + relativedelta(months=1)
            dailies = self.env["cr.visit.daily.report"].search(
                [
                    ("department_id", "=", report.department_id.id),
                    ("company_id", "=", report.company_id.id),
                    ("date", ">=", start),
                    ("date", "<", end),
                    ("state", "!=", "draft"),
                ]
            )
            [(planned, done, on_time)] = self.env["cr.visit"]._read_group(
                [
                    ("department_id", "=", report.department_id.id),
                    ("company_id", "=", report.company_id.id),
                    ("visit_day", ">=", start),
                    ("visit_day", "<", end),
                    ("state", "!=", "cancel"),
                ],
                [],
                ["__count", "done_count:sum", "on_time_count:sum"],
            )
            report.write(
                {
                    "daily_report_ids": [(6, 0, dailies.ids)],
                    "visits_planned": planned,
                    "visits_done": done,
                    "visits_on_time": on_time,
                }
            )
        return True

    def action_submit(self):
        """000/R-CR-13: the unit head submits the report to the leadership."""
        self._check_state(["draft"], self.env._("Submitting the monthly report"))
        for report in self:
            if not (report.summary or "").strip():
                self._raise_missing(
                    report, self.env._("summarise the visits of the month.")
                )
        self.write({"state": "submitted", "date_submitted": fields.Datetime.now()})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_reset(self):
        self._check_state(["submitted"], self.env._("Returning the monthly report"))
        self.write({"state": "draft"})
        return True

    # ------------------------------------------------------------------ cron

    @api.model
    def _cron_create_monthly_reports(self, today=None):
        """000/R-CR-13 (monthly scheduled action): from the company's report day
        on, each business unit with visits last month gets one compiled draft of
        last month's report and an activity for its head; never twice."""
        today = today or fields.Date.context_today(self)
        month = date(today.year, today.month, 1) - relativedelta(months=1)
        created = self.browse()
        companies = self.env["res.company"].search(
            [("cr_visit_monthly_report_day", "<=", today.day)]
        )
        groups = self.env["cr.visit"]._read_group(
            [
                ("company_id", "in", companies.ids),
                ("visit_day", ">=", month),
                ("visit_day", "<", month + relativedelta(months=1)),
                ("department_id", "!=", False),
            ],
            ["company_id", "department_id"],
        )
        existing = {
            (company.id, department.id)
            for company, department in self._read_group(
                [("date_month", "=", month), ("company_id", "in", companies.ids)],
                ["company_id", "department_id"],
            )
        }
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for company, department in groups:
            if (company.id, department.id) in existing:
                continue
            head = department.manager_id.user_id
            try:
                with self.env.cr.savepoint():
                    report = self.create(
                        {
                            "company_id": company.id,
                            "department_id": department.id,
                            "date_month": month,
                            "user_id": head.id or False,
                        }
                    )
                    report.action_compile()
                    if head:
                        report.activity_schedule(
                            activity_type_id=activity_type.id,
                            summary=self.env._("Compile the monthly visit report"),
                            user_id=head.id,
                        )
                    created |= report
            except Exception:
                _logger.exception(
                    "Monthly visit report of department %s not created", department.id
                )
        self.env["ir.cron"]._commit_progress(len(groups))
        return created
