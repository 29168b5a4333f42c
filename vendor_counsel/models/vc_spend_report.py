from odoo import fields, models, tools
from odoo.tools import SQL


class VcSpendReport(models.Model):
    """Budget against spend (000 section 7.2: fees by firm and contract): one row
    per budget and one per payment, keyed by company, year, using unit, firm and
    practice area, read with grouped queries whatever the number of payments."""

    _name = "vc.spend.report"
    _description = "Outside Counsel Spend Report"
    _auto = False
    _order = "year desc"

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    department_id = fields.Many2one("hr.department", string="Using Unit", readonly=True)
    firm_id = fields.Many2one("res.partner", string="Law Firm", readonly=True)
    practice_area_id = fields.Many2one("vc.practice.area", readonly=True)
    engagement_id = fields.Many2one("vc.engagement", readonly=True)
    line_type = fields.Selection(
        [("budget", "Budget"), ("payment", "Payment")], readonly=True
    )
    budget = fields.Monetary(readonly=True)
    scheduled = fields.Monetary(string="Scheduled (draft)", readonly=True)
    committed = fields.Monetary(readonly=True)
    paid = fields.Monetary(readonly=True)
    remaining = fields.Monetary(
        readonly=True, help="Budget less committed and paid amounts."
    )

    def _query(self):
        return SQL(
            """
            SELECT b.id * 2 AS id,
                   'budget' AS line_type,
                   b.company_id,
                   c.currency_id,
                   b.year,
                   b.department_id,
                   b.firm_id,
                   b.practice_area_id,
                   NULL::integer AS engagement_id,
                   b.amount AS budget,
                   0.0 AS scheduled,
                   0.0 AS committed,
                   0.0 AS paid,
                   b.amount AS remaining
              FROM vc_budget b
              JOIN res_company c ON c.id = b.company_id
            UNION ALL
            SELECT p.id * 2 + 1 AS id,
                   'payment' AS line_type,
                   p.company_id,
                   c.currency_id,
                   EXTRACT(YEAR FROM COALESCE(p.date_paid, p.date_planned))::integer,
                   p.department_id,
                   p.firm_id,
                   p.practice_area_id,
                   p.engagement_id,
                   0.0,
                   CASE WHEN p.state = 'draft' THEN p.amount_net ELSE 0.0 END,
                   CASE WHEN p.state IN ('to_approve', 'approved')
                        THEN p.amount_net ELSE 0.0 END,
                   CASE WHEN p.state = 'paid' THEN p.amount_net ELSE 0.0 END,
                   CASE WHEN p.state IN ('to_approve', 'approved', 'paid')
                        THEN -p.amount_net ELSE 0.0 END
              FROM vc_payment p
              JOIN res_company c ON c.id = p.company_id
             WHERE p.state != 'cancel'
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )
