from odoo import api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    """Law firms are companies, lawyers their contacts: never a parallel address book
    (000/E-VC-1, E-VC-2)."""

    _inherit = "res.partner"

    vc_is_law_firm = fields.Boolean(
        string="Law Firm", help="This company is a law firm (000/E-VC-1)."
    )
    vc_is_lawyer = fields.Boolean(
        string="Lawyer",
        help="This person is a practising lawyer; their firm is the parent company "
        "(000/E-VC-2).",
    )
    vc_practice_area_ids = fields.Many2many(
        "vc.practice.area",
        "vc_practice_area_partner_rel",
        "partner_id",
        "area_id",
        string="Practice Areas",
    )
    # --- firm facts (000/E-VC-1)
    vc_date_established = fields.Date(
        string="Approved / Established On",
        help="Date the judicial administration approved the firm (000/R-VC-01).",
    )
    # --- lawyer facts (000/E-VC-2)
    vc_licence_number = fields.Char(
        string="Practice Licence No.", help="执业证号 (000/E-VC-2, R-VC-25)."
    )
    vc_licence_inspection_until = fields.Date(
        string="Annual Inspection Valid Until",
        help="The practice licence's annual inspection (年检) is valid until this date "
        "(000/R-VC-22).",
    )
    vc_practice_start_date = fields.Date(
        string="Practising Since",
        help="Start of practice, for the years of practice (000/R-VC-15).",
    )
    vc_is_main_partner = fields.Boolean(
        string="Main Partner",
        help="A main partner of the firm: their penalties count against the firm "
        "(000/R-VC-02).",
    )

    # --- eligibility (000/R-VC-01, 02, 15, 21, 22): the API the other flows call.
    # The firms slice computes the breaches; the signatures are fixed here.
    @api.model
    def _vc_eligibility(self, partners, on_date=None, engagement_type=None):
        """Breaches of the eligibility rules, set-based, for firms and lawyers.

        Returns ``{partner_id: [(rule_id, level, message), ...]}`` where ``level`` is
        ``"block"`` or ``"warn"`` as the rule's setting says; eligible partners map to
        an empty list."""
        return {partner.id: [] for partner in partners}

    @api.model
    def _vc_assert_eligible(self, partners, on_date=None, engagement_type=None):
        """Refuse (``UserError`` listing every blocking breach with its rule) unless
        every partner may be engaged; return the warnings as a list of messages."""
        breaches = self._vc_eligibility(partners, on_date, engagement_type)
        blocking = [
            f"{self.browse(pid).display_name}: {message} ({rule})"
            for pid, items in breaches.items()
            for rule, level, message in items
            if level == "block"
        ]
        if blocking:
            raise UserError(
                self.env._(
                    "These firms or lawyers may not be engaged:\n%(breaches)s",
                    breaches="\n".join(blocking),
                )
            )
        return [
            f"{self.browse(pid).display_name}: {message} ({rule})"
            for pid, items in breaches.items()
            for rule, level, message in items
            if level == "warn"
        ]

    # --- vc_engagements
    vc_engagement_count = fields.Integer(
        string="Engagements", compute="_compute_vc_engagement_count"
    )

    def _compute_vc_engagement_count(self):
        counts = dict(
            self.env["vc.engagement"]._read_group(
                [("firm_id", "in", self.ids)], ["firm_id"], ["__count"]
            )
        )
        for partner in self:
            partner.vc_engagement_count = counts.get(partner, 0)

    def action_vc_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_engagement_action"
        )
        action["domain"] = [("firm_id", "=", self.id)]
        action["context"] = {"default_firm_id": self.id}
        return action
