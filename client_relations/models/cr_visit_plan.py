import logging
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

PERIOD_TYPES = [
    ("annual", "Annual"),
    ("quarterly", "Quarterly"),
    ("monthly", "Monthly"),
]
QUARTERS = [(str(q), f"Q{q}") for q in range(1, 5)]
MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


def period_bounds(period_type, year, quarter=None, month=None):
    """First and last day of an annual, quarterly or monthly period."""
    if period_type == "annual":
        return date(year, 1, 1), date(year, 12, 31)
    if period_type == "quarterly":
        first_month = 3 * (int(quarter or 1) - 1) + 1
    else:
        first_month = int(month or 1)
    months = 3 if period_type == "quarterly" else 1
    start = date(year, first_month, 1)
    end_month = first_month + months
    end = (
        date(year + 1, 1, 1) if end_month > 12 else date(year, end_month, 1)
    ) - timedelta(days=1)
    return start, end


def next_period(period_type, today):
    """(year, quarter, month) of the period after the one containing ``today``."""
    if period_type == "annual":
        return today.year + 1, False, False
    if period_type == "quarterly":
        quarter = (today.month - 1) // 3 + 1
        if quarter == 4:
            return today.year + 1, "1", False
        return today.year, str(quarter + 1), False
    if today.month == 12:
        return today.year + 1, False, "1"
    return today.year, False, str(today.month + 1)


