from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

CHECK_ANSWERS = [("yes", "Yes"), ("no", "No"), ("na", "Not Applicable")]
# The five tracking checks of a record (000/R-QT-29, D16 4.2.1–4.2.5)
CHECK_FIELDS = (
    "check_process",
    "check_quality",
    "check_delivery",
    "check_service",
    "check_complaint",
)


class QtTrackingRecord(models.Model):
    """《质量跟踪记录表》: a salesperson's quality tracking of a customer (000/E-QT-9,
    001/QT-8).

    draft → submitted (to the sales department head) → forwarded (to the quality
    department, whose 15-working-day clock starts, 000/R-QT-20) → resolved (cause
    analysed, departments notified, the user told) → closed; or cancel.
    """

    _name = "qt.tracking.record"
    _description = "Quality Tracking Record"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.issue.origin.mixin",
        "qt.state.mixin",
    ]
    _order = "date_tracking desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    product_name = fields.Char(string="Product")
    sale_ref = fields.Char(string="Sales Record")
    date_tracking = fields.Date(
        string="Tracked On", required=True, default=fields.Date.context_today
    )
    user_id = fields.Many2one(
        "res.users",
        string="Tracked By",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department", string="Sales Department", index=True, check_company=True
    )
    sales_head_id = fields.Many2one(
        "res.users",
        string="Sales Department Head",
        compute="_compute_sales_head_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    method = fields.Selection(
        [
            ("phone", "Phone"),
            ("letter", "Letter"),
            ("fax", "Fax"),
            ("email", "E-mail"),
            ("return_visit", "Return Visit"),
            ("onsite_maintenance", "On-site Maintenance"),
        ],
        required=True,
        default="phone",
    )
    # --- the five checks (000/R-QT-29) and their sub-items (001/QT-8)
    check_process = fields.Selection(
        CHECK_ANSWERS, string="Process and Technology Meet the Requirements"
    )
    check_process_note = fields.Char(string="Process Note")
    check_quality = fields.Selection(
        CHECK_ANSWERS, string="Quality Meets Standards and Regulations"
    )
    check_quality_note = fields.Char(string="Quality Note")
    check_delivery = fields.Selection(
        CHECK_ANSWERS, string="Delivered on the Contract Date"
    )
    is_force_majeure = fields.Boolean(string="Late Due to Force Majeure")
    is_customer_understanding = fields.Boolean(
        string="Customer's Understanding Obtained",
        help="Required when the delivery was late because of force majeure (001/R-76).",
    )
    check_delivery_note = fields.Char(string="Delivery Note")
    check_service = fields.Selection(
        CHECK_ANSWERS,
        string="Installation, Commissioning and Repair Work Acceptable",
    )
    is_service_as_promised = fields.Boolean(string="Service as Promised")
    is_service_satisfied = fields.Boolean(string="Customer Satisfied with the Service")
    check_service_note = fields.Char(string="Service Note")
    check_complaint = fields.Selection(
        CHECK_ANSWERS, string="Complaints Handled in Time"
    )
    is_complaint_satisfied = fields.Boolean(string="Complaint Result Satisfactory")
    check_complaint_note = fields.Char(string="Complaint Note")
    customer_opinion = fields.Text(string="Customer Opinions and Suggestions")
    unresolved_items = fields.Text(
        help="What cannot be solved yet: recorded in detail, answered after research "
        "with the departments concerned.",
    )
    # --- the quality department's part
    date_submitted = fields.Date(string="Submitted On", readonly=True, copy=False)
    date_forwarded = fields.Datetime(
        string="Forwarded to Quality On",
        readonly=True,
        copy=False,
        tracking=True,
        help="Starts the quality department's resolution period (000/R-QT-20).",
    )
    quality_user_id = fields.Many2one(
        "res.users",
        string="Quality Department Handler",
        index=True,
        tracking=True,
    )
    resolve_days = fields.Integer(
        string="Resolution Period (working days)",
        default=lambda self: self.env.company.qt_tracking_resolve_days,
        help="000/R-QT-20: the quality department resolves a forwarded tracking "
        "record within this many working days.",
    )
    resolve_due = fields.Datetime(string="Resolve By", readonly=True, copy=False)
    cause_analysis = fields.Text(copy=False)
    handling_opinion = fields.Text(copy=False)
    date_user_informed = fields.Date(
        string="User Informed On",
        copy=False,
        help="When the handling opinion was told to the user.",
    )
    notified_department_ids = fields.Many2many(
        "hr.department",
        "qt_tracking_record_department_rel",
        "record_id",
        "department_id",
        string="Departments Notified",
        copy=False,
    )
    date_resolved = fields.Date(string="Resolved On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "With the Sales Head"),
            ("forwarded", "With the Quality Department"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    can_submit = fields.Boolean(compute="_compute_can")
    can_forward = fields.Boolean(compute="_compute_can")
    can_resolve = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    @api.depends("department_id.manager_id.user_id")
    def _compute_sales_head_id(self):
        for record in self:
            head = record.department_id.manager_id.user_id
            if head or not record.sales_head_id:
                record.sales_head_id = head

    @api.depends("state", "sales_head_id")
    @api.depends_context("uid")
    def _compute_can(self):
        is_officer = self.env.user.has_group(
            "quality_tracking.group_quality_tracking_officer"
        )
        for record in self:
            record.can_submit = record.state == "draft"
            record.can_forward = record.state == "submitted" and (
                is_officer or record.sales_head_id == self.env.user
            )
            record.can_resolve = record.state == "forwarded" and is_officer
            record.can_close = record.state == "resolved" and is_officer
            record.can_cancel = record.state in ("draft", "submitted")

    @api.constrains("resolve_days")
    def _check_resolve_days(self):
        if any(record.resolve_days < 0 for record in self):
            raise ValidationError(
                self.env._("The resolution period cannot be negative.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("qt.tracking.record") or "/"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_forwarded(self):
        if any(record.state not in ("draft", "cancel") for record in self):
            raise UserError(
                self.env._(
                    "Only draft or cancelled quality tracking records can be deleted."
                )
            )

    # --- state machine

    def _check_can_submit(self):
        """000/R-QT-29: the five checks are answered; 001/R-76: a late delivery
        due to force majeure needs the customer's understanding."""
        for record in self:
            missing = [
                record._fields[name].get_description(self.env)["string"]
                for name in CHECK_FIELDS
                if not record[name]
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "Tracking record %(record)s: answer the tracking checks "
                        "%(checks)s (000/R-QT-29).",
                        record=record.name,
                        checks=", ".join(missing),
                    )
                )
            if (
                record.check_delivery == "no"
                and record.is_force_majeure
                and not record.is_customer_understanding
            ):
                raise ValidationError(
                    self.env._(
                        "Tracking record %(record)s: the delivery was late because "
                        "of force majeure; record that the customer's understanding "
                        "was obtained (001/R-76).",
                        record=record.name,
                    )
                )
            if not record.sales_head_id:
                raise ValidationError(
                    self.env._(
                        "Tracking record %(record)s: choose the sales department "
                        "head who receives it.",
                        record=record.name,
                    )
                )

    def action_submit(self):
        """The salesperson hands the record to the sales department head."""
        self._check_state(("draft",), self.env._("Submitting"))
        self._check_can_submit()
        self.write(
            {"state": "submitted", "date_submitted": fields.Date.context_today(self)}
        )
        return True

    def action_forward(self):
        """The sales head forwards it to the quality department: its resolution
        clock starts (000/R-QT-20)."""
        self._check_state(("submitted",), self.env._("Forwarding"))
        if not all(record.can_forward for record in self):
            raise AccessError(
                self.env._(
                    "Only the sales department head of the record or the quality "
                    "department forwards a tracking record."
                )
            )
        self.write({"state": "forwarded", "date_forwarded": fields.Datetime.now()})
        return True

    def action_resolve(self):
        """The quality department analysed the cause, notified the departments
        and told the user its handling opinion."""
        self._check_state(("forwarded",), self.env._("Resolving"))
        if not all(record.can_resolve for record in self):
            raise AccessError(
                self.env._("Only the quality department resolves a tracking record.")
            )
        for record in self:
            if not (record.cause_analysis and record.handling_opinion):
                raise ValidationError(
                    self.env._(
                        "Tracking record %(record)s: write the cause analysis and the "
                        "handling opinion before resolving it.",
                        record=record.name,
                    )
                )
            if not record.date_user_informed:
                raise ValidationError(
                    self.env._(
                        "Tracking record %(record)s: record when the handling opinion "
                        "was told to the user.",
                        record=record.name,
                    )
                )
            if record.date_user_informed < record.date_forwarded.date():
                raise ValidationError(
                    self.env._(
                        "Tracking record %(record)s: the user cannot be informed "
                        "before the record reached the quality department.",
                        record=record.name,
                    )
                )
        self.write(
            {"state": "resolved", "date_resolved": fields.Date.context_today(self)}
        )
        return True

    def action_close(self):
        self._check_state(("resolved",), self.env._("Closing"))
        if not all(record.can_close for record in self):
            raise AccessError(
                self.env._("Only the quality department closes a tracking record.")
            )
        self.write({"state": "closed"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "submitted"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("cancel",), self.env._("Resetting to draft"))
        self.write({"state": "draft"})
        return True

    def action_raise_issue(self):
        """A quality issue (and from it a CAPA) from the tracking (000/E-QT-11)."""
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "tracking_record",
            title=self.env._("Tracking record %(record)s", record=self.name),
            description=self.customer_opinion or False,
            partner_id=self.partner_id.id,
            department_id=self.department_id.id,
        )
