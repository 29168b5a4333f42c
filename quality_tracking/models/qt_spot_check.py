import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

_logger = logging.getLogger(__name__)

SCORE_FIELDS = ("score_spirit", "score_service", "score_status", "score_efficiency")
DIMENSIONS = [
    ("spirit", "Morale and Appearance"),
    ("service", "Service Quality"),
    ("status", "Work Status"),
    ("efficiency", "Work Efficiency"),
]


def month_start(day):
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def month_bounds(day):
    """(first day, first day of the next month) of ``day``'s month."""
    first = month_start(day)
    return first, first + relativedelta(months=1)


def quarter_label(day):
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


class QtSpotCheckItem(models.Model):
    """A configurable checklist item of spot checks (004/QT-3: the group's detailed
    rules; the appearance and conduct rules of the seeds are examples only)."""

    _name = "qt.spot.check.item"
    _description = "Spot Check Checklist Item"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    dimension = fields.Selection(DIMENSIONS)
    description = fields.Text(translate=True)
    company_id = fields.Many2one("res.company", index=True)


class QtSpotCheckLine(models.Model):
    """The result of one checklist item in a spot check."""

    _name = "qt.spot.check.line"
    _description = "Spot Check Result Line"
    _order = "check_id, sequence, id"

    check_id = fields.Many2one(
        "qt.spot.check", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    item_id = fields.Many2one("qt.spot.check.item", ondelete="set null")
    name = fields.Char(string="Checklist Item", required=True)
    dimension = fields.Selection(DIMENSIONS)
    result = fields.Selection(
        [("pass", "Conforms"), ("fail", "Does Not Conform"), ("na", "Not Applicable")]
    )
    remark = fields.Char()


class QtSpotCheck(models.Model):
    """An unannounced spot check of a supervised unit (004/QT-3, 004/R3-1, 004/R3-3),
    or a periodic / random quality tracking evaluation of a department (001/QT-20).

    planned → done → rectified, or cancel. A done check that requires rectification
    gets a deadline from the engine (working days, from the record's allowed days).
    """

    _name = "qt.spot.check"
    _description = "Spot Check"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.issue.origin.mixin",
        "qt.state.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    kind = fields.Selection(
        [
            ("spot", "Unannounced Spot Check"),
            ("periodic", "Periodic Evaluation"),
            ("random", "Random Evaluation"),
        ],
        required=True,
        default="spot",
        tracking=True,
        index=True,
        help="Spot checks of service windows (004/QT-3) are ranked every month; "
        "periodic and random quality tracking evaluations of departments "
        "(001/QT-20) are not.",
    )
    unit_id = fields.Many2one(
        "qt.supervised.unit",
        string="Supervised Unit",
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    group_id = fields.Many2one(
        related="unit_id.group_id", store=True, index=True, string="Supervision Group"
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    department_head_id = fields.Many2one(
        "res.users",
        compute="_compute_department_head_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Lead Inspector",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    inspector_ids = fields.Many2many(
        "res.users",
        "qt_spot_check_inspector_rel",
        "check_id",
        "user_id",
        string="Inspectors",
    )
    max_score = fields.Integer(
        related="company_id.qt_spot_check_max_score", string="Maximum Score"
    )
    score_spirit = fields.Integer(string="Morale and Appearance", tracking=True)
    score_service = fields.Integer(string="Service Quality", tracking=True)
    score_status = fields.Integer(string="Work Status", tracking=True)
    score_efficiency = fields.Integer(string="Work Efficiency", tracking=True)
    score_avg = fields.Float(
        string="Average Score",
        compute="_compute_score_avg",
        store=True,
        aggregator="avg",
        digits=(16, 2),
    )
    line_ids = fields.One2many(
        "qt.spot.check.line",
        "check_id",
        string="Checklist",
        copy=True,
        default=lambda self: self._default_line_commands(self.env.company.id),
    )
    findings = fields.Html()
    rectification_required = fields.Boolean(tracking=True)
    rectification = fields.Text(string="What to Rectify")
    rectify_days = fields.Integer(
        string="Rectification Period (working days)",
        default=lambda self: self.env.company.qt_spot_check_rectify_days,
        help="Working days the unit has to rectify, from the check's completion.",
    )
    rectify_due = fields.Datetime(string="Rectify By", readonly=True, copy=False)
    rectification_result = fields.Text(copy=False)
    date_done = fields.Date(string="Done On", readonly=True, copy=False)
    date_rectified = fields.Date(string="Rectified On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Done"),
            ("rectified", "Rectified"),
            ("cancel", "Cancelled"),
        ],
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    # --- 001/QT-20 quality tracking evaluations
    discussed_with_head = fields.Boolean(
        string="Discussed with the Department Head",
        tracking=True,
        help="同科室主任沟通 (001/QT-20).",
    )
    raise_at_committee = fields.Boolean(
        string="Raise at the Quarterly Committee Meeting",
        tracking=True,
        help="必要时在质量控制委员会季度会议上提出 (001/R-67).",
    )
    committee_date = fields.Date(
        string="Discussed at the Committee On", tracking=True, copy=False
    )
    committee_reminder_quarter = fields.Char(readonly=True, copy=False)
    reevaluation_of_id = fields.Many2one(
        "qt.spot.check", string="Re-evaluation Of", index=True, readonly=True
    )
    reevaluation_ids = fields.One2many("qt.spot.check", "reevaluation_of_id")
    can_done = fields.Boolean(compute="_compute_can")
    can_rectify = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reevaluate = fields.Boolean(compute="_compute_can")

    _score_spirit_positive = models.Constraint(
        "CHECK (score_spirit >= 0)", "Scores cannot be negative."
    )
    _score_service_positive = models.Constraint(
        "CHECK (score_service >= 0)", "Scores cannot be negative."
    )
    _score_status_positive = models.Constraint(
        "CHECK (score_status >= 0)", "Scores cannot be negative."
    )
    _score_efficiency_positive = models.Constraint(
        "CHECK (score_efficiency >= 0)", "Scores cannot be negative."
    )
    _rectify_days_positive = models.Constraint(
        "CHECK (rectify_days >= 0)", "The rectification period cannot be negative."
    )

    @api.depends("unit_id.department_id")
    def _compute_department_id(self):
        for check in self:
            check.department_id = check.unit_id.department_id or check.department_id

    @api.depends("department_id.manager_id.user_id", "unit_id.head_id")
    def _compute_department_head_id(self):
        for check in self:
            check.department_head_id = (
                check.unit_id.head_id or check.department_id.manager_id.user_id
            )

    @api.depends(*SCORE_FIELDS)
    def _compute_score_avg(self):
        for check in self:
            scores = [check[name] for name in SCORE_FIELDS]
            check.score_avg = sum(scores) / len(scores) if all(scores) else 0.0

    @api.depends("state", "rectification_required")
    def _compute_can(self):
        for check in self:
            check.can_done = check.state == "planned"
            check.can_rectify = check.state == "done" and check.rectification_required
            check.can_cancel = check.state == "planned"
            check.can_reevaluate = check.state in ("done", "rectified")

    @api.constrains(*SCORE_FIELDS, "company_id")
    def _check_scores(self):
        """004/R3-3: the four dimensions are scored from 1 to the company's maximum
        (0 = not scored yet)."""
        labels = {
            name: self._fields[name]._description_string(self.env)
            for name in SCORE_FIELDS
        }
        for check in self:
            top = check.company_id.qt_spot_check_max_score
            for name in SCORE_FIELDS:
                if not 0 <= check[name] <= top:
                    raise ValidationError(
                        self.env._(
                            "%(dimension)s must be scored from 1 to %(max)s "
                            "(004/R3-3); %(score)s was given.",
                            dimension=labels[name],
                            max=top,
                            score=check[name],
                        )
                    )

    @api.constrains("kind", "unit_id", "department_id")
    def _check_target(self):
        for check in self:
            if check.kind == "spot" and not check.unit_id:
                raise ValidationError(
                    self.env._("A spot check needs the supervised unit it checks.")
                )
            if check.kind != "spot" and not check.department_id:
                raise ValidationError(
                    self.env._("An evaluation needs the department it evaluates.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("qt.spot.check") or "/"
        return super().create(vals_list)

    @api.model
    def _default_line_commands(self, company_id):
        items = self.env["qt.spot.check.item"].search(
            [("company_id", "in", [False, company_id])]
        )
        return [
            Command.create(
                {
                    "sequence": item.sequence,
                    "item_id": item.id,
                    "name": item.name,
                    "dimension": item.dimension,
                }
            )
            for item in items
        ]

    # --- state machine

    def _check_can_done(self):
        today = fields.Date.context_today(self)
        for check in self:
            if check.date > today:
                raise UserError(
                    self.env._(
                        "%(check)s is dated %(date)s: a check cannot be recorded "
                        "before it took place.",
                        check=check.display_name,
                        date=check.date,
                    )
                )
            if not check.inspector_ids:
                raise UserError(
                    self.env._("Name the inspectors of %(check)s.", check=check.name)
                )
            if check.kind == "spot" and not all(check[n] for n in SCORE_FIELDS):
                raise UserError(
                    self.env._(
                        "Score the four dimensions of %(check)s (morale and "
                        "appearance, service quality, work status, work "
                        "efficiency; 004/R3-3).",
                        check=check.name,
                    )
                )
            if check.line_ids.filtered(lambda line: not line.result):
                raise UserError(
                    self.env._(
                        "Give a result for every checklist item of %(check)s.",
                        check=check.name,
                    )
                )
            if check.rectification_required and not check.rectification:
                raise UserError(
                    self.env._(
                        "Say what %(check)s requires to be rectified.",
                        check=check.name,
                    )
                )

    def action_done(self):
        """The check took place: its scores and findings are final."""
        self._check_state(("planned",), self.env._("Recording the check"))
        self._check_can_done()
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True

    def action_rectify(self):
        """The unit has rectified what the check found."""
        self._check_state(("done",), self.env._("Recording the rectification"))
        for check in self:
            if not check.rectification_required:
                raise UserError(
                    self.env._("%(check)s required no rectification.", check=check.name)
                )
            if not check.rectification_result:
                raise UserError(
                    self.env._(
                        "Describe how %(check)s was rectified.", check=check.name
                    )
                )
        self.write(
            {"state": "rectified", "date_rectified": fields.Date.context_today(self)}
        )
        return True

    def action_cancel(self):
        self._check_state(("planned",), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_planned(self):
        self._check_state(("cancel",), self.env._("Resetting to planned"))
        self.write({"state": "planned"})
        return True

    def action_reevaluate(self):
        """001/QT-20: plan the re-evaluation of what this evaluation found."""
        self.ensure_one()
        self._check_state(("done", "rectified"), self.env._("Re-evaluating"))
        new = self.copy(
            {
                "reevaluation_of_id": self.id,
                "date": fields.Date.context_today(self),
                "inspector_ids": [Command.set(self.inspector_ids.ids)],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_raise_issue(self):
        """Open a quality issue prefilled from this check."""
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "spot_check",
            title=self.env._(
                "%(check)s: %(target)s",
                check=self.name,
                target=(self.unit_id or self.department_id).display_name,
            ),
            department_id=self.department_id.id,
            user_id=self.department_head_id.id or self.env.user.id,
            description=self.findings or False,
        )

    def _compute_display_name(self):
        for check in self:
            target = (check.unit_id or check.department_id).display_name
            check.display_name = (
                f"{check.name} {target}" if target and check.name else check.name
            )

    # --- 004/R3-1: every unit checked every month

    @api.model
    def _get_unchecked_unit_domain(self, company, day):
        first, _next = month_bounds(day)
        return [
            ("company_id", "=", company.id),
            ("active", "=", True),
            "|",
            ("flagged_month", "=", False),
            ("flagged_month", "!=", first),
        ]

    @api.model
    def _get_unchecked_units(self, company, day):
        """The active units of ``company`` with fewer done spot checks in ``day``'s
        month than the company's minimum, not flagged for that month yet."""
        first, after = month_bounds(day)
        units = self.env["qt.supervised.unit"].search(
            self._get_unchecked_unit_domain(company, day)
        )
        counts = dict(
            self._read_group(
                [
                    ("unit_id", "in", units.ids),
                    ("kind", "=", "spot"),
                    ("state", "in", ("done", "rectified")),
                    ("date", ">=", first),
                    ("date", "<", after),
                ],
                ["unit_id"],
                ["__count"],
            )
        )
        minimum = company.qt_spot_check_min_count
        return units.filtered(lambda unit: counts.get(unit, 0) < minimum)

    @api.model
    def _flag_unchecked_units(self, units, day):
        """An activity for each unit's group coordinator; one bad unit is logged and
        skipped."""
        first = month_start(day)
        todo = self.env.ref("mail.mail_activity_data_todo")
        flagged = self.env["qt.supervised.unit"]
        for unit in units:
            try:
                with self.env.cr.savepoint():
                    unit.activity_schedule(
                        activity_type_id=todo.id,
                        user_id=unit.group_id.coordinator_id.id,
                        date_deadline=first + relativedelta(months=1, days=-1),
                        summary=self.env._("No spot check this month"),
                        note=self.env._(
                            "%(unit)s has had no unannounced spot check in "
                            "%(month)s: every service window and related "
                            "department is checked every month (004/R3-1).",
                            unit=unit.display_name,
                            month=first.strftime("%Y-%m"),
                        ),
                    )
                flagged |= unit
            except Exception:
                _logger.exception("Could not flag supervised unit %s", unit.id)
        flagged.write({"flagged_month": first})
        return flagged

    @api.model
    def _cron_flag_unchecked_units(self):
        """004/R3-1: from the company's flag day on, flag the units not checked in
        the month (once per unit and month)."""
        today = fields.Date.context_today(self)
        last_day = (
            month_start(today) + relativedelta(months=1) - timedelta(days=1)
        ).day
        for company in self.env["res.company"].search([]):
            if today.day < min(company.qt_spot_check_flag_day, last_day):
                continue
            units = self._get_unchecked_units(company, today)
            self._flag_unchecked_units(units, today)

    # --- 001/R-67: evaluations raised at the quarterly committee meeting

    @api.model
    def _get_committee_reminder_domain(self, day):
        return [
            ("raise_at_committee", "=", True),
            ("committee_date", "=", False),
            ("state", "!=", "cancel"),
            "|",
            ("committee_reminder_quarter", "=", False),
            ("committee_reminder_quarter", "!=", quarter_label(day)),
        ]

    @api.model
    def _cron_remind_committee(self):
        """001/R-67: once a quarter, remind the lead inspector of each evaluation
        to be raised at the quarterly quality committee meeting."""
        today = fields.Date.context_today(self)
        checks = self.search(self._get_committee_reminder_domain(today))
        todo = self.env.ref("mail.mail_activity_data_todo")
        reminded = self.browse()
        for check in checks:
            try:
                with self.env.cr.savepoint():
                    check.activity_schedule(
                        activity_type_id=todo.id,
                        user_id=check.user_id.id,
                        summary=self.env._("Raise at the quarterly committee meeting"),
                        note=self.env._(
                            "%(check)s is to be discussed at this quarter's quality "
                            "committee meeting, which decides the rectification "
                            "measures (001/R-67).",
                            check=check.display_name,
                        ),
                    )
                reminded |= check
            except Exception:
                _logger.exception("Could not remind spot check %s", check.id)
        reminded.write({"committee_reminder_quarter": quarter_label(today)})
        return reminded
