from datetime import timedelta

from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PURPOSES = [
    # 001/R-73: the three purposes of a visit
    ("usage", "Product Use and Guidance"),
    ("file", "Client File and Extended Services"),
    ("relation", "Relationship Building"),
]


class CrVisit(models.Model):
    """A visit (巡访) to a client: planned, done with its record, or cancelled
    (000/E-CR-4, WF-CR-2; 001/R-12, R-73)."""

    _name = "cr.visit"
    _description = "Client Visit"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "date_planned desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    plan_id = fields.Many2one(
        "cr.visit.plan", index="btree_not_null", check_company=True, tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        domain=[("cr_is_client", "=", True)],
        tracking=True,
        index=True,
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Person Visited",
        domain="[('parent_id', '=', partner_id)]",
    )
    region_id = fields.Many2one(
        "cr.region",
        compute="_compute_from_partner",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_from_partner",
        store=True,
        readonly=False,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Visitor",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    technician_ids = fields.Many2many(
        "res.users",
        "cr_visit_technician_rel",
        "visit_id",
        "user_id",
        string="Technical Staff",
        domain=[("share", "=", False)],
        help="000/R-CR-11: the region's technical staff who solve technical problems.",
    )
    visit_type = fields.Selection(
        [
            ("on_site", "On-site Visit"),
            ("phone", "Phone Visit"),
            ("symposium", "Symposium"),
        ],
        string="Type",
        required=True,
        default="on_site",
    )
    purpose = fields.Selection(
        PURPOSES,
        default="usage",
        required=True,
        help="001/R-73: the three purposes of a visit.",
    )
    note = fields.Char(string="Content")
    date_planned = fields.Datetime(
        string="Planned On", required=True, tracking=True, index=True
    )
    date_done = fields.Datetime(string="Visited On", tracking=True, copy=False)
    date_visit = fields.Datetime(
        compute="_compute_date_visit",
        store=True,
        help="The visit's time: when it was done, else when it is planned.",
    )
    visit_day = fields.Date(compute="_compute_date_visit", store=True, index=True)
    date_record = fields.Datetime(
        string="Record Completed On", readonly=True, copy=False, tracking=True
    )
    record_days = fields.Integer(
        compute="_compute_record_days",
        help="001/R-12: calendar days after the visit day to complete the record.",
    )
    record_due = fields.Datetime(
        readonly=True,
        copy=False,
        help="001/R-12: the end of the visit day (from the deadline rule).",
    )
    is_record_late = fields.Boolean(
        string="Record Late",
        readonly=True,
        copy=False,
        help="001/R-12: the record was completed after the end of the visit day.",
    )
    is_on_time = fields.Boolean(
        string="Done on Time",
        readonly=True,
        copy=False,
        help="Done no later than the planned day, with its record on time.",
    )
    done_count = fields.Integer(string="Visits Done", readonly=True, copy=False)
    on_time_count = fields.Integer(string="Visits on Time", readonly=True, copy=False)
    # The daily report's items (000/E-CR-4, 002/E32)
    client_opinions = fields.Text(string="Client Opinions, Suggestions and Wishes")
    market_info = fields.Text(
        string="Market, Competitors and Other Companies' Sales Policies"
    )
    outcome = fields.Text(string="Visit Outcome")
    issues = fields.Text(string="Main Issues: Handling and Results")
    other_info = fields.Text(string="Other Matters to Report")
    question_ids = fields.One2many("cr.visit.question", "visit_id", string="Questions")
    salesperson_id = fields.Many2one(
        related="partner_id.user_id", string="Local Salesperson"
    )
    is_visitor_salesperson = fields.Boolean(
        compute="_compute_is_visitor_salesperson",
        help="000/R-CR-09: the visitor is the client's local salesperson.",
    )
    salesperson_reason = fields.Text(
        string="Reason for the Salesperson Visiting",
        tracking=True,
        help="000/R-CR-09: why the client's local salesperson visits (override).",
    )
    technician_warning = fields.Char(related="region_id.cr_technician_warning")
    daily_report_id = fields.Many2one(
        "cr.visit.daily.report", index="btree_not_null", copy=False, readonly=True
    )
    cancel_reason = fields.Char(tracking=True, copy=False)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    can_done = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    @api.depends("partner_id", "plan_id")
    def _compute_from_partner(self):
        for visit in self:
            visit.region_id = visit.partner_id.cr_region_id or visit.region_id
            visit.department_id = (
                visit.plan_id.department_id
                or visit.partner_id.cr_department_id
                or visit.department_id
            )

    @api.depends("date_done", "date_planned", "company_id")
    def _compute_date_visit(self):
        for visit in self:
            moment = visit.date_done or visit.date_planned
            visit.date_visit = moment
            visit.visit_day = moment and visit._cr_local_date(moment)

    def _cr_local_date(self, moment):
        """The date of a UTC moment in the company calendar's time zone."""
        calendar = self.env["resource.calendar"]._bd_default_calendar(
            self.company_id or self.env.company
        )
        tz = timezone(calendar.tz or "UTC")
        return utc.localize(moment).astimezone(tz).date()

    @api.depends("company_id")
    def _compute_record_days(self):
        for visit in self:
            visit.record_days = (
                visit.company_id or self.env.company
            ).cr_visit_record_days

    @api.depends("user_id", "partner_id.user_id")
    def _compute_is_visitor_salesperson(self):
        for visit in self:
            visit.is_visitor_salesperson = bool(
                visit.user_id and visit.user_id == visit.partner_id.user_id
            )

    @api.depends("state")
    def _compute_can(self):
        for visit in self:
            visit.can_done = visit.state == "planned"
            visit.can_cancel = visit.state == "planned"
            visit.can_reset = visit.state == "cancel"

    @api.constrains("date_done", "date_planned")
    def _check_date_done(self):
        for visit in self:
            if visit.date_done and visit.date_done > fields.Datetime.now() + timedelta(
                minutes=5
            ):
                raise ValidationError(
                    self.env._(
                        "%(visit)s: a visit cannot be done in the future.",
                        visit=visit.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("cr.visit") or "/"
        return super().create(vals_list)

    @api.depends("name", "partner_id")
    def _compute_display_name(self):
        for visit in self:
            visit.display_name = (
                f"{visit.name} {visit.partner_id.name}"
                if visit.partner_id
                else visit.name
            )

    # ------------------------------------------------------------------ actions

    def _get_missing_record_items(self):
        self.ensure_one()
        missing = []
        if not (self.outcome or "").strip():
            missing.append(self.env._("the visit outcome"))
        if self.is_visitor_salesperson and not (self.salesperson_reason or "").strip():
            missing.append(
                self.env._(
                    "the reason why the client's local salesperson visits (000/R-CR-09)"
                )
            )
        pending = self.question_ids.filtered(
            lambda q: q.kind in ("commercial", "technical") and not q.escalated_to_id
        )
        if pending:
            missing.append(
                self.env._(
                    "the person each technical or price, policy or commitment "
                    "question is escalated to (001/R-71)"
                )
            )
        return missing

    def action_done(self):
        """The visitor completes the visit's record (001/R-12: the same day)."""
        self._check_state(["planned"], self.env._("Completing the visit record"))
        for visit in self:
            missing = visit._get_missing_record_items()
            if missing:
                self._raise_missing(
                    visit,
                    self.env._(
                        "the record lacks %(missing)s.", missing=", ".join(missing)
                    ),
                )
        now = fields.Datetime.now()
        for visit in self:
            visit.write(
                {
                    "state": "done",
                    "date_done": visit.date_done or now,
                    "date_record": now,
                    "done_count": 1,
                }
            )
        self.env.flush_all()
        self.invalidate_recordset(["record_due"])
        for visit in self:
            late = bool(visit.record_due and visit.date_record > visit.record_due)
            on_time = not late and visit._cr_local_date(
                visit.date_done
            ) <= visit._cr_local_date(visit.date_planned)
            visit.write(
                {
                    "is_record_late": late,
                    "is_on_time": on_time,
                    "on_time_count": int(on_time),
                }
            )
        return True

    def action_cancel(self):
        self._check_state(["planned"], self.env._("Cancelling the visit"))
        for visit in self:
            if not (visit.cancel_reason or "").strip():
                self._raise_missing(
                    visit, self.env._("give the reason for cancelling the visit.")
                )
        self.write({"state": "cancel"})
        return True

    def action_reset(self):
        self._check_state(["cancel"], self.env._("Planning the visit again"))
        self.write({"state": "planned", "cancel_reason": False})
        return True

    def action_urgent_report(self):
        """Raise an urgent visit report (000/E-CR-6) from the visit."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "cr.visit.urgent.report",
            "view_mode": "form",
            "context": {
                "default_visit_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_department_id": self.department_id.id,
            },
        }

    # ------------------------------------------------------------------ KPI

    @api.model
    def _cr_visit_kpi(self, domain=None, groupby=("region_id", "user_id")):
        """000/R-CR-13: visits planned, done and done on time per group and planned
        month (cancelled visits excluded), in one grouped query."""
        groups = self._read_group(
            list(domain or []) + [("state", "!=", "cancel")],
            [*groupby, "date_planned:month"],
            ["__count", "done_count:sum", "on_time_count:sum"],
        )
        return {
            tuple(group[:-3]): {
                "planned": group[-3],
                "done": group[-2],
                "on_time": group[-1],
            }
            for group in groups
        }


class CrVisitQuestion(models.Model):
    """A question raised during a visit and escalated to the right person
    (001/R-60, R-71; 001 CR-4)."""

    _name = "cr.visit.question"
    _description = "Visit Question"
    _order = "id"

    visit_id = fields.Many2one(
        "cr.visit", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    kind = fields.Selection(
        [
            ("technical", "Technical"),
            ("commercial", "Price, Policy or Commitment"),
            ("phone", "Not Solvable by Phone"),
        ],
        required=True,
        default="technical",
    )
    question = fields.Text(required=True)
    escalated_to_id = fields.Many2one(
        "res.users",
        compute="_compute_escalated_to_id",
        store=True,
        readonly=False,
        domain=[("share", "=", False)],
        help="001/R-71: technical questions go to the technical staff, price, policy "
        "and commitment questions to the marketing director; the visitor does not "
        "answer them.",
    )
    answer = fields.Text()
    date_answered = fields.Date(string="Answered On")
    onsite_visit_id = fields.Many2one("cr.visit", string="On-site Visit", readonly=True)
    date_onsite = fields.Datetime(string="On-site Visit On")

    @api.depends("kind", "visit_id")
    def _compute_escalated_to_id(self):
        """001/R-71: technical questions to the region's technical staff, price,
        policy and commitment questions to the company's designated person."""
        for question in self:
            if question.escalated_to_id:
                continue
            visit = question.visit_id
            if question.kind == "technical":
                question.escalated_to_id = (
                    visit.technician_ids[:1] or (visit.region_id.technician_ids[:1])
                )
            elif question.kind == "commercial":
                question.escalated_to_id = (
                    visit.company_id or self.env.company
                ).cr_visit_commercial_user_id

    @api.constrains("kind", "escalated_to_id", "visit_id")
    def _check_not_visitor(self):
        """001/R-71: the visitor may not answer price, policy or commitment
        questions."""
        for question in self:
            if (
                question.kind == "commercial"
                and question.escalated_to_id
                and question.escalated_to_id == question.visit_id.user_id
            ):
                raise ValidationError(
                    self.env._(
                        "The visitor may not answer price, policy or commitment "
                        "questions: escalate them to the person the company "
                        "designates (001/R-71)."
                    )
                )

    def action_schedule_onsite(self):
        """001/R-60: the customer service manager schedules an on-site visit for a
        problem not solvable by phone."""
        if not self.env.user.has_group(
            "client_relations.group_client_relations_service"
        ):
            raise UserError(
                self.env._(
                    "Only the customer service department schedules on-site visits."
                )
            )
        for question in self:
            if question.kind != "phone" or question.onsite_visit_id:
                raise UserError(
                    self.env._(
                        "Only a problem not solvable by phone, without an on-site "
                        "visit yet, gets an on-site visit."
                    )
                )
            if not question.date_onsite:
                raise UserError(self.env._("Give the date of the on-site visit."))
            visit = question.visit_id
            question.onsite_visit_id = self.env["cr.visit"].create(
                {
                    "company_id": visit.company_id.id,
                    "partner_id": visit.partner_id.id,
                    "contact_id": visit.contact_id.id,
                    "user_id": (question.escalated_to_id or visit.user_id).id,
                    "technician_ids": [(6, 0, visit.region_id.technician_ids.ids)],
                    "visit_type": "on_site",
                    "purpose": visit.purpose,
                    "date_planned": question.date_onsite,
                    "note": question.question[:200],
                }
            )
        return True
