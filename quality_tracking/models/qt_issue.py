from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command


def raise_from_action(model, name, origin, origin_kind, defaults):
    """The form of a new ``model`` record (a quality issue or a CAPA) raised from
    ``origin`` (any record): its origin set, the ``defaults`` prefilled."""
    context = {
        "default_origin_kind": origin_kind,
        "default_origin_ref": f"{origin._name},{origin.id}",
    }
    context.update({f"default_{key}": value for key, value in defaults.items()})
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": model._name,
        "view_mode": "form",
        "target": "current",
        "context": context,
    }


def count_by_origin(model, origins):
    """{origin id: number of ``model`` records (quality issues or CAPAs) raised
    from it} for the records ``origins``, in one query."""
    refs = [f"{origins._name},{origin_id}" for origin_id in origins.ids]
    counts = {}
    for ref, count in model._read_group(
        [("origin_ref", "in", refs)], ["origin_ref"], ["__count"]
    ):
        res_id = int(ref.split(",")[1]) if isinstance(ref, str) else ref.id
        counts[res_id] = count
    return counts


SEVERITIES = [("general", "General"), ("batch", "Batch"), ("major", "Major")]
REPORT_MODES = [
    ("phone", "By Phone"),
    ("on_site", "On Site"),
    ("email", "By E-mail"),
    ("letter", "By Letter or Fax"),
]
CAUSES = [
    ("improper_use", "Improper Use"),
    ("product_quality", "Product Quality"),
    ("service_quality", "Service Quality"),
    ("process", "Process or Method"),
    ("human", "Human Error"),
    ("material", "Material or Supplier"),
    ("equipment", "Equipment"),
    ("other", "Other"),
]
OPEN_STATES = ("new", "investigating", "action", "verifying")


