from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from .qt_reward_penalty_rule import KINDS, PERS, ROLES


class QtRewardPenalty(models.Model):
    """A reward or penalty of a person (004/QT-5, 004/W8): draft → confirmed by the
    quality manager, or cancel. The amount per occurrence / item lies inside the
    applied rule's range (004/R1-3, 004/R9-*)."""

    _name = "qt.reward.penalty"
    _description = "Reward / Penalty"
    _inherit = ["mail.thread", "mail.activity.mixin", "qt.state.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    user_id = fields.Many2one(
        "res.users", string="Person", required=True, index=True, tracking=True
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
    )
    role_in_case = fields.Selection(
        ROLES, required=True, default="responsible", tracking=True
    )
    kind = fields.Selection(
        KINDS,
        required=True,
        compute="_compute_from_rule",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
    )
    rule_id = fields.Many2one(
        "qt.reward.penalty.rule",
        tracking=True,
        index=True,
        check_company=True,
        domain="[('company_id', 'in', [False, company_id])]",
    )
    per = fields.Selection(
        PERS,
        compute="_compute_from_rule",
        store=True,
        readonly=False,
        precompute=True,
    )
    quantity = fields.Integer(
        default=1, help="The number of occurrences or items the amount applies to."
    )
    unit_amount = fields.Monetary(
        string="Amount per Occurrence / Item",
        compute="_compute_from_rule",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    amount = fields.Monetary(
        string="Total Amount", compute="_compute_amount", store=True, tracking=True
    )
    points = fields.Integer(tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    description = fields.Text(string="Reason")
    source_ref = fields.Reference(
        selection="_selection_source_ref", string="Source Document", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_confirmed = fields.Date(string="Confirmed On", readonly=True, copy=False)
    can_confirm = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _quantity_positive = models.Constraint(
        "CHECK (quantity >= 1)", "The number of occurrences or items is at least 1."
    )
    _unit_amount_positive = models.Constraint(
        "CHECK (unit_amount IS NULL OR unit_amount >= 0)",
        "An amount cannot be negative.",
    )

    @api.model
    def _selection_source_ref(self):
        names = self._source_models()
        models_ = self.env["ir.model"].sudo().search([("model", "in", names)])
        return [(m.model, m.name) for m in models_]

    @api.model
    def _source_models(self):
        """Hook: the records a reward or penalty may come from."""
        return [
            "qt.spot.check",
            "qt.ranking",
            "qt.supervision.order",
            "qt.issue",
            "cr.request",
        ]

    @api.depends("user_id")
    def _compute_department_id(self):
        for record in self:
            department = record.user_id.employee_id.department_id
            if department:
                record.department_id = department

    @api.depends("rule_id")
    def _compute_from_rule(self):
        for record in self:
            rule = record.rule_id
            if not rule:
                record.kind = record.kind or "penalty"
                record.per = record.per or "occurrence"
                continue
            record.kind = rule.kind
            record.per = rule.per
            if rule.check_amount:
                record.unit_amount = rule.amount_min
            if rule.points and not record.points:
                record.points = rule.points

    @api.depends("unit_amount", "quantity")
    def _compute_amount(self):
        for record in self:
            record.amount = record.unit_amount * record.quantity

    @api.depends("state")
    def _compute_can(self):
        is_manager = self.env.user.has_group(
            "quality_tracking.group_quality_tracking_manager"
        )
        for record in self:
            record.can_confirm = record.state == "draft" and is_manager
            record.can_cancel = record.state in ("draft", "confirmed") and is_manager

    @api.constrains("rule_id", "kind", "role_in_case", "unit_amount")
    def _check_rule(self):
        """004/R1-3, 004/R9-*: the rule's kind, role and amount range hold."""
        for record in self:
            rule = record.rule_id
            if not rule:
                continue
            if record.kind != rule.kind:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s is a %(kind)s rule.",
                        rule=rule.display_name,
                        kind=dict(KINDS)[rule.kind].lower(),
                    )
                )
            if rule.role and record.role_in_case != rule.role:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s applies to the %(role)s.",
                        rule=rule.display_name,
                        role=dict(ROLES)[rule.role].lower(),
                    )
                )
            if rule.check_amount and (
                float_compare(record.unit_amount, rule.amount_min, 2) < 0
                or float_compare(record.unit_amount, rule.amount_max, 2) > 0
            ):
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s sets %(min).2f to %(max).2f CNY per "
                        "occurrence or item; %(amount).2f was given.",
                        rule=rule.display_name,
                        min=rule.amount_min,
                        max=rule.amount_max,
                        amount=record.unit_amount,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("qt.reward.penalty") or "/"
        return super().create(vals_list)

    # --- state machine

    def _check_manager(self):
        if not self.env.user.has_group(
            "quality_tracking.group_quality_tracking_manager"
        ):
            raise AccessError(
                self.env._(
                    "Only the quality manager confirms or cancels rewards and "
                    "penalties (004/W8)."
                )
            )

    def action_confirm(self):
        """004/W8: the quality manager confirms the reward or penalty."""
        self._check_state(("draft",), self.env._("Confirming"))
        self._check_manager()
        for record in self:
            if record.user_id == self.env.user:
                raise UserError(
                    self.env._(
                        "%(record)s concerns you: another manager confirms it.",
                        record=record.name,
                    )
                )
            if not record.amount and not record.points:
                raise UserError(
                    self.env._(
                        "Give %(record)s an amount or points before confirming it.",
                        record=record.name,
                    )
                )
        self.write(
            {
                "state": "confirmed",
                "confirmed_by_id": self.env.user.id,
                "date_confirmed": fields.Date.context_today(self),
            }
        )
        return True

    def action_cancel(self):
        self._check_state(("draft", "confirmed"), self.env._("Cancelling"))
        self._check_manager()
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("cancel",), self.env._("Resetting to draft"))
        self._check_manager()
        self.write({"state": "draft"})
        return True
