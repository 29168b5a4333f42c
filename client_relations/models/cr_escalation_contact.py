from odoo import fields, models


class CrEscalationContact(models.Model):
    """One level of a department's escalation list (003/HR-D10-3)."""

    _name = "cr.escalation.contact"
    _description = "Escalation Contact"
    _order = "list_id, level, id"

    list_id = fields.Many2one(
        "cr.escalation.list", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="list_id.company_id", store=True)
    level = fields.Integer(required=True, default=1)
    user_id = fields.Many2one(
        "res.users", string="Contact", required=True, domain=[("share", "=", False)]
    )
    phone = fields.Char()
    note = fields.Char(string="Role")

    _level_positive = models.Constraint(
        "CHECK(level > 0)", "An escalation level is 1 or more."
    )
