from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

OUTCOMES = [
    ("death", "Death"),
    ("life_threatening", "Life-Threatening"),
    ("disability", "Disability"),
    ("birth_defect", "Birth Defect"),
    ("other", "Other"),
]
SERIOUS_CRITERIA = (
    "is_criterion_death",
    "is_criterion_carcinogenic",
    "is_criterion_vital_organ",
    "is_criterion_hospitalisation",
    "is_criterion_prolonged",
)
# the report routes with a clock (000/R-QT-17, R-QT-18, R-QT-22) and the batch
# (R-QT-19, slice aebatch); each route is met by the submissions to its authorities
ROUTES = [
    ("death", "Death (12 Hours)"),
    ("serious", "Serious, Not in the Instructions (72 Hours)"),
    ("provincial", "Serious, Rare or New: Province (15 Working Days)"),
    ("quarterly", "Quarterly Batch"),
]
AUTHORITIES = [
    ("local_regulator", "Local Medical Device Regulator"),
    ("national_centre", "National AE Monitoring Centre"),
    ("national_admin", "National Medical Device Administration"),
    ("provincial_fda", "Provincial Drug Administration"),
    ("local_health", "Local Health Authority"),
]
# the submissions a route accepts (a death report to an authority is also its
# serious report) and the authorities every route must reach before it is met
ROUTE_ACCEPTS = {
    "death": ("death",),
    "serious": ("serious", "death"),
    "provincial": ("provincial",),
}
ROUTE_AUTHORITIES = {
    "death": ("local_regulator", "national_centre", "national_admin"),
    "serious": ("local_regulator", "national_centre"),
    "provincial": ("provincial_fda",),
}
CONTROL_ACTIONS = [
    ("seal", "Seal the Devices"),
    ("stop_sale", "Stop Sale"),
    ("stop_use", "Stop Use"),
]


