from odoo import api, fields, models


class CrCareTeamMember(models.Model):
    """A member of the key-account service team (002/E42 项目小组)."""

    _name = "cr.care.team.member"
    _description = "Key-Account Team Member"
    _order = "plan_id, role, id"

    plan_id = fields.Many2one(
        "cr.care.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Member", required=True, domain=[("share", "=", False)]
    )
    role = fields.Selection(
        [("lead", "Lead"), ("specialist", "Specialist")],
        required=True,
        default="specialist",
    )
    is_certified = fields.Boolean(
        string="Certified",
        help="002/R26: holds the qualification certificate (the insurance-broker "
        "certificate in the seed).",
    )
    certificate_ref = fields.Char(string="Certificate No.")

    _plan_user_uniq = models.Constraint(
        "unique(plan_id, user_id)", "A person is in a team once."
    )

    @api.constrains("role", "is_certified", "plan_id")
    def _check_plan_team(self):
        self.plan_id._check_team()

    def unlink(self):
        plans = self.plan_id
        result = super().unlink()
        plans.exists()._check_team()
        return result
