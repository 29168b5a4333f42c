from odoo import api, fields, models


class CrVisitUrgentReport(models.Model):
    """《巡访紧急报告》: raised at any time by the unit head for what the unit
    cannot solve itself (000/E-CR-6; 002/E34)."""

    _name = "cr.visit.urgent.report"
    _description = "Urgent Visit Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Raised By",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    department_id = fields.Many2one("hr.department", string="Business Unit", index=True)
    recipient_id = fields.Many2one(
        "res.users",
        string="Reported To",
        domain=[("share", "=", False)],
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Client", domain=[("cr_is_client", "=", True)]
    )
    visit_id = fields.Many2one("cr.visit", check_company=True)
    kind = fields.Selection(
        [
            ("competitor_policy", "Major Change in Competitors' Sales Policies"),
            ("competitor_product", "New Product of a Competitor"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    description = fields.Text(required=True)
    response = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("reported", "Reported"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    can_report = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")

    @api.depends("state")
    def _compute_can(self):
        for report in self:
            report.can_report = report.state == "draft"
            report.can_close = report.state == "reported"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("cr.visit.urgent.report")
                    or "/"
                )
        return super().create(vals_list)

    def action_report(self):
        """Report to the superior at once, with an activity."""
        self._check_state(["draft"], self.env._("Reporting the urgent report"))
        for report in self:
            if not report.recipient_id:
                self._raise_missing(report, self.env._("say whom it is reported to."))
        self.write({"state": "reported"})
        for report in self:
            report.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Handle the urgent visit report"),
                user_id=report.recipient_id.id,
            )
        return True

    def action_close(self):
        self._check_state(["reported"], self.env._("Closing the urgent report"))
        for report in self:
            if not (report.response or "").strip():
                self._raise_missing(report, self.env._("record the response."))
        self.write({"state": "closed"})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True
