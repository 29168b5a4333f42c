from odoo import api, fields, models
from odoo.exceptions import UserError


class VcCoiConsultation(models.Model):
    """利益冲突咨询: a declarant unsure whether a situation is a conflict consults
    internal audit, which presents it to the audit committee (002 W4)."""

    _name = "vc.coi.consultation"
    _description = "Conflict of Interest Consultation"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    declarant_id = fields.Many2one(
        "vc.coi.declarant", required=True, index=True, tracking=True
    )
    user_id = fields.Many2one(related="declarant_id.user_id", store=True)
    company_id = fields.Many2one(related="declarant_id.company_id", store=True)
    situation = fields.Text(
        required=True,
        help="All the circumstances of the uncertain situation (002 W4).",
    )
    date_consulted = fields.Date(string="Consulted Internal Audit On", readonly=True)
    date_presented = fields.Date(
        string="Presented to the Audit Committee On", tracking=True
    )
    outcome = fields.Selection(
        [("no_conflict", "No Conflict"), ("conflict", "Conflict: Declare It")],
        tracking=True,
        readonly=True,
    )
    outcome_note = fields.Text(string="Answer")
    declaration_id = fields.Many2one(
        "vc.coi.declaration", string="Resulting Declaration", readonly=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "With Internal Audit"),
            ("answered", "Answered"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    can_submit = fields.Boolean(compute="_compute_can")
    can_answer = fields.Boolean(compute="_compute_can")

    @api.depends("state", "declarant_id.user_id")
    @api.depends_context("uid")
    def _compute_can(self):
        officer = self.env["vc.coi.declaration"]._vc_is_coi_officer()
        for consultation in self:
            consultation.can_submit = (
                consultation.state == "draft"
                and consultation.declarant_id.user_id == self.env.user
            )
            consultation.can_answer = officer and consultation.state == "submitted"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("vc.coi.consultation") or "/"
                )
        return super().create(vals_list)

    def action_submit(self):
        """The declarant consults internal audit (their own duty, 002 W4)."""
        self._check_state(["draft"], self.env._("Consulting"))
        if any(not consultation.can_submit for consultation in self):
            raise UserError(self.env._("Only the declarant may submit a consultation."))
        self.write(
            {"state": "submitted", "date_consulted": fields.Date.context_today(self)}
        )
        return True

    def _vc_check_answer(self):
        self._check_state(["submitted"], self.env._("Answering"))
        for consultation in self:
            if not consultation.can_answer:
                raise UserError(
                    self.env._(
                        "Only internal audit, the compliance officer or the audit "
                        "committee answers a consultation."
                    )
                )
            if not consultation.outcome_note:
                self._raise_missing(consultation, self.env._("write the answer."))

    def action_no_conflict(self):
        self._vc_check_answer()
        self.write({"state": "answered", "outcome": "no_conflict"})
        return True

    def action_conflict(self):
        """A conflict: the declarant declares it as a new conflict, known today
        (002/R3 clock), prefilled with the consultation's circumstances."""
        self._vc_check_answer()
        today = fields.Date.context_today(self)
        for consultation in self:
            declaration = self.env["vc.coi.declaration"].create(
                {
                    "declarant_id": consultation.declarant_id.id,
                    "company_id": consultation.company_id.id,
                    "kind": "event",
                    "date_known": today,
                }
            )
            declaration.message_post(
                body=self.env._(
                    "Declared after consultation %(ref)s: %(situation)s",
                    ref=consultation.name,
                    situation=consultation.situation,
                )
            )
            if consultation.declarant_id.user_id:
                declaration.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=consultation.declarant_id.user_id.id,
                    summary=self.env._("Declare the conflict found by consultation"),
                )
            consultation.write(
                {
                    "state": "answered",
                    "outcome": "conflict",
                    "declaration_id": declaration.id,
                }
            )
        return True

    def action_cancel(self):
        self._check_state(["draft"], self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True
