from odoo import fields, models

PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Urgent")]


class CrAgreement(models.Model):
    """A service-level agreement (003/E3): an SLA with a client, an OLA inside the
    company, or a UC with a supplier."""

    _name = "cr.agreement"
    _description = "Service Level Agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("sla", "SLA (client)"),
            ("ola", "OLA (internal)"),
            ("uc", "UC (supplier)"),
        ],
        required=True,
        default="sla",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Counterparty",
        tracking=True,
        index=True,
        help="The client of an SLA, the supplier of a UC.",
    )
    department_id = fields.Many2one(
        "hr.department", tracking=True, help="The providing department of an OLA."
    )
    user_id = fields.Many2one(
        "res.users",
        string="Service Level Manager",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    date_start = fields.Date(string="Valid From", tracking=True)
    date_end = fields.Date(string="Valid Until", tracking=True)
    service_ids = fields.Many2many(
        "cr.service",
        "cr_agreement_service_rel",
        "agreement_id",
        "service_id",
        string="Services",
    )
    target_ids = fields.One2many(
        "cr.agreement.target", "agreement_id", string="Targets", copy=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    # --- cr-sla

    # --- cr-gov
    cr_parent_agreement_id = fields.Many2one(
        "cr.agreement",
        string="Supplement Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="003/HR-D1-21: the signed agreement this one supplements.",
    )
    cr_change_request_id = fields.Many2one(
        "cr.change.request",
        string="From Change Request",
        readonly=True,
        copy=False,
        help="003/HR-D1-21: the approved change request this agreement comes from.",
    )
    cr_service_report_count = fields.Integer(
        string="Service Reports", compute="_compute_cr_gov_counts"
    )
    cr_review_count = fields.Integer(string="Reviews", compute="_compute_cr_gov_counts")
    cr_review_due = fields.Datetime(
        string="Next Review Due",
        compute="_compute_cr_gov_counts",
        help="003/HR-D1-1: the due date of the next SLA review (last review + the "
        "company's interval).",
    )

    def _compute_cr_gov_counts(self):
        reports = dict(
            self.env["cr.service.report"]._read_group(
                [("agreement_id", "in", self.ids)], ["agreement_id"], ["__count"]
            )
        )
        reviews = self.env["cr.review"]._read_group(
            [("agreement_ids", "in", self.ids)],
            ["agreement_ids"],
            ["__count", "date_next_due:max"],
        )
        review_counts = {agreement: (count, due) for agreement, count, due in reviews}
        for agreement in self:
            agreement.cr_service_report_count = reports.get(agreement, 0)
            count, due = review_counts.get(agreement, (0, False))
            agreement.cr_review_count = count
            agreement.cr_review_due = due

    def action_cr_view_service_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.cr_service_report_action"
        )
        action["domain"] = [("agreement_id", "=", self.id)]
        action["context"] = {"default_agreement_id": self.id}
        return action

    def action_cr_view_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.cr_review_action"
        )
        action["domain"] = [("agreement_ids", "in", self.ids)]
        action["context"] = {"default_agreement_ids": self.ids}
        return action

    # --- cr-portal


class CrAgreementTarget(models.Model):
    """The targets of an agreement for one priority (003/E4): first response, next
    response and resolution, in working hours."""

    _name = "cr.agreement.target"
    _description = "Service Level Target"
    _order = "agreement_id, priority desc"

    agreement_id = fields.Many2one(
        "cr.agreement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    priority = fields.Selection(PRIORITIES, required=True, default="1")
    first_response_hours = fields.Float(string="First Response (working hours)")
    next_response_hours = fields.Float(string="Next Response (working hours)")
    resolution_hours = fields.Float(string="Resolution (working hours)")

    _agreement_priority_uniq = models.Constraint(
        "unique(agreement_id, priority)",
        "An agreement has one target line per priority.",
    )

    # --- cr-sla
