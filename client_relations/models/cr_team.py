from odoo import fields, models


class CrTeam(models.Model):
    """A service team: the desk, a 1st / 2nd line, a project team (003/HR-D6-3)."""

    _name = "cr.team"
    _description = "Service Team"
    _inherit = ["mail.thread"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    level = fields.Selection(
        [("desk", "Service Desk"), ("first", "1st Line"), ("second", "2nd Line")],
        required=True,
        default="first",
    )
    department_id = fields.Many2one("hr.department")
    leader_id = fields.Many2one(
        "res.users", string="Team Leader", domain=[("share", "=", False)]
    )
    member_ids = fields.Many2many(
        "res.users",
        "cr_team_member_rel",
        "team_id",
        "user_id",
        string="Members",
        domain=[("share", "=", False)],
    )

    # --- cr-desk
