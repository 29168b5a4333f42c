from odoo import api, fields, models

MOVEMENTS = [
    ("new", "New Tier"),
    ("up", "Upgrade"),
    ("down", "Downgrade"),
    ("out", "No Longer a Key Account"),
]


class CrTierHistory(models.Model):
    """One dated line per approved tier change of a client (000/WF-CR-1: the tier
    can be re-graded): from tier, to tier, revenue year, revenue, reason, approver.
    Written only by an approved tier change; read-only for everyone."""

    _name = "cr.tier.history"
    _description = "Client Tier History"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    change_id = fields.Many2one("cr.tier.change", string="Tier Change", index=True)
    from_tier_id = fields.Many2one("cr.tier")
    to_tier_id = fields.Many2one("cr.tier")
    movement = fields.Selection(
        MOVEMENTS, compute="_compute_movement", store=True, precompute=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    year = fields.Integer(string="Revenue Year", required=True)
    currency_id = fields.Many2one("res.currency")
    revenue = fields.Monetary()
    reason = fields.Text()
    approved_by_id = fields.Many2one("res.users")
    owner_id = fields.Many2one(
        related="partner_id.cr_owner_id", store=True, string="Account Owner"
    )
    department_id = fields.Many2one(
        related="partner_id.cr_department_id", store=True, string="Client Department"
    )

    @api.depends("from_tier_id", "to_tier_id")
    def _compute_movement(self):
        for line in self:
            line.movement = _movement(line.from_tier_id, line.to_tier_id)

    @api.model
    def _cr_tier_movement(self, years):
        """The movement between tiers per revenue year: {(year, from tier id, to
        tier id): number of clients}, and the clients by tier and class now:
        {(tier id, class): number} — two grouped queries whatever the data."""
        movement = {
            (year, from_tier.id, to_tier.id): count
            for year, from_tier, to_tier, count in self._read_group(
                [("year", "in", list(years))],
                ["year", "from_tier_id", "to_tier_id"],
                ["__count"],
            )
        }
        clients = {
            (tier.id, klass): count
            for tier, klass, count in self.env["res.partner"]._read_group(
                [("cr_is_client", "=", True), ("is_company", "=", True)],
                ["cr_tier_id", "cr_class"],
                ["__count"],
            )
        }
        return movement, clients


def _movement(from_tier, to_tier):
    if not to_tier:
        return "out"
    if not from_tier:
        return "new"
    return "up" if to_tier.lower_bound > from_tier.lower_bound else "down"
