import logging
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

# 000/R-VC-03 (D2 第九条, D7 第十二条): the mandatory elements of the contract, as
# (field, label); the lawyers' licence numbers and the fees are checked in code.
CONTRACT_TEXT_ELEMENTS = [
    ("duties", "Duties and specific tasks"),
    ("service_method", "Service or agency method"),
    ("payment_method", "Payment method"),
    ("assessment_method", "Assessment method"),
    ("acceptance_method", "Acceptance of work results"),
    ("confidentiality_clause", "Confidentiality clause"),
    ("breach_liability", "Liability for breach"),
    ("dispute_resolution", "Dispute resolution"),
]
# 003/HR-D12-8: the legal review's three criteria
REVIEW_CRITERIA = ("review_legality", "review_rigor", "review_feasibility")
SIGNED_STATES = ("signed", "active", "expired", "terminated")
# editable while the contract is under approval and after it (signing facts,
# custody, lifecycle)
EDITABLE_UNDER_VALIDATION = [
    # the conflict check runs while the contract is under approval (002 W8)
    "coi_check_state",
    "coi_check_id",
    "coi_waiver_id",
    "coi_clear_reason",
    "coi_counterparty_ids",
    "coi_counterparty_names",
    "date_signed",
    "review_notes",
    "signatory_kind",
    "signatory_name",
    "power_of_attorney",
    "archive_custodian_id",
    "archive_location",
    "liaison_user_id",
    "legal_reviewer_id",
    "date_legal_review",
    "name",
    "terminate_reason",
    "no_renewal",
    "selfcheck_date",
    *REVIEW_CRITERIA,
]


