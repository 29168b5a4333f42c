from odoo import fields, models


class VcSelection(models.Model):
    """Competitive selection (选聘 / 竞聘) of a firm for a request (000/E-VC-5,
    WF-VC-3)."""

    _name = "vc.selection"
    _description = "Outside Counsel Selection"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    request_id = fields.Many2one(
        "vc.request", required=True, index=True, ondelete="restrict", tracking=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    candidate_ids = fields.One2many("vc.selection.candidate", "selection_id")
    date_bid_deadline = fields.Date(string="Bids Due", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("invited", "Invitations Sent"),
            ("scoring", "Scoring"),
            ("awarded", "Awarded"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )


class VcSelectionCandidate(models.Model):
    """A firm considered, invited and scored in a selection."""

    _name = "vc.selection.candidate"
    _description = "Selection Candidate"
    _order = "selection_id, sequence, id"

    selection_id = fields.Many2one(
        "vc.selection", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="selection_id.company_id", store=True)
    currency_id = fields.Many2one(related="selection_id.currency_id")
    sequence = fields.Integer(default=10)
    firm_id = fields.Many2one(
        "res.partner",
        string="Law Firm",
        required=True,
        index=True,
        domain=[("vc_is_law_firm", "=", True)],
    )
    lawyer_ids = fields.Many2many(
        "res.partner",
        "vc_selection_candidate_lawyer_rel",
        "candidate_id",
        "partner_id",
        string="Proposed Lawyers",
        domain=[("vc_is_lawyer", "=", True)],
    )
    quote_amount = fields.Monetary(string="Quoted Fee")
    bid_note = fields.Text(string="Bid")
    date_bid = fields.Datetime(string="Bid Received", readonly=True)
    state = fields.Selection(
        [
            ("considered", "Considered"),
            ("invited", "Invited"),
            ("bid", "Bid Received"),
            ("declined", "Declined"),
            ("awarded", "Awarded"),
            ("lost", "Not Selected"),
        ],
        default="considered",
        required=True,
    )
