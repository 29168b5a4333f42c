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
