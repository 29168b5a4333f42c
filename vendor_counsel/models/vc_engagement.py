from collections import defaultdict

from odoo import api, fields, models


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

    # --- vc_fees
    fee_reduction_clause = fields.Boolean(
        string="Fee-Reduction Clause",
        tracking=True,
        help="D2 第十二条: the contract lets the company reduce the fee at its "
        "discretion when an evaluation finds the service ineffective.",
    )
    payment_ids = fields.One2many("vc.payment", "engagement_id", string="Payments")
    fee_budget = fields.Monetary(
        tracking=True,
        help="The budget set aside for this engagement's fees.",
    )
    fee_scheduled = fields.Monetary(
        string="Scheduled (draft)", compute="_compute_fee_spend"
    )
    fee_committed = fields.Monetary(
        string="Committed",
        compute="_compute_fee_spend",
        help="Net amount of the payments requested or approved, not yet paid.",
    )
    fee_paid = fields.Monetary(string="Paid", compute="_compute_fee_spend")
    fee_budget_remaining = fields.Monetary(
        string="Budget Remaining",
        compute="_compute_fee_spend",
        help="The fee budget less the committed and paid amounts.",
    )
    payment_count = fields.Integer(compute="_compute_fee_spend")

    @api.depends("fee_budget", "payment_ids.state", "payment_ids.amount_net")
    def _compute_fee_spend(self):
        """One grouped query for all the engagements (000/E-VC-7)."""
        totals = defaultdict(lambda: defaultdict(float))
        counts = defaultdict(int)
        if self.ids:
            groups = self.env["vc.payment"]._read_group(
                [("engagement_id", "in", self.ids)],
                ["engagement_id", "state"],
                ["amount_net:sum", "__count"],
            )
            for engagement, state, amount, count in groups:
                totals[engagement.id][state] += amount
                counts[engagement.id] += count
        for engagement in self:
            spend = totals[engagement._origin.id]
            engagement.fee_scheduled = spend["draft"]
            engagement.fee_committed = spend["to_approve"] + spend["approved"]
            engagement.fee_paid = spend["paid"]
            engagement.fee_budget_remaining = (
                engagement.fee_budget - engagement.fee_committed - engagement.fee_paid
            )
            engagement.payment_count = counts[engagement._origin.id]

    def _vc_fixed_fee(self):
        """``{engagement id: fixed fee}`` of the fixed-fee engagements among these
        (000/R-VC-07: the engagements slice owns the fee type; until it is merged
        every engagement with a fee counts as fixed-fee)."""
        return {
            engagement._origin.id or engagement.id: engagement.fee_amount
            for engagement in self
            if engagement.fee_amount
        }

    def action_view_payments(self):
        """The payment schedule of the engagement (smart button)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_payment_action"
        )
        action["domain"] = [("engagement_id", "=", self.id)]
        action["context"] = {
            "default_engagement_id": self.id,
            "search_default_group_by_engagement": 0,
        }
        return action

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
