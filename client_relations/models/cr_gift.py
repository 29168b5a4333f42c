import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Cash and cash equivalents are never offered, whatever the amount (PRODUCT.md
# section 9: the 客情费 cash practice of 000 D5 is replaced by this register)
CASH_WORDS = (
    "现金",
    "红包",
    "礼金",
    "购物卡",
    "礼品卡",
    "预付卡",
    "储值卡",
    "充值卡",
    "代金券",
    "消费券",
    "提货券",
    "有价证券",
    "cash",
    "prepaid card",
    "gift card",
    "shopping card",
    "voucher",
    "red envelope",
)
# what the approval was given for: changed only on a draft
PROTECTED_FIELDS = {
    "partner_id",
    "recipient_id",
    "kind",
    "description",
    "is_cash_equivalent",
    "value",
    "date",
    "budget_id",
    "company_id",
}
CASH_RE = re.compile("|".join(re.escape(w) for w in CASH_WORDS), re.IGNORECASE)


class CrGift(models.Model):
    """A gift or hospitality the company offers to a client's staff: the register
    that replaces the 客情费 practice (PRODUCT.md section 9; 000/E-CR-14
    《赠送礼品预算申请表》; 002/E35). Never cash; within a yearly budget; approved
    by a supervisor above the company's amount (base_tier_validation); checked
    against conflict-of-interest declarations when vendor_counsel is installed."""

    _name = "cr.gift"
    _description = "Gift and Hospitality"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "business.state.mixin",
    ]
    _order = "date desc, id desc"

    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        domain=[("cr_is_client", "=", True)],
        tracking=True,
        index=True,
    )
    recipient_id = fields.Many2one(
        "res.partner",
        required=True,
        domain="[('parent_id', '=', partner_id)]",
        tracking=True,
        help="The client's staff member who receives the gift or hospitality.",
    )
    kind = fields.Selection(
        [
            ("gift", "Gift"),
            ("meal", "Meal"),
            ("event", "Event"),
            ("travel", "Travel"),
            ("other", "Other"),
        ],
        required=True,
        default="gift",
        tracking=True,
    )
    description = fields.Char(required=True, tracking=True)
    is_cash_equivalent = fields.Boolean(
        string="Cash or Cash Equivalent",
        help="Cash, red envelopes, prepaid or shopping cards, vouchers: never offered, "
        "whatever the amount.",
    )
    value = fields.Monetary(required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    occasion = fields.Char(help="Why: the festival, visit or event.")
    justification = fields.Text(
        string="Why Necessary", help="002/E35: the reason the gift is necessary."
    )
    budget_id = fields.Many2one(
        "cr.gift.budget",
        string="Budget Line",
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    campaign_id = fields.Many2one(
        "cr.survey.campaign",
        string="Survey Campaign",
        help="000/R-CR-20: the New-Year greeting this gift goes with.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Applicant",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        tracking=True,
        index=True,
        default=lambda self: self.env.user.employee_ids[:1].department_id,
    )
    owner_id = fields.Many2one(
        related="partner_id.cr_owner_id",
        store=True,
        string="Account Owner",
        index=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    rejection_reason = fields.Text(tracking=True)
    date_submitted = fields.Date(readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False)
    needs_approval = fields.Boolean(
        compute="_compute_needs_approval",
        store=True,
        help="Above the company's approval amount, or a possible conflict of "
        "interest: a supervisor approves.",
    )
    coi_state = fields.Selection(
        [
            ("not_checked", "Not Checked"),
            ("unavailable", "No Conflict Register"),
            ("clear", "Clear"),
            ("hit", "Possible Conflict"),
        ],
        string="Conflict Check",
        default="not_checked",
        readonly=True,
        copy=False,
        tracking=True,
    )
    coi_hits = fields.Text(string="Conflict Matches", readonly=True, copy=False)
    can_submit = fields.Boolean(compute="_compute_can")
    can_approve = fields.Boolean(compute="_compute_can")
    can_reject = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    _value_positive = models.Constraint(
        "CHECK (value > 0)", "A gift or hospitality has a value above zero."
    )

    @api.depends("value", "company_id.cr_gift_approval_amount", "coi_state")
    def _compute_needs_approval(self):
        for gift in self:
            gift.needs_approval = (
                gift.value > gift.company_id.cr_gift_approval_amount
                or gift.coi_state == "hit"
            )

    @api.depends_context("uid")
    @api.depends("state", "user_id", "validation_status")
    def _compute_can(self):
        is_supervisor = self.env.user.has_group(
            "client_relations.group_client_relations_supervisor"
        )
        for gift in self:
            state = gift.state
            mine = gift.user_id == self.env.user
            gift.can_submit = state == "draft" and (mine or is_supervisor)
            gift.can_approve = (
                state == "submitted"
                and is_supervisor
                and gift.validation_status in ("validated", "no")
            )
            gift.can_reject = state == "submitted" and is_supervisor
            gift.can_cancel = state in ("draft", "submitted") and (
                mine or is_supervisor
            )
            gift.can_reset = state in ("rejected", "cancel") and (mine or is_supervisor)

    @api.constrains("is_cash_equivalent", "description", "kind", "occasion")
    def _check_no_cash(self):
        for gift in self:
            found = CASH_RE.search(
                " ".join(filter(None, [gift.description, gift.occasion]))
            )
            if gift.is_cash_equivalent or found:
                raise ValidationError(
                    self.env._(
                        "No cash, ever: cash and cash equivalents (red envelopes, "
                        "prepaid or shopping cards, vouchers) are never offered to a "
                        "client's staff, whatever the amount (%(what)s).",
                        what=found.group(0) if found else gift.description,
                    )
                )

    @api.constrains("partner_id", "recipient_id")
    def _check_recipient(self):
        for gift in self:
            if gift.recipient_id.commercial_partner_id != (
                gift.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The recipient %(recipient)s is not a contact of the client "
                        "%(client)s.",
                        recipient=gift.recipient_id.display_name,
                        client=gift.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("cr.gift") or "/"
        return super().create(vals_list)

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "rejection_reason",
            "coi_state",
            "coi_hits",
            "needs_approval",
        ]

    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + [
            "state",
            "date_approved",
            "coi_state",
            "coi_hits",
        ]

    def write(self, vals):
        if PROTECTED_FIELDS & set(vals) and any(g.state != "draft" for g in self):
            raise UserError(
                self.env._(
                    "Only a draft gift or hospitality can be changed: reset it to "
                    "draft first."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------ checks

    def _check_budget(self):
        """The gift fits its budget line: same year, department and client, and the
        remaining amount covers it."""
        for gift in self:
            budget = gift.budget_id
            if not budget:
                raise UserError(
                    self.env._(
                        "%(gift)s: choose the budget line it is paid from.",
                        gift=gift.display_name,
                    )
                )
            if budget.year != gift.date.year or (
                budget.partner_id and budget.partner_id != gift.partner_id
            ):
                raise UserError(
                    self.env._(
                        "%(gift)s: the budget %(budget)s is not for this year or "
                        "client.",
                        gift=gift.display_name,
                        budget=budget.display_name,
                    )
                )
            budget = budget.sudo()
            if gift.value > budget.remaining:
                raise UserError(
                    self.env._(
                        "%(gift)s exceeds its budget %(budget)s: %(remaining).2f "
                        "left, %(value).2f asked.",
                        gift=gift.display_name,
                        budget=budget.display_name,
                        remaining=budget.remaining,
                        value=gift.value,
                    )
                )

    def _cr_check_conflicts(self):
        """When vendor_counsel is installed, match the recipient's and the client's
        names against the conflict-of-interest declarations (no hard dependency)."""
        if "vc.coi.check" not in self.env:
            self.write({"coi_state": "unavailable", "coi_hits": False})
            return
        Check = self.env["vc.coi.check"].sudo()
        # _vc_check_names reads the pg_trgm.similarity_threshold setting first; it
        # exists only once pg_trgm's library is loaded in this database session
        self.env.cr.execute("SELECT similarity('', '')")
        for gift in self:
            names = [
                {"name": gift.recipient_id.name, "partner_id": gift.recipient_id.id},
                {"name": gift.partner_id.name, "partner_id": gift.partner_id.id},
            ]
            results = Check._vc_check_names(names, gift.company_id)
            hits = [
                f"{item['name']} ~ {match['matched_name']} "
                f"({match['source_kind']}, {match['similarity']:.2f})"
                for item, matches in zip(names, results, strict=True)
                for match in matches
                if match.get("is_conflict")
            ]
            gift.write(
                {
                    "coi_state": "hit" if hits else "clear",
                    "coi_hits": "\n".join(hits) or False,
                }
            )

    # ------------------------------------------------------------------ actions

    def action_submit(self):
        """Submit for approval: within budget, conflicts checked; at or below the
        company's amount and without a conflict, approved at once."""
        self._check_state(("draft",), self.env._("Submitting"))
        self._check_budget()
        self._cr_check_conflicts()
        self.write(
            {"state": "submitted", "date_submitted": fields.Date.context_today(self)}
        )
        self.flush_recordset()
        to_review = self.filtered("needs_approval")
        if to_review:
            to_review.request_validation()
        auto = self - to_review
        if auto:
            auto.write(
                {"state": "approved", "date_approved": fields.Date.context_today(self)}
            )
            auto.message_post(
                body=self.env._(
                    "Approved on submission: at or below the approval amount."
                )
            )
        return True

    def action_approve(self):
        """The supervisor approves once the tier reviews are validated; a possible
        conflict of interest blocks the approval."""
        self._check_state(("submitted",), self.env._("Approving"))
        if not self.env.user.has_group(
            "client_relations.group_client_relations_supervisor"
        ):
            raise UserError(self.env._("A supervisor approves gifts and hospitality."))
        hit = self.filtered(lambda g: g.coi_state == "hit")
        if hit:
            raise UserError(
                self.env._(
                    "%(gifts)s: possible conflict of interest with a declaration "
                    "(%(hits)s); compliance must clear it first.",
                    gifts=", ".join(hit.mapped("display_name")),
                    hits=hit[0].coi_hits,
                )
            )
        self.invalidate_recordset(["review_ids", "need_validation"])
        self.write(
            {"state": "approved", "date_approved": fields.Date.context_today(self)}
        )
        return True

    def action_reject(self):
        self._check_state(("submitted",), self.env._("Rejecting"))
        if not self.env.user.has_group(
            "client_relations.group_client_relations_supervisor"
        ):
            raise UserError(self.env._("A supervisor rejects gifts and hospitality."))
        for gift in self:
            if not (gift.rejection_reason or "").strip():
                raise UserError(
                    self.env._(
                        "%(gift)s: give the rejection reason.", gift=gift.display_name
                    )
                )
        self.with_context(skip_validation_check=True).write({"state": "rejected"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "submitted"), self.env._("Cancelling"))
        self.with_context(skip_validation_check=True).write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("rejected", "cancel"), self.env._("Resetting to draft"))
        self.review_ids.sudo().unlink()
        self.write({"state": "draft", "coi_state": "not_checked", "coi_hits": False})
        return True

    def action_recheck_conflicts(self):
        self._check_state(("draft", "submitted"), self.env._("Checking conflicts"))
        self._cr_check_conflicts()
        return True
