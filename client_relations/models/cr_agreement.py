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
