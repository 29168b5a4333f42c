from odoo import fields, models


class CrReviewAction(models.Model):
    """An action decided at an SLA review meeting (003/E13b), checked at the next
    one (HR-D1-13)."""

    _name = "cr.review.action"
    _description = "SLA Review Action"
    _order = "review_id, date_due, id"

    review_id = fields.Many2one(
        "cr.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", domain=[("share", "=", False)]
    )
    date_due = fields.Date(string="Due Date")
    state = fields.Selection(
        [("open", "Open"), ("done", "Done")], default="open", required=True
    )
