from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CRITERIA = ("materials_result", "quality_result", "inspection_result")
ADEQUACY = [("met", "Met"), ("not_met", "Not Met")]


class QtContractReview(models.Model):
    """The department head's review of a matter's contract (合同评审).

    000/R-QT-05: the engagement contract must be reviewed by the department head
    before signing. 001/QT-2, R-01: the review checks that materials, quality
    requirements and inspection standards can be met; only an approved review lets
    the contract be signed. The approval goes through base_tier_validation: the
    default tier definition (data) asks the review's reviewer, the department head.
    """

    _name = "qt.contract.review"
    _description = "Contract Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "tier.validation"]
    _order = "id desc"
    _check_company_auto = True

    _state_field = "state"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    matter_id = fields.Many2one(
        "qt.matter",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        related="matter_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(related="matter_id.partner_id", string="Client")
    department_id = fields.Many2one(
        related="matter_id.department_id", store=True, index=True
    )
    user_id = fields.Many2one(related="matter_id.user_id", string="Handler")
    reviewer_id = fields.Many2one(
        "res.users",
        compute="_compute_reviewer_id",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        help="The department head who reviews the contract (000/R-QT-05); by "
        "default the matter's department head.",
    )
    reviewing_body = fields.Selection(
        [("department", "Business Department"), ("technical", "Technical Quality")],
        default="department",
        required=True,
    )
    date = fields.Date(
        string="Review Date", default=fields.Date.context_today, required=True
    )
    materials_result = fields.Selection(
        ADEQUACY, string="Materials Adequacy", tracking=True
    )
    quality_result = fields.Selection(
        ADEQUACY, string="Quality Requirements Adequacy", tracking=True
    )
    inspection_result = fields.Selection(
        ADEQUACY, string="Inspection Standards Adequacy", tracking=True
    )
    notes = fields.Text(help="The review's observations; the reason of a rejection.")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "qt_contract_review_attachment_rel",
        "review_id",
        "attachment_id",
        string="Contract Documents",
    )
    state = fields.Selection(
        [("draft", "To Review"), ("approved", "Approved"), ("rejected", "Rejected")],
        string="Result",
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_approved = fields.Date(string="Approved On", readonly=True, copy=False)
    can_approve = fields.Boolean(compute="_compute_can_decide")
    can_reject = fields.Boolean(compute="_compute_can_decide")

    @api.depends("matter_id")
    def _compute_reviewer_id(self):
        for review in self:
            if review.matter_id.department_head_id:
                review.reviewer_id = review.matter_id.department_head_id

    @api.depends_context("uid")
    @api.depends("state", "reviewer_id")
    def _compute_can_decide(self):
        for review in self:
            decides = review.state == "draft" and review.reviewer_id == self.env.user
            review.can_approve = decides
            review.can_reject = decides

    @api.constrains("reviewer_id")
    def _check_reviewer_is_head(self):
        """000/R-QT-05: the reviewer is a department head."""
        for review in self:
            if not review.reviewer_id.has_group(
                "quality_tracking.group_quality_tracking_department_head"
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot review the contract of %(matter)s: the "
                        "contract review is the department head's (000/R-QT-05).",
                        user=review.reviewer_id.name,
                        matter=review.matter_id.display_name,
                    )
                )

    @api.constrains("state", *CRITERIA)
    def _check_approved_criteria(self):
        """001/R-01: an approved review has every criterion met."""
        for review in self.filtered(lambda r: r.state == "approved"):
            if any(review[name] != "met" for name in CRITERIA):
                raise ValidationError(
                    self.env._(
                        "%(review)s cannot be approved: materials, quality "
                        "requirements and inspection standards must all be met "
                        "(001/R-01).",
                        review=review.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("qt.contract.review") or "/"
                )
        reviews = super().create(vals_list)
        wrong = reviews.matter_id.filtered(lambda m: m.state != "review")
        if wrong:
            raise UserError(
                self.env._(
                    "A contract review is made while the matter is in contract "
                    "review; %(matters)s is not.",
                    matters=", ".join(wrong.mapped("display_name")),
                )
            )
        return reviews

    def _check_draft(self, action):
        wrong = self.filtered(lambda r: r.state != "draft")
        if wrong:
            raise UserError(
                self.env._(
                    "%(action)s: %(reviews)s is already decided.",
                    action=action,
                    reviews=", ".join(wrong.mapped("display_name")),
                )
            )

    def _check_decider(self):
        wrong = self.filtered(lambda r: r.reviewer_id != self.env.user)
        if wrong:
            raise UserError(
                self.env._(
                    "Only the reviewing department head decides %(reviews)s "
                    "(000/R-QT-05).",
                    reviews=", ".join(wrong.mapped("display_name")),
                )
            )

    def action_approve(self):
        """The department head approves: every criterion met (001/R-01). The tier
        review of the head is validated on the way (base_tier_validation)."""
        self._check_draft(self.env._("Approving"))
        self._check_decider()
        for review in self:
            missing = [
                review._fields[name]._description_string(self.env)
                for name in CRITERIA
                if review[name] != "met"
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(review)s cannot be approved: not met or not assessed: "
                        "%(missing)s (001/R-01). Reject it instead.",
                        review=review.display_name,
                        missing=", ".join(missing),
                    )
                )
            if review.review_ids and review.can_review:
                review.validate_tier()
        self.write(
            {"state": "approved", "date_approved": fields.Date.context_today(self)}
        )
        return True

    def action_reject(self):
        """The department head rejects the contract: it cannot be signed as is."""
        self._check_draft(self.env._("Rejecting"))
        self._check_decider()
        no_reason = self.filtered(lambda r: not r.notes)
        if no_reason:
            raise UserError(
                self.env._(
                    "Give the reason of the rejection in the notes of %(reviews)s.",
                    reviews=", ".join(no_reason.mapped("display_name")),
                )
            )
        for review in self:
            if review.review_ids and review.can_review:
                review.reject_tier()
        self.with_context(skip_validation_check=True).write({"state": "rejected"})
        return True