class VcEngagement(models.Model):
    """An outside counsel engagement: retained counsel or a special matter, from its
    contract to its end (000/E-VC-6, WF-VC-4)."""

    _name = "vc.engagement"
    _description = "Outside Counsel Engagement"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
        "vc.coi.checked.mixin",
        "tier.validation",
    ]
    _order = "id desc"
    _check_company_auto = True

    # 003/HR-D12-1..4, 7: the contract's approval (tiers) stands between the legal
    # review and the signature
    _state_from = ["review"]
    _state_to = ["signed"]
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Contract No.", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        string="Hiring Unit",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one("hr.department", string="Using Unit", tracking=True)
    request_id = fields.Many2one("vc.request", tracking=True)
    engagement_type = fields.Selection(
        [("retained", "Retained Counsel"), ("special", "Special Matter")],
        required=True,
        default="special",
        tracking=True,
    )
    firm_id = fields.Many2one(
        "res.partner",
        string="Law Firm",
        required=True,
        domain=[("vc_is_law_firm", "=", True)],
        tracking=True,
    )
    lawyer_ids = fields.Many2many(
        "res.partner",
        "vc_engagement_lawyer_rel",
        "engagement_id",
        "partner_id",
        string="Lawyers",
        domain=[("vc_is_lawyer", "=", True)],
    )
    practice_area_id = fields.Many2one("vc.practice.area", tracking=True)
    subject = fields.Text(string="Service Matter", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible (Legal)",
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_signed = fields.Date(string="Signed On", copy=False, tracking=True)
    date_start = fields.Date(string="Term Start", tracking=True)
    date_end = fields.Date(
        string="Term End",
        tracking=True,
        compute="_compute_date_end",
        store=True,
        readonly=False,
        precompute=True,
    )
    fee_amount = fields.Monetary(string="Fee", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("review", "Legal Review"),
            ("signed", "Signed"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    # --- vc_engagements
    # 000/R-VC-04, A-5, R-VC-16: the term
    term_warning = fields.Char(
        compute="_compute_term_warning",
        help="000/A-5: a retained counsel's term longer than the company's term in "
        "principle is allowed, with this warning.",
    )
    # 000/R-VC-07, R-VC-25: the fees
    fee_type = fields.Selection(
        [
            ("fixed", "Fixed Fee"),
            ("hourly", "Hourly Rate"),
            ("contingency", "Contingency"),
            ("percentage", "Percentage of the Subject"),
            ("other", "Other"),
        ],
        compute="_compute_fee_type",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="000/R-VC-07: a retained counsel's fee is in principle a fixed fee.",
    )
    fee_type_reason = fields.Text(
        string="Reason for the Fee Type",
        help="000/R-VC-07: why a retained counsel is not paid a fixed fee.",
    )
    fee_ratio = fields.Float(
        string="Fee Ratio (%)",
        tracking=True,
        help="000/R-VC-25: the charging ratio of a contingency or percentage fee.",
    )
    fee_reduction_clause = fields.Boolean(
        help="000/E-VC-6 (D2 第十二条): the company may reduce the fees when it "
        "judges the service ineffective.",
    )
    # 000/R-VC-03: the contract's elements
    duties = fields.Text(string="Duties and Tasks")
    service_method = fields.Text()
    payment_method = fields.Text(string="Fees and Payment Method")
    assessment_method = fields.Text()
    acceptance_method = fields.Text(string="Acceptance of Work Results")
    confidentiality_clause = fields.Text()
    breach_liability = fields.Text(string="Liability for Breach")
    dispute_resolution = fields.Text()
    missing_elements = fields.Text(
        compute="_compute_missing_elements",
        help="000/R-VC-03: the mandatory contract elements still missing.",
    )
    elements_complete = fields.Boolean(compute="_compute_missing_elements")
    # 003/HR-D15-3, HR-D12-8: the contract text and the legal review
    text_source = fields.Selection(
        [
            ("model", "Legal Department Model Text"),
            ("counterparty", "Counterparty Text"),
        ],
        default="model",
        required=True,
        tracking=True,
        help="003/HR-D15-3: a text provided by the counterparty must pass the legal "
        "review before signing.",
    )
    review_legality = fields.Boolean(
        string="Legality",
        tracking=True,
        help="003/HR-D12-8: the parties' capacity; the content lawful and compliant.",
    )
    review_rigor = fields.Boolean(
        string="Rigor",
        tracking=True,
        help="003/HR-D12-8: complete clauses, specific rights and obligations, "
        "accurate wording.",
    )
    review_feasibility = fields.Boolean(
        string="Feasibility",
        tracking=True,
        help="003/HR-D12-8: the parties can perform the contract.",
    )
    review_notes = fields.Text(string="Legal Review Notes")
    legal_reviewer_id = fields.Many2one(
        "res.users", string="Legally Validated By", readonly=True, copy=False
    )
    date_legal_review = fields.Date(
        string="Legally Validated On", readonly=True, copy=False
    )
    is_major = fields.Boolean(
        string="Major Contract",
        tracking=True,
        help="003/HR-D15-6: a major contract also goes to the joint review.",
    )
    # 003/HR-D15-5: the signatory
    signatory_kind = fields.Selection(
        [
            ("legal_rep", "Legal Representative"),
            ("agent", "Authorised Agent"),
        ],
        help="003/HR-D15-5: the contract is signed by the legal representative or an "
        "agent holding a power of attorney.",
    )
    signatory_name = fields.Char()
    power_of_attorney = fields.Char(
        string="Power of Attorney No.",
        help="003/HR-D15-5: the authorisation of an agent signing the contract.",
    )
    # people
    liaison_user_id = fields.Many2one(
        "res.users",
        string="Liaison",
        tracking=True,
        domain=[("share", "=", False)],
        help="000/E-VC-6 (D15 第三条(五)): the legal department's designated person "
        "who liaises with, assists and supervises the counsel.",
    )
    # 003/HR-D12-1..4: the approval routing
    vc_gm_user_id = fields.Many2one(related="company_id.vc_gm_user_id")
    vc_chairman_user_id = fields.Many2one(related="company_id.vc_chairman_user_id")
    vc_board_user_id = fields.Many2one(related="company_id.vc_board_user_id")
    approval_level = fields.Selection(
        [
            ("gm", "General Manager"),
            ("chairman", "Chairman"),
            ("board", "Board of Directors"),
        ],
        compute="_compute_approval_level",
        store=True,
        help="003/HR-D12-1..3: who approves the contract, by its amount.",
    )
    # 003/HR-D12-9: supplementary agreements
    parent_id = fields.Many2one(
        "vc.engagement",
        string="Original Contract",
        index=True,
        check_company=True,
        tracking=True,
        help="003/HR-D12-9: a supplementary agreement belongs to its original "
        "contract and follows the same rules.",
    )
    child_ids = fields.One2many(
        "vc.engagement", "parent_id", string="Supplementary Agreements"
    )
    # 003/HR-D8-1: the original's custody
    archive_custodian_id = fields.Many2one(
        "res.users",
        string="Original Custodian",
        default=lambda self: self.env.company.vc_archive_custodian_id,
        tracking=True,
    )
    archive_location = fields.Char(
        string="Original Location",
        default=lambda self: self.env.company.vc_archive_location,
    )
    # lifecycle
    terminate_reason = fields.Text(string="Termination Reason", copy=False)
    renewed_from_id = fields.Many2one(
        "vc.engagement", string="Renewal Of", readonly=True, copy=False, index=True
    )
    renewal_ids = fields.One2many("vc.engagement", "renewed_from_id")
    is_renewed = fields.Boolean(compute="_compute_is_renewed", store=True)
    no_renewal = fields.Boolean(
        string="Not to Be Renewed",
        tracking=True,
        copy=False,
        help="000/C-VC-2: the decision not to renew closes the renewal reminder.",
    )
    renewal_notice_date = fields.Date(
        compute="_compute_renewal_notice_date",
        store=True,
        help="000/C-VC-2: the day the renewal reminder is due (term end minus the "
        "renewal notice).",
    )
    selfcheck_date = fields.Date(
        string="Last Self-check Reminder",
        readonly=True,
        copy=False,
        help="003/HR-D15-7: when the using unit was last reminded to self-check the "
        "performance.",
    )
    # 000/R-VC-09, A-13: the filing
    filing_ids = fields.One2many("vc.filing", "engagement_id")
    filing_count = fields.Integer(compute="_compute_filing_count")
    filing_required = fields.Boolean(
        compute="_compute_filing_required",
        store=True,
        help="000/A-13: required of every engagement signed by a non-parent company; "
        "of the parent's when its setting says so.",
    )
    filing_working_days = fields.Integer(
        string="Filing Within (Working Days)",
        default=lambda self: self.env.company.vc_filing_working_days,
        help="000/R-VC-09: the filing is due this many working days after signing.",
    )
    filing_due = fields.Datetime(
        readonly=True,
        copy=False,
        help="000/R-VC-09: kept by the deadline engine.",
    )
    date_filed = fields.Date(
        compute="_compute_date_filed",
        store=True,
        help="The date the engagement filing was submitted.",
    )
    renewal_due = fields.Datetime(readonly=True, copy=False)
    # 000/E-VC-10: the deliverables
    deliverable_ids = fields.One2many("vc.deliverable", "engagement_id")
    deliverable_count = fields.Integer(compute="_compute_deliverable_count")
    can_submit = fields.Boolean(compute="_compute_can")
    can_legal_validate = fields.Boolean(compute="_compute_can")
    can_sign = fields.Boolean(compute="_compute_can")
    can_activate = fields.Boolean(compute="_compute_can")
    can_terminate = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")
    can_renew = fields.Boolean(compute="_compute_can")
    can_create_filing = fields.Boolean(compute="_compute_can")

    _fee_ratio_range = models.Constraint(
        "CHECK (fee_ratio >= 0 AND fee_ratio <= 100)",
        "The fee ratio is a percentage between 0 and 100.",
    )
    _term_order = models.Constraint(
        "CHECK (date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
        "The term cannot end before it starts.",
    )

    # ----------------------------------------------------------------- computes

    @api.depends("engagement_type", "date_start", "company_id")
    def _compute_date_end(self):
        """000/R-VC-04, A-5: a retained counsel's term defaults to the company's term
        (12 months) from its start; a special matter's end is entered."""
        for engagement in self:
            if engagement.engagement_type == "retained" and engagement.date_start:
                months = engagement.company_id.vc_retained_term_months
                engagement.date_end = engagement.date_start + relativedelta(
                    months=months, days=-1
                )
            else:
                engagement.date_end = engagement.date_end

    @api.depends("engagement_type", "date_start", "date_end", "company_id")
    def _compute_term_warning(self):
        for engagement in self:
            engagement.term_warning = False
            if not (
                engagement.engagement_type == "retained"
                and engagement.date_start
                and engagement.date_end
            ):
                continue
            months = engagement.company_id.vc_retained_term_months
            limit = engagement.date_start + relativedelta(months=months, days=-1)
            if engagement.date_end > limit:
                engagement.term_warning = self.env._(
                    "The term is longer than %(months)s months: a retained counsel is "
                    "in principle engaged for one year and signed annually "
                    "(000/R-VC-04, A-5).",
                    months=months,
                )

    @api.depends("engagement_type")
    def _compute_fee_type(self):
        for engagement in self:
            if engagement.engagement_type == "retained" or not engagement.fee_type:
                engagement.fee_type = "fixed"
            else:
                engagement.fee_type = engagement.fee_type

    @api.depends(
        "lawyer_ids",
        "lawyer_ids.vc_licence_number",
        "fee_type",
        "fee_amount",
        "fee_ratio",
        "date_start",
        "date_end",
        *[name for name, _label in CONTRACT_TEXT_ELEMENTS],
    )
    def _compute_missing_elements(self):
        for engagement in self:
            missing = engagement._get_missing_elements()
            engagement.missing_elements = "\n".join(missing) or False
            engagement.elements_complete = not missing

    def _get_missing_elements(self):
        """000/R-VC-03 (D2 第九条, D7 第十二条): the labels of the mandatory
        contract elements this engagement still lacks."""
        self.ensure_one()
        missing = []
        if not self.lawyer_ids:
            missing.append(self.env._("Lawyers"))
        elif not all(self.lawyer_ids.mapped("vc_licence_number")):
            missing.append(self.env._("Lawyers' practice licence numbers"))
        labels = {
            "duties": self.env._("Duties and specific tasks"),
            "service_method": self.env._("Service or agency method"),
            "payment_method": self.env._("Payment method"),
            "assessment_method": self.env._("Assessment method"),
            "acceptance_method": self.env._("Acceptance of work results"),
            "confidentiality_clause": self.env._("Confidentiality clause"),
            "breach_liability": self.env._("Liability for breach"),
            "dispute_resolution": self.env._("Dispute resolution"),
        }
        for name, _label in CONTRACT_TEXT_ELEMENTS:
            if not (self[name] or "").strip():
                missing.append(labels[name])
            if name == "duties" and not self.fee_type:
                missing.append(self.env._("Fee type"))
        if self.fee_type in ("contingency", "percentage"):
            if not self.fee_ratio:
                missing.append(self.env._("Fee ratio"))
        elif not self.fee_amount:
            missing.append(self.env._("Fee amount"))
        if not (self.date_start and self.date_end):
            missing.append(self.env._("Term (start and end)"))
        return missing

    @api.depends("fee_amount", "company_id")
    def _compute_approval_level(self):
        """003/HR-D12-1..3: GM up to the chairman's threshold; chairman above it;
        board above 1/N of the company's assets (when the assets are set)."""
        for engagement in self:
            company = engagement.company_id
            level = "gm"
            if engagement.fee_amount > company.vc_chairman_threshold:
                level = "chairman"
            if (
                company.vc_company_assets
                and company.vc_board_asset_divisor
                and engagement.fee_amount
                > company.vc_company_assets / company.vc_board_asset_divisor
            ):
                level = "board"
            engagement.approval_level = level

    @api.depends("renewal_ids")
    def _compute_is_renewed(self):
        for engagement in self:
            engagement.is_renewed = bool(engagement.renewal_ids)

    @api.depends("engagement_type", "date_end", "company_id")
    def _compute_renewal_notice_date(self):
        """000/C-VC-2: calendar days before the end, plain date arithmetic."""
        for engagement in self:
            notice = False
            if engagement.engagement_type == "retained" and engagement.date_end:
                notice = engagement.date_end - timedelta(
                    days=engagement.company_id.vc_renewal_notice_days
                )
            engagement.renewal_notice_date = notice

    @api.depends(
        "company_id", "company_id.parent_id", "company_id.vc_filing_required_parent"
    )
    def _compute_filing_required(self):
        """000/A-13: a non-parent company always files; the parent as set."""
        for engagement in self:
            company = engagement.company_id
            engagement.filing_required = bool(
                company.parent_id or company.vc_filing_required_parent
            )

    @api.depends("filing_ids.date_filed", "filing_ids.state", "filing_ids.filing_type")
    def _compute_date_filed(self):
        for engagement in self:
            dates = [
                filing.date_filed
                for filing in engagement.filing_ids
                if filing.filing_type == "engagement"
                and filing.state in ("submitted", "accepted")
                and filing.date_filed
            ]
            engagement.date_filed = min(dates) if dates else False

    def _compute_filing_count(self):
        counts = dict(
            self.env["vc.filing"]._read_group(
                [("engagement_id", "in", self.ids)], ["engagement_id"], ["__count"]
            )
        )
        for engagement in self:
            engagement.filing_count = counts.get(engagement, 0)

    def _compute_deliverable_count(self):
        counts = dict(
            self.env["vc.deliverable"]._read_group(
                [("engagement_id", "in", self.ids)], ["engagement_id"], ["__count"]
            )
        )
        for engagement in self:
            engagement.deliverable_count = counts.get(engagement, 0)

    @api.depends_context("uid")
    @api.depends("state", "text_source", "legal_reviewer_id", "is_renewed")
    def _compute_can(self):
        is_legal = self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal")
        for engagement in self:
            state = engagement.state
            engagement.can_submit = is_legal and state == "draft"
            engagement.can_legal_validate = (
                is_legal and state == "review" and not engagement.legal_reviewer_id
            )
            engagement.can_sign = is_legal and state == "review"
            engagement.can_activate = is_legal and state == "signed"
            engagement.can_terminate = is_legal and state in ("signed", "active")
            engagement.can_cancel = is_legal and state in ("draft", "review")
            engagement.can_reset = is_legal and state in ("review", "cancel")
            engagement.can_renew = (
                is_legal
                and engagement.engagement_type == "retained"
                and state in ("signed", "active", "expired")
                and not engagement.is_renewed
            )
            engagement.can_create_filing = state in SIGNED_STATES

    # -------------------------------------------------------------- constraints

    @api.constrains("engagement_type", "fee_type", "fee_type_reason")
    def _check_fee_type_reason(self):
        """000/R-VC-07: a retained counsel with another fee than a fixed fee gives
        the reason."""
        for engagement in self:
            if (
                engagement.engagement_type == "retained"
                and engagement.fee_type
                and engagement.fee_type != "fixed"
                and not (engagement.fee_type_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "%(engagement)s: a retained counsel is paid a fixed fee; give "
                        "the reason for another fee type (000/R-VC-07).",
                        engagement=engagement.display_name,
                    )
                )

    @api.constrains("parent_id")
    def _check_parent(self):
        """003/HR-D12-9: a supplementary agreement supplements a contract of the
        same firm that is not itself a supplement."""
        for engagement in self.filtered("parent_id"):
            parent = engagement.parent_id
            if parent.parent_id or parent == engagement:
                raise ValidationError(
                    self.env._(
                        "%(engagement)s: a supplementary agreement supplements an "
                        "original contract, not another supplement (003/HR-D12-9).",
                        engagement=engagement.display_name,
                    )
                )
            if parent.firm_id != engagement.firm_id:
                raise ValidationError(
                    self.env._(
                        "%(engagement)s: a supplementary agreement is made with the "
                        "firm of its original contract (003/HR-D12-9).",
                        engagement=engagement.display_name,
                    )
                )

    # ------------------------------------------------------------------- ORM

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            parent = vals.get("parent_id") and self.browse(vals["parent_id"])
            if parent:
                # 003/HR-D12-9: a supplement inherits its original's parties
                for name in ("company_id", "firm_id", "department_id"):
                    vals.setdefault(name, parent[name].id)
                vals.setdefault("engagement_type", parent.engagement_type)
        return super().create(vals_list)

    @api.depends("name", "firm_id")
    def _compute_display_name(self):
        for engagement in self:
            name = engagement.name if engagement.name != "/" else self.env._("Draft")
            engagement.display_name = (
                f"{name} - {engagement.firm_id.name}" if engagement.firm_id else name
            )

    @api.model
    def _get_under_validation_exceptions(self):
        """The legal review, the signature's facts and the custody stay editable
        while the contract is under approval."""
        return super()._get_under_validation_exceptions() + EDITABLE_UNDER_VALIDATION

    @api.model
    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + EDITABLE_UNDER_VALIDATION

    # ---------------------------------------------------------------- actions

    def _check_legal(self, action):
        """003/HR-D12-5: only the company (its legal department) handles contracts."""
        if not self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal"):
            raise UserError(
                self.env._(
                    "%(action)s: only the legal department may do this (003/HR-D12-5).",
                    action=action,
                )
            )

    def _assign_number(self):
        """003/HR-D15-4: the legal department numbers the contracts in sequence."""
        for engagement in self.filtered(lambda e: e.name == "/"):
            engagement.name = self.env["ir.sequence"].next_by_code("vc.engagement")

    def action_submit_review(self):
        """Draft → legal review. The counterparty's eligibility is vetted first
        (003/HR-D12-6)."""
        self._check_state(["draft"], self.env._("Submitting to legal review"))
        self._check_legal(self.env._("Submitting to legal review"))
        for engagement in self:
            if engagement.parent_id and engagement.parent_id.state not in (
                "signed",
                "active",
            ):
                self._raise_missing(
                    engagement,
                    self.env._(
                        "its original contract must be signed first (003/HR-D12-9)."
                    ),
                )
            self.env["res.partner"]._vc_assert_eligible(
                engagement.firm_id | engagement.lawyer_ids,
                engagement.date_start or fields.Date.context_today(self),
                engagement.engagement_type,
                check_panel=engagement._vc_panel_required(),
            )
        self.write({"state": "review"})
        return True

    def action_legal_validate(self):
        """003/HR-D12-8, HR-D15-3, HR-D15-4: the legal department checks legality,
        rigor and feasibility and numbers the contract."""
        self._check_state(["review"], self.env._("Legal validation"))
        self._check_legal(self.env._("Legal validation"))
        for engagement in self:
            missing = [
                engagement._fields[name]._description_string(self.env)
                for name in REVIEW_CRITERIA
                if not engagement[name]
            ]
            if missing:
                self._raise_missing(
                    engagement,
                    self.env._(
                        "the legal review has not confirmed: %(criteria)s "
                        "(003/HR-D12-8).",
                        criteria=", ".join(missing),
                    ),
                )
        self.write(
            {
                "legal_reviewer_id": self.env.user.id,
                "date_legal_review": fields.Date.context_today(self),
            }
        )
        self._assign_number()
        return True

    def _check_tiers_configured(self):
        """003/HR-D12-4: every contract passes the general manager; the chairman and
        the board when their level is reached. Their users must be set."""
        for engagement in self:
            company = engagement.company_id
            needed = [(company.vc_gm_user_id, self.env._("General Manager"))]
            if engagement.approval_level in ("chairman", "board"):
                needed.append((company.vc_chairman_user_id, self.env._("Chairman")))
            if engagement.approval_level == "board":
                needed.append((company.vc_board_user_id, self.env._("Board Secretary")))
            unset = [label for user, label in needed if not user]
            if unset:
                self._raise_missing(
                    engagement,
                    self.env._(
                        "set the approvers of %(company)s in the settings: "
                        "%(roles)s (003/HR-D12-1..4).",
                        company=company.name,
                        roles=", ".join(unset),
                    ),
                )

    def request_validation(self):
        self._check_tiers_configured()
        return super().request_validation()

    def action_sign(self):
        """Review → signed: every contract element present (000/R-VC-03), the
        legal review done (003/HR-D12-8; mandatory for a counterparty's text,
        HR-D15-3), the approval validated (tiers), the signatory authorised
        (HR-D15-5), the firm and lawyers eligible on the signing date."""
        action = self.env._("Signing")
        self._check_state(["review"], action)
        self._check_legal(action)
        # the firm, its lawyers and the counterparties are free of conflicts (002 W8)
        self._vc_coi_ensure_clear()
        # need_validation has no dependencies: never trust a cached value
        self.invalidate_recordset(["need_validation", "validation_status"])
        for engagement in self:
            if not engagement.date_signed:
                self._raise_missing(engagement, self.env._("enter the signing date."))
            missing = engagement._get_missing_elements()
            if missing:
                self._raise_missing(
                    engagement,
                    self.env._(
                        "the contract lacks mandatory elements (000/R-VC-03): "
                        "%(missing)s.",
                        missing=", ".join(missing),
                    ),
                )
            if not all(engagement[name] for name in REVIEW_CRITERIA):
                self._raise_missing(
                    engagement,
                    self.env._(
                        "the legal review of legality, rigor and feasibility is not "
                        "complete (003/HR-D12-8)."
                    ),
                )
            if engagement.text_source == "counterparty" and not (
                engagement.legal_reviewer_id
            ):
                self._raise_missing(
                    engagement,
                    self.env._(
                        "a text provided by the counterparty must be validated by "
                        "the legal department (003/HR-D15-3)."
                    ),
                )
            if not engagement.signatory_kind or not engagement.signatory_name:
                self._raise_missing(
                    engagement, self.env._("name the signatory and their capacity.")
                )
            if engagement.signatory_kind == "agent" and not (
                engagement.power_of_attorney
            ):
                self._raise_missing(
                    engagement,
                    self.env._(
                        "an authorised agent signs with a power of attorney "
                        "(003/HR-D15-5)."
                    ),
                )
            if engagement.need_validation or (
                engagement.review_ids and engagement.validation_status != "validated"
            ):
                self._raise_missing(
                    engagement,
                    self.env._(
                        "the contract's approval (general manager, chairman, board) "
                        "is not complete (003/HR-D12-1..4)."
                    ),
                )
            warnings = self.env["res.partner"]._vc_assert_eligible(
                engagement.firm_id | engagement.lawyer_ids,
                engagement.date_signed,
                engagement.engagement_type,
                check_panel=engagement._vc_panel_required(),
            )
            notes = list(warnings)
            if engagement.term_warning:
                notes.append(engagement.term_warning)
            if notes:
                engagement.message_post(body="\n".join(notes))
        self._assign_number()
        self.write({"state": "signed"})
        return True

    def action_activate(self):
        """Signed → active, by hand or by the daily cron on the term's start."""
        self._check_state(["signed"], self.env._("Activating"))
        self._check_legal(self.env._("Activating"))
        self.write({"state": "active"})
        return True

    def action_terminate(self):
        """Signed/active → terminated, with the reason."""
        self._check_state(["signed", "active"], self.env._("Terminating"))
        self._check_legal(self.env._("Terminating"))
        for engagement in self:
            if not (engagement.terminate_reason or "").strip():
                self._raise_missing(
                    engagement, self.env._("give the reason of the termination.")
                )
        self.write({"state": "terminated"})
        return True

    def action_cancel(self):
        self._check_state(["draft", "review"], self.env._("Cancelling"))
        self._check_legal(self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(["review", "cancel"], self.env._("Resetting to draft"))
        self._check_legal(self.env._("Resetting to draft"))
        self.restart_validation()
        self.with_context(skip_validation_check=True).write(
            {"state": "draft", "legal_reviewer_id": False, "date_legal_review": False}
        )
        return True

    def action_renew(self):
        """000/R-VC-04 (一年一签), C-VC-2: the next year's contract, in draft,
        linked to this one; the evaluation before renewal is the evaluations'."""
        self.ensure_one()
        self._check_state(["signed", "active", "expired"], self.env._("Renewing"))
        self._check_legal(self.env._("Renewing"))
        if self.engagement_type != "retained":
            self._raise_missing(self, self.env._("only a retained counsel is renewed."))
        if self.is_renewed:
            self._raise_missing(self, self.env._("it is already renewed."))
        start = self.date_end + timedelta(days=1) if self.date_end else False
        months = self.company_id.vc_retained_term_months
        renewal = self.copy(
            {
                "renewed_from_id": self.id,
                "date_start": start,
                "date_end": start and start + relativedelta(months=months, days=-1),
                "review_legality": False,
                "review_rigor": False,
                "review_feasibility": False,
                "filing_working_days": self.company_id.vc_filing_working_days,
            }
        )
        return renewal._get_form_action()

    def _get_form_action(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "vc.engagement",
            "res_id": self.id,
            "view_mode": "form",
        }

    def action_create_filing(self):
        """000/R-VC-25: the 《外聘律师备案登记表》 prefilled from the engagement."""
        self.ensure_one()
        self._check_state(list(SIGNED_STATES), self.env._("Filing"))
        filing = self.env["vc.filing"].create(self._prepare_filing_vals())
        return {
            "type": "ir.actions.act_window",
            "res_model": "vc.filing",
            "res_id": filing.id,
            "view_mode": "form",
        }

    def _prepare_filing_vals(self, filing_type="engagement"):
        self.ensure_one()
        by_ratio = self.fee_type in ("contingency", "percentage")
        return {
            "engagement_id": self.id,
            "filing_type": filing_type,
            "lawyer_ids": [fields.Command.set(self.lawyer_ids.ids)],
            "subject": self.subject,
            "fee_amount": 0.0 if by_ratio else self.fee_amount,
            "fee_ratio": self.fee_ratio if by_ratio else 0.0,
            "date_start": self.date_start,
            "date_end": self.date_end,
        }

    def action_view_filings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_filing_action"
        )
        action["domain"] = [("engagement_id", "=", self.id)]
        action["context"] = {"default_engagement_id": self.id}
        return action

    def action_view_deliverables(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_deliverable_action"
        )
        action["domain"] = [("engagement_id", "=", self.id)]
        action["context"] = {"default_engagement_id": self.id}
        return action

    # ------------------------------------------------------------------ crons

    def _write_state_safely(self, records, state):
        """Write the state set-based; on a failure, record by record, logging and
        skipping the bad one."""
        if not records:
            return
        try:
            with self.env.cr.savepoint():
                records.write({"state": state})
        except Exception:  # pylint: disable=broad-except
            for record in records:
                try:
                    with self.env.cr.savepoint():
                        record.write({"state": state})
                except Exception:  # pylint: disable=broad-except
                    _logger.exception(
                        "Engagement %s could not move to %s", record.id, state
                    )

    @api.model
    def _cron_update_term_states(self):
        """Daily: signed engagements whose term started become active; signed or
        active ones whose term ended expire (000/WF-VC-4). Idempotent."""
        today = fields.Date.context_today(self)
        to_expire = self.search(
            [("state", "in", ("signed", "active")), ("date_end", "<", today)]
        )
        self._write_state_safely(to_expire, "expired")
        to_activate = self.search(
            [
                ("state", "=", "signed"),
                ("date_start", "<=", today),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", today),
            ]
        )
        self._write_state_safely(to_activate, "active")

    @api.model
    def _cron_selfcheck_reminder(self):
        """003/HR-D15-7: remind the responsible of each active engagement to
        self-check its performance every N months (company setting); never twice
        in a period."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        engagements = self.search([("state", "=", "active")])
        due = engagements.filtered(
            lambda e: e.company_id.vc_selfcheck_months > 0
            and (
                not e.selfcheck_date
                or e.selfcheck_date
                + relativedelta(months=e.company_id.vc_selfcheck_months)
                <= today
            )
        )
        for engagement in due:
            try:
                with self.env.cr.savepoint():
                    engagement.activity_schedule(
                        activity_type_id=activity_type.id,
                        summary=self.env._("Performance self-check"),
                        note=self.env._(
                            "Check the performance of the contract and report any "
                            "problem to the legal department (003/HR-D15-7)."
                        ),
                        user_id=(engagement.liaison_user_id or engagement.user_id).id
                        or self.env.user.id,
                        date_deadline=today,
                    )
            except Exception:  # pylint: disable=broad-except
                _logger.exception("Self-check reminder failed for %s", engagement.id)
                continue
        due.write({"selfcheck_date": today})

    # --- vc_fees
    fee_reduction_clause = fields.Boolean(
        string="Fee-Reduction Clause",
        tracking=True,
        help="D2 第十二条: the contract lets the company reduce the fee at its "
        "discretion when an evaluation finds the service ineffective.",
    )
    payment_ids = fields.One2many("vc.payment", "engagement_id", string="Payments")
    fee_budget = fields.Monetary(
        tracking=True,
        help="The budget set aside for this engagement's fees.",
    )
    fee_scheduled = fields.Monetary(
        string="Scheduled (draft)", compute="_compute_fee_spend"
    )
    fee_committed = fields.Monetary(
        string="Committed",
        compute="_compute_fee_spend",
        help="Net amount of the payments requested or approved, not yet paid.",
    )
    fee_paid = fields.Monetary(string="Paid", compute="_compute_fee_spend")
    fee_budget_remaining = fields.Monetary(
        string="Budget Remaining",
        compute="_compute_fee_spend",
        help="The fee budget less the committed and paid amounts.",
    )
    payment_count = fields.Integer(compute="_compute_fee_spend")

    @api.depends("fee_budget", "payment_ids.state", "payment_ids.amount_net")
    def _compute_fee_spend(self):
        """One grouped query for all the engagements (000/E-VC-7)."""
        totals = defaultdict(lambda: defaultdict(float))
        counts = defaultdict(int)
        if self.ids:
            groups = self.env["vc.payment"]._read_group(
                [("engagement_id", "in", self.ids)],
                ["engagement_id", "state"],
                ["amount_net:sum", "__count"],
            )
            for engagement, state, amount, count in groups:
                totals[engagement.id][state] += amount
                counts[engagement.id] += count
        for engagement in self:
            spend = totals[engagement._origin.id]
            engagement.fee_scheduled = spend["draft"]
            engagement.fee_committed = spend["to_approve"] + spend["approved"]
            engagement.fee_paid = spend["paid"]
            engagement.fee_budget_remaining = (
                engagement.fee_budget - engagement.fee_committed - engagement.fee_paid
            )
            engagement.payment_count = counts[engagement._origin.id]

    def _vc_panel_required(self):
        """000/R-VC-20: a firm chosen off the panel with a justification in the
        request's selection is held to every eligibility condition but the panel
        one of 000/R-VC-21."""
        self.ensure_one()
        justified = self.request_id.selection_ids.candidate_ids.filtered(
            lambda c: c.firm_id == self.firm_id and (c.off_panel_reason or "").strip()
        )
        return not justified

    def _vc_fixed_fee(self):
        """``{engagement id: fixed fee}`` of the fixed-fee engagements among these
        (000/R-VC-05/07: the first-payment limits apply to a fixed fee)."""
        return {
            engagement._origin.id or engagement.id: engagement.fee_amount
            for engagement in self
            if engagement.fee_amount and engagement.fee_type == "fixed"
        }

    def action_view_payments(self):
        """The payment schedule of the engagement (smart button)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_payment_action"
        )
        action["domain"] = [("engagement_id", "=", self.id)]
        action["context"] = {
            "default_engagement_id": self.id,
            "search_default_group_by_engagement": 0,
        }
        return action

    # --- vc_evaluations
    evaluation_ids = fields.One2many("vc.evaluation", "engagement_id")
    evaluation_count = fields.Integer(compute="_compute_evaluation_count")

    def _compute_evaluation_count(self):
        counts = dict(
            self.env["vc.evaluation"]._read_group(
                [("engagement_id", "in", self.filtered("id").ids)],
                ["engagement_id"],
                ["__count"],
            )
        )
        for engagement in self:
            engagement.evaluation_count = counts.get(engagement, 0)

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_evaluation_action"
        )
        action["domain"] = [("engagement_id", "=", self.id)]
        action["context"] = {
            "default_engagement_id": self.id,
            "default_firm_id": self.firm_id.id,
        }
        return action
