from odoo import fields, models


class VcRequest(models.Model):
    """《公司聘用社会律师申请单》: a unit's request for outside counsel (000/E-VC-4,
    WF-VC-2)."""

    _name = "vc.request"
    _description = "Outside Counsel Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
        "vc.coi.checked.mixin",
    ]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        string="Requesting Company",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one(
        "hr.department", string="Requesting Unit", tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requester",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    engagement_type = fields.Selection(
        [("retained", "Retained Counsel"), ("special", "Special Matter")],
        required=True,
        default="special",
        tracking=True,
    )
    practice_area_id = fields.Many2one("vc.practice.area", tracking=True)
    description = fields.Text(string="Matter", required=True)
    goal = fields.Text(string="Target Requirements")
    subject_amount = fields.Monetary(tracking=True)
    expected_fee = fields.Monetary(tracking=True)
    date_service_start = fields.Date(
        string="Service Needed From", required=True, tracking=True
    )
    date_submitted = fields.Date(string="Submitted On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("selection", "In Selection"),
            ("engaged", "Engaged"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
