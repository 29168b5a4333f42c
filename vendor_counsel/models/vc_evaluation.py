from odoo import fields, models


class VcEvaluation(models.Model):
    """An evaluation of a firm or lawyer: scheduled or at an engagement's end
    (000/E-VC-9, C-VC-5)."""

    _name = "vc.evaluation"
    _description = "Outside Counsel Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    engagement_id = fields.Many2one("vc.engagement", index=True, tracking=True)
    firm_id = fields.Many2one(
        "res.partner",
        string="Law Firm",
        required=True,
        index=True,
        domain=[("vc_is_law_firm", "=", True)],
        tracking=True,
    )
    lawyer_id = fields.Many2one("res.partner", domain=[("vc_is_lawyer", "=", True)])
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    score = fields.Float(readonly=True, aggregator="avg")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("scoring", "Scoring"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
