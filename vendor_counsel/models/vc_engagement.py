from odoo import fields, models


class VcEngagement(models.Model):
    """An outside counsel engagement: retained counsel or a special matter, from its
    contract to its end (000/E-VC-6, WF-VC-4)."""

    _name = "vc.engagement"
    _description = "Outside Counsel Engagement"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
        "vc.coi.checked.mixin",
    ]
    _order = "id desc"

    name = fields.Char(
        string="Contract No.", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        string="Hiring Unit",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one("hr.department", string="Using Unit", tracking=True)
    request_id = fields.Many2one("vc.request", tracking=True)
    engagement_type = fields.Selection(
        [("retained", "Retained Counsel"), ("special", "Special Matter")],
        required=True,
        default="special",
        tracking=True,
    )
    firm_id = fields.Many2one(
        "res.partner",
        string="Law Firm",
        required=True,
        domain=[("vc_is_law_firm", "=", True)],
        tracking=True,
    )
    lawyer_ids = fields.Many2many(
        "res.partner",
        "vc_engagement_lawyer_rel",
        "engagement_id",
        "partner_id",
        string="Lawyers",
        domain=[("vc_is_lawyer", "=", True)],
    )
    practice_area_id = fields.Many2one("vc.practice.area", tracking=True)
    subject = fields.Text(string="Service Matter", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible (Legal)",
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_signed = fields.Date(string="Signed On", copy=False, tracking=True)
    date_start = fields.Date(string="Term Start", tracking=True)
    date_end = fields.Date(string="Term End", tracking=True)
    fee_amount = fields.Monetary(string="Fee", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("review", "Legal Review"),
            ("signed", "Signed"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    # --- vc_evaluations
    evaluation_ids = fields.One2many("vc.evaluation", "engagement_id")
    evaluation_count = fields.Integer(compute="_compute_evaluation_count")

    def _compute_evaluation_count(self):
        counts = dict(
            self.env["vc.evaluation"]._read_group(
                [("engagement_id", "in", self.filtered("id").ids)],
                ["engagement_id"],
                ["__count"],
            )
        )
        for engagement in self:
            engagement.evaluation_count = counts.get(engagement, 0)

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_evaluation_action"
        )
        action["domain"] = [("engagement_id", "=", self.id)]
        action["context"] = {
            "default_engagement_id": self.id,
            "default_firm_id": self.firm_id.id,
        }
        return action
