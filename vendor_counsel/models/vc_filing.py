from odoo import fields, models


class VcFiling(models.Model):
    """《外聘律师备案登记表》: an engagement (or evaluation) filed with the legal
    department (000/E-VC-8, R-VC-09, R-VC-25)."""

    _name = "vc.filing"
    _description = "Outside Counsel Filing"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    engagement_id = fields.Many2one(
        "vc.engagement", required=True, index=True, ondelete="cascade", tracking=True
    )
    company_id = fields.Many2one(related="engagement_id.company_id", store=True)
    firm_id = fields.Many2one(related="engagement_id.firm_id", store=True)
    filing_type = fields.Selection(
        [("engagement", "Engagement Filing"), ("evaluation", "Evaluation Filing")],
        required=True,
        default="engagement",
    )
    date_filed = fields.Date(string="Filed On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("returned", "Returned"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
