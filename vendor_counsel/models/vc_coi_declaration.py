from odoo import fields, models


class VcCoiDeclaration(models.Model):
    """《利益冲突申报表》: a declaration of interests (002/F1)."""

    _name = "vc.coi.declaration"
    _description = "Conflict of Interest Declaration"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    declarant_id = fields.Many2one(
        "vc.coi.declarant", required=True, index=True, tracking=True
    )
    user_id = fields.Many2one(related="declarant_id.user_id", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(
        [
            ("annual", "Annual"),
            ("event", "New Conflict"),
            ("transitional", "Transitional"),
        ],
        required=True,
        default="event",
        tracking=True,
    )
    year = fields.Integer()
    line_ids = fields.One2many("vc.coi.declaration.line", "declaration_id")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("review", "Under Review"),
            ("investigation", "Investigation"),
            ("decision", "Awaiting Decision"),
            ("remediation", "Remediation"),
            ("archived", "Archived"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )


class VcCoiDeclarationLine(models.Model):
    """One declared interest: the facts a reviewer needs (002 section 2.A)."""

    _name = "vc.coi.declaration.line"
    _description = "Declared Interest"

    declaration_id = fields.Many2one(
        "vc.coi.declaration", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="declaration_id.company_id", store=True)
    kind = fields.Selection(
        [
            ("holding", "Holding"),
            ("loan", "Loan"),
            ("guarantee", "Guarantee"),
            ("related_transaction", "Related-Party Transaction"),
            ("position", "Outside Position"),
            ("investment", "Prohibited Investment"),
            ("gift", "Gift"),
            ("other", "Other Interest"),
        ],
        required=True,
    )
    counterparty_name = fields.Char(
        string="Counterparty", required=True, index="trigram"
    )
    counterparty_id = fields.Many2one("res.partner", string="Counterparty Partner")
    description = fields.Text()
