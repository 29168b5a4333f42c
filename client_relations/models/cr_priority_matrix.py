from odoo import api, fields, models

from .cr_agreement import PRIORITIES

IMPACT_LEVELS = [("1", "Low"), ("2", "Medium"), ("3", "High")]


class CrPriorityMatrix(models.Model):
    """003/HR-D3-2: the priority of a request is read from impact × urgency in this
    table, one cell per pair and company (the seed names the table, not its values:
    the data ships a symmetric default the company changes)."""

    _name = "cr.priority.matrix"
    _description = "Priority Matrix Cell"
    _order = "impact desc, urgency desc"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    impact = fields.Selection(IMPACT_LEVELS, required=True)
    urgency = fields.Selection(IMPACT_LEVELS, required=True)
    priority = fields.Selection(PRIORITIES, required=True)

    _cell_unique = models.Constraint(
        "unique(company_id, impact, urgency)",
        "Each impact and urgency pair has one priority per company.",
    )

    @api.model
    def _cr_lookup(self, impact, urgency, company):
        """The priority of ``impact`` × ``urgency`` for ``company`` (False if the
        matrix has no such cell)."""
        if not impact or not urgency:
            return False
        cell = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", company.id),
                    ("impact", "=", impact),
                    ("urgency", "=", urgency),
                ],
                limit=1,
            )
        )
        return cell.priority