class CrVisitPlan(models.Model):
    """《巡回访问计划》: the unit head's annual, quarterly or monthly visit plan
    (000/E-CR-3, R-CR-10; 002/E31, R22), carried out by the designated visitor."""

    _name = "cr.visit.plan"
    _description = "Visit Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    period_type = fields.Selection(
        PERIOD_TYPES,
        string="Period",
        required=True,
        default="monthly",
        tracking=True,
        help="000/R-CR-10: annual, quarterly and monthly visit plans.",
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    quarter = fields.Selection(
        QUARTERS,
        default=lambda self: str((fields.Date.context_today(self).month - 1) // 3 + 1),
    )
    month = fields.Selection(
        MONTHS, default=lambda self: str(fields.Date.context_today(self).month)
    )
    date_from = fields.Date(compute="_compute_dates", store=True, index=True)
    date_to = fields.Date(compute="_compute_dates", store=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Business Unit",
        tracking=True,
        index=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        help="The unit head who prepares the plan.",
    )
    executor_id = fields.Many2one(
        "res.users",
        string="Designated Visitor",
        domain=[("share", "=", False)],
        tracking=True,
        help="000/R-CR-09: in principle not the clients' local salesperson.",
    )
    region_ids = fields.Many2many(
        "cr.region",
        "cr_visit_plan_region_rel",
        "plan_id",
        "region_id",
        string="Regions",
        check_company=True,
    )
    key_products = fields.Text(string="Key Products to Promote")
    key_survey_items = fields.Text()
    special_survey_items = fields.Text()
    line_ids = fields.One2many("cr.visit.plan.line", "plan_id", string="Visit Schedule")
    visit_ids = fields.One2many("cr.visit", "plan_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")
    technician_warning = fields.Char(
        compute="_compute_technician_warning",
        help="000/R-CR-11: regions whose technical staff is out of the allowed range.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("confirmed", "Confirmed"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    can_confirm = fields.Boolean(compute="_compute_can")
    can_generate = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_draft = fields.Boolean(compute="_compute_can")

    _year_range = models.Constraint(
        "CHECK (year >= 2000 AND year <= 2100)", "The plan year is out of range."
    )

    @api.depends("period_type", "year", "quarter", "month")
    def _compute_dates(self):
        for plan in self:
            if not plan.year or (
                plan.period_type == "quarterly"
                and not plan.quarter
                or plan.period_type == "monthly"
                and not plan.month
            ):
                plan.date_from = plan.date_to = False
                continue
            plan.date_from, plan.date_to = period_bounds(
                plan.period_type, plan.year, plan.quarter, plan.month
            )

    def _compute_visit_count(self):
        counts = dict(
            self.env["cr.visit"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.visit_count = counts.get(plan, 0)

    @api.depends("region_ids.technician_ids", "company_id")
    def _compute_technician_warning(self):
        for plan in self:
            plan.technician_warning = plan.region_ids._cr_technician_warning_text()

    @api.depends("state")
    def _compute_can(self):
        for plan in self:
            plan.can_confirm = plan.state == "draft"
            plan.can_generate = plan.state == "confirmed"
            plan.can_close = plan.state == "confirmed"
            plan.can_cancel = plan.state in ("draft", "confirmed")
            plan.can_draft = plan.state == "cancel"

    @api.constrains("period_type", "quarter", "month")
    def _check_period(self):
        for plan in self:
            if plan.period_type == "quarterly" and not plan.quarter:
                raise ValidationError(
                    self.env._("A quarterly visit plan needs its quarter.")
                )
            if plan.period_type == "monthly" and not plan.month:
                raise ValidationError(
                    self.env._("A monthly visit plan needs its month.")
                )

    @api.depends("period_type", "year", "quarter", "month", "department_id")
    def _compute_display_name(self):
        labels = dict(self._fields["period_type"]._description_selection(self.env))
        for plan in self:
            period = str(plan.year or "")
            if plan.period_type == "quarterly" and plan.quarter:
                period += f" Q{plan.quarter}"
            elif plan.period_type == "monthly" and plan.month:
                period += f"-{int(plan.month):02d}"
            parts = [plan.name or "", period, labels.get(plan.period_type, "")]
            if plan.department_id:
                parts.append(plan.department_id.name)
            plan.display_name = " ".join(p for p in parts if p)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("cr.visit.plan") or "/"
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------ actions

    def action_confirm(self):
        """The unit head confirms the plan and hands it to the visitor."""
        self._check_state(["draft"], self.env._("Confirming the visit plan"))
        self.write({"state": "confirmed"})
        return True

    def action_generate_visits(self):
        """Complete the schedule from the clients' tiers (001/R-58, R-59) and create
        one planned visit per schedule line that has none; running it again creates
        nothing twice."""
        self._check_state(["confirmed"], self.env._("Generating the visits"))
        for plan in self:
            plan._cr_add_tier_lines()
            lines = plan.line_ids.filtered(lambda line: not line.visit_id)
            if not lines:
                continue
            visits = self.env["cr.visit"].create(
                [line._prepare_visit_vals() for line in lines]
            )
            for line, visit in zip(lines, visits, strict=True):
                line.visit_id = visit
        return True

    def action_close(self):
        self._check_state(["confirmed"], self.env._("Closing the visit plan"))
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_state(["draft", "confirmed"], self.env._("Cancelling the plan"))
        self.visit_ids.filtered(lambda visit: visit.state == "planned").write(
            {"state": "cancel"}
        )
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_state(["cancel"], self.env._("Resetting the plan to draft"))
        self.write({"state": "draft"})
        return True

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.cr_visit_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action

    # ------------------------------------------------------------------ generation

    def _get_plan_client_domain(self):
        """Extension seam: the clients the plan visits."""
        self.ensure_one()
        domain = [
            ("cr_is_client", "=", True),
            ("cr_region_id", "in", self.region_ids.ids),
            ("company_id", "in", (False, self.company_id.id)),
        ]
        if self.department_id:
            domain.append(("cr_department_id", "=", self.department_id.id))
        return domain

    def _cr_slot_days(self, per_year):
        """The first day of each of the ``per_year`` equal slots of the plan's year
        that falls inside the plan's period."""
        self.ensure_one()
        if per_year <= 0:
            return []
        year_start = date(self.year, 1, 1)
        days_in_year = (date(self.year + 1, 1, 1) - year_start).days
        starts = []
        for slot in range(per_year):
            if 12 % per_year == 0:
                day = date(self.year, 1 + slot * 12 // per_year, 1)
            else:
                day = year_start + timedelta(days=slot * days_in_year // per_year)
            if self.date_from <= day <= self.date_to:
                starts.append(day)
        return starts

    def _cr_add_tier_lines(self):
        """One schedule line per client and tier slot of the period (the client's
        tier says how many visits a year), on the slot's first working day at the
        company's visit hour; clients already scheduled for that day are kept."""
        self.ensure_one()
        if not self.region_ids:
            return
        calendar = self.env["resource.calendar"]._bd_default_calendar(self.company_id)
        clients = self.env["res.partner"].search(self._get_plan_client_domain())
        existing = {(line.partner_id.id, line.slot_date) for line in self.line_ids}
        vals_list = []
        for client in clients:
            per_year = client.cr_tier_id.visits_per_year
            for slot_day in self._cr_slot_days(per_year):
                if (client.id, slot_day) in existing:
                    continue
                day = slot_day
                for _step in range(31):
                    if day > self.date_to or calendar._bd_is_working_day(day):
                        break
                    day += timedelta(days=1)
                planned = calendar._bd_local_midnight(min(day, self.date_to))
                vals_list.append(
                    {
                        "plan_id": self.id,
                        "partner_id": client.id,
                        "region_id": client.cr_region_id.id,
                        "slot_date": slot_day,
                        "date_planned": planned
                        + timedelta(hours=self.company_id.cr_visit_hour),
                        "user_id": self.executor_id.id or False,
                        "purpose": "usage",
                    }
                )
        if vals_list:
            self.env["cr.visit.plan.line"].create(vals_list)

    # ------------------------------------------------------------------ crons

    @api.model
    def _cron_prepare_plans(self, period_type, today=None):
        """Visit-plan creation reminders (000/R-CR-10; yearly, quarterly and monthly
        scheduled actions): each business unit with clients gets one draft plan for
        the next period, with an activity for its head; never twice."""
        today = today or fields.Date.context_today(self)
        year, quarter, month = next_period(period_type, today)
        regions_by_department = dict(
            self.env["res.partner"]._read_group(
                [("cr_is_client", "=", True), ("cr_department_id", "!=", False)],
                ["cr_department_id"],
                ["cr_region_id:recordset"],
            )
        )
        departments = self.env["hr.department"].union(*regions_by_department)
        existing = {
            department.id
            for [department] in self._read_group(
                [
                    ("period_type", "=", period_type),
                    ("year", "=", year),
                    ("quarter", "=", quarter),
                    ("month", "=", month),
                    ("department_id", "in", departments.ids),
                ],
                ["department_id"],
            )
        }
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        created = self.browse()
        for department in departments:
            if department.id in existing:
                continue
            head = department.manager_id.user_id
            try:
                with self.env.cr.savepoint():
                    plan = self.create(
                        {
                            "period_type": period_type,
                            "year": year,
                            "quarter": quarter,
                            "month": month,
                            "department_id": department.id,
                            "company_id": (
                                department.company_id or self.env.company
                            ).id,
                            "user_id": head.id or False,
                            "region_ids": [
                                (6, 0, regions_by_department[department].ids)
                            ],
                        }
                    )
                    if head:
                        plan.activity_schedule(
                            activity_type_id=activity_type.id,
                            date_deadline=plan.date_from,
                            summary=self.env._("Prepare the visit plan"),
                            user_id=head.id,
                        )
                    created |= plan
            except Exception:
                _logger.exception(
                    "Visit plan of department %s not prepared", department.id
                )
        self.env["ir.cron"]._commit_progress(len(departments))
        return created


class CrVisitPlanLine(models.Model):
    """One line of the visit schedule (具体巡访活动安排): client, date, purpose."""

    _name = "cr.visit.plan.line"
    _description = "Visit Plan Line"
    _order = "date_planned, id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "cr.visit.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        domain=[("cr_is_client", "=", True)],
        index=True,
    )
    region_id = fields.Many2one("cr.region", check_company=True)
    slot_date = fields.Date(
        help="The first day of the tier slot this line comes from (empty: added by "
        "hand)."
    )
    date_planned = fields.Datetime(string="Planned On", required=True)
    user_id = fields.Many2one(
        "res.users", string="Visitor", domain=[("share", "=", False)]
    )
    purpose = fields.Selection(
        lambda self: self.env["cr.visit"]._fields["purpose"].selection,
        default="usage",
    )
    note = fields.Char(string="Content")
    visit_id = fields.Many2one("cr.visit", readonly=True, copy=False)
    is_visitor_salesperson = fields.Boolean(
        compute="_compute_is_visitor_salesperson",
        help="000/R-CR-09: the visitor is the client's local salesperson.",
    )

    @api.depends("user_id", "plan_id.executor_id", "partner_id.user_id")
    def _compute_is_visitor_salesperson(self):
        for line in self:
            visitor = line.user_id or line.plan_id.executor_id
            line.is_visitor_salesperson = bool(
                visitor and visitor == line.partner_id.user_id
            )

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id.cr_region_id:
            self.region_id = self.partner_id.cr_region_id

    def _prepare_visit_vals(self):
        self.ensure_one()
        plan = self.plan_id
        visitor = self.user_id or plan.executor_id
        if not visitor:
            raise UserError(
                self.env._(
                    "%(plan)s: give the designated visitor of the plan or of the line "
                    "for %(client)s.",
                    plan=plan.display_name,
                    client=self.partner_id.display_name,
                )
            )
        region = self.region_id or self.partner_id.cr_region_id
        return {
            "plan_id": plan.id,
            "company_id": plan.company_id.id,
            "partner_id": self.partner_id.id,
            "region_id": region.id,
            "department_id": (
                plan.department_id or self.partner_id.cr_department_id
            ).id,
            "user_id": visitor.id,
            "technician_ids": [(6, 0, region.technician_ids.ids)],
            "date_planned": self.date_planned,
            "purpose": self.purpose,
            "note": self.note,
        }
