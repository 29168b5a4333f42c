from odoo import fields, models


class CrService(models.Model):
    """A service of the service catalog (服务目录, 003/E1)."""

    _name = "cr.service"
    _description = "Catalog Service"
    _inherit = ["mail.thread"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    description = fields.Html()

    # --- cr-sla
    availability = fields.Selection(
        [("business_hours", "Business Hours"), ("24x7", "24/7")],
        default="business_hours",
        help="When the service is delivered (004 A17: 7×24 or business hours).",
    )
    agreement_ids = fields.Many2many(
        "cr.agreement",
        "cr_agreement_service_rel",
        "service_id",
        "agreement_id",
        string="Agreements",
    )
    agreement_count = fields.Integer(compute="_compute_agreement_count")

    def _compute_agreement_count(self):
        for service in self:
            service.agreement_count = len(service.agreement_ids)
