import logging
from datetime import datetime, time, timedelta

from pytz import utc

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.business_deadline.tools.bulk import next_ids

_logger = logging.getLogger(__name__)

YES_NO = [("yes", "Yes"), ("no", "No")]


def _column_value(field, value):
    """The column value of a simple field's value (as ``convert_to_column``)."""
    if field.type == "boolean":
        return bool(value)
    if field.type in ("integer", "float", "monetary"):
        return value or 0
    return None if value is False else value


class CrReturnVisit(models.Model):
    """A return visit (回访) with its own deadline (000/E-CR-8; 001/CR-3, CR-9;
    004/CR-4): generated from a served project's cadence, after a closed request or
    a repair, or for a client not served for a while. Its due date is the timer of
    the deadline rule ``rule_cr_return_visit_due`` (``date_due``)."""

    _name = "cr.return.visit"
    _description = "Return Visit"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "date_planned desc, id desc"

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, tracking=True, index=True
    )
    contact_id = fields.Many2one("res.partner", string="Person Visited")
    project_id = fields.Many2one(
        "cr.project", tracking=True, index="btree_not_null", ondelete="cascade"
    )
    request_id = fields.Many2one(
        "cr.request",
        string="Closed Request",
        index="btree_not_null",
        ondelete="set null",
        help="004/R2-13: the service request or complaint this visit follows.",
    )
    cadence_id = fields.Many2one(
        "cr.return.cadence", required=True, tracking=True, ondelete="restrict"
    )
    regime = fields.Selection(related="cadence_id.regime", store=True)
    requires_report = fields.Boolean(related="cadence_id.requires_report", store=True)
    method = fields.Selection(
        [
            ("phone", "Phone"),
            ("sms", "SMS"),
            ("onsite", "On Site"),
            ("email", "E-mail"),
            ("letter", "Letter"),
        ],
        required=True,
        default="phone",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Visitor",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    department_id = fields.Many2one("hr.department", tracking=True, index=True)
    supervisor_id = fields.Many2one(
        "res.users",
        compute="_compute_supervisor_id",
        store=True,
        help="The department's manager: first escalation of an overdue visit.",
    )
    cs_manager_id = fields.Many2one(
        "res.users",
        string="Customer Service Manager",
        compute="_compute_cs_manager_id",
        store=True,
        help="Second escalation of an overdue visit (company setting).",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("rescheduled", "Appointment Booked"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    date_scheduled = fields.Date(
        string="Cadence Date",
        readonly=True,
        index=True,
        help="The date the cadence gives (before moving it out of holidays).",
    )
    date_planned = fields.Date(
        string="Planned On",
        required=True,
        tracking=True,
        index=True,
        help="001/R-35: a cadence date on a holiday moves to the working day before.",
    )
    date_clock_start = fields.Datetime(
        string="Clock Start",
        readonly=True,
        help="When the visit's clock starts: the repair or the closing of the "
        "request, else the opening of the visit's window.",
    )
    allowed_days = fields.Integer(
        readonly=True,
        help="Calendar days from the clock start to the end of the planned day.",
    )
    date_due = fields.Datetime(
        string="Due On",
        readonly=True,
        copy=False,
        index=True,
        help="From the deadline rule of return visits.",
    )
    date_done = fields.Datetime(string="Done On", readonly=True, copy=False)
    is_on_time = fields.Boolean(
        string="On Time",
        readonly=True,
        copy=False,
        help="Done before its due time.",
    )
    content = fields.Text(string="Visit Content")
    # 004/R2-7 to R2-12: the questionnaire of a return visit
    client_available = fields.Boolean(
        string="Convenient Now",
        default=True,
        help="004/R2-12: if the client is not available, book an appointment.",
    )
    appointment_datetime = fields.Datetime(string="Appointment", tracking=True)
    q_problem_solved = fields.Selection(YES_NO, string="Problem Solved")
    q_technician_attitude = fields.Selection(
        [
            ("satisfied", "Satisfied"),
            ("average", "Average"),
            ("unsatisfied", "Unsatisfied"),
        ],
        string="Technician Attitude",
    )
    q_charged = fields.Selection(YES_NO, string="Charged")
    q_score = fields.Integer(string="Score", help="004/R2-10: from 1 to 10.")
    q_suggestions = fields.Text(string="Suggestions")
    payment_reminder_given = fields.Boolean(
        help="004/R2-11: only when the client is satisfied and has not paid."
    )
    # 001/CR-9: repair return visits
    repair_category = fields.Selection(
        [
            ("safety", "Safety Facility"),
            ("leak", "Water Leak"),
            ("other", "Other Repair"),
        ]
    )
    repair_date = fields.Datetime(string="Repaired On")
    repair_user_id = fields.Many2one(
        "res.users", string="Repair Staff", domain=[("share", "=", False)]
    )
    visitor_role = fields.Selection(
        [
            ("manager", "Manager"),
            ("supervisor", "Supervisor"),
            ("repair_lead", "Repair Lead"),
        ],
        help="001/R-44 to R-46: the role of the visitor.",
    )
    check_site = fields.Boolean(string="Repair Inspected on Site")
    check_service = fields.Boolean(string="Repair Staff's Service Asked")
    check_suggestions = fields.Boolean(string="Suggestions Asked")
    check_charges = fields.Boolean(string="Charges Verified")
    check_signed = fields.Boolean(string="Visitee Signed")
    problem_found = fields.Boolean(tracking=True)
    problems = fields.Text(string="Problems Found")
    date_rectification_notice = fields.Datetime(
        string="Rectification Notice Sent", readonly=True, copy=False, tracking=True
    )
    rectify_hours = fields.Integer(readonly=True)
    rectify_due = fields.Datetime(string="Notice Due", readonly=True, copy=False)
    is_rectified = fields.Boolean(string="Rectified", tracking=True)
    # 001/R-61: two signatures on an on-site record
    cs_signed_by_id = fields.Many2one(
        "res.users", string="Signed by Customer Service", readonly=True, copy=False
    )
    tech_signed_by_id = fields.Many2one(
        "res.users", string="Signed by Technical Service", readonly=True, copy=False
    )
    # 001/R-36 to R-38: report and materials
    date_report = fields.Datetime(string="Report Written", readonly=True, copy=False)
    report_days = fields.Integer(readonly=True)
    report_due = fields.Datetime(readonly=True, copy=False)
    date_submitted = fields.Datetime(
        string="Materials Submitted", readonly=True, copy=False
    )
    submit_days = fields.Integer(readonly=True)
    submit_due = fields.Datetime(readonly=True, copy=False)
    extension_reason = fields.Text(tracking=True)
    extension_approved_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    can_done = fields.Boolean(compute="_compute_can")
    can_reschedule = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_report = fields.Boolean(compute="_compute_can")
    can_notify = fields.Boolean(compute="_compute_can")

    _score_range = models.Constraint(
        "CHECK(q_score IS NULL OR (q_score >= 0 AND q_score <= 10))",
        "The score is from 1 to 10 (004/R2-10).",
    )

    @api.depends("department_id.manager_id.user_id")
    def _compute_supervisor_id(self):
        for visit in self:
            visit.supervisor_id = visit.department_id.manager_id.user_id

    @api.depends("company_id.cr_return_cs_manager_id")
    def _compute_cs_manager_id(self):
        for visit in self:
            visit.cs_manager_id = visit.company_id.cr_return_cs_manager_id

    @api.depends("state", "problem_found", "date_rectification_notice", "date_report")
    def _compute_can(self):
        for visit in self:
            open_ = visit.state in ("planned", "rescheduled")
            visit.can_done = open_
            visit.can_reschedule = open_
            visit.can_cancel = open_
            visit.can_report = visit.state == "done" and visit.requires_report
            visit.can_notify = (
                visit.state == "done"
                and visit.problem_found
                and not visit.date_rectification_notice
            )

    # ------------------------------------------------------------------ guards

    @api.constrains("q_score", "q_problem_solved", "q_technician_attitude", "q_charged")
    def _check_score(self):
        for visit in self:
            answered = (
                visit.q_problem_solved or visit.q_technician_attitude or visit.q_charged
            )
            if not 0 <= visit.q_score <= 10 or (answered and not visit.q_score):
                raise ValidationError(
                    self.env._("The score is a whole number from 1 to 10.")
                )

    @api.constrains("payment_reminder_given", "q_technician_attitude", "q_charged")
    def _check_payment_reminder(self):
        for visit in self:
            if visit.payment_reminder_given and not (
                visit.q_technician_attitude == "satisfied" and visit.q_charged == "no"
            ):
                raise ValidationError(
                    self.env._(
                        "Remind the client to pay only when the client is satisfied "
                        "and has not paid yet."
                    )
                )

    @api.constrains("state", "client_available", "appointment_datetime")
    def _check_appointment(self):
        for visit in self:
            if (
                visit.state == "rescheduled" or not visit.client_available
            ) and not visit.appointment_datetime:
                raise ValidationError(
                    self.env._(
                        "The client is not available: book the appointment time of "
                        "the return visit."
                    )
                )

    # ------------------------------------------------------------------ planning

    @api.model
    def _cr_local_midnight(self, calendar, day):
        """Naive UTC datetime of the local midnight starting ``day``."""
        tz = calendar._bd_tz()
        moment = tz.localize(datetime.combine(day, time.min))
        return moment.astimezone(utc).replace(tzinfo=None)

    @api.model
    def _cr_working_days(self, calendar, first_day, last_day):
        """The set of working days of the calendar between two dates: one timeline
        (the set form of ``_bd_is_working_day``, for a whole batch)."""
        return set(calendar._bd_timeline(first_day, last_day).working_days())

    @api.model
    def _cr_before_holidays(self, day, working_days, not_before=None):
        """001/R-35: the working day on or before ``day`` (never before
        ``not_before``); ``day`` itself when no such day is known."""
        moved = day
        while moved not in working_days:
            moved -= timedelta(days=1)
            if (not_before and moved <= not_before) or (day - moved).days > 60:
                return day
        return moved

    @api.model
    def _cr_plan_vals(self, vals_list):
        """Fill the planning of new visits (planned date, clock start, allowed days)
        from their cadence, set-based: one timeline per company calendar.

        A visit with a cadence date (projects, client regimes) is due at the end of
        its planned day and its clock starts ``allowed_days`` before. A visit with a
        start (repair, closed request) is due ``allowed_days`` after it. Either way a
        planned day on a holiday moves to the working day before (001/R-35)."""
        cadences = self.env["cr.return.cadence"].browse(
            {vals["cadence_id"] for vals in vals_list if vals.get("cadence_id")}
        )
        cadences.fetch(["allowed_days", "move_before_holidays"])
        calendar_model = self.env["resource.calendar"]
        by_company = {}
        for vals in vals_list:
            if vals.get("date_clock_start") and vals.get("date_planned"):
                continue
            company_id = vals.get("company_id") or self.env.company.id
            by_company.setdefault(company_id, []).append(vals)
        for company_id, rows in by_company.items():
            calendar = calendar_model._bd_default_calendar(
                self.env["res.company"].browse(company_id)
            )
            plans = []
            for vals in rows:
                cadence = cadences.browse(vals.get("cadence_id"))
                allowed = cadence.allowed_days or 1
                start = fields.Datetime.to_datetime(vals.get("date_clock_start"))
                if start:
                    start_day = calendar._bd_local_date(start)
                    nominal = start_day + timedelta(days=allowed)
                else:
                    start_day = None
                    nominal = fields.Date.to_date(
                        vals.get("date_planned") or vals.get("date_scheduled")
                    ) or fields.Date.context_today(self)
                plans.append((vals, cadence, allowed, start, start_day, nominal))
            moving = [plan[5] for plan in plans if plan[1].move_before_holidays]
            working = (
                self._cr_working_days(
                    calendar, min(moving) - timedelta(days=60), max(moving)
                )
                if moving
                else set()
            )
            midnights = {}
            for vals, cadence, allowed, start, start_day, nominal in plans:
                planned = nominal
                if cadence.move_before_holidays and not vals.get("date_planned"):
                    planned = self._cr_before_holidays(nominal, working, start_day)
                vals.setdefault("date_scheduled", nominal)
                vals["date_planned"] = planned
                if start:
                    vals["allowed_days"] = max((planned - start_day).days, 1)
                else:
                    vals["allowed_days"] = allowed
                    clock_day = planned - timedelta(days=allowed)
                    if clock_day not in midnights:
                        midnights[clock_day] = self._cr_local_midnight(
                            calendar, clock_day
                        )
                    vals["date_clock_start"] = midnights[clock_day]
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        self._cr_prepare_vals(vals_list)
        return super().create(vals_list)

    @api.model
    def _cr_prepare_vals(self, vals_list):
        """What ``create`` adds to new visits (cadence of a repair, clock start,
        company days, planning, numbers): shared by the set-based insert."""
        companies = {}
        for vals in vals_list:
            if not vals.get("cadence_id") and vals.get("repair_category"):
                vals["cadence_id"] = self._cr_repair_cadence(
                    vals["repair_category"], vals.get("company_id")
                ).id
            if vals.get("repair_date") and not vals.get("date_clock_start"):
                vals["date_clock_start"] = vals["repair_date"]
            company_id = vals.get("company_id") or self.env.company.id
            company = companies.setdefault(
                company_id, self.env["res.company"].browse(company_id)
            )
            vals.setdefault("report_days", company.cr_return_report_days)
            vals.setdefault("submit_days", company.cr_return_submit_days)
            vals.setdefault("rectify_hours", company.cr_return_rectify_hours)
        self._cr_plan_vals(vals_list)
        count = sum(1 for vals in vals_list if vals.get("name", "/") == "/")
        if count:
            names = iter(self._cr_next_names(count))
            for vals in vals_list:
                if vals.get("name", "/") == "/":
                    vals["name"] = next(names)
        return vals_list

    @api.model
    def _cr_insert_set_based(self, vals_list):
        """Create many visits set-based (the cron, 100,000 projects): the same
        values as ``create`` (defaults, planning, numbers), but one ``INSERT …
        SELECT`` for all of them, their stored computed fields recomputed for the
        whole set and their timers from the engine's set-based sync (one call).
        Tracking and messages are skipped, as the generator's ``create`` does."""
        if not vals_list:
            return self.browse()
        self.check_access("create")
        self.env.flush_all()
        self._cr_prepare_vals(vals_list)
        keys = set().union(*vals_list)
        defaults = self._add_missing_default_values(dict.fromkeys(keys, False))
        defaults = {k: v for k, v in defaults.items() if k not in keys}
        columns = []
        for fname in sorted(keys | set(defaults)):
            field = self._fields.get(fname)
            if (
                field
                and field.store
                and field.column_type
                and fname not in models.LOG_ACCESS_COLUMNS
                and fname != "id"
                and not field.translate
                and not field.company_dependent
            ):
                columns.append(field)
        ids = next_ids(self, len(vals_list))
        arrays = []
        for field in columns:
            default = defaults.get(field.name, False)
            arrays.append(
                SQL(
                    "%s::%s[]",
                    [
                        _column_value(field, vals.get(field.name, default))
                        for vals in vals_list
                    ],
                    SQL(field.column_type[1]),
                )
            )
        given = {field.name for field in columns}
        # the stored computed fields, computed in the query (as their compute)
        computed = {
            "regime": ("cadence_id", SQL("cadence.regime")),
            "requires_report": ("cadence_id", SQL("cadence.requires_report")),
            "supervisor_id": ("department_id", SQL("manager.user_id")),
            "cs_manager_id": ("company_id", SQL("company.cr_return_cs_manager_id")),
        }
        computed = {
            fname: expression
            for fname, (source, expression) in computed.items()
            if fname not in given and source in given
        }
        names = [field.name for field in columns]
        uid = self.env.uid
        self.env.cr.execute(
            SQL(
                """INSERT INTO %(table)s (id, %(names)s, %(computed_names)s,
                                          create_uid, write_uid, create_date,
                                          write_date)
                   SELECT v.*, %(computed)s, %(uid)s, %(uid)s, %(now)s, %(now)s
                     FROM unnest(%(ids)s::int4[], %(arrays)s) AS v(id, %(names)s)
                LEFT JOIN cr_return_cadence cadence ON cadence.id = v.cadence_id
                LEFT JOIN hr_department department
                       ON department.id = v.department_id
                LEFT JOIN hr_employee manager ON manager.id = department.manager_id
                LEFT JOIN res_company company ON company.id = v.company_id""",
                table=SQL.identifier(self._table),
                names=SQL(", ").join(SQL.identifier(name) for name in names),
                computed_names=SQL(", ").join(
                    SQL.identifier(name) for name in computed
                ),
                computed=SQL(", ").join(computed.values()),
                uid=uid,
                now=self.env.cr.now(),
                ids=ids,
                arrays=SQL(", ").join(arrays),
            )
        )
        self.env.invalidate_all()
        visits = self.browse(ids)
        todo = [
            field
            for field in self._fields.values()
            if field.store
            and field.compute
            and field.name not in given
            and field.name not in computed
        ]
        if todo:  # a stored computed field of another addon: recomputed set-based
            visits = visits.with_context(business_deadline_syncing=True)
            for field in todo:
                self.env.add_to_compute(field, visits)
            visits._recompute_recordset()
            visits.flush_recordset()
            visits = visits.with_context(business_deadline_syncing=False)
        visits._bd_sync_timers()
        self.env.flush_all()
        self.env.invalidate_all()
        return self.browse(ids)

    @api.model
    def _cr_next_names(self, count):
        """``count`` numbers of the return-visit sequence: one query for all of
        them when the sequence is a standard one without date ranges."""
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [
                    ("code", "=", "cr.return.visit"),
                    ("company_id", "in", (self.env.company.id, False)),
                ],
                order="company_id",
                limit=1,
            )
        )
        if (
            not sequence
            or sequence.implementation != "standard"
            or sequence.use_date_range
            or sequence.number_increment != 1
        ):
            return [
                self.env["ir.sequence"].next_by_code("cr.return.visit") or "/"
                for _index in range(count)
            ]
        numbers = self.env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        prefix, suffix = sequence._get_prefix_suffix()
        return [
            f"{prefix}{number:0{sequence.padding}d}{suffix}" for (number,) in numbers
        ]

    @api.model
    def _cr_repair_cadence(self, category, company_id=None):
        """001/R-47 to R-49: the repair cadence of a repair category."""
        company_id = company_id or self.env.company.id
        cadences = self.env["cr.return.cadence"].search(
            [
                ("regime", "=", "repair"),
                ("repair_category", "in", (category, "other")),
                ("company_id", "in", (company_id, False)),
            ]
        )
        return (
            cadences.filtered(lambda c: c.repair_category == category)[:1]
            or cadences[:1]
        )

    # ------------------------------------------------------------------ actions

    def action_done(self):
        """Record the visit: the questionnaire (004/R2-7 to R2-10), the five items
        of a repair visit (001/R-53), two signatures on site (001/R-61)."""
        self._check_state(("planned", "rescheduled"), self.env._("record"))
        for visit in self:
            if visit.regime in ("repair", "request") and not (
                visit.q_problem_solved
                and visit.q_technician_attitude
                and visit.q_charged
                and visit.q_score
            ):
                raise UserError(
                    self.env._(
                        "%(visit)s: answer the questionnaire first (problem solved, "
                        "technician attitude, charged, score).",
                        visit=visit.display_name,
                    )
                )
            if visit.regime == "repair" and not (
                visit.check_site
                and visit.check_service
                and visit.check_suggestions
                and visit.check_charges
                and visit.check_signed
            ):
                raise UserError(
                    self.env._(
                        "%(visit)s: a repair return visit record needs its five items, "
                        "including the visitee's signature.",
                        visit=visit.display_name,
                    )
                )
            if visit.regime == "repair" and not visit.visitor_role:
                raise UserError(
                    self.env._(
                        "%(visit)s: give the role of the visitor.",
                        visit=visit.display_name,
                    )
                )
            if visit.method == "onsite" and not (
                visit.cs_signed_by_id and visit.tech_signed_by_id
            ):
                raise UserError(
                    self.env._(
                        "%(visit)s: an on-site return visit needs the signatures "
                        "of customer service and of technical service.",
                        visit=visit.display_name,
                    )
                )
            if visit.problem_found and not visit.problems:
                raise UserError(
                    self.env._(
                        "%(visit)s: describe the problems found.",
                        visit=visit.display_name,
                    )
                )
        now = fields.Datetime.now()
        for visit in self:
            visit.write(
                {
                    "state": "done",
                    "date_done": now,
                    "is_on_time": not visit.date_due or now <= visit.date_due,
                }
            )
        return True

    def action_reschedule(self):
        """004/R2-12: the client is not available now: book an appointment."""
        self._check_state(("planned", "rescheduled"), self.env._("book an appointment"))
        for visit in self:
            if not visit.appointment_datetime:
                raise UserError(
                    self.env._(
                        "%(visit)s: give the appointment time first.",
                        visit=visit.display_name,
                    )
                )
        self.write({"state": "rescheduled", "client_available": False})
        for visit in self:
            visit.activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=visit.appointment_datetime.date(),
                user_id=(visit.user_id or self.env.user).id,
                summary=self.env._("Return visit appointment"),
            )
        return True

    def action_cancel(self):
        self._check_state(("planned", "rescheduled"), self.env._("cancel"))
        self.write({"state": "cancel"})
        return True

    def action_sign_cs(self):
        """001/R-61: customer service signs the on-site record."""
        self._check_state(("planned", "rescheduled"), self.env._("sign"))
        self.write({"cs_signed_by_id": self.env.user.id})
        return True

    def action_sign_tech(self):
        """001/R-61: technical service signs the on-site record."""
        self._check_state(("planned", "rescheduled"), self.env._("sign"))
        for visit in self:
            if visit.cs_signed_by_id == self.env.user:
                raise UserError(
                    self.env._(
                        "The technical service signature must be another person's."
                    )
                )
        self.write({"tech_signed_by_id": self.env.user.id})
        return True

    def action_write_report(self):
        """001/R-36: the return-visit report, the day after the visit."""
        self._check_state(("done",), self.env._("write the report"))
        self.filtered(lambda v: not v.date_report).write(
            {"date_report": fields.Datetime.now()}
        )
        return True

    def action_submit_materials(self):
        """001/R-37: materials to the supervisor within 3 days."""
        self._check_state(("done",), self.env._("submit the materials"))
        if self.filtered(lambda v: not v.date_report):
            raise UserError(self.env._("Write the return-visit report first."))
        self.filtered(lambda v: not v.date_submitted).write(
            {"date_submitted": fields.Datetime.now()}
        )
        return True

    def action_approve_extension(self):
        """001/R-38: only the supervisor extends the submission to one week, for a
        stated objective reason."""
        self._check_state(("done",), self.env._("extend the submission"))
        for visit in self:
            if not visit.extension_reason:
                raise UserError(
                    self.env._(
                        "%(visit)s: give the objective reason of the extension.",
                        visit=visit.display_name,
                    )
                )
            if self.env.user != visit.supervisor_id and not self.env.user.has_group(
                "client_relations.group_client_relations_service"
            ):
                raise UserError(
                    self.env._(
                        "Only the department supervisor approves an extension of the "
                        "submission."
                    )
                )
            if visit.date_submitted:
                raise UserError(self.env._("The materials are already submitted."))
        for visit in self:
            visit.write(
                {
                    "extension_approved_by_id": self.env.user.id,
                    "submit_days": visit.company_id.cr_return_submit_extended_days,
                }
            )
        return True

    def action_notify_rectification(self):
        """001/R-50: written rectification notice to the repair staff (24 h)."""
        self._check_state(("done",), self.env._("notify the repair staff"))
        for visit in self:
            if not visit.problem_found:
                raise UserError(
                    self.env._(
                        "%(visit)s: no problem was found.", visit=visit.display_name
                    )
                )
            if visit.repair_user_id:
                visit.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=visit.repair_user_id.id,
                    summary=self.env._("Rectification notice"),
                    note=visit.problems,
                )
        self.filtered(lambda v: not v.date_rectification_notice).write(
            {"date_rectification_notice": fields.Datetime.now()}
        )
        return True

    def action_print(self):
        return self.env.ref(
            "client_relations.action_report_cr_return_visit"
        ).report_action(self)

    # ------------------------------------------------------------------ KPIs

    @api.model
    def _cr_on_time_kpi(self, domain=None):
        """Return visits done on time per visitor and month: one ``_read_group``
        whatever the number of visits. {(user, month): (on time, done)}."""
        groups = self._read_group(
            [("state", "=", "done"), *(domain or [])],
            ["user_id", "date_done:month", "is_on_time"],
            ["__count"],
        )
        result = {}
        for user, month, on_time, count in groups:
            key = (user, month)
            done_on_time, done = result.get(key, (0, 0))
            result[key] = (done_on_time + (count if on_time else 0), done + count)
        return result

    @api.model
    def _cr_repair_role_rates(self, date_from, date_to, company=None):
        """001/R-44 to R-46: the share of completed repairs (repair return visits of
        the period) visited by each role, against the company's minimums.
        {role: (percent, minimum, met)}."""
        company = company or self.env.company
        groups = self._read_group(
            [
                ("regime", "=", "repair"),
                ("company_id", "=", company.id),
                ("repair_date", ">=", date_from),
                ("repair_date", "<", date_to),
                ("state", "!=", "cancel"),
            ],
            ["visitor_role", "state"],
            ["__count"],
        )
        total = sum(count for _role, _state, count in groups)
        minimums = {
            "manager": company.cr_return_rate_manager,
            "supervisor": company.cr_return_rate_supervisor,
            "repair_lead": company.cr_return_rate_repair_lead,
        }
        result = {}
        for role, minimum in minimums.items():
            done = sum(
                count
                for group_role, state, count in groups
                if group_role == role and state == "done"
            )
            percent = 100.0 * done / total if total else 0.0
            result[role] = (percent, minimum, percent >= minimum)
        return result

    @api.model
    def _cr_issue_handling_rate(self, domain=None):
        """001/R-51: the share of visits with problems whose problems were
        rectified (target 100 %)."""
        groups = self._read_group(
            [("problem_found", "=", True), *(domain or [])],
            ["is_rectified"],
            ["__count"],
        )
        total = sum(count for _flag, count in groups)
        handled = sum(count for flag, count in groups if flag)
        return 100.0 * handled / total if total else 100.0

    @api.model
    def _cr_complaint_rate(self, date_from, date_to, company=None):
        """001/R-52: complaints of the period per client served (clients with a
        return visit done in the period), in percent, against the company's target
        (strive to stay below it: a KPI, never blocking). (percent, target, met)."""
        company = company or self.env.company
        served = self._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("date_done", ">=", date_from),
                ("date_done", "<", date_to),
            ],
            ["partner_id"],
            ["__count"],
        )
        complaints = self.env["cr.request"].search_count(
            [
                ("company_id", "=", company.id),
                ("kind", "=", "complaint"),
                ("date_received", ">=", date_from),
                ("date_received", "<", date_to),
            ]
        )
        percent = 100.0 * complaints / len(served) if served else 0.0
        target = company.cr_return_complaint_rate_target
        return percent, target, percent < target

    # ------------------------------------------------------------------ crons

    @api.model
    def _cron_generate_return_visits(self):
        """Daily (000/C-CR-2; 001/S-05, S-06, S-07): the return visits of the
        served projects up to the horizon, and those of the client cadences."""
        self.env["cr.project"]._cr_cron_generate()
        self._cr_generate_client_cadences()
        return True

    @api.model
    def _cr_generate_client_cadences(self, today=None):
        """Client regimes (001/R-09 lapsed, R-11/R-33/R-54/R-55/R-57 intervals): a
        client whose last return visit (or last request, for the lapsed regime) is
        older than the cadence's interval gets one, planned today. Set-based: one
        ``_read_group`` per cadence; a client gets one visit per cadence and day."""
        today = today or fields.Date.context_today(self)
        cron = self.env["ir.cron"]
        cadences = self.env["cr.return.cadence"].search(
            [("regime", "in", ("client", "lapsed")), ("auto_generate", "=", True)]
        )
        for company in self.env["res.company"].search([]):
            clients = self.env["res.partner"].search(
                [
                    ("cr_is_client", "=", True),
                    ("is_company", "=", True),
                    ("company_id", "in", (company.id, False)),
                ]
            )
            for cadence in cadences.filtered(
                lambda c, co=company: c.company_id in (co, co.browse())
            ):
                domain = [
                    ("partner_id", "in", clients.ids),
                    ("company_id", "=", company.id),
                    ("state", "!=", "cancel"),
                ]
                if cadence.regime == "client":
                    domain.append(("cadence_id", "=", cadence.id))
                last = dict(
                    self._read_group(domain, ["partner_id"], ["date_planned:max"])
                )
                if cadence.regime == "lapsed":
                    for partner, received in self.env["cr.request"]._read_group(
                        [
                            ("partner_id", "in", clients.ids),
                            ("company_id", "=", company.id),
                        ],
                        ["partner_id"],
                        ["date_received:max"],
                    ):
                        day = received.date()
                        if not last.get(partner) or last[partner] < day:
                            last[partner] = day
                limit = today - timedelta(days=cadence.interval_days)
                # lapsed: more than N days (001/R-09); intervals: every N days
                strict = cadence.regime == "lapsed"
                todo = clients.filtered(
                    lambda p, lt=last, lim=limit, st=strict: not lt.get(p)
                    or lt[p] < lim
                    or (not st and lt[p] == lim)
                )
                vals_list = [
                    {
                        "partner_id": client.id,
                        "company_id": company.id,
                        "cadence_id": cadence.id,
                        "method": cadence.method,
                        "user_id": client.cr_owner_id.id,
                        "department_id": client.cr_department_id.id,
                        "date_scheduled": today,
                    }
                    for client in todo
                ]
                try:
                    with self.env.cr.savepoint():
                        self.create(vals_list)
                except Exception:
                    _logger.exception(
                        "Return visits of cadence %s not generated", cadence.code
                    )
                cron._commit_progress(len(vals_list))
        return True
