import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

from .cr_agreement import PRIORITIES
from .cr_priority_matrix import IMPACT_LEVELS

_logger = logging.getLogger(__name__)


class CrRequest(models.Model):
    """One desk for service requests and complaints (003/E7, E10; 004 CR-2, CR-5;
    000/E-CR-7, E-CR-10): received, registered, responded, dispatched, tracked and
    closed (003/HR-D3-1), resolved and confirmed by the client (003/HR-D10-5/6)."""

    _name = "cr.request"
    _description = "Service Request"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "id desc"
    _mail_post_access = "read"

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    subject = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("inquiry", "Inquiry"),
            ("complaint", "Complaint"),
            ("suggestion", "Suggestion"),
            ("opinion", "Opinion"),
            ("service", "Service Request"),
            ("fault", "Fault"),
        ],
        string="Type",
        required=True,
        default="service",
        tracking=True,
        index=True,
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("portal", "Portal"),
            ("visit", "Visit"),
            ("outbound", "Outbound Call"),
        ],
        required=True,
        default="phone",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        tracking=True,
        index=True,
        help="The client company (its commercial partner).",
    )
    contact_id = fields.Many2one("res.partner", help="The client's person who called.")
    contact_phone = fields.Char()
    contact_email = fields.Char()
    description = fields.Html()
    date_received = fields.Datetime(
        string="Received On",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        index=True,
    )
    receiver_id = fields.Many2one(
        "res.users",
        string="Received By",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        help="000/R-CR-21: the first contact stays responsible until the client is "
        "answered.",
    )
    department_id = fields.Many2one(
        "hr.department", string="Handling Department", tracking=True, index=True
    )
    team_id = fields.Many2one("cr.team", tracking=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Handler",
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    subject_user_ids = fields.Many2many(
        "res.users",
        "cr_request_subject_user_rel",
        "request_id",
        "user_id",
        string="Persons Complained About",
        domain=[("share", "=", False)],
        help="004 W1, D18 §二(二): the persons a complaint is about never handle, "
        "decide or see it.",
    )
    priority = fields.Selection(
        PRIORITIES, default="1", required=True, tracking=True, index=True
    )
    agreement_id = fields.Many2one(
        "cr.agreement", tracking=True, index="btree_not_null"
    )
    service_id = fields.Many2one(
        "cr.service", string="Catalog Service", tracking=True, index="btree_not_null"
    )
    is_waiting_client = fields.Boolean(
        string="Waiting for the Client",
        tracking=True,
        help="The service-level clocks stop while the desk waits for the client.",
    )
    state = fields.Selection(
        [
            ("new", "Received"),
            ("registered", "Registered"),
            ("responded", "Responded"),
            ("assigned", "Dispatched"),
            ("in_progress", "In Progress"),
            ("resolved", "Resolved"),
            ("confirmed", "Confirmed"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        # Numbering by year and month, priority, repeat calls: the desk (cr-desk)
        for vals in vals_list:
            self._cr_desk_prepare(vals)
        return super().create(vals_list)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/cr_requests/{request.id}"
        return result

    def _cr_after_close(self):
        """Called by the desk once the requests are closed. Each part adds its own
        ``_cr_on_close_<part>()`` method (return visits, surveys, …); they run here in
        name order, so no part overrides another's."""
        for name in sorted(
            attr for attr in dir(type(self)) if attr.startswith("_cr_on_close_")
        ):
            getattr(self, name)()
        return True

    # --- cr-desk
    # 003/HR-D3-2: impact × urgency give the priority through the company's matrix
    impact = fields.Selection(
        IMPACT_LEVELS,
        default="2",
        tracking=True,
        help="003/HR-D3-2: how critical the affected business system is.",
    )
    urgency = fields.Selection(
        IMPACT_LEVELS,
        default="2",
        tracking=True,
        help="003/HR-D3-2: how fast the event must be solved, the delay the user "
        "accepts.",
    )
    confidentiality = fields.Selection(
        [
            ("ordinary", "Ordinary"),
            ("sensitive", "Sensitive"),
            ("confidential", "Confidential"),
        ],
        default="ordinary",
        tracking=True,
        help="003/HR-D3-5: the document classification.",
    )
    # 004/R15-2, R1-6: the classification of a complaint
    complaint_object = fields.Selection(
        [("service", "Service Quality"), ("product", "Product Quality")],
        tracking=True,
        help="004/R15-2: what the complaint is about.",
    )
    complaint_validity = fields.Selection(
        [("valid", "Valid"), ("invalid", "Invalid")],
        tracking=True,
        help="004/R15-2: whether the complaint is founded.",
    )
    complaint_category = fields.Selection(
        [
            ("attitude", "Service Attitude"),
            ("competence", "Professional Competence"),
            ("efficiency", "Service Efficiency"),
            ("other", "Other"),
        ],
        tracking=True,
        help="004/R1-6: the four kinds of service complaint.",
    )
    # 003/HR-D6-1, 004/R2-4, R10-2, R15-4: the facts recorded at registration
    requirement = fields.Text(
        string="Specific Requirement",
        help="003/HR-D6-1: what the client needs exactly.",
    )
    date_required = fields.Datetime(
        string="Required Resolution Time",
        help="003/HR-D6-1: when the client needs it solved.",
    )
    environment_info = fields.Text(
        string="Environment",
        help="003/HR-D6-1: the environment of the problem (systems, versions, site).",
    )
    contact_name = fields.Char(help="004/R2-4, R9-3: the caller, read back.")
    contact_address = fields.Char(
        string="Address", help="004/R2-4, R10-2: the address, read back."
    )
    product_model = fields.Char(help="004/R10-2.")
    product_spec = fields.Char(string="Specification", help="004/R10-2.")
    purchase_date = fields.Date(help="004/R10-2.")
    purchase_place = fields.Char(string="Place of Purchase", help="004/R10-2.")
    product_category = fields.Char(help="004/R15-4: product complaints.")
    product_batch = fields.Char(string="Batch Number", help="004/R15-4.")
    production_date = fields.Date(help="004/R15-4.")
    arrival_date = fields.Date(help="004/R15-4.")
    apologized = fields.Boolean(
        string="Apology Made",
        tracking=True,
        help="004/R15-3: apologise first, whether the complaint is valid or not.",
    )
    # 000/R-CR-21, 004/R9-12: a repeat call links to the open request
    repeat_of_id = fields.Many2one(
        "cr.request",
        string="Repeat of",
        readonly=True,
        index="btree_not_null",
        help="000/R-CR-21: the open request this call repeats.",
    )
    repeat_ids = fields.One2many("cr.request", "repeat_of_id", string="Repeat Calls")
    repeat_count = fields.Integer(compute="_compute_repeat_count")
    # the stages (003/HR-D3-1) and their times
    date_registered = fields.Datetime(string="Registered On", readonly=True, copy=False)
    date_responded = fields.Datetime(string="Responded On", readonly=True, copy=False)
    response_note = fields.Text(
        string="Response to the Client",
        help="003/HR-D18-1: what the client was told: the scope and time of the "
        "definite answer.",
    )
    date_promised = fields.Datetime(
        string="Answer Promised For",
        tracking=True,
        help="003/HR-D18-1: the time of the definite answer promised to the client.",
    )
    date_dispatched = fields.Datetime(string="Dispatched On", readonly=True, copy=False)
    is_dispatch_late = fields.Boolean(
        string="Dispatched Late",
        readonly=True,
        copy=False,
        help="004/R9-10: dispatched later than the company's limit after the first "
        "report.",
    )
    is_carried_over = fields.Boolean(
        string="Carried Over",
        readonly=True,
        copy=False,
        tracking=True,
        help="004/R10-3: not dispatched on the day received; dispatched first the "
        "next day.",
    )
    investigation_start = fields.Datetime(
        string="Investigation Started", readonly=True, copy=False, tracking=True
    )
    investigation_due = fields.Datetime(
        readonly=True,
        copy=False,
        help="000/R-CR-14, 004/R1-1: the investigation starts within 1 working day.",
    )
    reply_due = fields.Datetime(
        readonly=True,
        copy=False,
        help="000/R-CR-15, 004/R1-2: a satisfactory reply within 2 working days.",
    )
    opinion_due = fields.Datetime(
        readonly=True,
        copy=False,
        help="004/R15-1: an escalated complaint gets a handling opinion within 1 "
        "working day.",
    )
    fault_due = fields.Datetime(
        string="Fault Handling Due",
        readonly=True,
        copy=False,
        help="002/R44: a major fault is handled within 2 hours.",
    )
    # the decision and the written reply (004/R18-3, R18-4, R18-6; 003/HR-D19-2)
    decision = fields.Text(tracking=True)
    decision_user_id = fields.Many2one(
        "res.users",
        string="Decided By",
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_decided = fields.Datetime(string="Decided On", readonly=True, copy=False)
    is_major = fields.Boolean(
        string="Major Matter",
        tracking=True,
        help="004/R18-6: a major matter is decided by the management meeting.",
    )
    meeting_decision = fields.Text(help="004/R18-6: the meeting's decision.")
    commitment = fields.Text(
        string="Commitment to the Client",
        tracking=True,
        help="004/R18-4: no commitment before the decision.",
    )
    reply_method = fields.Selection(
        [("written", "Written"), ("phone", "Phone"), ("visit", "Visit")],
        default="written",
        tracking=True,
        help="004/R18-3: in principle the reply is written.",
    )
    reply_text = fields.Html(string="Written Reply")
    date_replied = fields.Datetime(string="Replied On", readonly=True, copy=False)
    cause_analysis = fields.Text(
        help="003/HR-D19-3: the cause of a valid complaint and its correction or "
        "prevention."
    )
    # 003/HR-D10-5/6: the client confirms the resolution
    client_confirmed = fields.Boolean(readonly=True, copy=False, tracking=True)
    unconfirmed_reason = fields.Char(
        string="Closed Unconfirmed Because",
        tracking=True,
        help="003/HR-D10-6: why the request closes without the client's confirmation.",
    )
    client_rating = fields.Selection(
        [("1", "Poor"), ("2", "Fair"), ("3", "Good"), ("4", "Very Good")],
        tracking=True,
        help="004/R10-7: the client's rating of the service, one input of the "
        "monthly appraisal.",
    )
    archive_year = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        help="004/R18-1: the year's case file the request is archived in.",
    )
    # 003/HR-D10-3, HR-D6-2, 004/R1-8: escalation level by level
    escalation_level = fields.Integer(readonly=True, copy=False, tracking=True)
    escalation_reason = fields.Text(
        help="003/HR-D6-2: why the request is escalated, with the complete facts."
    )
    date_escalated = fields.Datetime(readonly=True, copy=False)
    # 004/R9-4: the dispatch supervisor reviews the complaint records every day
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_reviewed = fields.Datetime(string="Reviewed On", readonly=True, copy=False)
    # 002/R43: fault grade from its scope and duration
    fault_scope = fields.Selection(
        [
            ("all", "All Services Down"),
            ("service_type", "A Service Type Down"),
            ("province", "A Province Down"),
            ("registration", "Registration and Acceptance Down"),
            ("partial", "Partial"),
        ],
        tracking=True,
        help="002/R43: what the fault interrupts.",
    )
    fault_minutes = fields.Integer(
        string="Outage (minutes)", help="002/R43: how long the service was down."
    )
    fault_grade = fields.Selection(
        [("major", "Major"), ("serious", "Serious"), ("general", "General")],
        compute="_compute_fault_grade",
        store=True,
        help="002/R43: major = all services down; serious = a service type or a "
        "province down for 60 minutes, or registration down for 4 hours; general "
        "otherwise.",
    )
    # 004 CR-2, W2, R10-1, 002/R28, R29: the service voucher
    service_kind = fields.Selection(
        [
            ("A", "A - Paid Service"),
            ("B", "B - Contract Service"),
            ("C", "C - Free Service"),
            ("D", "D - Internal Service"),
        ],
        tracking=True,
        help="004/R10-1: the four kinds of after-sales service.",
    )
    parts_amount = fields.Monetary(string="Parts", currency_field="currency_id")
    labour_amount = fields.Monetary(string="Labour", currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    invoice_ref = fields.Char(
        string="Invoice", help="002/R29: contract and paid services need an invoice."
    )
    is_offsite = fields.Boolean(
        string="Off-site Service",
        help="004/R10-4: the technician leaves only after the manager approves.",
    )
    offsite_ids = fields.One2many(
        "cr.offsite.application", "request_id", string="Off-site Applications"
    )
    voucher_countersigned_by_id = fields.Many2one(
        "res.users", string="Countersigned By", readonly=True, copy=False
    )
    date_voucher_countersigned = fields.Datetime(
        string="Countersigned On", readonly=True, copy=False
    )
    date_client_signed = fields.Datetime(
        string="Client Signed On", readonly=True, copy=False
    )
    quality_issue_count = fields.Integer(compute="_compute_quality_issue_count")
    has_quality_tracking = fields.Boolean(compute="_compute_quality_issue_count")
    # the buttons (003/HR-D3-1)
    can_register = fields.Boolean(compute="_compute_can")
    can_respond = fields.Boolean(compute="_compute_can")
    can_dispatch = fields.Boolean(compute="_compute_can")
    can_start = fields.Boolean(compute="_compute_can")
    can_escalate = fields.Boolean(compute="_compute_can")
    can_decide = fields.Boolean(compute="_compute_can")
    can_resolve = fields.Boolean(compute="_compute_can")
    can_confirm = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_review = fields.Boolean(compute="_compute_can")
    can_countersign = fields.Boolean(compute="_compute_can")
    can_client_sign = fields.Boolean(compute="_compute_can")

    OPEN_STATES = ("new", "registered", "responded", "assigned", "in_progress")

    def _compute_repeat_count(self):
        counts = dict(
            self.env["cr.request"]._read_group(
                [("repeat_of_id", "in", self.ids)], ["repeat_of_id"], ["__count"]
            )
        )
        for request in self:
            request.repeat_count = counts.get(request, 0)

    @api.depends("kind", "fault_scope", "fault_minutes", "company_id")
    def _compute_fault_grade(self):
        for request in self:
            if request.kind != "fault" or not request.fault_scope:
                request.fault_grade = False
                continue
            company = request.company_id
            minutes = request.fault_minutes or 0
            if request.fault_scope == "all":
                grade = "major"
            elif (
                request.fault_scope in ("service_type", "province")
                and minutes >= company.cr_fault_serious_minutes
            ) or (
                request.fault_scope == "registration"
                and minutes >= company.cr_fault_registration_minutes
            ):
                grade = "serious"
            else:
                grade = "general"
            request.fault_grade = grade

    def _compute_quality_issue_count(self):
        installed = "qt.issue" in self.env
        counts = {}
        if installed and self.ids:
            refs = [f"cr.request,{rid}" for rid in self.ids]
            for origin, count in self.env["qt.issue"]._read_group(
                [("origin_ref", "in", refs)], ["origin_ref"], ["__count"]
            ):
                # a reference groups by its "model,id" string or its record
                origin_id = (
                    int(origin.split(",")[1]) if isinstance(origin, str) else origin.id
                )
                counts[self.browse(origin_id)] = count
        for request in self:
            request.has_quality_tracking = installed
            request.quality_issue_count = counts.get(request, 0) if installed else 0

    @api.depends_context("uid")
    @api.depends(
        "state",
        "kind",
        "date_decided",
        "reviewed_by_id",
        "service_kind",
        "voucher_countersigned_by_id",
        "date_client_signed",
    )
    def _compute_can(self):
        user = self.env.user
        is_desk = user.has_group("client_relations.group_client_relations_desk")
        is_supervisor = user.has_group(
            "client_relations.group_client_relations_supervisor"
        )
        for request in self:
            state = request.state
            request.can_register = state == "new"
            request.can_respond = state == "registered"
            request.can_dispatch = state in ("registered", "responded") and (
                is_desk or is_supervisor
            )
            request.can_start = state == "assigned"
            request.can_escalate = state in self.OPEN_STATES and state != "new"
            request.can_decide = (
                state in ("assigned", "in_progress")
                and not request.date_decided
                and is_supervisor
            )
            request.can_resolve = state in ("assigned", "in_progress")
            request.can_confirm = state == "resolved"
            request.can_close = state in ("resolved", "confirmed")
            request.can_cancel = state in self.OPEN_STATES
            request.can_review = (
                request.kind == "complaint"
                and not request.reviewed_by_id
                and is_supervisor
                and state != "cancel"
            )
            request.can_countersign = (
                bool(request.service_kind)
                and state in ("resolved", "confirmed")
                and not request.voucher_countersigned_by_id
                and is_supervisor
            )
            request.can_client_sign = bool(
                request.voucher_countersigned_by_id and not request.date_client_signed
            )

    # --- numbering by year and month (004/R5-1, R5-2)

    def _cr_next_number(self, received):
        """The next number of the month of ``received``: YYMM + a serial that
        restarts every month, from the sequence's monthly date range (created the
        first time a month is numbered)."""
        sequence = self.env.ref(
            "client_relations.seq_cr_request", raise_if_not_found=False
        )
        if not sequence:
            return self.env["ir.sequence"].next_by_code("cr.request") or "/"
        sequence = sequence.sudo()
        day = fields.Datetime.context_timestamp(self, received).date()
        first = day.replace(day=1)
        last = first + relativedelta(months=1, days=-1)
        if sequence.use_date_range and not self.env[
            "ir.sequence.date_range"
        ].sudo().search_count(
            [
                ("sequence_id", "=", sequence.id),
                ("date_from", "<=", day),
                ("date_to", ">=", day),
            ],
            limit=1,
        ):
            self.env["ir.sequence.date_range"].sudo().create(
                {"sequence_id": sequence.id, "date_from": first, "date_to": last}
            )
        return sequence.next_by_id(sequence_date=day)

    # --- create, write, constraints

    @api.model
    def _cr_desk_prepare(self, vals):
        """Called by ``create`` for each new request: its number (004/R5-1, R5-2),
        its priority from the matrix (003/HR-D3-2) and the link of a repeat call to
        the open request (000/R-CR-21, 004/R9-12), whose receiver stays
        responsible."""
        received = fields.Datetime.to_datetime(
            vals.get("date_received") or fields.Datetime.now()
        )
        if vals.get("name", "/") == "/":
            vals["name"] = self._cr_next_number(received)
        company = self.env["res.company"].browse(
            vals.get("company_id") or self.env.company.id
        )
        if "priority" not in vals:
            priority = self.env["cr.priority.matrix"]._cr_lookup(
                vals.get("impact", "2"), vals.get("urgency", "2"), company
            )
            if priority:
                vals["priority"] = priority
        original = self._cr_find_open_repeat(vals)
        if original:
            vals["repeat_of_id"] = original.id
            vals["receiver_id"] = original.receiver_id.id or vals.get("receiver_id")
        return vals

    def write(self, vals):
        """003/HR-D3-2: changing the impact or the urgency recomputes the priority
        from the matrix (unless the priority is written with them)."""
        result = super().write(vals)
        if ("impact" in vals or "urgency" in vals) and "priority" not in vals:
            self._cr_sync_priority()
        return result

    def _cr_sync_priority(self):
        """The matrix's priority for each request's impact and urgency."""
        for request in self:
            priority = self.env["cr.priority.matrix"]._cr_lookup(
                request.impact, request.urgency, request.company_id
            )
            if priority and priority != request.priority:
                request.priority = priority

    @api.constrains("repeat_of_id")
    def _cr_note_repeat(self):
        """000/R-CR-21, 004/R9-12: a repeat call is noted on the open request."""
        for request in self.filtered("repeat_of_id"):
            request.repeat_of_id.sudo().message_post(
                body=self.env._(
                    "The client called again: %(request)s.", request=request.name
                )
            )

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        """000/R-CR-21: the receiver follows the request until the client has the
        answer, like the handler."""
        result = super()._message_auto_subscribe_followers(
            updated_values, default_subtype_ids
        )
        receiver = (
            self.env["res.users"].sudo().browse(updated_values.get("receiver_id"))
        )
        if receiver and receiver.active and receiver != self.env.user:
            result.append((receiver.partner_id.id, default_subtype_ids, False))
        return result

    def _cr_find_open_repeat(self, vals):
        """000/R-CR-21, 004/R9-12: the open request of the same client and caller
        that a new call repeats."""
        if not vals.get("partner_id") or self.env.context.get("cr_no_repeat_link"):
            return self.browse()
        domain = [
            ("partner_id", "=", vals["partner_id"]),
            ("kind", "=", vals.get("kind", "service")),
            ("state", "in", self.OPEN_STATES),
            ("repeat_of_id", "=", False),
        ]
        if vals.get("contact_id"):
            domain.append(("contact_id", "=", vals["contact_id"]))
        elif vals.get("contact_phone"):
            domain.append(("contact_phone", "=", vals["contact_phone"]))
        else:
            return self.browse()
        return self.sudo().search(domain, limit=1, order="id")

    def _cr_check_recusal(self):
        """004/R18-2, W1: the persons complained about never handle, decide, review
        or dispatch the complaint about them."""
        for request in self:
            subjects = request.subject_user_ids
            if not subjects:
                continue
            involved = (
                request.user_id
                | request.decision_user_id
                | request.reviewed_by_id
                | request.voucher_countersigned_by_id
            )
            if involved & subjects:
                raise ValidationError(
                    self.env._(
                        "%(request)s: %(users)s is complained about in this request "
                        "and must recuse (004/R18-2).",
                        request=request.display_name,
                        users=", ".join((involved & subjects).mapped("name")),
                    )
                )

    @api.constrains(
        "user_id",
        "subject_user_ids",
        "decision_user_id",
        "reviewed_by_id",
        "voucher_countersigned_by_id",
    )
    def _check_cr_recusal(self):
        self._cr_check_recusal()

    @api.constrains("commitment", "date_decided")
    def _check_cr_commitment(self):
        for request in self:
            if request.commitment and not request.date_decided:
                raise ValidationError(
                    self.env._(
                        "%(request)s: no commitment to the client before the "
                        "decision (004/R18-4).",
                        request=request.display_name,
                    )
                )

    @api.constrains("service_kind", "parts_amount", "labour_amount")
    def _check_cr_fees(self):
        """002/R28: free service charges nothing, contract service only parts,
        internal service nothing; paid service parts and labour."""
        for request in self:
            parts = request.parts_amount
            labour = request.labour_amount
            if parts < 0 or labour < 0:
                raise ValidationError(self.env._("Fees cannot be negative (002/R28)."))
            if request.service_kind in ("C", "D") and (parts or labour):
                raise ValidationError(
                    self.env._(
                        "%(request)s: free and internal service charge neither "
                        "parts nor labour (002/R28).",
                        request=request.display_name,
                    )
                )
            if request.service_kind == "B" and labour:
                raise ValidationError(
                    self.env._(
                        "%(request)s: contract service charges parts only, labour "
                        "is free (002/R28).",
                        request=request.display_name,
                    )
                )

    # --- the stages (003/HR-D3-1)

    def _cr_missing_facts(self):
        """The facts a request must carry to be registered: 004/R9-3 (complainant,
        time, matter, contact, receiver), 004/R2-4 (problem, address, name, phone
        read back for a repair), 004/R10-2 (the product facts of an after-sales
        service), 003/HR-D6-1 (requirement, required time, environment of a
        service or fault), 004/R15-4 (the product facts of a product complaint)."""
        self.ensure_one()
        labels = []

        def need(field_name):
            if not self[field_name]:
                labels.append(
                    self._fields[field_name].get_description(self.env)["string"]
                )

        need("partner_id")
        if not (self.contact_id or self.contact_name):
            labels.append(self.env._("Contact Name"))
        if not (self.contact_phone or self.contact_email):
            labels.append(self.env._("Phone or E-mail"))
        if not self.description or not html2plaintext(self.description).strip():
            labels.append(self.env._("Description"))
        need("receiver_id")
        need("date_received")
        if self.kind in ("service", "fault"):
            need("requirement")
            need("date_required")
            need("environment_info")
            need("contact_address")
        if self.kind == "service" and self.service_kind in ("A", "B", "C"):
            for name in ("product_model", "product_spec", "purchase_date"):
                need(name)
            need("purchase_place")
        if self.kind == "fault":
            need("fault_scope")
        if self.kind == "complaint":
            need("complaint_object")
            if self.complaint_object == "service":
                need("complaint_category")
            if self.complaint_object == "product":
                for name in (
                    "product_category",
                    "product_batch",
                    "production_date",
                    "arrival_date",
                ):
                    need(name)
        return labels

    def action_register(self):
        """003/HR-D3-1 register: the facts of 003/HR-D6-1 and 004/R9-3, R10-2,
        R2-4, R15-4 are required; an agreement must cover the date (003/HR-D3-3)."""
        self._check_state(("new",), self.env._("Registering"))
        for request in self:
            missing = request._cr_missing_facts()
            if missing:
                request._raise_missing(
                    request,
                    self.env._(
                        "registration needs %(facts)s.", facts=", ".join(missing)
                    ),
                )
            agreement = request.agreement_id
            day = request.date_received.date()
            if agreement and (
                agreement.state != "active"
                or (agreement.date_start and agreement.date_start > day)
                or (agreement.date_end and agreement.date_end < day)
            ):
                request._raise_missing(
                    request,
                    self.env._(
                        "the agreement %(agreement)s does not cover the date "
                        "received (003/HR-D3-3).",
                        agreement=agreement.display_name,
                    ),
                )
        self.write({"state": "registered", "date_registered": fields.Datetime.now()})
        return True

    def action_respond(self):
        """003/HR-D3-1 respond: the client is told what and when (003/HR-D18-1); a
        complaint starts with an apology (004/R15-3)."""
        self._check_state(("registered",), self.env._("Responding"))
        for request in self:
            if not request.response_note or not request.date_promised:
                request._raise_missing(
                    request,
                    self.env._(
                        "say what the client was told and when the definite "
                        "answer comes (003/HR-D18-1)."
                    ),
                )
            if request.kind == "complaint" and not request.apologized:
                request._raise_missing(
                    request,
                    self.env._("apologise to the complainant first (004/R15-3)."),
                )
        self.write({"state": "responded", "date_responded": fields.Datetime.now()})
        return True

    def action_dispatch(self):
        """003/HR-D3-1 dispatch to a team or handler; late after the company's
        minutes from the first report (004/R9-10)."""
        self._check_state(("registered", "responded"), self.env._("Dispatching"))
        now = fields.Datetime.now()
        for request in self:
            if not request.user_id and not request.team_id:
                request._raise_missing(
                    request, self.env._("choose the team or the handler.")
                )
            limit = timedelta(minutes=request.company_id.cr_dispatch_minutes)
            request.write(
                {
                    "state": "assigned",
                    "date_dispatched": now,
                    "is_dispatch_late": now - request.date_received > limit,
                    "department_id": request.department_id.id
                    or request.team_id.department_id.id,
                }
            )
        return True

    def action_start(self):
        """003/HR-D3-1 track: the investigation starts (000/R-CR-14, 004/R1-1); an
        off-site service needs an approved application (004/R10-4)."""
        self._check_state(("assigned",), self.env._("Starting the investigation"))
        for request in self:
            if request.is_offsite and not request.offsite_ids.filtered(
                lambda app: app.state == "approved"
            ):
                request._raise_missing(
                    request,
                    self.env._(
                        "an off-site service starts only after the department "
                        "manager approved the application (004/R10-4)."
                    ),
                )
        self.write(
            {"state": "in_progress", "investigation_start": fields.Datetime.now()}
        )
        return True

    def action_escalate(self):
        """003/HR-D6-2: escalate with the reason; 003/HR-D10-3, 004/R1-8: the next
        contact of the department's escalation list takes it over."""
        self._check_state(
            ("registered", "responded", "assigned", "in_progress"),
            self.env._("Escalating"),
        )
        for request in self:
            if not (request.escalation_reason or "").strip():
                request._raise_missing(
                    request,
                    self.env._(
                        "give the reason and the complete facts of the escalation "
                        "(003/HR-D6-2)."
                    ),
                )
            contact = self.env["cr.escalation.list"]._cr_next_contact(
                request.department_id or request.team_id.department_id,
                request.escalation_level,
                request.company_id,
                exclude=request.subject_user_ids,
            )
            if not contact:
                request._raise_missing(
                    request,
                    self.env._(
                        "the department's escalation list has no further level "
                        "(003/HR-D10-3)."
                    ),
                )
            reason = request.escalation_reason
            request.write(
                {
                    "escalation_level": contact.level,
                    "user_id": contact.user_id.id,
                    "date_escalated": fields.Datetime.now(),
                    "escalation_reason": False,
                }
            )
            request.message_post(
                body=self.env._(
                    "Escalated to level %(level)s, %(user)s: %(reason)s",
                    level=contact.level,
                    user=contact.user_id.name,
                    reason=reason,
                )
            )
        return True

    def action_decide(self):
        """004/R18-4: the handling decision, before any commitment; 004/R18-6: a
        major matter needs the meeting's decision."""
        self._check_state(("assigned", "in_progress"), self.env._("Deciding"))
        for request in self:
            if not (request.decision or "").strip():
                request._raise_missing(request, self.env._("write the decision."))
            if request.is_major and not (request.meeting_decision or "").strip():
                request._raise_missing(
                    request,
                    self.env._(
                        "a major matter is decided by the management meeting "
                        "(004/R18-6)."
                    ),
                )
        self.write(
            {
                "decision_user_id": self.env.user.id,
                "date_decided": fields.Datetime.now(),
            }
        )
        return True

    def action_resolve(self):
        """The answer is given: a complaint is answered in writing after the
        decision (004/R18-3, R18-4; 003/HR-D19-2)."""
        self._check_state(("assigned", "in_progress"), self.env._("Resolving"))
        for request in self:
            if request.kind == "complaint":
                if not request.date_decided:
                    request._raise_missing(
                        request,
                        self.env._("a complaint is answered after the decision."),
                    )
                if (
                    not request.reply_text
                    or not html2plaintext(request.reply_text).strip()
                ):
                    request._raise_missing(
                        request,
                        self.env._(
                            "a complaint is answered in writing (003/HR-D19-2, "
                            "004/R18-3)."
                        ),
                    )
        values = {"state": "resolved", "date_replied": fields.Datetime.now()}
        not_started = self.filtered(lambda request: not request.investigation_start)
        (self - not_started).write(values)
        not_started.write(dict(values, investigation_start=values["date_replied"]))
        return True

    def action_confirm(self):
        """003/HR-D10-5/6: the client confirms the resolution."""
        self._check_state(("resolved",), self.env._("Confirming"))
        self.write({"state": "confirmed", "client_confirmed": True})
        return True

    def action_countersign(self):
        """004/R10-6: the department manager countersigns the service voucher."""
        self._check_state(("resolved", "confirmed"), self.env._("Countersigning"))
        if not self.env.user.has_group(
            "client_relations.group_client_relations_supervisor"
        ):
            raise UserError(
                self.env._("Only a department manager countersigns (004/R10-6).")
            )
        self.write(
            {
                "voucher_countersigned_by_id": self.env.user.id,
                "date_voucher_countersigned": fields.Datetime.now(),
            }
        )
        return True

    def action_client_sign(self):
        """004/R10-6: the client signs the voucher after the manager's
        countersignature."""
        for request in self:
            if not request.voucher_countersigned_by_id:
                request._raise_missing(
                    request,
                    self.env._(
                        "the department manager countersigns before the client "
                        "signs (004/R10-6)."
                    ),
                )
        self.write({"date_client_signed": fields.Datetime.now()})
        return True

    def action_close(self):
        """003/HR-D3-1 close: registered, answered and confirmed by the client or
        with the reason why not (003/HR-D10-6); a valid complaint carries its cause
        analysis (003/HR-D19-3); a contract or paid service its invoice and the
        client's signature (002/R29). Archived in the year's case file
        (004/R18-1)."""
        self._check_state(("resolved", "confirmed"), self.env._("Closing"))
        for request in self:
            if not request.date_registered:
                request._raise_missing(
                    request, self.env._("an unregistered request cannot close.")
                )
            if (
                not request.client_confirmed
                and not (request.unconfirmed_reason or "").strip()
            ):
                request._raise_missing(
                    request,
                    self.env._(
                        "the client confirms the resolution, or say why it "
                        "closes unconfirmed (003/HR-D10-6)."
                    ),
                )
            if (
                request.kind == "complaint"
                and request.complaint_validity == "valid"
                and not (request.cause_analysis or "").strip()
            ):
                request._raise_missing(
                    request,
                    self.env._(
                        "a valid complaint needs its cause analysis and correction "
                        "(003/HR-D19-3)."
                    ),
                )
            if request.service_kind in ("A", "B") and not (
                request.invoice_ref and request.date_client_signed
            ):
                request._raise_missing(
                    request,
                    self.env._(
                        "a paid or contract service closes with the client's "
                        "signature and the invoice (002/R29)."
                    ),
                )
        now = fields.Datetime.now()
        for request in self:
            year = fields.Datetime.context_timestamp(request, now).year
            request.write(
                {"state": "closed", "date_closed": now, "archive_year": str(year)}
            )
        self._cr_after_close()
        return True

    def action_cancel(self):
        self._check_state(self.OPEN_STATES, self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_review(self):
        """004/R9-4: the dispatch supervisor reviews and signs the complaint
        record."""
        if not self.env.user.has_group(
            "client_relations.group_client_relations_supervisor"
        ):
            raise UserError(
                self.env._("Only a dispatch supervisor reviews complaint records.")
            )
        self.filtered(lambda request: not request.reviewed_by_id).write(
            {"reviewed_by_id": self.env.user.id, "date_reviewed": fields.Datetime.now()}
        )
        self.activity_feedback(
            ["client_relations.mail_activity_type_cr_review"], only_automated=False
        )
        return True

    def action_schedule_call_back(self):
        """003/HR-D18-2: a wrong answer is corrected by calling the client back."""
        for request in self:
            request.activity_schedule(
                "mail.mail_activity_data_call",
                summary=self.env._("Call the client back with the correct answer"),
                user_id=(request.receiver_id or self.env.user).id,
            )
        return True

    def action_view_repeats(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.cr_request_action"
        )
        action["domain"] = [("repeat_of_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_open_quality_issue(self):
        """003/HR-D19-3: a product-quality complaint opens a quality issue of
        quality_tracking when it is installed."""
        self.ensure_one()
        if "qt.issue" not in self.env:
            raise UserError(self.env._("Quality Tracking is not installed."))
        Issue = self.env["qt.issue"]
        values = {
            "title": f"{self.name} {self.subject}",
            "description": self.description,
            "origin_kind": "complaint",
            "partner_id": self.partner_id.id,
            "department_id": self.department_id.id,
            "company_id": self.company_id.id,
        }
        # the origin is a reference field whose models quality_tracking lists
        if self._name in Issue._origin_models():
            values["origin_ref"] = f"{self._name},{self.id}"
        issue = Issue.create(values)
        return {
            "type": "ir.actions.act_window",
            "res_model": "qt.issue",
            "res_id": issue.id,
            "view_mode": "form",
        }

    # --- mail gateway (003/HR-D10-8): an e-mail to the desk's alias

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A request from an incoming e-mail; a repeat mail of a client with an open
        request goes to that request (000/R-CR-21)."""
        values = dict(custom_values or {})
        email = tools.email_normalize(msg_dict.get("email_from") or "")
        partner = self.env["res.partner"].browse(msg_dict.get("author_id") or [])
        if not partner and email:
            partner = self.env["res.partner"].search(
                [("email_normalized", "=", email)], limit=1
            )
        client = partner.commercial_partner_id
        if client:
            open_request = self.search(
                [
                    ("partner_id", "=", client.id),
                    ("contact_email", "=", email),
                    ("state", "in", self.OPEN_STATES),
                ],
                limit=1,
                order="id",
            )
            if open_request:
                return open_request
        values.setdefault("subject", msg_dict.get("subject") or self.env._("E-mail"))
        values.setdefault("channel", "email")
        values.setdefault("contact_email", email)
        values.setdefault("description", msg_dict.get("body"))
        receiver = self.env.company.cr_email_receiver_id
        if receiver:
            values.setdefault("receiver_id", receiver.id)
        if client:
            values.setdefault("partner_id", client.id)
            if partner != client:
                values.setdefault("contact_id", partner.id)
        return super().message_new(msg_dict, custom_values=values)

    # --- crons

    @api.model
    def _cron_review_complaints(self):
        """004/R9-4 (daily): a to-do for the dispatch supervisor on each complaint
        received before today and not yet reviewed; none twice."""
        today = fields.Datetime.to_datetime(fields.Date.context_today(self))
        review = self.env.ref("client_relations.mail_activity_type_cr_review")
        complaints = self.search(
            [
                ("kind", "=", "complaint"),
                ("reviewed_by_id", "=", False),
                ("date_received", "<", today),
                ("state", "!=", "cancel"),
            ]
        )
        pending = self.env["mail.activity"].search(
            [
                ("res_model", "=", "cr.request"),
                ("res_id", "in", complaints.ids),
                ("activity_type_id", "=", review.id),
            ]
        )
        done = set(pending.mapped("res_id"))
        model = self.env["ir.model"]._get_id("cr.request")
        values = []
        for complaint in complaints:
            reviewer = complaint.company_id.cr_dispatch_supervisor_id
            if complaint.id in done or not reviewer:
                continue
            if reviewer in complaint.subject_user_ids:
                _logger.warning(
                    "Complaint %s: the dispatch supervisor is complained about; "
                    "no review activity.",
                    complaint.name,
                )
                continue
            values.append(
                {
                    "res_model_id": model,
                    "res_id": complaint.id,
                    "activity_type_id": review.id,
                    "user_id": reviewer.id,
                }
            )
        self.env["mail.activity"].create(values)
        return True

    @api.model
    def _cron_carry_over(self):
        """004/R10-3 (daily): requests received before today and not dispatched go
        first the next day: marked, priority raised to urgent, a to-do for the
        department manager."""
        today = fields.Datetime.to_datetime(fields.Date.context_today(self))
        late = self.search(
            [
                ("state", "in", ("new", "registered", "responded")),
                ("date_received", "<", today),
                ("is_carried_over", "=", False),
            ]
        )
        late.write({"is_carried_over": True, "priority": "3"})
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get_id("cr.request")
        values = []
        for request in late:
            manager = request.department_id.manager_id.user_id
            if not manager or manager in request.subject_user_ids:
                continue
            values.append(
                {
                    "res_model_id": model,
                    "res_id": request.id,
                    "activity_type_id": todo.id,
                    "summary": self.env._("Dispatch first today (004/R10-3)"),
                    "user_id": manager.id,
                }
            )
        self.env["mail.activity"].create(values)
        return True

    def _bd_get_raisable_fields(self):
        return super()._bd_get_raisable_fields() + ["priority"]

    # --- cr-sla
    sla_first_response_hours = fields.Float(
        string="First Response Target (working hours)",
        compute="_compute_sla_hours",
        store=True,
        help="From the target of the request's agreement for its priority; 0 "
        "without an agreement (no clock).",
    )
    sla_next_response_hours = fields.Float(
        string="Next Response Target (working hours)",
        compute="_compute_sla_hours",
        store=True,
    )
    sla_resolution_hours = fields.Float(
        string="Resolution Target (working hours)",
        compute="_compute_sla_hours",
        store=True,
    )
    sla_first_response_due = fields.Datetime(
        string="First Response Due", readonly=True, copy=False, index="btree_not_null"
    )
    sla_next_response_due = fields.Datetime(
        string="Next Response Due", readonly=True, copy=False
    )
    sla_resolution_due = fields.Datetime(
        string="Resolution Due", readonly=True, copy=False, index="btree_not_null"
    )
    sla_first_response_state = fields.Selection(
        selection="_selection_sla_timer_state",
        string="First Response Status",
        compute="_compute_sla_states",
    )
    sla_next_response_state = fields.Selection(
        selection="_selection_sla_timer_state",
        string="Next Response Status",
        compute="_compute_sla_states",
    )
    sla_resolution_state = fields.Selection(
        selection="_selection_sla_timer_state",
        string="Resolution Status",
        compute="_compute_sla_states",
    )
    sla_first_response_date = fields.Datetime(
        string="First Responded On",
        compute="_compute_sla_first_response_date",
        store=True,
        copy=False,
        help="When the request first left the received and registered states.",
    )
    sla_awaiting_reply_since = fields.Datetime(
        string="Client Awaiting Reply Since",
        readonly=True,
        copy=False,
        help="Set by the client's first unanswered message on a responded request: "
        "the next response clock starts there and stops at the desk's reply.",
    )
    sla_is_awaiting_reply = fields.Boolean(
        string="Client Awaiting Reply", readonly=True, copy=False
    )
    sla_resolution_breached = fields.Boolean(
        string="Resolution Breached",
        compute="_compute_sla_states",
        search="_search_sla_resolution_breached",
        help="003/HR-D10-2: the resolution target was missed (breached, or resolved "
        "late).",
    )

    _SLA_RULES = {
        "first_response": "client_relations.rule_request_first_response",
        "next_response": "client_relations.rule_request_next_response",
        "resolution": "client_relations.rule_request_resolution",
    }

    @api.model
    def _selection_sla_timer_state(self):
        return (
            self.env["business.deadline.timer"]
            ._fields["state"]
            ._description_selection(self.env)
        )

    @api.depends(
        "priority",
        "agreement_id.target_ids.priority",
        "agreement_id.target_ids.first_response_hours",
        "agreement_id.target_ids.next_response_hours",
        "agreement_id.target_ids.resolution_hours",
    )
    def _compute_sla_hours(self):
        for request in self:
            target = request.agreement_id.target_ids.filtered(
                lambda line, request=request: line.priority == request.priority
            )[:1]
            request.sla_first_response_hours = target.first_response_hours
            request.sla_next_response_hours = target.next_response_hours
            request.sla_resolution_hours = target.resolution_hours

    @api.depends("state")
    def _compute_sla_first_response_date(self):
        now = fields.Datetime.now()
        for request in self:
            if not request.sla_first_response_date and request.state not in (
                "new",
                "registered",
                "cancel",
            ):
                request.sla_first_response_date = now
            else:
                request.sla_first_response_date = request.sla_first_response_date

    def _sla_rules(self):
        """The three service-level rules by kind (absent ones left out)."""
        rules = {}
        for kind, xmlid in self._SLA_RULES.items():
            rule = self.env.ref(xmlid, raise_if_not_found=False)
            if rule:
                rules[kind] = rule.sudo()
        return rules

    @api.depends(
        "state",
        "is_waiting_client",
        "sla_is_awaiting_reply",
        "sla_awaiting_reply_since",
        "date_received",
        "sla_first_response_hours",
        "sla_next_response_hours",
        "sla_resolution_hours",
    )
    def _compute_sla_states(self):
        """The state of each clock's latest timer (the engine keeps the timers);
        recomputed when the request changes, read afresh on each form load."""
        rules = self._sla_rules()
        kind_by_rule = {rule.id: kind for kind, rule in rules.items()}
        latest = {}
        breached = set()
        if self.ids and rules:
            timers = (
                self.env["business.deadline.timer"]
                .sudo()
                .search_fetch(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "in", self.ids),
                        ("rule_id", "in", list(kind_by_rule)),
                    ],
                    ["rule_id", "res_id", "state", "breach_time"],
                    order="id",
                )
            )
            for timer in timers:
                kind = kind_by_rule[timer.rule_id.id]
                latest[kind, timer.res_id] = timer.state
                if kind == "resolution" and timer.breach_time:
                    breached.add(timer.res_id)
        for request in self:
            request.sla_first_response_state = latest.get(
                ("first_response", request.id), False
            )
            request.sla_next_response_state = latest.get(
                ("next_response", request.id), False
            )
            request.sla_resolution_state = latest.get(("resolution", request.id), False)
            request.sla_resolution_breached = request.id in breached

    def _search_sla_resolution_breached(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        rule = self._sla_rules().get("resolution")
        ids = []
        if rule:
            ids = (
                self.env["business.deadline.timer"]
                .sudo()
                .search(
                    [
                        ("res_model", "=", self._name),
                        ("rule_id", "=", rule.id),
                        ("breach_time", "!=", False),
                    ]
                )
                .mapped("res_id")
            )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def _message_post_after_hook(self, message, msg_vals):
        """The next response clock: a client's message (not a note) on a responded
        request starts it, the desk's reply meets it."""
        result = super()._message_post_after_hook(message, msg_vals)
        if message.message_type not in ("email", "comment") or (
            message.subtype_id != self.env.ref("mail.mt_comment")
        ):
            return result
        author_is_internal = any(not user.share for user in message.author_id.user_ids)
        for request in self.sudo():
            if author_is_internal:
                if request.sla_is_awaiting_reply:
                    request.sla_is_awaiting_reply = False
            elif not request.sla_is_awaiting_reply and request.state in (
                "responded",
                "assigned",
                "in_progress",
            ):
                request.write(
                    {
                        "sla_awaiting_reply_since": message.date,
                        "sla_is_awaiting_reply": True,
                    }
                )
        return result

    # --- cr-return
    def _cr_on_close_return(self):
        """004/R2-13, 004/W4, 001/S-08: a return visit for every closed service
        request, fault or complaint with a client; set-based (one ``search`` for
        the cadences, one for the visits already made, one batched ``create``),
        never twice for a request. The visit is due ``allowed_days`` of the
        cadence after the closing."""
        requests = self.filtered(
            lambda r: r.state == "closed"
            and r.partner_id
            and r.kind in ("service", "fault", "complaint")
        )
        if not requests:
            return True
        visits = self.env["cr.return.visit"].sudo()
        done = set(visits.search([("request_id", "in", requests.ids)]).request_id.ids)
        cadences = (
            self.env["cr.return.cadence"]
            .sudo()
            .search(
                [
                    ("regime", "=", "request"),
                    ("company_id", "in", (*requests.company_id.ids, False)),
                ]
            )
        )
        vals_list = []
        for request in requests:
            if request.id in done:
                continue
            cadence = (
                cadences.filtered(lambda c, r=request: c.company_id == r.company_id)[:1]
                or cadences.filtered(lambda c: not c.company_id)[:1]
            )
            if not cadence:
                continue
            partner = request.partner_id.commercial_partner_id
            vals_list.append(
                {
                    "partner_id": partner.id,
                    "contact_id": request.contact_id.id,
                    "company_id": request.company_id.id,
                    "request_id": request.id,
                    "cadence_id": cadence.id,
                    "method": cadence.method,
                    "user_id": (request.receiver_id or partner.cr_owner_id).id,
                    "department_id": (
                        request.department_id or partner.cr_department_id
                    ).id,
                    "date_clock_start": request.date_closed or fields.Datetime.now(),
                }
            )
        visits.create(vals_list)
        return True

    # --- cr-care
    def _cr_on_close_care(self):
        """After closure, the client's contact gets a satisfaction survey through a
        token link (issue 11 item 5; 004 W7, CR-6 「以凭填寄客户意见调查表」)."""
        self.env["cr.survey.campaign"]._cr_send_after_close(self)
        return True

    # --- cr-gov

    # --- cr-portal

    # What a client's portal user may read of a request, and set on one when
    # submitting it: the rest (the persons complained about, the handler, internal
    # notes, any field another part adds) stays internal. The mail and portal
    # fields (message_*, access_*) are readable for the portal chatter.
    _CR_PORTAL_READ_FIELDS = frozenset(
        {
            "id",
            "display_name",
            "name",
            "subject",
            "kind",
            "channel",
            "company_id",
            "partner_id",
            "contact_id",
            "contact_phone",
            "contact_email",
            "description",
            "date_received",
            "priority",
            "state",
            "date_closed",
            "create_date",
            "create_uid",
            "write_date",
            "write_uid",
            "has_message",
        }
    )
    _CR_PORTAL_WRITE_FIELDS = frozenset(
        {
            "subject",
            "kind",
            "description",
            "channel",
            "partner_id",
            "contact_id",
            "contact_phone",
            "contact_email",
        }
    )
    _CR_PORTAL_FIELD_PREFIXES = ("message_", "website_message", "access_")

    @api.model
    def _has_field_access(self, field, operation):
        """Portal (share) users reach only the client-facing fields of a request."""
        if not super()._has_field_access(field, operation):
            return False
        if operation == "read":
            allowed = field.name in self._CR_PORTAL_READ_FIELDS or (
                field.name.startswith(self._CR_PORTAL_FIELD_PREFIXES)
            )
        else:
            allowed = field.name in self._CR_PORTAL_WRITE_FIELDS
        # the user is looked at only for the internal fields
        return allowed or self.env.su or not self.env.user.share
