from odoo import api, fields, models


class CrEscalationList(models.Model):
    """003/HR-D10-3: the list a department gives the desk to climb level by level
    when its liaison cannot be reached or cannot solve (004/R1-8: the supervisor of
    the complaint's level handles it)."""

    _name = "cr.escalation.list"
    _description = "Escalation List"
    _inherit = ["mail.thread"]
    _order = "department_id"

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one("hr.department", required=True, tracking=True)
    active = fields.Boolean(default=True)
    contact_ids = fields.One2many(
        "cr.escalation.contact", "list_id", string="Contacts", copy=True
    )

    _department_unique = models.Constraint(
        "unique(company_id, department_id)",
        "A department has one escalation list per company.",
    )

    @api.model
    def _cr_next_contact(self, department, level, company, exclude=None):
        """The contact above ``level`` on the list of ``department``: the lowest
        level higher than ``level`` whose user is not in ``exclude`` (the persons a
        complaint is about recuse)."""
        escalation_list = self.sudo().search(
            [("department_id", "=", department.id), ("company_id", "=", company.id)],
            limit=1,
        )
        for contact in escalation_list.contact_ids.sorted("level"):
            if contact.level > level and contact.user_id not in (exclude or []):
                return contact
        return self.env["cr.escalation.contact"]
