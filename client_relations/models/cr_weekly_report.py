import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CrWeeklyReport(models.Model):
    """The weekly service report of a technical service engineer (000/E-CR-12,
    R-CR-19): this week's client service and the clients' feedback, for the
    Friday-afternoon department meeting."""

    _name = "cr.weekly.report"
    _description = "Weekly Service Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "date_from desc, user_id"

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Engineer",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        index=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        index="btree_not_null",
    )
    date_from = fields.Date(string="Week", required=True, index=True)
    date_to = fields.Date(string="Week End", required=True)
    request_count = fields.Integer(
        string="Requests Handled",
        readonly=True,
        help="The requests of the engineer received this week.",
    )
    situation = fields.Text(
        string="Client Service This Week",
        help="000/E-CR-12: this week's client service situation.",
    )
    feedback = fields.Text(
        string="Client Feedback", help="000/E-CR-12: the clients' feedback."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    _user_week_uniq = models.Constraint(
        "unique(user_id, date_from)", "An engineer writes one report per week."
    )

    @api.depends("user_id")
    def _compute_department_id(self):
        for report in self:
            report.department_id = report.user_id.sudo().employee_ids[:1].department_id

    def action_submit(self):
        """000/R-CR-19: the engineer hands in the report for the Friday meeting."""
        self._check_state(("draft",), self.env._("Submitting the weekly report"))
        for report in self:
            if not (report.situation or "").strip():
                self._raise_missing(
                    report, self.env._("describe this week's client service.")
                )
        self.write({"state": "submitted"})
        return True

    def action_reset_draft(self):
        self._check_state(("submitted",), self.env._("Resetting to draft"))
        self.write({"state": "draft"})
        return True

    @api.model
    def _cr_staff(self, company):
        """The technical service staff: members and leaders of the company's
        first- and second-line teams."""
        teams = self.env["cr.team"].search(
            [("company_id", "=", company.id), ("level", "in", ("first", "second"))]
        )
        return (teams.member_ids | teams.leader_id).filtered(lambda u: not u.share)

    @api.model
    def _cron_create_weekly(self, today=None):
        """000/R-CR-19, C-CR-7 (daily check): from the company's report day (Friday
        by default), draft this week's report of each technical service engineer,
        once."""
        today = today or fields.Date.context_today(self)
        date_from = today - relativedelta(days=today.weekday())
        date_to = date_from + relativedelta(days=6)
        existing = {
            user.id
            for [user] in self._read_group([("date_from", "=", date_from)], ["user_id"])
        }
        requests = self.env["cr.request"].sudo()
        created = self.browse()
        for company in self.env["res.company"].search([]):
            if today.weekday() < int(company.cr_weekly_report_weekday):
                continue
            staff = self._cr_staff(company).filtered(lambda u: u.id not in existing)
            if not staff:
                continue
            counts = dict(
                requests._read_group(
                    [
                        ("company_id", "=", company.id),
                        ("user_id", "in", staff.ids),
                        ("date_received", ">=", date_from),
                        ("date_received", "<", date_to + relativedelta(days=1)),
                    ],
                    ["user_id"],
                    ["__count"],
                )
            )
            for user in staff:
                try:
                    with self.env.cr.savepoint():
                        created |= self.create(
                            {
                                "name": self.env._(
                                    "Weekly report %(user)s %(week)s",
                                    user=user.name,
                                    week=date_from,
                                ),
                                "company_id": company.id,
                                "user_id": user.id,
                                "date_from": date_from,
                                "date_to": date_to,
                                "request_count": counts.get(user, 0),
                            }
                        )
                        existing.add(user.id)
                except Exception:
                    _logger.exception("Weekly report of user %s not created", user.id)
        return created
