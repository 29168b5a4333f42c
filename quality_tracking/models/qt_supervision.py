from odoo import fields, models


class QtSupervision(models.Model):
    """An in-process supervision log of a matter (事中监督, 000/E-QT-3, D1 5.3, 3.7,
    3.8; 001/WF-2): inquiries, consultations, site inspections, guidance, review,
    the handler's report or discussion and expert argumentation."""

    _name = "qt.supervision"
    _description = "In-process Supervision"
    _inherit = ["mail.thread", "mail.activity.mixin", "qt.issue.origin.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

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
    partner_id = fields.Many2one(related="matter_id.partner_id", string="Client")
    date = fields.Date(default=fields.Date.context_today, required=True, index=True)
    supervisor_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    kind = fields.Selection(
        [
            ("inquiry", "Department Head Inquiry"),
            ("consultation", "Expert Consultation"),
            ("site_inspection", "Site Inspection"),
            ("guidance", "Guidance"),
            ("review", "Review"),
            ("report", "Handler's Report or Discussion"),
            ("argumentation", "Expert Argumentation"),
        ],
        default="inquiry",
        required=True,
        index=True,
        tracking=True,
    )
    expert_id = fields.Many2one(
        "res.partner", string="Expert or Third Party", help="D1 3.8"
    )
    opinion = fields.Text(help="The supervisor's, expert's or third party's opinion.")
    findings = fields.Text()
    follow_up = fields.Text()

    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for supervision in self:
            supervision.display_name = self.env._(
                "%(kind)s of %(date)s",
                kind=labels.get(supervision.kind, ""),
                date=supervision.date or "",
            )

    def action_raise_issue(self):
        """Raise a quality issue from what the supervision found."""
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "supervision",
            title=self.findings and self.findings.splitlines()[0][:120] or "",
            matter_id=self.matter_id.id,
            partner_id=self.matter_id.partner_id.id,
            department_id=self.matter_id.department_id.id,
        )
