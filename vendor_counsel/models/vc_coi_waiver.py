import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)


class VcCoiWaiver(models.Model):
    """A waiver of a possible conflict found by the conflict check: the audit
    committee accepts the conflict for a scope, on conditions, for a period
    (002/W8 [INFERRED]; F1 Part II "accept"). Approved through base_tier_validation
    (default tier: the audit committee). An expired waiver blocks again."""

    _name = "vc.coi.waiver"
    _description = "Conflict Waiver"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "business.state.mixin",
    ]
    _order = "id desc"

    _state_field = "state"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    res_model = fields.Char(string="Subject Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Subject Record", model_field="res_model", required=True, index=True
    )
    subject_ref = fields.Reference(
        [("vc.request", "Outside Counsel Request"), ("vc.engagement", "Engagement")],
        string="Subject",
        compute="_compute_subject_ref",
    )
    subject_name = fields.Char(string="Waived For", readonly=True)
    check_id = fields.Many2one("vc.coi.check", string="Conflict Check", readonly=True)
    scope = fields.Text(
        required=True,
        tracking=True,
        help="What the waiver covers: the conflict accepted and the work it allows.",
    )
    conditions = fields.Text(
        tracking=True, help="Conditions attached, e.g. recusal of the declarant."
    )
    approver_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True
    )
    date_approved = fields.Date(string="Approved On", readonly=True, copy=False)
    valid_from = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    valid_until = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("expired", "Expired"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    is_valid = fields.Boolean(
        string="Valid Today",
        compute="_compute_is_valid",
        help="Approved and today within its validity period.",
    )
    can_approve = fields.Boolean(compute="_compute_can_approve")

    @api.depends("res_model", "res_id")
    def _compute_subject_ref(self):
        for waiver in self:
            waiver.subject_ref = (
                f"{waiver.res_model},{waiver.res_id}"
                if waiver.res_model in ("vc.request", "vc.engagement") and waiver.res_id
                else False
            )

    @api.depends("state", "valid_from", "valid_until")
    @api.depends_context("date")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for waiver in self:
            waiver.is_valid = waiver._vc_is_valid_on(today)

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_approve(self):
        decider = self._vc_is_decider()
        for waiver in self:
            waiver.can_approve = waiver.state == "draft" and decider

    def _vc_is_valid_on(self, on_date):
        self.ensure_one()
        return (
            self.state == "approved"
            and self.valid_from <= on_date
            and on_date <= self.valid_until
        )

    def _vc_is_decider(self):
        return self.env.user.has_group("vendor_counsel.group_vendor_counsel_committee")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("vc.coi.waiver") or "/"
                )
        return super().create(vals_list)

    def _vc_subject(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id).exists()

    def action_approve(self):
        """The audit committee approves: the tier review is validated on the way;
        the subject is waived."""
        self._check_state(["draft"], self.env._("Approving a waiver"))
        if not self._vc_is_decider():
            raise UserError(self.env._("Only the audit committee approves waivers."))
        for waiver in self:
            if not waiver.review_ids:
                waiver.request_validation()
            if waiver.review_ids and waiver.can_review:
                waiver.validate_tier()
        self.write(
            {
                "state": "approved",
                "approver_id": self.env.uid,
                "date_approved": fields.Date.context_today(self),
            }
        )
        for waiver in self:
            subject = waiver._vc_subject()
            if subject:
                subject._vc_coi_apply_waiver(waiver)
        return True

    def action_reject(self):
        self._check_state(["draft"], self.env._("Rejecting a waiver"))
        if not self._vc_is_decider():
            raise UserError(self.env._("Only the audit committee rejects waivers."))
        for waiver in self:
            if waiver.review_ids and waiver.can_review:
                waiver.reject_tier()
        self.with_context(skip_validation_check=True).write({"state": "rejected"})
        return True

    def action_cancel(self):
        self._check_state(["draft", "approved"], self.env._("Cancelling a waiver"))
        approved = self.filtered(lambda w: w.state == "approved")
        self.with_context(skip_validation_check=True).write({"state": "cancel"})
        approved._vc_reblock()
        return True

    def _vc_reblock(self):
        """Subjects waived by these waivers are blocked again, with a note."""
        for waiver in self:
            subject = waiver._vc_subject()
            if subject and subject.coi_waiver_id == waiver:
                subject._vc_coi_reblock(waiver)

    @api.constrains("valid_from", "valid_until")
    def _check_dates(self):
        for waiver in self:
            if waiver.valid_until < waiver.valid_from:
                raise ValidationError(
                    self.env._("A waiver cannot end before it starts.")
                )

    @api.constrains("res_model")
    def _check_res_model(self):
        for waiver in self:
            if waiver.res_model not in ("vc.request", "vc.engagement"):
                raise ValidationError(
                    self.env._("A waiver is given for a request or an engagement.")
                )

    @api.model
    def _cron_expire(self):
        """Daily: approved waivers past their end expire and their subjects are
        blocked again, notified on their chatter. Idempotent (only approved
        waivers move); one bad record is logged and skipped."""
        today = fields.Date.context_today(self)
        expired = self.search([("state", "=", "approved"), ("valid_until", "<", today)])
        for waiver in expired:
            try:
                with self.env.cr.savepoint():
                    waiver.with_context(skip_validation_check=True).write(
                        {"state": "expired"}
                    )
                    waiver._vc_reblock()
            except Exception:
                _logger.exception("Conflict waiver %s could not expire", waiver.id)
        return expired