class QtIssue(models.Model):
    """A quality issue / nonconformity from any origin (000/E-QT-10, 001/QT-9).

    It is graded general / batch / major by the quality-incident thresholds of the
    company (002/R40-R42), investigated (003/HR-D11-4..7), acted on through corrective
    and preventive actions (``qt.capa``) and closed after an effectiveness check.
    States move new → investigating → action → verifying → closed (or cancel) only
    through the ``action_*`` methods, whose guards the form reads from ``can_*``.
    """

    _name = "qt.issue"
    _description = "Quality Issue"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.state.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    title = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Html()
    origin_kind = fields.Selection(
        [
            ("feedback_card", "Feedback Card"),
            ("return_visit", "Return Visit"),
            ("tracking_record", "Quality Tracking Record"),
            ("supervision", "Supervision"),
            ("spot_check", "Spot Check"),
            ("supervision_order", "Supervision Order"),
            ("email", "Quality Complaint Mailbox"),
            ("complaint", "Client Complaint"),
            ("internal", "Internal Finding"),
            ("adverse_event", "Adverse Event"),
            ("other", "Other"),
        ],
        string="Origin",
        default="internal",
        required=True,
        tracking=True,
        index=True,
    )
    origin_ref = fields.Reference(
        selection="_selection_origin_ref", string="Origin Document", index=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index=True)
    matter_id = fields.Many2one(
        "qt.matter", index=True, check_company=True, ondelete="set null"
    )
    department_id = fields.Many2one("hr.department", index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # --- 003/HR-D11-1: the inspector's quality abnormality alarm (质量异常警报表)
    alarm_trigger = fields.Selection(
        [
            ("cannot_judge", "Inspector Cannot Judge"),
            ("serious", "Serious Quality Problem"),
        ],
        tracking=True,
        help="An internal finding filed by an inspector as a quality abnormality "
        "alarm: the inspector cannot judge, or the problem is serious "
        "(003/HR-D11-1). The competent department is notified before the "
        "investigation.",
    )
    alarm_department_id = fields.Many2one(
        "hr.department",
        string="Competent Department Notified",
        tracking=True,
    )
    is_customer_case = fields.Boolean(
        string="Customer Case",
        compute="_compute_is_customer_case",
        store=True,
        help="A problem reported by a customer (after-sales case): the customer is "
        "contacted at once, the result is reported back and the customer must be "
        "satisfied before closing.",
    )

    # --- grading (002/R40-R42)
    severity_graded = fields.Selection(
        SEVERITIES,
        string="Graded Severity",
        compute="_compute_severity_graded",
        store=True,
        help="The grade the company's quality-incident thresholds give "
        "(002/R40 batch, R41 major, R42 general; major > batch > general).",
    )
    severity_override = fields.Selection(
        SEVERITIES,
        string="Severity Set by Hand",
        tracking=True,
        help="Leave empty to use the graded severity.",
    )
    severity = fields.Selection(
        SEVERITIES,
        compute="_compute_severity",
        store=True,
        tracking=True,
        index=True,
    )
    scrap_production_hours = fields.Float(
        string="Batch Scrap (production hours)",
        help="The batch scrapped, as hours of production output (002/R40 a).",
    )
    rework_production_hours = fields.Float(
        string="Batch Rework (production hours)",
        help="The semi-finished or finished products reworked, as hours of "
        "production output (002/R40 b).",
    )
    aftersales_same_lot_qty = fields.Integer(
        string="After-Sales Same Model and Date (pieces)",
        help="After-sales feedback or returns of the same model with the same "
        "production date (002/R40 c).",
    )
    shipped_batch_returned_qty = fields.Integer(
        string="Returned Shipped Batch (pieces)", help="002/R41."
    )
    is_reputation_impact = fields.Boolean(
        string="Serious Reputation Impact", help="002/R41."
    )
    loss_amount = fields.Monetary(help="002/R41.")
    is_personal_injury = fields.Boolean(
        string="Personal Injury to a User", help="002/R41."
    )

    # --- product and complaint facts (004/QT-6, 表14.6.3)
    product_name = fields.Char(string="Product")
    product_model = fields.Char()
    batch_number = fields.Char(index=True)
    production_date = fields.Date()
    order_number = fields.Char()
    part_number = fields.Char()
    quantity = fields.Float()
    delivery_date = fields.Date()
    defective_quantity = fields.Float()
    is_sample_received = fields.Boolean(string="Defective Sample Received")
    sales_opinion = fields.Text()
    return_exchange_qty = fields.Float(string="Return / Exchange Quantity")
    is_return_qty_undetermined = fields.Boolean(
        string="Undetermined: Customer Still Processing",
        help="The return or exchange quantity cannot be fixed yet: 客户加工中未确定.",
    )

    # --- intake (000/R-QT-30, 003/HR-D11-9)
    date_received = fields.Datetime(
        string="Received At", default=fields.Datetime.now, required=True, index=True
    )
    date_contacted = fields.Datetime(
        string="Customer Contacted At",
        tracking=True,
        help="When staff contacted the customer or were sent on site: at once, "
        "before the investigation starts (000/R-QT-30).",
    )
    contact_mode = fields.Selection(REPORT_MODES)
    contact_user_id = fields.Many2one("res.users", string="Contacted By")
    date_reported_written = fields.Datetime(
        string="Reported in Writing At",
        tracking=True,
        help="The registered problem is reported in writing to the leaders and "
        "competent departments before the investigation (003/HR-D11-9).",
    )
    report_recipient_ids = fields.Many2many(
        "res.users",
        "qt_issue_report_recipient_rel",
        "issue_id",
        "user_id",
        string="Written Report Recipients",
    )
    notified_department_ids = fields.Many2many(
        "hr.department",
        "qt_issue_notified_department_rel",
        "issue_id",
        "department_id",
        string="Departments Notified",
    )

    # --- investigation (003/HR-D11-3..7)
    investigation_note = fields.Text(string="On-Site Investigation")
    is_same_batch_checked = fields.Boolean(
        string="Same Batch Checked", help="003/HR-D11-4."
    )
    same_batch_result = fields.Text(string="Same-Batch Findings")
    is_disputed = fields.Boolean(
        string="Result Disputed by the Customer",
        tracking=True,
        help="A disputed inspection result goes to a statutory testing body "
        "(003/HR-D11-5).",
    )
    statutory_test_body = fields.Char(string="Statutory Testing Body")
    statutory_test_result = fields.Text()
    date_gm_notified = fields.Datetime(
        string="General Manager Notified At", readonly=True, copy=False
    )
    investigation_team_ids = fields.Many2many(
        "res.users",
        "qt_issue_investigation_team_rel",
        "issue_id",
        "user_id",
        help="Formed by the general manager for a major problem (003/HR-D11-6).",
    )
    needs_arbitration = fields.Boolean(
        string="Arbitration or Mediation Needed", help="003/HR-D11-7."
    )
    arbitration_note = fields.Text(string="Arbitration Notes")

    # --- cause and actions
    cause_kind = fields.Selection(
        CAUSES,
        string="Cause",
        tracking=True,
        index=True,
        help="The cause found by the analysis (improper use is pointed out to the "
        "customer on the spot, 001/QT-9).",
    )
    is_misuse_explained = fields.Boolean(
        string="Improper Use Pointed Out",
        tracking=True,
        help="The customer was shown on the spot where the product was used wrongly "
        "(000/WF-QT-6): the issue may then close without corrective action.",
    )
    root_cause = fields.Text()
    immediate_action = fields.Text(
        help="What was done at once to contain the problem, before the root cause "
        "is known."
    )
    hazard_analysis = fields.Text()
    responsibility = fields.Text()
    is_adverse_reaction = fields.Boolean(
        string="Adverse Reaction During Use",
        tracking=True,
        help="The complaint comes from the customer's adverse reaction while using "
        "the product (004/QT-9): report it as an adverse event.",
    )
    is_nonconforming = fields.Boolean(
        string="Product Nonconforming",
        help="The investigation found the product nonconforming: the cause and the "
        "correction are recorded (003/HR-D11-11).",
    )
    correction = fields.Text()
    capa_ids = fields.One2many("qt.capa", "issue_id", string="Corrective Actions")
    capa_count = fields.Integer(compute="_compute_capa_count")

    # --- written handling document (002/R45) and reply to the customer
    handling_solution = fields.Text(string="Solution and Improvement")
    document_signer_id = fields.Many2one(
        "res.users",
        string="Signed By",
        tracking=True,
        help="The quality department head or the company head (002/R45).",
    )
    date_document_signed = fields.Date(string="Signed On")
    date_result_reported = fields.Date(string="Result Reported On", tracking=True)
    result_report_mode = fields.Selection(REPORT_MODES, string="Reported How")
    is_customer_satisfied = fields.Boolean(
        string="Customer Satisfied", tracking=True, help="003/HR-D11-10."
    )

    # --- effectiveness verification
    effectiveness = fields.Selection(
        [("effective", "Effective"), ("not_effective", "Not Effective")],
        tracking=True,
    )
    effectiveness_user_id = fields.Many2one("res.users", string="Verified By")
    effectiveness_date = fields.Date(string="Verified On")
    effectiveness_note = fields.Text(string="Verification Notes")

    # --- state and deadline (001/R-28)
    state = fields.Selection(
        [
            ("new", "New"),
            ("investigating", "Investigating"),
            ("action", "Corrective Action"),
            ("verifying", "Verifying"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="new",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    resolve_days = fields.Integer(
        string="Resolution Period (working days)",
        default=lambda self: self.env.company.qt_issue_resolve_days,
        help="001/R-28: resolved within this many working days of receipt.",
    )
    resolve_due = fields.Datetime(string="Resolve By", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed At", readonly=True, copy=False)
    on_time_rate = fields.Float(
        string="Resolved On Time (%)",
        aggregator="avg",
        readonly=True,
        copy=False,
        help="100 for an issue closed within its resolution period, 0 for a late "
        "one (from its deadline timer).",
    )
    is_resolved_late = fields.Boolean(string="Resolved Late", readonly=True)
    can_investigate = fields.Boolean(compute="_compute_can")
    can_start_action = fields.Boolean(compute="_compute_can")
    can_verify = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _quantities_positive = models.Constraint(
        "CHECK (coalesce(scrap_production_hours, 0) >= 0 "
        "AND coalesce(rework_production_hours, 0) >= 0 "
        "AND coalesce(aftersales_same_lot_qty, 0) >= 0 "
        "AND coalesce(shipped_batch_returned_qty, 0) >= 0 "
        "AND coalesce(loss_amount, 0) >= 0 "
        "AND coalesce(quantity, 0) >= 0 AND coalesce(defective_quantity, 0) >= 0 "
        "AND coalesce(return_exchange_qty, 0) >= 0)",
        "Hours, quantities and the loss amount of a quality issue cannot be negative.",
    )
    _resolve_days_positive = models.Constraint(
        "CHECK (coalesce(resolve_days, 0) >= 0)",
        "The resolution period cannot be negative.",
    )

    # --- computes

    @api.depends("partner_id")
    def _compute_is_customer_case(self):
        for issue in self:
            issue.is_customer_case = bool(issue.partner_id)

    @api.depends(
        "company_id",
        "scrap_production_hours",
        "rework_production_hours",
        "aftersales_same_lot_qty",
        "shipped_batch_returned_qty",
        "is_reputation_impact",
        "loss_amount",
        "is_personal_injury",
    )
    def _compute_severity_graded(self):
        """002/R40-R42 with the thresholds of the issue's company, read when the
        facts are recorded (a changed threshold grades the issues recorded after)."""
        for issue in self:
            issue.severity_graded = issue._grade_severity()

    def _grade_severity(self):
        self.ensure_one()
        company = self.company_id or self.env.company
        currency = company.currency_id
        if (
            self.is_reputation_impact
            or self.is_personal_injury
            or self.shipped_batch_returned_qty >= company.qt_incident_major_returned_qty
            or currency.compare_amounts(
                self.loss_amount, company.qt_incident_major_loss_amount
            )
            >= 0
        ):
            return "major"
        if (
            self.scrap_production_hours >= company.qt_incident_batch_scrap_hours
            or self.rework_production_hours >= company.qt_incident_batch_rework_hours
            or self.aftersales_same_lot_qty >= company.qt_incident_batch_aftersales_qty
        ):
            return "batch"
        return "general"

    @api.depends("severity_graded", "severity_override")
    def _compute_severity(self):
        for issue in self:
            issue.severity = issue.severity_override or issue.severity_graded

    def _compute_capa_count(self):
        counts = dict(
            self.env["qt.capa"]._read_group(
                [("issue_id", "in", self.ids)], ["issue_id"], ["__count"]
            )
        )
        for issue in self:
            issue.capa_count = counts.get(issue, 0)

    @api.depends("state", "cause_kind")
    def _compute_can(self):
        for issue in self:
            issue.can_investigate = issue.state == "new"
            issue.can_start_action = issue.state == "investigating"
            issue.can_verify = issue.state == "action"
            issue.can_close = issue.state == "verifying" or (
                issue.state == "investigating" and issue.cause_kind == "improper_use"
            )
            issue.can_cancel = issue.state in OPEN_STATES

    @api.onchange("effectiveness")
    def _onchange_effectiveness(self):
        if self.effectiveness and not self.effectiveness_user_id:
            self.effectiveness_user_id = self.env.user
        if self.effectiveness and not self.effectiveness_date:
            self.effectiveness_date = fields.Date.context_today(self)

    # --- constraints

    @api.constrains("date_received", "date_contacted", "date_reported_written")
    def _check_dates(self):
        for issue in self:
            for date in (issue.date_contacted, issue.date_reported_written):
                if date and issue.date_received and date < issue.date_received:
                    raise ValidationError(
                        self.env._(
                            "%(issue)s: the customer contact and the written report "
                            "cannot be earlier than the receipt of the problem.",
                            issue=issue.display_name,
                        )
                    )

    @api.constrains("document_signer_id", "company_id")
    def _check_document_signer(self):
        """002/R45: the quality department head or the company head signs."""
        for issue in self.filtered("document_signer_id"):
            allowed = issue._allowed_document_signers()
            if issue.document_signer_id not in allowed:
                raise ValidationError(
                    self.env._(
                        "The written complaint handling document of %(issue)s must be "
                        "signed by the quality department head or the company head "
                        "(%(allowed)s).",
                        issue=issue.display_name,
                        allowed=", ".join(allowed.mapped("name"))
                        or self.env._("set them in the settings"),
                    )
                )

    def _allowed_document_signers(self):
        self.ensure_one()
        company = self.company_id
        return company.qt_quality_head_id | company.qt_general_manager_id

    # --- origins

    @api.model
    def _selection_origin_ref(self):
        """The models an issue can come from: ours, and an installed complaint model."""
        names = self._origin_models()
        models_ = self.env["ir.model"].sudo().search([("model", "in", names)])
        return [(m.model, m.name) for m in models_]

    @api.model
    def _origin_models(self):
        """Hook: the models quality issues come from (000/R-QT-07 channels, the
        supervision records, and a client complaint when client_relations is
        installed; a model that is not installed is simply not offered)."""
        return [
            "qt.matter",
            "qt.feedback.card",
            "qt.return.visit",
            "qt.tracking.record",
            "qt.supervision",
            "qt.delivery.check",
            "qt.site.violation",
            "qt.spot.check",
            "qt.supervision.order",
            "qt.adverse.event",
            "qt.quality.hold",
            "cr.request",
        ]

    # --- CRUD

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("qt.issue") or "/"
            # a severity given by the caller is a manual grade
            if vals.get("severity") and not vals.get("severity_override"):
                vals["severity_override"] = vals.pop("severity")
        issues = super().create(vals_list)
        issues._notify_major()
        return issues

    def write(self, vals):
        if vals.get("severity") and "severity_override" not in vals:
            vals = dict(vals, severity_override=vals.pop("severity"))
        res = super().write(vals)
        if "date_gm_notified" not in vals:
            self._notify_major()
        return res

    def _notify_major(self):
        """003/HR-D11-6: a major problem reaches the general manager at once, as an
        activity asking to form the investigation team."""
        major = self.filtered(
            lambda i: i.severity == "major"
            and not i.date_gm_notified
            and i.state in OPEN_STATES
        )
        for issue in major:
            manager = issue.company_id.qt_general_manager_id or issue.user_id
            issue.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(manager or self.env.user).id,
                summary=self.env._(
                    "Major quality problem: form the investigation team"
                ),
                note=self.env._(
                    "%(issue)s is a major quality problem (003/HR-D11-6): the general "
                    "manager forms an investigation team.",
                    issue=issue.display_name,
                ),
            )
        if major:
            major.write({"date_gm_notified": fields.Datetime.now()})

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to the quality-complaint mailbox becomes a new issue."""
        values = dict(custom_values or {})
        partner = self._partner_find_from_emails_single(
            [msg_dict.get("email_from") or ""], no_create=False
        )
        values.setdefault("title", msg_dict.get("subject") or self.env._("No Subject"))
        values.setdefault("description", msg_dict.get("body"))
        values.setdefault("origin_kind", "email")
        values.setdefault("user_id", False)
        if partner:
            values.setdefault("partner_id", partner.id)
        return super().message_new(msg_dict, custom_values=values)

    # --- state machine

    def _check_can_investigate(self):
        for issue in self.filtered(
            lambda i: i.alarm_trigger and not i.alarm_department_id
        ):
            self._raise_missing(
                issue,
                self.env._(
                    "a quality abnormality alarm notifies the competent department "
                    "before the investigation (003/HR-D11-1)."
                ),
            )
        if self.filtered("is_customer_case") and not self.env.user.has_group(
            "quality_tracking.group_quality_tracking_officer"
        ):
            raise UserError(
                self.env._(
                    "The quality department registers customer quality feedback and "
                    "starts its investigation (003/HR-D11-2)."
                )
            )
        for issue in self.filtered("is_customer_case"):
            if (issue.product_name or issue.part_number) and not all(
                (
                    issue.order_number,
                    issue.part_number,
                    issue.delivery_date,
                    issue.quantity,
                    issue.defective_quantity,
                )
            ):
                self._raise_missing(
                    issue,
                    self.env._(
                        "a product complaint goes on only with its order number, "
                        "part number, delivery date, quantity and defective "
                        "quantity (004/R5-4)."
                    ),
                )
            if not issue.date_contacted:
                self._raise_missing(
                    issue,
                    self.env._(
                        "contact the customer or send staff on site at once and "
                        "record when, before investigating (000/R-QT-30)."
                    ),
                )
            if not issue.date_reported_written or not issue.report_recipient_ids:
                self._raise_missing(
                    issue,
                    self.env._(
                        "report the problem in writing to the leaders and competent "
                        "departments (date and recipients) before investigating "
                        "(003/HR-D11-9)."
                    ),
                )

    def _check_can_start_action(self):
        for issue in self:
            if not issue.cause_kind or not issue.root_cause:
                self._raise_missing(
                    issue, self.env._("set the cause and describe the root cause.")
                )
            if issue.batch_number and not (
                issue.is_same_batch_checked and issue.same_batch_result
            ):
                self._raise_missing(
                    issue,
                    self.env._(
                        "check and record the quality of the same batch number "
                        "(003/HR-D11-4)."
                    ),
                )
            if issue.is_disputed and not (
                issue.statutory_test_body and issue.statutory_test_result
            ):
                self._raise_missing(
                    issue,
                    self.env._(
                        "the customer disputes the result: record the statutory "
                        "testing body and its result (003/HR-D11-5)."
                    ),
                )
            if issue.severity == "major" and not issue.investigation_team_ids:
                self._raise_missing(
                    issue,
                    self.env._(
                        "a major problem needs the investigation team formed by the "
                        "general manager (003/HR-D11-6)."
                    ),
                )

    def _check_can_verify(self):
        running = self.capa_ids.filtered(lambda c: c.state in ("draft", "in_progress"))
        if running:
            self._raise_missing(
                running[0].issue_id,
                self.env._(
                    "finish the corrective actions first (%(capas)s).",
                    capas=", ".join(running.mapped("display_name")),
                ),
            )
        for issue in self.filtered("is_nonconforming"):
            if not issue.root_cause or not issue.correction:
                self._raise_missing(
                    issue,
                    self.env._(
                        "the product is nonconforming: record its cause and the "
                        "correction (003/HR-D11-11)."
                    ),
                )

    def _check_can_close(self):
        misuse = self.filtered(lambda i: i.state == "investigating")
        for issue in misuse:
            if issue.cause_kind != "improper_use":
                self._raise_missing(
                    issue,
                    self.env._(
                        "only an improper use closes from the investigation; "
                        "otherwise act on the cause first."
                    ),
                )
            if not issue.is_misuse_explained:
                self._raise_missing(
                    issue,
                    self.env._(
                        "point out the improper use to the customer on the spot "
                        "first (000/WF-QT-6)."
                    ),
                )
        for issue in self - misuse:
            unclosed = issue.capa_ids.filtered(
                lambda c: c.state not in ("closed", "cancel")
            )
            if unclosed:
                self._raise_missing(
                    issue,
                    self.env._(
                        "close the corrective actions first (%(capas)s).",
                        capas=", ".join(unclosed.mapped("display_name")),
                    ),
                )
            if not (
                issue.effectiveness
                and issue.effectiveness_user_id
                and issue.effectiveness_date
                and issue.effectiveness_note
            ):
                self._raise_missing(
                    issue,
                    self.env._(
                        "verify the effectiveness (who, when, effective or not, "
                        "notes) before closing."
                    ),
                )
            if issue.effectiveness != "effective":
                self._raise_missing(
                    issue,
                    self.env._(
                        "the actions were not effective: send the issue back to "
                        "corrective action."
                    ),
                )
            if not issue.is_customer_case:
                continue
            if issue.cause_kind == "product_quality" and not (
                issue.document_signer_id and issue.date_document_signed
            ):
                self._raise_missing(
                    issue,
                    self.env._(
                        "the written handling document must be signed by the quality "
                        "department head or the company head (002/R45)."
                    ),
                )
            if not (issue.date_result_reported and issue.result_report_mode):
                self._raise_missing(
                    issue,
                    self.env._(
                        "report the result back to the customer (date and how) "
                        "before closing (001/QT-9)."
                    ),
                )
            if not issue.is_customer_satisfied:
                self._raise_missing(
                    issue,
                    self.env._(
                        "an after-sales case closes only when the customer is "
                        "satisfied (003/HR-D11-10)."
                    ),
                )

    def action_investigate(self):
        """Start the investigation (customer contacted, written report made)."""
        self._check_state(("new",), self.env._("Investigating"))
        self._check_can_investigate()
        self.write({"state": "investigating"})
        return True

    def action_start_action(self):
        """Cause found: corrective and preventive actions are carried out."""
        self._check_state(("investigating",), self.env._("Starting corrective action"))
        self._check_can_start_action()
        self.write({"state": "action"})
        return True

    def action_verify(self):
        """Actions done: their effectiveness is verified."""
        self._check_state(("action",), self.env._("Verifying"))
        self._check_can_verify()
        self.write({"state": "verifying"})
        return True

    def action_back_to_action(self):
        """Not effective: the issue goes back to corrective action."""
        self._check_state(("verifying",), self.env._("Going back to corrective action"))
        self.write({"state": "action"})
        return True

    def action_close(self):
        """Close: actions closed and effective, customer answered and satisfied; an
        improper use pointed out on the spot closes from the investigation."""
        self._check_state(("investigating", "verifying"), self.env._("Closing"))
        self._check_can_close()
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})
        self._record_on_time()
        return True

    def _record_on_time(self):
        """On time or late, as the issue's resolution timer says (001/R-28)."""
        rule = self.env.ref(
            "quality_tracking.rule_qt_issue_resolve", raise_if_not_found=False
        )
        if not rule:
            return
        self.env.flush_all()
        late_ids = {
            res_id
            for [res_id] in self.env["business.deadline.timer"]
            .sudo()
            ._read_group(
                [
                    ("rule_id", "=", rule.id),
                    ("res_id", "in", self.ids),
                    ("is_late", "=", True),
                ],
                ["res_id"],
            )
        }
        late = self.filtered(lambda i: i.id in late_ids)
        late.write({"is_resolved_late": True, "on_time_rate": 0.0})
        (self - late).write({"is_resolved_late": False, "on_time_rate": 100.0})

    def action_cancel(self):
        self._check_state(OPEN_STATES, self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset(self):
        self._check_state(("cancel",), self.env._("Reopening"))
        self.write({"state": "new"})
        return True

    # --- links

    @api.model
    def _action_raise_from(self, origin, origin_kind, **defaults):
        """The form of a new issue raised from ``origin`` (any record), prefilled."""
        return raise_from_action(
            self, self.env._("Quality Issue"), origin, origin_kind, defaults
        )

    def action_view_capas(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_capa_action"
        )
        action["domain"] = [("issue_id", "=", self.id)]
        action["context"] = {
            "default_issue_id": self.id,
            "default_origin_kind": "issue",
            "default_partner_id": self.partner_id.id,
            "default_department_id": self.department_id.id,
        }
        return action

    def action_report_adverse_event(self):
        """004/QT-9: a complaint about an adverse reaction during use is reported as
        an adverse event; the new event names the issue's responsible."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Adverse Event"),
            "res_model": "qt.adverse.event",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_date_aware": fields.Datetime.to_string(self.date_received),
                "default_is_suspected": True,
                "default_person_ids": [Command.set(self.user_id.ids)],
                "default_investigation_notes": self.env._(
                    "Reported from quality issue %(issue)s: %(title)s",
                    issue=self.name,
                    title=self.title,
                ),
            },
        }

    def action_new_capa(self):
        """A new corrective action for this issue, from the issue's facts."""
        self.ensure_one()
        return self.env["qt.capa"]._action_raise_from(
            self,
            "issue",
            issue_id=self.id,
            title=self.title,
            partner_id=self.partner_id.id,
            department_id=self.department_id.id,
            description=self.root_cause or False,
        )
