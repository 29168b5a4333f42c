import logging
from datetime import datetime, time, timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CrReturnWeek(models.Model):
    """001/R-10, CR-11: every Saturday, the return visits done this week and the
    number planned next week, archived for the department head; with each staff
    member's phone visits (R-13: at least 18) and appointments (R-34: at least 1 a
    week, Saturday to Friday)."""

    _name = "cr.return.week"
    _description = "Weekly Return Visit Statistics"
    _inherit = ["mail.thread"]
    _order = "week_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    department_id = fields.Many2one("hr.department", index=True)
    head_id = fields.Many2one(
        "res.users", string="Department Head", compute="_compute_head_id", store=True
    )
    week_start = fields.Date(required=True, readonly=True, index=True)
    week_end = fields.Date(required=True, readonly=True)
    visits_done = fields.Integer(string="Done This Week", readonly=True)
    visits_planned_next = fields.Integer(string="Planned Next Week", readonly=True)
    line_ids = fields.One2many("cr.return.week.line", "week_id", readonly=True)
    shortfall_count = fields.Integer(
        string="Staff Below Minimum", compute="_compute_shortfall_count", store=True
    )

    _week_uniq = models.Constraint(
        "UNIQUE NULLS NOT DISTINCT(company_id, department_id, week_start)",
        "One weekly statistic per department and week.",
    )

    @api.depends("week_start", "department_id")
    def _compute_name(self):
        for week in self:
            week.name = f"{week.department_id.name or '-'} {week.week_start or ''}"

    @api.depends("department_id.manager_id.user_id")
    def _compute_head_id(self):
        for week in self:
            week.head_id = week.department_id.manager_id.user_id

    @api.depends("line_ids.is_phone_met", "line_ids.is_appointment_met")
    def _compute_shortfall_count(self):
        for week in self:
            week.shortfall_count = len(
                week.line_ids.filtered(
                    lambda line: not (line.is_phone_met and line.is_appointment_met)
                )
            )

    @api.model
    def _cr_week_bounds(self, day, company):
        """The week (001/R-34: Saturday to Friday by default) containing ``day``."""
        first = int(company.cr_return_week_start)
        start = day - timedelta(days=(day.weekday() - first) % 7)
        return start, start + timedelta(days=6)

    @api.model
    def _cron_weekly_statistics(self, today=None):
        """Weekly (001/S-11): the statistics of the week for each department with
        return visits, once per week and department (idempotent). Counted by
        ``_read_group``: a constant number of queries per company."""
        cron = self.env["ir.cron"]
        for company in self.env["res.company"].search([]):
            self._cr_make_weekly_statistics(company, today)
            cron._commit_progress(1)
        return True

    @api.model
    def _cr_make_weekly_statistics(self, company=None, today=None):
        """The statistics of one company's week (no commit)."""
        company = company or self.env.company
        today = today or fields.Date.context_today(self)
        visits = self.env["cr.return.visit"]
        # the week ending yesterday (on Saturday: the Saturday-to-Friday week)
        start, end = self._cr_week_bounds(today - timedelta(days=1), company)
        since = datetime.combine(start, time.min)
        until = datetime.combine(end + timedelta(days=1), time.min)
        base = [("company_id", "=", company.id)]
        done = visits._read_group(
            [
                *base,
                ("state", "=", "done"),
                ("date_done", ">=", since),
                ("date_done", "<", until),
            ],
            ["department_id", "user_id", "method"],
            ["__count"],
        )
        booked = visits._read_group(
            [
                *base,
                ("appointment_datetime", ">=", since),
                ("appointment_datetime", "<", until),
            ],
            ["department_id", "user_id"],
            ["__count"],
        )
        planned = dict(
            visits._read_group(
                [
                    *base,
                    ("state", "in", ("planned", "rescheduled")),
                    ("date_planned", ">", end),
                    ("date_planned", "<=", end + timedelta(days=7)),
                ],
                ["department_id"],
                ["__count"],
            )
        )
        existing = self.search([*base, ("week_start", "=", start)]).department_id
        departments = {dept for dept, _u, _m, _c in done} | set(planned)
        phone_min = company.cr_return_weekly_phone_min
        appointment_min = company.cr_return_weekly_appointment_min
        for department in departments:
            if department in existing or (
                not department
                and self.search_count(
                    [*base, ("week_start", "=", start), ("department_id", "=", False)]
                )
            ):
                continue
            users = {}
            for dept, user, method, count in done:
                if dept == department and user:
                    row = users.setdefault(user, [0, 0, 0])
                    row[0] += count
                    if method == "phone":
                        row[1] += count
            for dept, user, count in booked:
                if dept == department and user:
                    users.setdefault(user, [0, 0, 0])[2] += count
            try:
                with self.env.cr.savepoint():
                    week = self.create(
                        {
                            "company_id": company.id,
                            "department_id": department.id,
                            "week_start": start,
                            "week_end": end,
                            "visits_done": sum(
                                c for d, _u, _m, c in done if d == department
                            ),
                            "visits_planned_next": planned.get(department, 0),
                            "line_ids": [
                                fields.Command.create(
                                    {
                                        "user_id": user.id,
                                        "visits_done": row[0],
                                        "phone_count": row[1],
                                        "appointment_count": row[2],
                                        "phone_minimum": phone_min,
                                        "appointment_minimum": appointment_min,
                                    }
                                )
                                for user, row in users.items()
                            ],
                        }
                    )
                    if week.head_id:
                        week.message_post(
                            body=self.env._(
                                "Weekly return visit statistics for the "
                                "department head."
                            ),
                            partner_ids=week.head_id.partner_id.ids,
                        )
            except Exception:
                _logger.exception(
                    "Weekly statistics of department %s not created", department.id
                )
        return True


class CrReturnWeekLine(models.Model):
    _name = "cr.return.week.line"
    _description = "Weekly Return Visit Statistics per Staff Member"
    _order = "week_id, user_id"

    week_id = fields.Many2one(
        "cr.return.week", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="week_id.company_id", store=True)
    department_id = fields.Many2one(related="week_id.department_id", store=True)
    user_id = fields.Many2one("res.users", string="Staff Member", required=True)
    visits_done = fields.Integer()
    phone_count = fields.Integer(string="Phone Visits")
    phone_minimum = fields.Integer(help="001/R-13: at least 18 phone visits a week.")
    appointment_count = fields.Integer(string="Appointments")
    appointment_minimum = fields.Integer(
        help="001/R-34: at least 1 appointment a week (Saturday to Friday)."
    )
    is_phone_met = fields.Boolean(
        string="Phone Minimum Met", compute="_compute_met", store=True
    )
    is_appointment_met = fields.Boolean(
        string="Appointment Minimum Met", compute="_compute_met", store=True
    )

    @api.depends(
        "phone_count", "phone_minimum", "appointment_count", "appointment_minimum"
    )
    def _compute_met(self):
        for line in self:
            line.is_phone_met = line.phone_count >= line.phone_minimum
            line.is_appointment_met = line.appointment_count >= line.appointment_minimum
