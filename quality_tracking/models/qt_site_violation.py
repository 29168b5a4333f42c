from odoo import api, fields, models
from odoo.exceptions import UserError


class QtSiteViolation(models.Model):
    """An improper practice seen on site (违规或不恰当施工行为, 001/QT-6): photographed,
    the evidence kept by the chief engineer; water addition is reported to the
    contractor's technical lead before the record closes (001/R-06)."""

    _name = "qt.site.violation"
    _description = "Site Violation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    matter_id = fields.Many2one(
        "qt.matter",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    assignment_id = fields.Many2one(
        "qt.site.assignment",
        index=True,
        check_company=True,
        domain="[('matter_id', '=', matter_id)]",
    )
    company_id = fields.Many2one(
        related="matter_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="matter_id.department_id", store=True, index=True
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        default=lambda self: self.env.user,
        required=True,
        index=True,
    )
    violation_type = fields.Selection(
        [
            ("vibration", "Vibration"),
            ("finishing", "Finishing"),
            ("curing", "Curing"),
            ("water_addition", "Water Addition"),
            ("wrong_part", "Used in Another Part"),
            ("other", "Other"),
        ],
        string="Type",
        default="other",
        required=True,
        tracking=True,
        index=True,
    )
    description = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "qt_site_violation_attachment_rel",
        "violation_id",
        "attachment_id",
        string="Photos",
    )
    custodian_id = fields.Many2one(
        "res.users",
        string="Evidence Custodian",
        tracking=True,
        help="The chief engineer who keeps the evidence.",
    )
    harm_explained = fields.Boolean(string="Harm Explained to the Contractor")
    contractor_lead_id = fields.Many2one(
        "res.partner",
        string="Contractor's Technical Lead",
        tracking=True,
    )
    date_reported = fields.Datetime(
        string="Reported to the Lead At",
        tracking=True,
        help="001/R-06: water addition is reported to the contractor's technical "
        "lead before the record closes.",
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    can_close = fields.Boolean(compute="_compute_can_close")

    @api.depends("state")
    def _compute_can_close(self):
        for violation in self:
            violation.can_close = violation.state == "open"

    def _close_missing(self):
        self.ensure_one()
        names = []
        if not self.custodian_id:
            names.append("custodian_id")
        if self.violation_type == "water_addition":
            if not self.contractor_lead_id:
                names.append("contractor_lead_id")
            if not self.date_reported:
                names.append("date_reported")
        return [self._fields[n]._description_string(self.env) for n in names]

    def action_close(self):
        """Close the record: evidence in custody; water addition reported (R-06)."""
        done = self.filtered(lambda v: v.state != "open")
        if done:
            raise UserError(
                self.env._(
                    "%(records)s is already closed.",
                    records=", ".join(done.mapped("name")),
                )
            )
        for violation in self:
            missing = violation._close_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "%(record)s cannot be closed yet; missing: %(missing)s "
                        "(001/R-06 for water addition).",
                        record=violation.name,
                        missing=", ".join(missing),
                    )
                )
        self.write({"state": "closed"})
        return True

    def action_reopen(self):
        self.filtered(lambda v: v.state == "closed").write({"state": "open"})
        return True

    def action_raise_issue(self):
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "supervision",
            title=self.name,
            matter_id=self.matter_id.id,
            partner_id=self.matter_id.partner_id.id,
            department_id=self.matter_id.department_id.id,
        )
