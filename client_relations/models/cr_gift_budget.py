from odoo import api, fields, models


class CrGiftBudget(models.Model):
    """A yearly budget for gifts and hospitality offered to clients, per department
    and optionally per client (000/E-CR-14 《赠送礼品预算申请表》, 002/E35)."""

    _name = "cr.gift.budget"
    _description = "Gift and Hospitality Budget"
    _inherit = ["mail.thread"]
    _order = "year desc, department_id, partner_id"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department", required=True, tracking=True, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        domain=[("cr_is_client", "=", True)],
        tracking=True,
        help="Empty: the department's budget for all its clients.",
    )
    amount = fields.Monetary(string="Budget", required=True, tracking=True)
    committed = fields.Monetary(
        compute="_compute_committed",
        help="Submitted and approved gifts and hospitality of this budget.",
    )
    remaining = fields.Monetary(compute="_compute_committed")
    gift_ids = fields.One2many("cr.gift", "budget_id", string="Gifts")

    _year_department_partner_uniq = models.UniqueIndex(
        "(company_id, year, department_id, COALESCE(partner_id, 0))",
        "A department has one budget a year per client (and one for all clients).",
    )
    _amount_positive = models.Constraint(
        "CHECK (amount >= 0)", "A budget is not negative."
    )

    @api.depends("year", "department_id.name", "partner_id.name")
    def _compute_name(self):
        for budget in self:
            parts = [str(budget.year), budget.department_id.name or ""]
            if budget.partner_id:
                parts.append(budget.partner_id.name)
            budget.name = " / ".join(parts)

    @api.depends("amount", "gift_ids.state", "gift_ids.value")
    def _compute_committed(self):
        used = dict(
            self.env["cr.gift"]
            .sudo()
            ._read_group(
                [
                    ("budget_id", "in", self.ids),
                    ("state", "in", ("submitted", "approved")),
                ],
                ["budget_id"],
                ["value:sum"],
            )
        )
        for budget in self:
            budget.committed = used.get(budget, 0.0)
            budget.remaining = budget.amount - budget.committed
