import logging

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

SOURCES = [("entered", "Entered"), ("imported", "Imported"), ("invoice", "Invoices")]


class CrRevenue(models.Model):
    """A client's business revenue of a year (年业务收入, 000/E-CR-1): the sum of a
    client's lines of a year drives its tier (000/R-CR-01..05). Entered by hand,
    imported (base_import) or summed from the posted customer invoices when
    Invoicing is installed."""

    _name = "cr.revenue"
    _description = "Client Annual Revenue"
    _order = "year desc, partner_id, id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True), ("cr_is_client", "=", True)],
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        required=True,
        index=True,
        default=lambda self: fields.Date.context_today(self).year - 1,
    )
    date = fields.Date(help="Optional: the date of the revenue (its year wins).")
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    amount = fields.Monetary(string="Revenue", required=True)
    source = fields.Selection(SOURCES, required=True, default="entered")
    note = fields.Char()
    owner_id = fields.Many2one(
        related="partner_id.cr_owner_id", store=True, string="Account Owner"
    )
    department_id = fields.Many2one(
        related="partner_id.cr_department_id", store=True, string="Client Department"
    )

    _year_range = models.Constraint(
        "CHECK (year BETWEEN 1900 AND 2999)", "The revenue year is not plausible."
    )

    @api.depends("company_id")
    def _compute_currency_id(self):
        for line in self:
            company = line.company_id or self.env.company
            line.currency_id = company.cr_tier_currency_id or company.currency_id

    @api.model_create_multi
    def create(self, vals_list):
        imported = self.env.context.get("import_file")
        for vals in vals_list:
            if imported and vals.get("source", "entered") == "entered":
                vals["source"] = "imported"
            if vals.get("date") and not vals.get("year"):
                vals["year"] = fields.Date.to_date(vals["date"]).year
        return super().create(vals_list)

    @api.onchange("date")
    def _onchange_date(self):
        if self.date:
            self.year = self.date.year

    @api.model
    def _cr_sync_invoice_revenue(self, year, company):
        """Sum the posted customer invoices (net of credit notes, untaxed, company
        currency) of ``year`` per client into one 'invoice' line each, replacing the
        year's earlier invoice lines; set-based (one DELETE, one INSERT). Nothing
        happens without Invoicing (no hard dependency) or when the company setting
        is off. Returns the number of lines written."""
        if "account.move" not in self.env or not company.cr_revenue_from_invoices:
            return 0
        self.env.flush_all()
        currency = company.cr_tier_currency_id or company.currency_id
        self.env.cr.execute(
            SQL(
                "DELETE FROM cr_revenue WHERE source = 'invoice' AND year = %s "
                "AND company_id = %s",
                year,
                company.id,
            )
        )
        self.env.cr.execute(
            SQL(
                """INSERT INTO cr_revenue
                       (partner_id, company_id, year, currency_id, amount, source,
                        owner_id, department_id, create_uid, write_uid, create_date,
                        write_date)
                   SELECT p.id, %(company)s, %(year)s, %(currency)s,
                          SUM(m.amount_untaxed_signed), 'invoice',
                          p.cr_owner_id, p.cr_department_id, %(uid)s, %(uid)s,
                          now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                     FROM account_move m
                     JOIN res_partner p ON p.id = m.commercial_partner_id
                    WHERE m.state = 'posted'
                      AND m.move_type IN ('out_invoice', 'out_refund')
                      AND m.company_id = %(company)s
                      AND m.date >= make_date(%(year)s, 1, 1)
                      AND m.date < make_date(%(year)s + 1, 1, 1)
                      AND p.cr_is_client
                 GROUP BY p.id, p.cr_owner_id, p.cr_department_id""",
                company=company.id,
                year=year,
                currency=currency.id,
                uid=self.env.uid,
            )
        )
        count = self.env.cr.rowcount
        self.env.invalidate_all()
        _logger.info("Revenue of %s from invoices: %s clients", year, count)
        return count
