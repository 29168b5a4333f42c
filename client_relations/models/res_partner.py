from odoo import fields, models


class ResPartner(models.Model):
    """The client file (客户档案) lives on the company partner (000/E-CR-1)."""

    _inherit = "res.partner"

    cr_is_client = fields.Boolean(
        string="Client", help="A client filed by the customer service department."
    )
    cr_owner_id = fields.Many2one(
        "res.users",
        string="Account Owner",
        domain=[("share", "=", False)],
        tracking=True,
        help="The account owner responsible for the client.",
    )
    cr_department_id = fields.Many2one(
        "hr.department",
        string="Client Department",
        tracking=True,
        help="The department maintaining the client (000/R-CR-06: maintenance is "
        "territorial).",
    )
    cr_class = fields.Selection(
        [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")],
        string="Client Class",
        tracking=True,
        help="000/R-CR-08: exactly four client classes.",
    )
    cr_tier_id = fields.Many2one(
        "cr.tier",
        string="Revenue Tier",
        readonly=True,
        tracking=True,
        index="btree_not_null",
        help="000/R-CR-01..04: set by an approved tier change only.",
    )
    cr_region_id = fields.Many2one("cr.region", string="Region", tracking=True)

    # --- cr-file

    # --- cr-visit

    # --- cr-return

    # --- cr-care
    cr_gift_count = fields.Integer(
        string="Gifts", compute="_compute_cr_care_counts", groups="base.group_user"
    )
    cr_care_plan_count = fields.Integer(
        string="Care Plans", compute="_compute_cr_care_counts", groups="base.group_user"
    )
    cr_csat = fields.Float(
        string="CSAT (%)",
        compute="_compute_cr_care_counts",
        groups="base.group_user",
        help="The client's average satisfaction score of the last 6 months.",
    )
    cr_csat_trend = fields.Selection(
        [
            ("up", "Improving"),
            ("down", "Declining"),
            ("stable", "Stable"),
            ("new", "First Answers"),
            ("none", "No Answers"),
        ],
        string="CSAT Trend",
        compute="_compute_cr_care_counts",
        groups="base.group_user",
        help="The last 6 months against the 6 months before.",
    )

    def _compute_cr_care_counts(self):
        """Grouped queries, whatever the number of clients; what the user may read."""
        env = self.env
        if not env.user.has_group("client_relations.group_client_relations_user"):
            self.update(
                {
                    "cr_gift_count": 0,
                    "cr_care_plan_count": 0,
                    "cr_csat": 0.0,
                    "cr_csat_trend": "none",
                }
            )
            return
        gifts = dict(
            env["cr.gift"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        plans = dict(
            env["cr.care.plan"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        trend = env["cr.csat.report"]._cr_trend(self, fields.Date.context_today(self))
        for partner in self:
            partner.cr_gift_count = gifts.get(partner, 0)
            partner.cr_care_plan_count = plans.get(partner, 0)
            partner.cr_csat, _before, partner.cr_csat_trend = trend[partner]

    def _cr_care_action(self, model, name, view_mode):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": view_mode,
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

    def action_cr_view_gifts(self):
        return self._cr_care_action(
            "cr.gift", self.env._("Gifts and Hospitality"), "list,form"
        )

    def action_cr_view_care_plans(self):
        return self._cr_care_action(
            "cr.care.plan", self.env._("Care Plans"), "list,kanban,form"
        )

    def action_cr_view_csat(self):
        return self._cr_care_action(
            "cr.csat.report", self.env._("Client Satisfaction"), "graph,pivot,list"
        )

    # --- cr-desk

    # --- cr-sla

    # --- cr-gov

    # --- cr-portal
