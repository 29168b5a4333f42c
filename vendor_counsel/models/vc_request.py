from odoo import api, fields, models
from odoo.exceptions import UserError


class VcRequest(models.Model):
    """《公司聘用社会律师申请单》: a unit's request for outside counsel (000/E-VC-4,
    WF-VC-2)."""

    _name = "vc.request"
    _description = "Outside Counsel Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
        "vc.coi.checked.mixin",
        "tier.validation",
    ]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        string="Requesting Company",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one(
        "hr.department", string="Requesting Unit", tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requester",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    engagement_type = fields.Selection(
        [("retained", "Retained Counsel"), ("special", "Special Matter")],
        required=True,
        default="special",
        tracking=True,
    )
    practice_area_id = fields.Many2one("vc.practice.area", tracking=True)
    description = fields.Text(string="Matter", required=True)
    goal = fields.Text(string="Target Requirements")
    subject_amount = fields.Monetary(tracking=True)
    expected_fee = fields.Monetary(tracking=True)
    date_service_start = fields.Date(
        string="Service Needed From", required=True, tracking=True
    )
    date_submitted = fields.Date(string="Submitted On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("selection", "In Selection"),
            ("engaged", "Engaged"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    # --- vc_requests
    # 000/WF-VC-2: legal review, general counsel, and the executive in charge where
    # the seeds ask for his consent: base_tier_validation between submitted/approved
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    scenario_id = fields.Many2one(
        "vc.matter.scenario",
        string="Matter Scenario",
        tracking=True,
        help="000/E-VC-4: the case in which the regulations allow outside counsel.",
    )
    is_urgent = fields.Boolean(
        string="Urgent",
        tracking=True,
        help="000/R-VC-12: an urgent matter may use the ordinary procedure with the "
        "executive's approval.",
    )
    urgent_reason = fields.Text(string="Why Urgent")
    internal_first_reason = fields.Text(
        string="Why Internal Counsel Cannot Handle It",
        help="000/R-VC-26: internal counsel first; say why this matter needs an "
        "outside firm.",
    )
    proposed_firm_id = fields.Many2one(
        "res.partner",
        domain=[("vc_is_law_firm", "=", True)],
        tracking=True,
    )
    is_off_panel = fields.Boolean(
        string="Off Panel",
        compute="_compute_is_off_panel",
        store=True,
        help="000/R-VC-20: the proposed firm is not on a valid panel for the practice "
        "area.",
    )
    off_panel_reason = fields.Text(
        string="Off-Panel Justification",
        help="000/R-VC-20: why no suitable panel firm can do this.",
    )
    is_proposed_by_legal = fields.Boolean(
        string="Proposed by the Legal Department",
        tracking=True,
        help="000/E-VC-4 (D7 第六条): the legal department suggested this engagement.",
    )
    written_request_ids = fields.Many2many(
        "ir.attachment",
        "vc_request_written_request_rel",
        "request_id",
        "attachment_id",
        help="000/R-VC-19: a subsidiary's retained counsel needs a written request.",
    )
    date_submit_by = fields.Date(
        string="Submit By",
        compute="_compute_date_submit_by",
        store=True,
        help="000/R-VC-08: the latest submission date, the set number of working days "
        "before the service is needed, on the company's working calendar.",
    )
    is_late = fields.Boolean(
        string="Submitted Late", readonly=True, copy=False, tracking=True
    )
    selection_required = fields.Boolean(
        string="Open Competition Required",
        compute="_compute_procedure",
        store=True,
        help="000/R-VC-10, R-VC-11: subject amount or expected fee above the "
        "thresholds.",
    )
    procedure = fields.Selection(
        [("open", "Open Competitive"), ("ordinary", "Ordinary")],
        string="Selection Procedure",
        compute="_compute_procedure",
        store=True,
        tracking=True,
    )
    is_urgent_exception = fields.Boolean(
        string="Urgent Exception",
        compute="_compute_procedure",
        store=True,
        help="000/R-VC-12: open competition required but urgent: ordinary procedure "
        "after the executive's approval.",
    )
    needs_executive_approval = fields.Boolean(
        compute="_compute_procedure",
        store=True,
        help="000/R-VC-12, R-VC-19: the executive in charge approves.",
    )
    executive_id = fields.Many2one(
        "res.users",
        string="Executive in Charge",
        related="company_id.vc_executive_user_id",
        store=True,
    )
    legal_reviewer_ids = fields.Many2many(
        "res.users",
        compute="_compute_reviewer_pools",
        string="Legal Department Reviewers",
    )
    general_counsel_reviewer_ids = fields.Many2many(
        "res.users",
        compute="_compute_reviewer_pools",
        string="General Counsel Reviewers",
    )
    rejection_reason = fields.Text(tracking=True)
    date_approved = fields.Date(string="Approved On", readonly=True, copy=False)
    selection_ids = fields.One2many("vc.selection", "request_id", string="Selections")
    selection_count = fields.Integer(compute="_compute_counts")
    engagement_ids = fields.One2many(
        "vc.engagement", "request_id", string="Engagements"
    )
    engagement_count = fields.Integer(compute="_compute_counts")
    can_submit = fields.Boolean(compute="_compute_can")
    can_approve = fields.Boolean(compute="_compute_can")
    can_reject = fields.Boolean(compute="_compute_can")
    can_start_selection = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset_draft = fields.Boolean(compute="_compute_can")

    def _compute_reviewer_pools(self):
        """The tiers' reviewers: the members of the legal and general counsel
        groups, those who hold them through a higher role included (the
        administrator of outside counsel)."""
        legal = self._vc_group_members("vendor_counsel.group_vendor_counsel_legal")
        general_counsel = self._vc_group_members(
            "vendor_counsel.group_vendor_counsel_general_counsel"
        )
        for request in self:
            request.legal_reviewer_ids = legal
            request.general_counsel_reviewer_ids = general_counsel

    def _vc_group_members(self, xmlid):
        """Users holding the group, directly or through a higher role."""
        return self.env.ref(xmlid).all_user_ids

    @api.depends("proposed_firm_id", "practice_area_id", "company_id")
    def _compute_is_off_panel(self):
        today = fields.Date.context_today(self)
        Partner = self.env["res.partner"]
        for request in self:
            firm = request.proposed_firm_id
            request.is_off_panel = bool(firm) and firm not in Partner._vc_panel_firms(
                request.practice_area_id,
                request.date_service_start or today,
                request.company_id,
            )

    @api.depends(
        "date_service_start",
        "company_id.vc_request_lead_days",
        "company_id.resource_calendar_id",
    )
    def _compute_date_submit_by(self):
        Calendar = self.env["resource.calendar"]
        for request in self:
            if not request.date_service_start:
                request.date_submit_by = False
                continue
            calendar = Calendar._bd_default_calendar(request.company_id)
            days = calendar._bd_working_days_before(
                request.date_service_start, request.company_id.vc_request_lead_days
            )
            request.date_submit_by = days[0] if days else request.date_service_start

    @api.depends(
        "subject_amount",
        "expected_fee",
        "is_urgent",
        "engagement_type",
        "company_id.vc_open_subject_threshold",
        "company_id.vc_open_fee_threshold",
        "company_id.vc_unit_kind",
    )
    def _compute_procedure(self):
        for request in self:
            company = request.company_id
            required = (
                request.subject_amount > company.vc_open_subject_threshold
                or request.expected_fee > company.vc_open_fee_threshold
            )
            request.selection_required = required
            request.is_urgent_exception = required and request.is_urgent
            request.procedure = (
                "open" if required and not request.is_urgent else "ordinary"
            )
            request.needs_executive_approval = request.is_urgent_exception or (
                request.engagement_type == "retained"
                and company.vc_unit_kind == "subsidiary"
            )

    @api.depends("selection_ids", "engagement_ids")
    def _compute_counts(self):
        for request in self:
            request.selection_count = len(request.selection_ids)
            request.engagement_count = len(request.engagement_ids)

    @api.depends_context("uid")
    @api.depends("state", "user_id", "validation_status")
    def _compute_can(self):
        is_legal = self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal")
        for request in self:
            state = request.state
            request.can_submit = state == "draft" and (
                is_legal or request.user_id == self.env.user
            )
            request.can_approve = (
                state == "submitted"
                and is_legal
                and request.validation_status in ("validated", "no")
            )
            request.can_reject = state == "submitted" and is_legal
            request.can_start_selection = state == "approved" and is_legal
            request.can_cancel = state in ("draft", "submitted", "approved") and (
                is_legal or request.user_id == self.env.user
            )
            request.can_reset_draft = state in ("rejected", "cancel") and (
                is_legal or request.user_id == self.env.user
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("vc.request") or "/"
        return super().create(vals_list)

    def _check_legal(self, action):
        if not self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal"):
            raise UserError(
                self.env._(
                    "%(action)s is the legal department's decision.", action=action
                )
            )

    def _check_submittable(self):
        """000/R-VC-08, 18, 19, 20, 26: what a request needs before it goes to the
        legal department; returns the late requests that are only warned."""
        today = fields.Date.context_today(self)
        late = self.browse()
        for request in self:
            company = request.company_id
            if not request.scenario_id:
                self._raise_missing(request, self.env._("choose the matter scenario."))
            if not (request.internal_first_reason or "").strip():
                self._raise_missing(
                    request,
                    self.env._(
                        "explain why internal counsel cannot handle the matter "
                        "(000/R-VC-26)."
                    ),
                )
            if request.is_off_panel and not (request.off_panel_reason or "").strip():
                self._raise_missing(
                    request,
                    self.env._(
                        "the proposed firm is not on the panel: justify it "
                        "(000/R-VC-20)."
                    ),
                )
            if request.engagement_type == "retained" and company.vc_unit_kind in (
                "branch",
                "functional_centre",
            ):
                self._raise_missing(
                    request,
                    self.env._(
                        "a branch or functional centre may not hire retained counsel "
                        "(000/R-VC-18)."
                    ),
                )
            if (
                request.engagement_type == "retained"
                and company.vc_unit_kind == "subsidiary"
                and not request.written_request_ids
            ):
                self._raise_missing(
                    request,
                    self.env._(
                        "a subsidiary's retained counsel needs the written request "
                        "attached (000/R-VC-19)."
                    ),
                )
            if (
                request.is_urgent_exception
                and not (request.urgent_reason or "").strip()
            ):
                self._raise_missing(
                    request,
                    self.env._("say why the matter is urgent (000/R-VC-12)."),
                )
            if request.needs_executive_approval and not request.executive_id:
                self._raise_missing(
                    request,
                    self.env._(
                        "the executive in charge must approve, but none is set in the "
                        "settings (000/R-VC-12, R-VC-19)."
                    ),
                )
            if request.date_submit_by and today > request.date_submit_by:
                if company.vc_request_late_policy == "block":
                    self._raise_missing(
                        request,
                        self.env._(
                            "the latest submission date was %(date)s, %(days)s "
                            "working days before the service start (000/R-VC-08).",
                            date=request.date_submit_by,
                            days=company.vc_request_lead_days,
                        ),
                    )
                late |= request
        return late

    def action_submit(self):
        """The unit submits the form to the legal department (000/WF-VC-2 step 1)."""
        self._check_state(("draft",), self.env._("Submitting"))
        if not self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal"):
            if self.filtered(lambda r: r.user_id != self.env.user):
                raise UserError(self.env._("Only the requester submits a request."))
        late = self._check_submittable()
        (self - late).write(
            {"state": "submitted", "date_submitted": fields.Date.context_today(self)}
        )
        late.write(
            {
                "state": "submitted",
                "is_late": True,
                "date_submitted": fields.Date.context_today(self),
            }
        )
        for request in late:
            request.message_post(
                body=self.env._(
                    "Submitted after the latest submission date %(date)s "
                    "(000/R-VC-08).",
                    date=request.date_submit_by,
                )
            )
        self.request_validation()
        return True

    def action_approve(self):
        """The approvals are complete: the legal department may select a firm."""
        self._check_state(("submitted",), self.env._("Approving"))
        self._check_legal(self.env._("Approving a request"))
        # the proposed firm and the counterparties are free of conflicts (002 W8)
        self._vc_coi_ensure_clear()
        # the tier mixin's guards are not stored: read them afresh
        self.invalidate_recordset(["review_ids", "need_validation"])
        self.write(
            {"state": "approved", "date_approved": fields.Date.context_today(self)}
        )
        return True

    def action_reject(self):
        """The legal department refuses the need (000/WF-VC-2 step 2)."""
        self._check_state(("submitted",), self.env._("Rejecting"))
        self._check_legal(self.env._("Rejecting a request"))
        for request in self:
            if not (request.rejection_reason or "").strip():
                self._raise_missing(request, self.env._("give the rejection reason."))
        self.with_context(skip_validation_check=True).write({"state": "rejected"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "submitted", "approved"), self.env._("Cancelling"))
        self.with_context(skip_validation_check=True).write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("rejected", "cancel"), self.env._("Resetting to draft"))
        self.review_ids.sudo().unlink()  # the reviews of a refused round: a new round
        self.write({"state": "draft", "is_late": False})
        return True

    def action_start_selection(self):
        """000/WF-VC-3: the legal department starts selecting a firm."""
        self._check_state(("approved",), self.env._("Starting the selection"))
        self._check_legal(self.env._("Starting a selection"))
        selections = self.env["vc.selection"].create(
            [{"request_id": request.id} for request in self]
        )
        self.write({"state": "selection"})
        if len(selections) == 1:
            return selections._get_form_action()
        return True

    def _action_mark_engaged(self):
        self._check_state(("selection",), self.env._("Engaging"))
        self.write({"state": "engaged"})

    def action_view_selections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_selection_action"
        )
        action["domain"] = [("request_id", "=", self.id)]
        action["context"] = {"default_request_id": self.id}
        if self.selection_count == 1:
            action.update(view_mode="form", res_id=self.selection_ids.id, views=False)
        return action

    def action_view_engagements(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Engagements"),
            "res_model": "vc.engagement",
            "view_mode": "list,form",
            "domain": [("request_id", "=", self.id)],
        }

    def _tier_reviews_for_report(self):
        """The approvals printed on the form: reviewer, decision and date."""
        self.ensure_one()
        return self.review_ids.sorted("sequence")

    @api.model
    def _get_under_validation_exceptions(self):
        """The legal department writes the rejection reason while reviewing."""
        return super()._get_under_validation_exceptions() + ["rejection_reason"]

    @api.model
    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + ["rejection_reason"]
