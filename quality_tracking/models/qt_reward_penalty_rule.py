from odoo import fields, models

KINDS = [("reward", "Reward"), ("penalty", "Penalty")]
ROLES = [
    ("responsible", "Responsible Person"),
    ("dispatch_supervisor", "Dispatch Supervisor"),
    ("responsible_supervisor", "Responsible Supervisor"),
    ("unit_head", "Unit Head"),
    ("other", "Other"),
]
PERS = [("occurrence", "Per Occurrence"), ("item", "Per Item")]


class QtRewardPenaltyRule(models.Model):
    """A reward / penalty rule of the service-quality rules (004/QT-5): the amounts
    of seed 004 D1 §七 (30–100 CNY per occurrence) and D9 (fixed amounts per
    occurrence or per item) are data; D3 appendix 2 (truncated) gives none."""

    _name = "qt.reward.penalty.rule"
    _description = "Reward / Penalty Rule"
    _order = "sequence, code, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="The rule ID of the regulation.")
    source = fields.Char(help="Where the regulation states the rule.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    kind = fields.Selection(KINDS, required=True, default="penalty")
    role = fields.Selection(
        ROLES,
        string="Role in Case",
        help="The role the rule applies to; empty: any role.",
    )
    per = fields.Selection(PERS, required=True, default="occurrence")
    check_amount = fields.Boolean(
        string="Amount Range Enforced",
        default=True,
        help="The amount per occurrence or item must lie between the minimum and "
        "the maximum (equal for a fixed amount).",
    )
    amount_min = fields.Float(string="Minimum Amount (CNY)", digits=(16, 2))
    amount_max = fields.Float(string="Maximum Amount (CNY)", digits=(16, 2))
    points = fields.Integer(string="Default Points")

    _amount_range = models.Constraint(
        "CHECK (amount_min >= 0 AND amount_max >= amount_min)",
        "A rule's minimum amount cannot be negative nor exceed its maximum.",
    )

    def _compute_display_name(self):
        for rule in self:
            rule.display_name = f"[{rule.code}] {rule.name}"
