from odoo import api, fields, models
from odoo.tools import float_compare


class QtSiteAssignment(models.Model):
    """A site service assignment of a matter (现场服务, 001/QT-4): the dispatcher and
    the QC inspector (two fields that may hold the same user, §8 item 16), the part
    to deliver to and its required grade; its delivery checks give the 001/R-04 KPI
    (every delivery checked)."""

    _name = "qt.site.assignment"
    _description = "Site Service Assignment"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Part to Deliver", required=True, tracking=True)
    matter_id = fields.Many2one(
        "qt.matter",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="matter_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="matter_id.department_id", store=True, index=True
    )
    date = fields.Date(default=fields.Date.context_today, required=True, index=True)
    dispatcher_id = fields.Many2one("res.users", string="Site Dispatcher")
    inspector_id = fields.Many2one("res.users", string="Site QC Inspector")
    site_location = fields.Char()
    haul_distance = fields.Float(string="Haul Distance (km)")
    road_conditions = fields.Text()
    contact_ids = fields.Many2many("res.partner", string="Site Contacts")
    planned_quantity = fields.Float(digits="Product Unit")
    required_grade_id = fields.Many2one(
        "qt.strength.grade",
        help="The grade the structure part requires (001/R-05); optional.",
    )
    delivery_method = fields.Char(string="Pouring or Delivery Method")
    delivery_check_ids = fields.One2many("qt.delivery.check", "assignment_id")
    delivery_count = fields.Integer(
        string="Deliveries", compute="_compute_check_rate", store=True
    )
    checked_count = fields.Integer(
        string="Checked Deliveries", compute="_compute_check_rate", store=True
    )
    check_rate = fields.Float(
        string="Check Rate (%)",
        compute="_compute_check_rate",
        store=True,
        aggregator="avg",
    )
    meets_check_target = fields.Boolean(compute="_compute_meets_check_target")

    @api.depends("delivery_check_ids.state")
    def _compute_check_rate(self):
        groups = self.env["qt.delivery.check"]._read_group(
            [("assignment_id", "in", self.ids)],
            ["assignment_id", "state"],
            ["__count"],
        )
        totals, checked = {}, {}
        for assignment, state, count in groups:
            totals[assignment] = totals.get(assignment, 0) + count
            if state != "draft":
                checked[assignment] = checked.get(assignment, 0) + count
        for assignment in self:
            total = totals.get(assignment, 0)
            assignment.delivery_count = total
            assignment.checked_count = checked.get(assignment, 0)
            assignment.check_rate = (
                100.0 * assignment.checked_count / total if total else 0.0
            )

    @api.depends("check_rate", "delivery_count", "company_id")
    def _compute_meets_check_target(self):
        for assignment in self:
            target = assignment.company_id.qt_delivery_check_target
            assignment.meets_check_target = (
                not assignment.delivery_count
                or float_compare(assignment.check_rate, target, precision_digits=2) >= 0
            )
