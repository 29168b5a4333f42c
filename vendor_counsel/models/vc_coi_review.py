from odoo import fields, models


class VcCoiReview(models.Model):
    """The confidential handling of a declaration: review, investigation, committee
    decision, feedback, remediation and archive (002 W4..W8)."""

    _name = "vc.coi.review"
    _description = "Conflict of Interest Review"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    declaration_id = fields.Many2one(
        "vc.coi.declaration", required=True, index=True, ondelete="restrict"
    )
    declarant_id = fields.Many2one(related="declaration_id.declarant_id", store=True)
    company_id = fields.Many2one(related="declaration_id.company_id", store=True)
    state = fields.Selection(
        [
            ("review", "Under Review"),
            ("investigation", "Investigation"),
            ("decision", "Awaiting Decision"),
            ("feedback", "Feedback to Declarant"),
            ("remediation", "Remediation"),
            ("archived", "Archived"),
        ],
        default="review",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
