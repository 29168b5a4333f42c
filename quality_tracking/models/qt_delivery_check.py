from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


def _norm(text):
    return " ".join((text or "").split()).casefold()


class QtDeliveryCheck(models.Model):
    """The check of one delivery ticket (每车小票核对, 001/QT-5): the ticket's part and
    grade against the actual part and the grade it requires. Every delivery is
    checked (001/R-04); a lower grade into a higher-grade part is refused (R-05)."""

    _name = "qt.delivery.check"
    _description = "Delivery Ticket Check"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Ticket No.", required=True, tracking=True)
    assignment_id = fields.Many2one(
        "qt.site.assignment",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    matter_id = fields.Many2one(
        related="assignment_id.matter_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="assignment_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="assignment_id.department_id", store=True, index=True
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True, index=True)
    vehicle = fields.Char(string="Truck")
    inspector_id = fields.Many2one(
        "res.users",
        string="Checked By",
        default=lambda self: self.env.user,
        index=True,
    )
    ticket_part = fields.Char(required=True)
    actual_part = fields.Char()
    ticket_grade_id = fields.Many2one("qt.strength.grade")
    required_grade_id = fields.Many2one(
        "qt.strength.grade",
        compute="_compute_required_grade_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    is_consistent = fields.Boolean(
        string="Consistent", compute="_compute_consistency", store=True
    )
    is_low_grade = fields.Boolean(
        string="Lower Grade than Required", compute="_compute_consistency", store=True
    )
    workability_note = fields.Text(string="Workability Observation")
    date_plant_feedback = fields.Datetime(string="Fed Back to Plant At")
    remark = fields.Text(help="Why an inconsistent delivery is accepted or refused.")
    state = fields.Selection(
        [("draft", "To Check"), ("accepted", "Accepted"), ("refused", "Refused")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    can_accept = fields.Boolean(compute="_compute_can")
    can_refuse = fields.Boolean(compute="_compute_can")

    _ticket_unique = models.UniqueIndex(
        "(assignment_id, name)", "A ticket is checked once per site assignment."
    )

    @api.depends("assignment_id.required_grade_id")
    def _compute_required_grade_id(self):
        for check in self:
            if not check.required_grade_id:
                check.required_grade_id = check.assignment_id.required_grade_id

    @api.depends(
        "ticket_part",
        "actual_part",
        "ticket_grade_id.rank",
        "required_grade_id.rank",
    )
    def _compute_consistency(self):
        for check in self:
            same_part = _norm(check.ticket_part) == _norm(
                check.actual_part or check.ticket_part
            )
            ticket, required = check.ticket_grade_id, check.required_grade_id
            check.is_low_grade = bool(
                required and (not ticket or ticket.rank < required.rank)
            )
            check.is_consistent = same_part and ticket == required

    @api.depends("state", "is_low_grade")
    def _compute_can(self):
        for check in self:
            check.can_accept = check.state == "draft" and not check.is_low_grade
            check.can_refuse = check.state == "draft"

    @api.constrains("state", "is_low_grade")
    def _check_low_grade_refused(self):
        """001/R-05: a lower grade is never accepted into a higher-grade part."""
        for check in self:
            if check.state == "accepted" and check.is_low_grade:
                raise ValidationError(
                    self.env._(
                        "Ticket %(ticket)s: %(grade)s is lower than the %(required)s "
                        "the part requires; it must be refused (001/R-05).",
                        ticket=check.name,
                        grade=check.ticket_grade_id.name or "-",
                        required=check.required_grade_id.name,
                    )
                )

    def _check_draft(self, action):
        done = self.filtered(lambda c: c.state != "draft")
        if done:
            raise UserError(
                self.env._(
                    "%(action)s: ticket %(tickets)s is already checked.",
                    action=action,
                    tickets=", ".join(done.mapped("name")),
                )
            )

    def action_accept(self):
        """The delivery matches: accepted (an inconsistent one needs a remark)."""
        self._check_draft(self.env._("Accepting"))
        low = self.filtered("is_low_grade")
        if low:
            raise UserError(
                self.env._(
                    "Ticket %(tickets)s delivers a lower grade than the part "
                    "requires: refuse it (001/R-05).",
                    tickets=", ".join(low.mapped("name")),
                )
            )
        unexplained = self.filtered(lambda c: not c.is_consistent and not c.remark)
        if unexplained:
            raise UserError(
                self.env._(
                    "Ticket %(tickets)s does not match the actual part or grade: "
                    "refuse it or explain in the remark why it is accepted "
                    "(001/R-04).",
                    tickets=", ".join(unexplained.mapped("name")),
                )
            )
        self.write({"state": "accepted"})
        return True

    def action_refuse(self):
        """The delivery is refused for this part (有权拒绝)."""
        self._check_draft(self.env._("Refusing"))
        no_reason = self.filtered(lambda c: not c.remark and not c.is_low_grade)
        if no_reason:
            raise UserError(
                self.env._(
                    "Give the reason for refusing ticket %(tickets)s in the remark.",
                    tickets=", ".join(no_reason.mapped("name")),
                )
            )
        self.write({"state": "refused"})
        return True

    def action_raise_issue(self):
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "supervision",
            title=self.env._("Delivery ticket %(ticket)s", ticket=self.name),
            matter_id=self.matter_id.id,
            partner_id=self.matter_id.partner_id.id,
            department_id=self.matter_id.department_id.id,
        )
