from odoo import api, fields, models


class QtSupervisedUnit(models.Model):
    """A service window or service-related department under supervision (004/QT-2).

    It publishes its service commitment per post (004/R3-5 appendix 1) and gets at
    least one unannounced spot check a month (004/R3-1).
    """

    _name = "qt.supervised.unit"
    _description = "Supervised Unit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "group_id, sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    unit_type = fields.Selection(
        [
            ("window", "Service Window"),
            ("department", "Service-Related Department"),
        ],
        string="Type",
        required=True,
        default="window",
        help="客商服务窗口 or 服务关联部门 (004/QT-2).",
    )
    group_id = fields.Many2one(
        "qt.supervision.group",
        string="Supervision Group",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="group_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        "hr.department", tracking=True, index=True, check_company=True
    )
    head_id = fields.Many2one(
        "res.users",
        string="Unit Head",
        compute="_compute_head_id",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
        help="The person responsible for the unit; by default its department's "
        "manager.",
    )
    post = fields.Char(help="岗位, e.g. 成品保管(装车班组).")
    commitment = fields.Html(
        string="Published Service Commitment",
        help="服务质量承诺公示内容 of the post (004/R3-5, appendix 1).",
    )
    spot_check_ids = fields.One2many("qt.spot.check", "unit_id")
    spot_check_count = fields.Integer(compute="_compute_spot_check_count")
    flagged_month = fields.Date(
        readonly=True,
        copy=False,
        help="The month for which the unit was last flagged without a spot check "
        "(004/R3-1), so it is never flagged twice for the same month.",
    )

    @api.depends("department_id.manager_id.user_id")
    def _compute_head_id(self):
        for unit in self:
            head = unit.department_id.manager_id.user_id
            if head or not unit.head_id:
                unit.head_id = head

    def _compute_spot_check_count(self):
        counts = dict(
            self.env["qt.spot.check"]._read_group(
                [("unit_id", "in", self.ids)], ["unit_id"], ["__count"]
            )
        )
        for unit in self:
            unit.spot_check_count = counts.get(unit, 0)

    def action_view_spot_checks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_spot_check_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {"default_unit_id": self.id}
        return action
