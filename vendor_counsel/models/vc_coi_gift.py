from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class VcCoiGift(models.Model):
    """礼金: a gift offered to a declarant or a related person, and what became of it
    (002/R9, W5)."""

    _name = "vc.coi.gift"
    _description = "Gift Received"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    declarant_id = fields.Many2one(
        "vc.coi.declarant", required=True, index=True, tracking=True
    )
    related_person_id = fields.Many2one(
        "vc.coi.related.person",
        string="Received by Related Person",
        domain="[('declarant_id', '=', declarant_id)]",
    )
    user_id = fields.Many2one(related="declarant_id.user_id", store=True)
    company_id = fields.Many2one(related="declarant_id.company_id", store=True)
    giver_name = fields.Char(string="Giver", required=True, index="trigram")
    giver_id = fields.Many2one("res.partner", string="Giver Partner")
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Text(required=True)
    is_cash = fields.Boolean(
        string="Cash or Cash Equivalent",
        tracking=True,
        help="002/R9: cash or cash-equivalent gifts may never be kept, whatever the "
        "amount: refuse them or hand them to the HR office.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    value = fields.Monetary(string="Estimated Value", tracking=True)
    influence = fields.Selection(
        [
            ("may_influence", "Could Influence Decisions"),
            ("no_influence", "Does Not Influence Decisions"),
        ],
        string="Judgement",
        tracking=True,
        help="002/R9: a gift that could influence business decisions or independent "
        "judgement must be refused.",
    )
    disposition = fields.Selection(
        [
            ("refused", "Refused"),
            ("handed_to_hr", "Handed to the HR Office"),
            ("returned", "Returned"),
            ("kept", "Kept"),
        ],
        tracking=True,
    )
    hr_receiver_id = fields.Many2one(
        "res.users", string="Received by (HR Office)", tracking=True
    )
    hr_received_on = fields.Datetime(string="HR Receipt On", readonly=True)
    hr_confirmed_by_id = fields.Many2one(
        "res.users", string="Receipt Recorded By", readonly=True
    )
    state = fields.Selection(
        [("recorded", "Recorded"), ("closed", "Closed")],
        default="recorded",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    can_confirm_hr = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")

    @api.depends("giver_name", "date")
    def _compute_name(self):
        for gift in self:
            gift.name = f"{gift.giver_name or ''} {gift.date or ''}".strip()

    @api.depends("state", "disposition", "hr_received_on")
    @api.depends_context("uid")
    def _compute_can(self):
        officer = self.env["vc.coi.declaration"]._vc_is_coi_officer()
        for gift in self:
            gift.can_confirm_hr = (
                officer
                and gift.state == "recorded"
                and gift.disposition == "handed_to_hr"
                and not gift.hr_received_on
            )
            gift.can_close = gift.state == "recorded" and bool(gift.disposition)

    @api.constrains("is_cash", "disposition", "influence")
    def _check_disposition(self):
        for gift in self:
            if gift.disposition != "kept":
                continue
            if gift.is_cash:
                raise ValidationError(
                    self.env._(
                        "A cash or cash-equivalent gift can never be kept, whatever "
                        "its amount: refuse it or hand it to the HR office (002/R9)."
                    )
                )
            if gift.influence != "no_influence":
                raise ValidationError(
                    self.env._(
                        "A gift may be kept only when it does not influence business "
                        "decisions or independent judgement (002/R9)."
                    )
                )

    @api.constrains("value")
    def _check_value(self):
        for gift in self:
            if gift.value < 0:
                raise ValidationError(self.env._("A gift's value cannot be negative."))

    def action_confirm_hr_receipt(self):
        """The HR office received the gift: the compliance officer records who
        received it and when (declarations and gifts stay confidential to HR)."""
        self._check_state(["recorded"], self.env._("Recording the HR receipt"))
        for gift in self:
            if not gift.can_confirm_hr:
                raise UserError(
                    self.env._(
                        "Only the compliance officer records the HR office's receipt "
                        "of a gift handed to it, once."
                    )
                )
            if not gift.hr_receiver_id:
                self._raise_missing(
                    gift, self.env._("say who in the HR office received it.")
                )
        self.write(
            {
                "hr_received_on": fields.Datetime.now(),
                "hr_confirmed_by_id": self.env.user.id,
            }
        )
        return True

    def action_close(self):
        self._check_state(["recorded"], self.env._("Closing"))
        for gift in self:
            if not gift.disposition:
                self._raise_missing(gift, self.env._("say what became of the gift."))
            if gift.disposition == "handed_to_hr" and not gift.hr_received_on:
                self._raise_missing(
                    gift, self.env._("the HR office has not confirmed its receipt.")
                )
        self.write({"state": "closed"})
        return True
