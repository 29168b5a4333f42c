from odoo import api, fields, models


class VcPenalty(models.Model):
    """A dated penalty of a law firm or a lawyer: administrative penalty, industry
    sanction, bad practice record or disciplinary record (000/E-VC-1, E-VC-2,
    R-VC-02). "No penalty in the last 3 years" is computed from these dates."""

    _name = "vc.penalty"
    _description = "Penalty of a Law Firm or Lawyer"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Firm or Lawyer",
        required=True,
        index=True,
        ondelete="cascade",
        domain="['|', ('vc_is_law_firm', '=', True), ('vc_is_lawyer', '=', True)]",
        tracking=True,
    )
    firm_id = fields.Many2one(
        "res.partner",
        string="Law Firm",
        compute="_compute_firm_id",
        store=True,
        index=True,
        help="The firm itself, or the lawyer's firm.",
    )
    is_main_partner = fields.Boolean(
        related="partner_id.vc_is_main_partner", string="Main Partner"
    )
    date = fields.Date(
        required=True, index=True, tracking=True, default=fields.Date.context_today
    )
    kind = fields.Selection(
        [
            ("administrative", "Administrative Penalty"),
            ("industry", "Industry Sanction"),
            ("bad_practice", "Bad Practice Record"),
            ("disciplinary", "Disciplinary Record"),
        ],
        required=True,
        default="administrative",
        tracking=True,
    )
    authority = fields.Char(help="Who imposed it: judicial administration, bar...")
    description = fields.Text(required=True)
    active = fields.Boolean(default=True)

    @api.depends("partner_id.parent_id", "partner_id.vc_is_law_firm")
    def _compute_firm_id(self):
        for penalty in self:
            partner = penalty.partner_id
            penalty.firm_id = (
                partner
                if partner.vc_is_law_firm or not partner.parent_id
                else partner.parent_id
            )

    @api.depends("partner_id", "date", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for penalty in self:
            penalty.display_name = (
                f"{penalty.partner_id.name or ''} · {kinds.get(penalty.kind, '')} · "
                f"{penalty.date or ''}"
            )
