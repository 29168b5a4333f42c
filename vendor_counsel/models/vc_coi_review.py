import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

# the groups that read and work the confidential cycle (002 section 5)
COI_OFFICERS = (
    "vendor_counsel.group_vendor_counsel_auditor,"
    "vendor_counsel.group_vendor_counsel_compliance,"
    "vendor_counsel.group_vendor_counsel_committee"
)
# the declaration's state while its review is in each of its states
DECLARATION_STATE = {
    "review": "review",
    "investigation": "investigation",
    "decision": "decision",
    "feedback": "decision",
    "remediation": "remediation",
    "archived": "archived",
}
# 002/R6: exactly three options (F1 Part II 利益冲突事项审批)
DECISION_OPTIONS = [
    ("eliminate", "Eliminate Within N Days"),
    ("accept", "Accept, No Change Needed"),
    ("other", "Other (Explain)"),
]


class VcCoiReview(models.Model):
    """The confidential handling of a declaration: review, investigation, committee
    decision, feedback, remediation and archive (002 W1 steps 4-11, W2, W3).

    Internal audit receives the submitted declaration and checks it; the audit
    committee may investigate, then decides through base_tier_validation (the
    default tier definition asks the committee group) with one of the three options
    of 002/R6; the result is fed back to the declarant; an elimination is due N
    calendar days after the feedback (002/R5, a business_deadline rule); compliance
    verifies it; the form is archived. The declaration's state follows.
    """

    _name = "vc.coi.review"
    _description = "Conflict of Interest Review"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
        "tier.validation",
    ]
    _order = "id desc"
    # the declarant answers the feedback (evidence of remediation) in the chatter
    _mail_post_access = "read"

    _state_field = "state"
    _state_from = ["decision"]
    _state_to = ["feedback"]
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    declaration_id = fields.Many2one(
        "vc.coi.declaration", required=True, index=True, ondelete="restrict"
    )
    declarant_id = fields.Many2one(related="declaration_id.declarant_id", store=True)
    company_id = fields.Many2one(related="declaration_id.company_id", store=True)
    declarant_user_id = fields.Many2one(
        "res.users",
        related="declaration_id.declarant_id.user_id",
        store=True,
        index=True,
        string="Declarant User",
    )
    declaration_kind = fields.Selection(
        related="declaration_id.kind", store=True, string="Declaration Kind"
    )
    line_ids = fields.One2many(
        related="declaration_id.line_ids", string="Declared Interests"
    )
    state = fields.Selection(
        [
            ("review", "Under Review"),
            ("investigation", "Investigation"),
            ("decision", "Awaiting Decision"),
            ("feedback", "Feedback to Declarant"),
            ("remediation", "Remediation"),
            ("archived", "Archived"),
        ],
        default="review",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_received = fields.Date(
        default=fields.Date.context_today,
        readonly=True,
        help="The day internal audit received the declaration (002 W1 step 4).",
    )
    reviewer_user_id = fields.Many2one(
        "res.users",
        string="Internal Audit Reviewer",
        tracking=True,
        domain="[('share', '=', False)]",
        help="The internal auditor who checks and judges the declaration.",
    )
    review_notes = fields.Text(
        groups=COI_OFFICERS,
        help="Internal audit's check and judgement of the declared interests.",
    )
    # --- investigation (002 W1 step 6)
    investigation_findings = fields.Text(
        groups=COI_OFFICERS,
        help="What the audit committee's investigation found; not shown to the "
        "declarant.",
    )
    cooperating_department_ids = fields.Many2many(
        "hr.department",
        string="Cooperating Departments",
        groups=COI_OFFICERS,
        help="The departments that must cooperate with the investigation.",
    )
    # --- decision (002/R5, R6: F1 Part II)
    decision_option = fields.Selection(
        DECISION_OPTIONS, string="Decision", tracking=True, copy=False
    )
    elimination_days = fields.Integer(
        string="Eliminate Within (Days)",
        tracking=True,
        copy=False,
        help="002/R5: the calendar days (天) the declarant has to eliminate the "
        "conflict, counted from the feedback. Required and positive for an "
        "elimination; optional for 'other' with actions.",
    )
    decision_other_text = fields.Text(
        string="Other Decision",
        copy=False,
        help="002/R6: the explanation of an 'other' decision.",
    )
    other_needs_remediation = fields.Boolean(
        string="Other: Actions Required",
        copy=False,
        help="An 'other' decision that asks the declarant to act is followed up "
        "like an elimination.",
    )
    decision_rationale = fields.Text(
        copy=False, help="The committee's reasons for its decision."
    )
    approver_ids = fields.Many2many(
        "res.users",
        "vc_coi_review_approver_rel",
        "review_id",
        "user_id",
        string="Approvers",
        readonly=True,
        copy=False,
    )
    decision_date = fields.Date(readonly=True, copy=False, tracking=True)
    committee_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_committee_user_ids",
        string="Audit Committee Members",
        help="The members of the audit committee group (implied ones included), "
        "the declarant excepted: the reviewers of the decision.",
    )
    needs_remediation = fields.Boolean(compute="_compute_needs_remediation", store=True)
    # --- feedback and remediation (002 W1 steps 8-10)
    feedback_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    remediation_due = fields.Datetime(
        readonly=True,
        copy=False,
        help="002/R5: the feedback date plus the days allowed, kept by the deadline "
        "engine.",
    )
    remediation_state = fields.Selection(
        [
            ("not_required", "Not Required"),
            ("pending", "Pending"),
            ("done", "Done"),
            ("overdue", "Overdue"),
        ],
        default="not_required",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    remediation_evidence = fields.Text(copy=False)
    remediation_attachment_ids = fields.Many2many(
        "ir.attachment",
        "vc_coi_review_remediation_attachment_rel",
        "review_id",
        "attachment_id",
        string="Evidence Documents",
    )
    remediation_verified_by_id = fields.Many2one(
        "res.users", string="Verified By", readonly=True, copy=False
    )
    remediation_verified_date = fields.Datetime(
        string="Verified On", readonly=True, copy=False
    )
    remediation_outcome = fields.Selection(
        [("on_time", "On Time"), ("late", "Late")],
        readonly=True,
        copy=False,
        help="Whether the remediation was verified within its deadline (from the "
        "deadline timer).",
    )
    refusal_note = fields.Text(
        string="Refusal to Resolve",
        copy=False,
        groups=COI_OFFICERS,
        help="Why the declarant refuses to resolve the conflict; opens a sanction "
        "proposal (002/R7).",
    )
    archive_date = fields.Date(readonly=True, copy=False)
    sanction_ids = fields.One2many("vc.coi.sanction", "review_id")
    sanction_count = fields.Integer(compute="_compute_sanction_count")
    # --- buttons
    can_investigate = fields.Boolean(compute="_compute_can")
    can_to_decision = fields.Boolean(compute="_compute_can")
    can_decide = fields.Boolean(compute="_compute_can")
    can_send_feedback = fields.Boolean(compute="_compute_can")
    can_start_remediation = fields.Boolean(compute="_compute_can")
    can_verify_remediation = fields.Boolean(compute="_compute_can")
    can_record_refusal = fields.Boolean(compute="_compute_can")
    can_archive = fields.Boolean(compute="_compute_can")

    @api.depends("decision_option", "other_needs_remediation")
    def _compute_needs_remediation(self):
        for review in self:
            review.needs_remediation = review.decision_option == "eliminate" or (
                review.decision_option == "other" and review.other_needs_remediation
            )

    @api.depends("declarant_user_id")
    def _compute_committee_user_ids(self):
        # the group's members are read as the system: a committee member may not
        # read the user list of every group
        members = (
            self.env.ref("vendor_counsel.group_vendor_counsel_committee")
            .sudo()
            .all_user_ids.filtered(lambda u: u.active and not u.share)
        )
        for review in self:
            review.committee_user_ids = members - review.declarant_user_id

    def _compute_sanction_count(self):
        counts = dict(
            self.env["vc.coi.sanction"]._read_group(
                [("review_id", "in", self.ids)], ["review_id"], ["__count"]
            )
        )
        for review in self:
            review.sanction_count = counts.get(review, 0)

    @api.depends_context("uid")
    @api.depends("state", "remediation_state", "needs_remediation", "review_ids")
    def _compute_can(self):
        user = self.env.user
        officer = user.has_group(
            "vendor_counsel.group_vendor_counsel_compliance"
        ) or user.has_group("vendor_counsel.group_vendor_counsel_auditor")
        committee = user.has_group("vendor_counsel.group_vendor_counsel_committee")
        compliance = user.has_group("vendor_counsel.group_vendor_counsel_compliance")
        for review in self:
            state = review.state
            review.can_investigate = state == "review" and (officer or committee)
            review.can_to_decision = state in ("review", "investigation") and (
                officer or committee
            )
            review.can_decide = (
                state == "decision"
                and committee
                and review.validation_status != "validated"
            )
            review.can_send_feedback = (
                state == "decision"
                and review.validation_status == "validated"
                and (compliance or committee)
            )
            review.can_start_remediation = (
                state == "feedback"
                and review.needs_remediation
                and (compliance or committee)
            )
            review.can_verify_remediation = (
                state == "remediation"
                and review.remediation_state in ("pending", "overdue")
                and compliance
            )
            review.can_record_refusal = (
                state == "remediation"
                and review.remediation_state in ("pending", "overdue")
                and (compliance or committee)
            )
            review.can_archive = (compliance or committee) and (
                (state == "feedback" and not review.needs_remediation)
                or (state == "remediation" and review.remediation_state == "done")
            )

    @api.constrains("decision_option", "elimination_days", "decision_other_text")
    def _check_decision_values(self):
        """002/R5: an elimination has a positive number of days; 002/R6: an 'other'
        decision is explained."""
        for review in self:
            if review.elimination_days < 0 or (
                review.decision_option == "eliminate" and review.elimination_days <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(review)s: the days to eliminate the conflict must be a "
                        "positive number (002/R5).",
                        review=review.display_name,
                    )
                )
            if (
                review.decision_option == "other"
                and not (review.decision_other_text or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "%(review)s: explain the 'other' decision (002/R6).",
                        review=review.display_name,
                    )
                )

    # --- creation from declarations (002 W1 steps 3-4)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("vc.coi.review") or "/"
                )
        return super().create(vals_list)

    @api.model
    def create_from_declarations(self, declarations):
        """Open the review of each submitted declaration that has none yet; the
        declaration moves to 'Under Review'. Idempotent: a declaration with a
        review, or not submitted, is left alone. Returns the new reviews."""
        declarations = declarations.filtered(lambda d: d.state == "submitted")
        if not declarations:
            return self.browse()
        reviewed = self.with_context(active_test=False).search(
            [("declaration_id", "in", declarations.ids)]
        )
        todo = declarations - reviewed.declaration_id
        if not todo:
            return self.browse()
        reviews = self.create([{"declaration_id": d.id} for d in todo])
        reviews._vc_sync_declaration_state()
        for review in reviews:
            review.message_post(
                body=self.env._(
                    "Declaration %(declaration)s received by internal audit for "
                    "review.",
                    declaration=review.declaration_id.display_name,
                ),
            )
        return reviews

    @api.model
    def action_open_for_declarations(self, declarations):
        """The declaration's 'Open Review' button: create the missing reviews and
        show them (for compliance and internal audit)."""
        self.create_from_declarations(declarations)
        reviews = self.search([("declaration_id", "in", declarations.ids)])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_coi_review_action"
        )
        if len(reviews) == 1:
            action.update(res_id=reviews.id, views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", reviews.ids)]
        return action

    @api.model
    def _cron_open_reviews(self):
        """Submitted declarations without a review get one (idempotent); a
        declaration that fails is logged and skipped."""
        declarations = self.env["vc.coi.declaration"].search(
            [("state", "=", "submitted")]
        )
        try:
            with self.env.cr.savepoint():
                self.create_from_declarations(declarations)
            return
        except Exception:  # noqa: BLE001 - one bad declaration must not stop the cron
            _logger.info("COI reviews: batch failed, retrying one by one")
        for declaration in declarations:
            try:
                with self.env.cr.savepoint():
                    self.create_from_declarations(declaration)
            except Exception as error:  # noqa: BLE001
                _logger.warning(
                    "COI reviews: declaration %s skipped: %s", declaration.id, error
                )

    def _vc_sync_declaration_state(self):
        """The declaration shows where its review stands. The review's actors
        (committee, internal audit) may not write declarations under the
        declaration slice's rules: the state is written as the system, for the
        reviews the user could act on."""
        for state, reviews in self.grouped("state").items():
            reviews.declaration_id.sudo().write({"state": DECLARATION_STATE[state]})

    def _vc_write_state(self, vals):
        self.with_context(skip_validation_check=True).write(vals)
        self._vc_sync_declaration_state()

    def _vc_check_group(self, group, action):
        if not self.env.user.has_group(group):
            raise UserError(
                self.env._(
                    "%(action)s is reserved to the group %(group)s.",
                    action=action,
                    group=self.env.ref(group).name,
                )
            )

    def _vc_check_any_group(self, groups, action):
        if not any(self.env.user.has_group(group) for group in groups):
            raise UserError(
                self.env._(
                    "%(action)s is reserved to %(groups)s.",
                    action=action,
                    groups=", ".join(self.env.ref(g).name for g in groups),
                )
            )

    # --- actions

    def action_investigate(self):
        """The audit committee investigates (002 W1 step 6); departments cooperate."""
        self._check_state(("review",), self.env._("Investigating"))
        self._vc_write_state({"state": "investigation"})
        return True

    def action_to_decision(self):
        """Send the review to the audit committee for its decision; the committee's
        tier review is requested (base_tier_validation)."""
        self._check_state(
            ("review", "investigation"), self.env._("Sending to decision")
        )
        self._vc_write_state({"state": "decision"})
        for review in self:
            if review.review_ids:
                # a review sent back and decided again starts a new validation
                review.restart_validation()
            review._vc_invalidate_tiers()
            if review.need_validation:
                review.request_validation()
        self._vc_invalidate_tiers()
        return True

    def _get_tier_validation_readonly_domain(self):
        """The form is frozen only while the committee's validation runs, and not
        for the committee members who review it; the later steps (feedback,
        remediation evidence) stay editable."""
        return (
            "state == 'decision' and validation_status not in ('no', False) "
            "and not can_review"
        )

    def _vc_invalidate_tiers(self):
        """The tier mixin's guards are not stored (nor tied to the reviews): read
        them afresh after the reviews change."""
        self.invalidate_recordset(
            ["review_ids", "need_validation", "validation_status"]
        )

    def action_return_to_review(self):
        """The committee sends the review back to internal audit."""
        self._check_state(("decision",), self.env._("Returning to review"))
        self._vc_write_state({"state": "review"})
        return True

    def _vc_check_decision(self):
        for review in self:
            if not review.decision_option:
                self._raise_missing(
                    review,
                    self.env._(
                        "choose one of the three decisions: eliminate within N "
                        "days, accept, or other (002/R6)."
                    ),
                )
            review._check_decision_values()
            if review.declarant_user_id == self.env.user:
                self._raise_missing(
                    review,
                    self.env._("a declarant cannot decide their own declaration."),
                )

    def action_decide(self):
        """The audit committee decides (002/R6): its tier review is validated, the
        approvers and the date recorded."""
        self._check_state(("decision",), self.env._("Deciding"))
        self._vc_check_group(
            "vendor_counsel.group_vendor_counsel_committee", self.env._("Deciding")
        )
        self._vc_check_decision()
        self._vc_invalidate_tiers()
        for review in self:
            if review.need_validation:
                review.request_validation()
                review._vc_invalidate_tiers()
            if review.can_review:
                review.validate_tier()
            review._vc_invalidate_tiers()
            if review.validation_status != "validated":
                self._raise_missing(
                    review,
                    self.env._("the audit committee's validation is not complete."),
                )
            approvers = review.review_ids.filtered(
                lambda r: r.status == "approved"
            ).done_by
            review.with_context(skip_validation_check=True).write(
                {
                    "approver_ids": [fields.Command.set(approvers.ids)],
                    "decision_date": fields.Date.context_today(review),
                }
            )
        return True

    def action_send_feedback(self):
        """The decision (批示结果) goes back to the declarant (002 W1 step 8): a note
        to the declarant and an activity for their user; the remediation clock of
        an elimination starts now (002/R5)."""
        self._check_state(("decision",), self.env._("Sending the feedback"))
        self._vc_check_any_group(
            (
                "vendor_counsel.group_vendor_counsel_compliance",
                "vendor_counsel.group_vendor_counsel_committee",
            ),
            self.env._("Sending the feedback"),
        )
        self._vc_check_decision()
        self._vc_invalidate_tiers()
        not_decided = self.filtered(lambda r: r.validation_status != "validated")
        if not_decided:
            self._raise_missing(
                not_decided[0],
                self.env._("the audit committee has not decided yet."),
            )
        self._vc_write_state(
            {"state": "feedback", "feedback_date": fields.Datetime.now()}
        )
        labels = dict(self._fields["decision_option"]._description_selection(self.env))
        for review in self:
            user = review.declarant_user_id
            body = self.env._(
                "Decision on your declaration %(declaration)s: %(decision)s.",
                declaration=review.declaration_id.display_name,
                decision=labels[review.decision_option],
            )
            review.message_post(
                body=body,
                partner_ids=user.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            if user:
                review.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=self.env._("Read the decision on your declaration"),
                    note=body,
                )
        return True

    def action_start_remediation(self):
        """The declarant carries out the decision (002 W1 step 10)."""
        self._check_state(("feedback",), self.env._("Starting the remediation"))
        missing = self.filtered(lambda r: not r.needs_remediation)
        if missing:
            self._raise_missing(
                missing[0],
                self.env._(
                    "only an elimination, or an 'other' decision with actions, "
                    "is followed by a remediation."
                ),
            )
        self._vc_write_state({"state": "remediation", "remediation_state": "pending"})
        return True

    def _vc_remediation_timers(self):
        rule = self.env.ref(
            "vendor_counsel.rule_vc_coi_review_remediation", raise_if_not_found=False
        )
        return self.sudo().deadline_timer_ids.filtered(lambda t: t.rule_id == rule)

    def action_verify_remediation(self):
        """Compliance verifies the remediation on its evidence; the deadline is
        met (002/R5), on time or late as the timer says."""
        self._check_state(("remediation",), self.env._("Verifying the remediation"))
        self._vc_check_group(
            "vendor_counsel.group_vendor_counsel_compliance",
            self.env._("Verifying the remediation"),
        )
        for review in self:
            if review.remediation_state not in ("pending", "overdue"):
                self._raise_missing(
                    review, self.env._("the remediation is not pending.")
                )
            if not (review.remediation_evidence or review.remediation_attachment_ids):
                self._raise_missing(
                    review,
                    self.env._(
                        "give the evidence of the remediation before verifying."
                    ),
                )
        now = fields.Datetime.now()
        for review in self:
            due = review.remediation_due
            late = review.remediation_state == "overdue" or bool(due and now > due)
            review._vc_write_state(
                {
                    "remediation_state": "done",
                    "remediation_verified_by_id": self.env.user.id,
                    "remediation_verified_date": now,
                    "remediation_outcome": "late" if late else "on_time",
                }
            )
        return True

    def action_record_refusal(self):
        """The declarant refuses to resolve the conflict: a sanction proposal opens
        for the audit committee (002/R7)."""
        self._check_state(("remediation",), self.env._("Recording a refusal"))
        for review in self:
            if not (review.sudo().refusal_note or "").strip():
                self._raise_missing(
                    review, self.env._("write down the declarant's refusal.")
                )
        self.env["vc.coi.sanction"]._vc_propose_for_reviews(self, "refusal_to_resolve")
        return True

    def action_archive_review(self):
        """Archive the declaration form (存档, 002 W1 step 9/11)."""
        self._check_state(("feedback", "remediation"), self.env._("Archiving"))
        for review in self:
            if review.state == "feedback" and review.needs_remediation:
                self._raise_missing(
                    review, self.env._("start and verify the remediation first.")
                )
            if review.state == "remediation" and review.remediation_state != "done":
                self._raise_missing(
                    review,
                    self.env._("the remediation is not verified as done yet."),
                )
        self._vc_write_state(
            {"state": "archived", "archive_date": fields.Date.context_today(self)}
        )
        return True

    def action_view_sanctions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_coi_sanction_action"
        )
        action["domain"] = [("review_id", "=", self.id)]
        action["context"] = {"default_review_id": self.id}
        return action

    # --- remediation overdue (002/R5, S5) and refusal to resolve (002/R7)

    @api.model
    def _cron_remediation_overdue(self):
        """Remediations whose deadline timer is breached turn overdue, and a
        sanction proposal opens for each (refusal to resolve); then the missing or
        late declarations get theirs. Set-based, idempotent."""
        self._vc_flag_overdue_remediation()
        self.env["vc.coi.sanction"]._vc_propose_for_declarations()

    @api.model
    def _vc_flag_overdue_remediation(self):
        rule = self.env.ref("vendor_counsel.rule_vc_coi_review_remediation")
        breached = (
            self.env["business.deadline.timer"]
            .sudo()
            .search(
                [
                    ("rule_id", "=", rule.id),
                    ("res_model", "=", self._name),
                    ("state", "=", "breached"),
                ]
            )
        )
        reviews = self.search(
            [
                ("id", "in", breached.mapped("res_id")),
                ("state", "=", "remediation"),
                ("remediation_state", "=", "pending"),
            ]
        )
        if not reviews:
            return reviews
        reviews.with_context(skip_validation_check=True).write(
            {"remediation_state": "overdue"}
        )
        self.env["vc.coi.sanction"]._vc_propose_for_reviews(
            reviews, "refusal_to_resolve"
        )
        return reviews
