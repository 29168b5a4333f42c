from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command


class QtSupervisionGroup(models.Model):
    """服务质量监督小组: the group that supervises service quality (004/QT-1).

    One general coordinator (总协调), one general executor (总执行) and the department
    heads as supervisors (监督员) (004/R3-4). It trains, guides and spot-checks the
    supervised units (004/QT-2) every month.
    """

    _name = "qt.supervision.group"
    _description = "Service-Quality Supervision Group"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    coordinator_id = fields.Many2one(
        "res.users",
        string="General Coordinator",
        required=True,
        tracking=True,
        index=True,
        help="总协调: one person coordinates the whole supervision (004/R3-4).",
    )
    executor_id = fields.Many2one(
        "res.users",
        string="General Executor",
        required=True,
        tracking=True,
        index=True,
        help="总执行: one person runs the spot checks and the monthly ranking "
        "(004/R3-4).",
    )
    supervisor_ids = fields.Many2many(
        "res.users",
        "qt_supervision_group_supervisor_rel",
        "group_id",
        "user_id",
        string="Supervisors",
        help="监督员: every department head (004/R3-4).",
    )
    member_ids = fields.Many2many(
        "res.users",
        "qt_supervision_group_member_rel",
        "group_id",
        "user_id",
        string="Members",
        compute="_compute_member_ids",
        store=True,
        help="The coordinator, the executor and the supervisors.",
    )
    unit_ids = fields.One2many("qt.supervised.unit", "group_id", string="Units")
    unit_count = fields.Integer(compute="_compute_unit_count")
    rulebook = fields.Char(
        string="Detailed Rules",
        help="The group's detailed supervision rules (e.g. 《服务质量监督管理细则》); "
        "the seed does not supply them: attach them to the chatter (004/R3-5).",
    )
    work_methods = fields.Text(
        help="整体协调、培训执行、抽查督查、激励推动 (004/QT-1).",
    )

    @api.depends("coordinator_id", "executor_id", "supervisor_ids")
    def _compute_member_ids(self):
        for group in self:
            group.member_ids = (
                group.coordinator_id | group.executor_id | group.supervisor_ids
            )

    def _compute_unit_count(self):
        counts = dict(
            self.env["qt.supervised.unit"]._read_group(
                [("group_id", "in", self.ids)], ["group_id"], ["__count"]
            )
        )
        for group in self:
            group.unit_count = counts.get(group, 0)

    @api.constrains("coordinator_id", "executor_id")
    def _check_coordinator_executor(self):
        """004/R3-4: the coordinator and the executor are two different people."""
        for group in self:
            if group.coordinator_id == group.executor_id:
                raise ValidationError(
                    self.env._(
                        "The general coordinator and the general executor of "
                        "%(group)s must be two different people (004/R3-4).",
                        group=group.display_name,
                    )
                )

    def action_add_department_heads(self):
        """004/R3-4: every department head of the company becomes a supervisor."""
        for group in self:
            heads = (
                self.env["hr.department"]
                .search([("company_id", "in", [False, group.company_id.id])])
                .manager_id.user_id
            )
            group.supervisor_ids = [Command.link(user.id) for user in heads]
        return True

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_supervised_unit_action"
        )
        action["domain"] = [("group_id", "=", self.id)]
        action["context"] = {"default_group_id": self.id}
        return action
