from odoo import fields, models


class VcCoiDeclarant(models.Model):
    """Someone who must declare conflicts of interest: the register that drives the
    declaration tasks (002/R10)."""

    _name = "vc.coi.declarant"
    _description = "Conflict of Interest Declarant"
    _inherit = ["mail.thread"]
    _order = "name"

    partner_id = fields.Many2one(
        "res.partner", string="Person or Firm", required=True, index=True, tracking=True
    )
    name = fields.Char(related="partner_id.name", store=True)
    user_id = fields.Many2one(
        "res.users", tracking=True, help="The declarant's user, if any."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    role = fields.Selection(
        [
            ("director", "Director"),
            ("independent_director", "Independent Director"),
            ("supervisor", "Supervisor"),
            ("officer", "Senior Officer"),
            ("related_person", "Related Person"),
            ("law_firm", "Outside Law Firm"),
            ("evaluator", "Internal Evaluator"),
            ("other", "Other"),
        ],
        required=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)
