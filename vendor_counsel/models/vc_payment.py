from odoo import fields, models


class VcPayment(models.Model):
    """A fee payment (installment) of an engagement (000/E-VC-7, WF-VC-5)."""

    _name = "vc.payment"
    _description = "Outside Counsel Fee Payment"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "engagement_id, date_planned, id"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    engagement_id = fields.Many2one(
        "vc.engagement", required=True, index=True, ondelete="restrict", tracking=True
    )
    company_id = fields.Many2one(related="engagement_id.company_id", store=True)
    currency_id = fields.Many2one(related="engagement_id.currency_id")
    firm_id = fields.Many2one(related="engagement_id.firm_id", store=True)
    department_id = fields.Many2one(related="engagement_id.department_id", store=True)
    amount = fields.Monetary(required=True, tracking=True)
    date_planned = fields.Date(string="Planned Date", required=True, tracking=True)
    date_paid = fields.Date(string="Paid On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