class QtAdverseEvent(models.Model):
    """A medical-device adverse event report (医疗器械不良事件报告, 000/E-QT-12,
    001/QT-13). Confidential: only the quality managers and the people named on the
    event read it (000/R-QT-28).

    Reportability is computed from the device's years on the market at the awareness
    date (000/R-QT-14/15); the routes that apply follow from the classification and
    each route's clock is a ``business.deadline.rule`` of the data, met only by the
    submissions to its authorities.
    """

    _name = "qt.adverse.event"
    _description = "Adverse Event"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.state.mixin",
    ]
    _order = "date_aware desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    product_id = fields.Many2one(
        "product.product", string="Device", required=True, index=True, tracking=True
    )
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, index=True
    )
    device_class = fields.Selection(
        related="product_tmpl_id.qt_device_class", store=True, index=True
    )
    market_date = fields.Date(
        related="product_tmpl_id.qt_market_date", string="First on Market"
    )
    registration_no = fields.Char(
        related="product_tmpl_id.qt_registration_no",
        string="Registration Certificate No.",
    )
    lot_ref = fields.Char(string="Lot / Serial", index=True, tracking=True)
    reporter_id = fields.Many2one(
        "res.users",
        string="Reported By",
        default=lambda self: self.env.user,
        required=True,
        index=True,
    )
    person_ids = fields.Many2many(
        "res.users",
        "qt_adverse_event_person_rel",
        "event_id",
        "user_id",
        string="People Named",
        help="Besides the quality managers, only the reporter and these people read "
        "the event (000/R-QT-28).",
    )
    # --- source
    source_department_id = fields.Many2one("hr.department", index=True)
    source_channel = fields.Selection(
        [
            ("customer", "Customer or User"),
            ("hospital", "Hospital"),
            ("sales", "Sales Staff"),
            ("after_sales", "After-Sales Service"),
            ("regulator", "Regulator"),
            ("literature", "Literature"),
            ("other", "Other"),
        ],
    )
    # --- patient (form A.1-A.6)
    patient_name = fields.Char()
    patient_age = fields.Integer()
    patient_sex = fields.Selection([("male", "Male"), ("female", "Female")])
    disease_intended = fields.Char(string="Intended Treatment Disease")
    disease_concurrent = fields.Char(string="Concurrent Disease")
    disease_past = fields.Char(string="Past Diseases")
    # --- event (form B)
    description = fields.Text(string="Event Description")
    date_aware = fields.Datetime(
        string="Aware At",
        required=True,
        default=fields.Datetime.now,
        index=True,
        tracking=True,
        help="When the company became aware of the event: the reporting clocks start "
        "here.",
    )
    date_event = fields.Date(string="Event Date")
    outcome = fields.Selection(OUTCOMES, tracking=True)
    death_time = fields.Datetime(tracking=True)
    is_criterion_death = fields.Boolean(string="Death")
    is_criterion_carcinogenic = fields.Boolean(string="Carcinogenic or Teratogenic")
    is_criterion_vital_organ = fields.Boolean(
        string="Vital Organ Damage",
        help="Damage to a vital organ threatening life or causing the loss of the "
        "ability to live independently.",
    )
    is_criterion_hospitalisation = fields.Boolean(string="Hospitalisation")
    is_criterion_prolonged = fields.Boolean(string="Prolonged Hospitalisation")
    is_serious = fields.Boolean(
        compute="_compute_is_serious", store=True, index=True, string="Serious"
    )
    is_death = fields.Boolean(compute="_compute_is_serious", store=True, index=True)
    is_suspected = fields.Boolean(string="Suspected", default=True, tracking=True)
    is_in_ifu = fields.Boolean(
        string="Stated in the Instructions",
        tracking=True,
        help="The effect is already stated in the instructions for use.",
    )
    is_rare = fields.Boolean(string="Rare", tracking=True)
    is_new = fields.Boolean(
        string="New", tracking=True, help="Not in the instructions or the literature."
    )
    investigation_notes = fields.Text()
    # --- reportability (000/R-QT-14/15, 001/R-19/R-20)
    market_years = fields.Integer(
        string="Years on Market",
        compute="_compute_reportable",
        store=True,
        help="Whole years between the device's first day on the market and the "
        "awareness date.",
    )
    is_within_five_years = fields.Boolean(
        string="On Market Five Years or Less",
        compute="_compute_reportable",
        store=True,
    )
    is_reportable = fields.Boolean(
        string="Reportable",
        compute="_compute_reportable",
        store=True,
        index=True,
        help="Computed, never chosen: on the market five years or less, every "
        "suspected event; more, only serious, rare or new ones (000/R-QT-14/15).",
    )
    reportable_reason = fields.Char(string="Why", compute="_compute_reportable_reason")
    # --- routes
    route_death = fields.Boolean(
        string="Route: Death (12 h)", compute="_compute_routes", store=True, index=True
    )
    route_serious = fields.Boolean(
        string="Route: Serious Not in Instructions (72 h)",
        compute="_compute_routes",
        store=True,
        index=True,
    )
    route_provincial = fields.Boolean(
        string="Route: Province (15 Working Days)",
        compute="_compute_routes",
        store=True,
        index=True,
    )
    route_quarterly = fields.Boolean(
        string="Route: Quarterly Batch",
        compute="_compute_routes",
        store=True,
        index=True,
    )
    # --- clocks: allowed time (company settings by default) and due dates (engine)
    internal_days = fields.Integer(
        string="Internal Report (days after awareness)",
        default=lambda self: self.env.company.qt_ae_internal_days,
        help="000/R-QT-16, R-QT-21: 0 = the same day.",
    )
    death_hours = fields.Integer(
        string="Death Report (hours)",
        default=lambda self: self.env.company.qt_ae_death_hours,
        help="Calendar hours allowed to report a death (000/R-QT-18), from the "
        "company's setting when the event is created.",
    )
    serious_hours = fields.Integer(
        string="Serious Report (hours)",
        default=lambda self: self.env.company.qt_ae_serious_hours,
        help="Calendar hours allowed to report a serious event not in the "
        "instructions (000/R-QT-17), from the company's setting.",
    )
    provincial_days = fields.Integer(
        string="Provincial Report (working days)",
        default=lambda self: self.env.company.qt_ae_provincial_days,
        help="Working days allowed to report to the provincial authority "
        "(000/R-QT-22), from the company's setting.",
    )
    date_internal_report = fields.Datetime(
        string="Reported Internally At",
        tracking=True,
        copy=False,
        help="When the quality department and the quality manager were told "
        "(000/R-QT-16, R-QT-21).",
    )
    due_internal = fields.Datetime(
        string="Internal Report Due", readonly=True, copy=False
    )
    due_death = fields.Datetime(string="Death Report Due", readonly=True, copy=False)
    due_serious = fields.Datetime(
        string="Serious Report Due", readonly=True, copy=False
    )
    due_provincial = fields.Datetime(
        string="Provincial Report Due", readonly=True, copy=False
    )
    submission_ids = fields.One2many(
        "qt.adverse.event.submission", "event_id", string="Submissions"
    )
    submitted_death_at = fields.Datetime(
        string="Death Report Submitted At",
        compute="_compute_submitted",
        store=True,
        help="When the last authority of the death route was reached.",
    )
    submitted_serious_at = fields.Datetime(
        string="Serious Report Submitted At",
        compute="_compute_submitted",
        store=True,
    )
    submitted_provincial_at = fields.Datetime(
        string="Provincial Report Submitted At",
        compute="_compute_submitted",
        store=True,
    )
    control_ids = fields.One2many(
        "qt.adverse.event.control", "event_id", string="Emergency Control"
    )
    date_confirmed = fields.Datetime(
        string="Regulator Confirmed At", readonly=True, copy=False
    )
    state = fields.Selection(
        [
            ("draft", "Detected"),
            ("investigating", "Investigating"),
            ("reported", "Reported"),
            ("confirmed", "Regulator Confirmed"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    can_investigate = fields.Boolean(compute="_compute_can")
    can_report = fields.Boolean(compute="_compute_can")
    can_confirm_regulator = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _internal_days_positive = models.Constraint(
        "CHECK (coalesce(internal_days, 0) >= 0 AND coalesce(death_hours, 0) >= 0 "
        "AND coalesce(serious_hours, 0) >= 0 AND coalesce(provincial_days, 0) >= 0)",
        "A reporting period cannot be negative.",
    )
    _patient_age_positive = models.Constraint(
        "CHECK (coalesce(patient_age, 0) >= 0)", "The patient's age cannot be negative."
    )

    # --- computes

    @api.depends(*SERIOUS_CRITERIA, "outcome")
    def _compute_is_serious(self):
        """000/R-QT-24: serious is any one of the five criteria (death included)."""
        for event in self:
            event.is_death = event.outcome == "death" or event.is_criterion_death
            event.is_serious = event.is_death or any(
                event[name] for name in SERIOUS_CRITERIA
            )

    @api.depends(
        "product_tmpl_id.qt_market_date",
        "date_aware",
        "is_suspected",
        "is_serious",
        "is_rare",
        "is_new",
    )
    def _compute_reportable(self):
        """000/R-QT-14/15 (001/R-19/R-20, ambiguity A-24): five years or less on
        the market at the awareness date (exactly five counts as five or less) →
        every suspected event; more → only serious, rare or new ones."""
        for event in self:
            market = event.product_tmpl_id.qt_market_date
            aware = event.date_aware and event.date_aware.date()
            if market and aware:
                event.market_years = relativedelta(aware, market).years
                event.is_within_five_years = aware <= market + relativedelta(years=5)
            else:
                # an unknown market date counts as new: every suspected event
                event.market_years = 0
                event.is_within_five_years = True
            event.is_reportable = event.is_suspected and (
                event.is_within_five_years
                or event.is_serious
                or event.is_rare
                or event.is_new
            )

    @api.depends(
        "is_reportable", "is_within_five_years", "market_years", "is_suspected"
    )
    def _compute_reportable_reason(self):
        for event in self:
            if not event.is_suspected:
                reason = self.env._("Not reportable: the event is not suspected.")
            elif event.is_within_five_years:
                reason = self.env._(
                    "Reportable: the device has been on the market %(years)s years "
                    "(five or less), so every suspected event is reported "
                    "(000/R-QT-14).",
                    years=event.market_years,
                )
            elif event.is_reportable:
                reason = self.env._(
                    "Reportable: the device has been on the market more than five "
                    "years and the event is serious, rare or new (000/R-QT-15).",
                )
            else:
                reason = self.env._(
                    "Not reportable: the device has been on the market more than "
                    "five years and the event is neither serious, rare nor new "
                    "(000/R-QT-15).",
                )
            event.reportable_reason = reason

    @api.depends(
        "is_reportable", "is_death", "is_serious", "is_in_ifu", "is_rare", "is_new"
    )
    def _compute_routes(self):
        """000/R-QT-17/18/19/22 (001/§8 item 3): every applicable route is due.

        - death → 12 h, also the national administration;
        - serious and not in the instructions → 72 h, local regulator and
          national monitoring centre;
        - serious, rare or new → the provincial authority in 15 working days;
        - every other reportable event → the quarterly batch."""
        for event in self:
            reportable = event.is_reportable
            event.route_death = reportable and event.is_death
            event.route_serious = (
                reportable and event.is_serious and not event.is_in_ifu
            )
            event.route_provincial = reportable and (
                event.is_serious or event.is_rare or event.is_new
            )
            event.route_quarterly = reportable and not (
                event.route_death or event.route_serious
            )

    @api.depends(
        "submission_ids.route",
        "submission_ids.authority",
        "submission_ids.date_submitted",
    )
    def _compute_submitted(self):
        """A route is submitted when each of its authorities got a submission; at
        the last of them."""
        for event in self:
            for route, authorities in ROUTE_AUTHORITIES.items():
                firsts = []
                for authority in authorities:
                    dates = [
                        sub.date_submitted
                        for sub in event.submission_ids
                        if sub.route in ROUTE_ACCEPTS[route]
                        and sub.authority == authority
                        and sub.date_submitted
                    ]
                    if not dates:
                        firsts = None
                        break
                    firsts.append(min(dates))
                event[f"submitted_{route}_at"] = max(firsts) if firsts else False

    @api.depends(
        "state",
        "is_reportable",
        "route_death",
        "route_serious",
        "route_provincial",
        "submitted_death_at",
        "submitted_serious_at",
        "submitted_provincial_at",
        "control_ids.date_done",
    )
    def _compute_can(self):
        for event in self:
            event.can_investigate = event.state == "draft"
            event.can_report = (
                event.state == "investigating"
                and event.is_reportable
                and not event._missing_routes()
            )
            event.can_confirm_regulator = event.state == "reported"
            event.can_close = (
                event.state == "investigating" and not event.is_reportable
            ) or (
                event.state in ("reported", "confirmed")
                and all(event.control_ids.mapped("date_done"))
            )
            event.can_cancel = event.state in ("draft", "investigating")

    # --- bad input

    @api.constrains("outcome", "death_time", "date_aware", "date_event")
    def _check_facts(self):
        for event in self:
            if event.outcome == "death" and not event.death_time:
                raise ValidationError(
                    self.env._(
                        "%(event)s: a death is reported with its time (000/R-QT-25).",
                        event=event.display_name,
                    )
                )
            if event.date_event and event.date_event > event.date_aware.date():
                raise ValidationError(
                    self.env._(
                        "%(event)s: the event cannot happen after the company became "
                        "aware of it.",
                        event=event.display_name,
                    )
                )

    @api.constrains("date_aware", "date_internal_report")
    def _check_internal_report(self):
        for event in self:
            if (
                event.date_internal_report
                and event.date_internal_report < event.date_aware
            ):
                raise ValidationError(
                    self.env._(
                        "%(event)s: the awareness time cannot be after the internal "
                        "report.",
                        event=event.display_name,
                    )
                )
            first = min(event.submission_ids.mapped("date_submitted"), default=False)
            if first and first < event.date_aware:
                raise ValidationError(
                    self.env._(
                        "%(event)s: the awareness time cannot be after a submission "
                        "to an authority.",
                        event=event.display_name,
                    )
                )

    # --- confidentiality (000/R-QT-28, 001/R-26)

    def _qt_check_export(self):
        if not self.env.user.has_group(
            "quality_tracking.group_quality_tracking_manager"
        ):
            raise AccessError(
                self.env._(
                    "Adverse-event data may not be exported: only the quality "
                    "managers may (000/R-QT-28)."
                )
            )

    def export_data(self, fields_to_export):
        self._qt_check_export()
        return super().export_data(fields_to_export)

    # --- create

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        numbers = self.env["ir.sequence"]._qt_next_by_code_batch(
            "qt.adverse.event", len(unnamed)
        )
        for vals, number in zip(unnamed, numbers, strict=True):
            vals["name"] = number or "/"
        return super().create(vals_list)

    # --- state machine

    def _missing_routes(self):
        """The labels of the clocked routes that apply and are not submitted."""
        self.ensure_one()
        submissions = self.env["qt.adverse.event.submission"]
        labels = dict(submissions._fields["route"]._description_selection(self.env))
        return [
            labels[route]
            for route in ROUTE_AUTHORITIES
            if self[f"route_{route}"] and not self[f"submitted_{route}_at"]
        ]

    def action_investigate(self):
        """Detected → investigating: the quality department has the report
        (000/R-QT-16), stamped now if no earlier time was recorded."""
        self._check_state(("draft",), self.env._("Starting the investigation"))
        now = fields.Datetime.now()
        for event in self:
            vals = {"state": "investigating"}
            if not event.date_internal_report:
                vals["date_internal_report"] = max(now, event.date_aware)
            event.write(vals)
        return True

    def action_report(self):
        """Investigating → reported: a reportable event whose clocked routes have
        all been submitted (the quarterly batch follows its own batch)."""
        self._check_state(("investigating",), self.env._("Reporting"))
        for event in self:
            if not event.is_reportable:
                raise UserError(
                    self.env._(
                        "%(event)s is not reportable: close it instead. %(reason)s",
                        event=event.display_name,
                        reason=event.reportable_reason,
                    )
                )
            missing = event._missing_routes()
            if missing:
                raise UserError(
                    self.env._(
                        "%(event)s: record the submissions of these routes first: "
                        "%(routes)s.",
                        event=event.display_name,
                        routes=", ".join(missing),
                    )
                )
        self.write({"state": "reported"})
        return True

    def action_confirm_regulator(self):
        """Reported → regulator confirmed: the three immediate emergency control
        actions are created (000/R-QT-23, 001/R-25)."""
        self._check_state(
            ("reported",), self.env._("Recording the regulator's confirmation")
        )
        actions = [key for key, _label in CONTROL_ACTIONS]
        self.env["qt.adverse.event.control"].create(
            [
                {"event_id": event.id, "action": action}
                for event in self
                for action in actions
            ]
        )
        self.write({"state": "confirmed", "date_confirmed": fields.Datetime.now()})
        return True

    def action_close(self):
        self._check_state(
            ("investigating", "reported", "confirmed"), self.env._("Closing")
        )
        for event in self:
            if event.state == "investigating" and event.is_reportable:
                raise UserError(
                    self.env._(
                        "%(event)s is reportable: report it before closing.",
                        event=event.display_name,
                    )
                )
            if not all(event.control_ids.mapped("date_done")):
                raise UserError(
                    self.env._(
                        "%(event)s: the emergency control actions (seal, stop sale, "
                        "stop use) must all be done before closing (000/R-QT-23).",
                        event=event.display_name,
                    )
                )
        self.write({"state": "closed"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "investigating"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_raise_issue(self):
        """A quality issue (with its CAPA) opened from this event."""
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "adverse_event",
            title=self.env._(
                "Adverse event %(event)s: %(device)s",
                event=self.name,
                device=self.product_id.display_name,
            ),
            severity="major" if self.is_serious else "general",
        )


class QtAdverseEventSubmission(models.Model):
    """A report of an adverse event to an authority on one route: the only thing
    that meets the route's clock (000/R-QT-17/18/22)."""

    _name = "qt.adverse.event.submission"
    _description = "Adverse Event Submission"
    _order = "date_submitted desc, id desc"
    _check_company_auto = True

    event_id = fields.Many2one(
        "qt.adverse.event",
        string="Adverse Event",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="event_id.company_id", store=True, index=True)
    route = fields.Selection(ROUTES, required=True, index=True)
    authority = fields.Selection(AUTHORITIES, required=True)
    reference = fields.Char(help="The authority's acknowledgement or case number.")
    date_submitted = fields.Datetime(
        string="Submitted At", required=True, default=fields.Datetime.now
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "qt_adverse_event_submission_attachment_rel",
        "submission_id",
        "attachment_id",
        string="Proof",
    )
    user_id = fields.Many2one(
        "res.users", string="Submitted By", default=lambda self: self.env.user
    )

    @api.constrains("date_submitted", "event_id")
    def _check_after_awareness(self):
        for submission in self:
            if submission.date_submitted < submission.event_id.date_aware:
                raise ValidationError(
                    self.env._(
                        "%(event)s: a submission cannot be earlier than the "
                        "awareness time.",
                        event=submission.event_id.display_name,
                    )
                )

    def export_data(self, fields_to_export):
        self.env["qt.adverse.event"]._qt_check_export()
        return super().export_data(fields_to_export)


class QtAdverseEventControl(models.Model):
    """One of the three immediate emergency control actions of a
    regulator-confirmed adverse event (000/R-QT-23, 001/R-25)."""

    _name = "qt.adverse.event.control"
    _description = "Adverse Event Emergency Control"
    _order = "event_id, id"

    event_id = fields.Many2one(
        "qt.adverse.event",
        string="Adverse Event",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="event_id.company_id", store=True, index=True)
    action = fields.Selection(CONTROL_ACTIONS, required=True)
    user_id = fields.Many2one("res.users", string="Done By", readonly=True)
    date_done = fields.Datetime(string="Done At", readonly=True)
    note = fields.Char()

    _action_unique = models.Constraint(
        "UNIQUE (event_id, action)", "Each emergency control action is taken once."
    )

    def action_done(self):
        """Mark the action done, now, by the current user; noted on the event."""
        todo = self.filtered(lambda control: not control.date_done)
        if not todo:
            raise UserError(self.env._("These emergency control actions are done."))
        todo.write({"user_id": self.env.user.id, "date_done": fields.Datetime.now()})
        labels = dict(self._fields["action"]._description_selection(self.env))
        for control in todo:
            control.event_id.message_post(
                body=self.env._(
                    "Emergency control done: %(action)s.",
                    action=labels[control.action],
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def export_data(self, fields_to_export):
        self.env["qt.adverse.event"]._qt_check_export()
        return super().export_data(fields_to_export)
