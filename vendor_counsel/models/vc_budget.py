from odoo import api, fields, models
from odoo.exceptions import ValidationError


class VcBudget(models.Model):
    """An outside-counsel fee budget of a company and year, optionally for a using
    unit, a law firm or a practice area: compared with the payments in the spend
    report (000 section 7.2: fees by firm and contract)."""

    _name = "vc.budget"
    _description = "Outside Counsel Fee Budget"
    _inherit = ["mail.thread"]
    _order = "year desc, company_id, department_id, firm_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True,
        index=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department", string="Using Unit", index=True, tracking=True
    )
    firm_id = fields.Many2one(
        "res.partner",
        string="Law Firm",
        index=True,
        domain=[("vc_is_law_firm", "=", True)],
        tracking=True,
    )
    practice_area_id = fields.Many2one("vc.practice.area", index=True, tracking=True)
    amount = fields.Monetary(required=True, tracking=True)
    note = fields.Text()

    _amount_positive = models.Constraint(
        "CHECK(amount >= 0)", "A budget amount cannot be negative."
    )
    _year_range = models.Constraint(
        "CHECK(year BETWEEN 2000 AND 2999)", "The budget year is a four-digit year."
    )
    _unique_key = models.UniqueIndex(
        "(company_id, year, COALESCE(department_id, 0), COALESCE(firm_id, 0), "
        "COALESCE(practice_area_id, 0))",
        "There is already a budget for this company, year, unit, firm and practice "
        "area.",
    )

    @api.depends("year", "department_id", "firm_id", "practice_area_id")
    def _compute_name(self):
        for budget in self:
            parts = [str(budget.year or "")] + [
                record.name
                for record in (
                    budget.department_id,
                    budget.firm_id,
                    budget.practice_area_id,
                )
                if record
            ]
            budget.name = " / ".join(part for part in parts if part)

    @api.constrains("department_id", "company_id")
    def _check_department_company(self):
        for budget in self:
            department = budget.department_id
            if department.company_id and department.company_id != budget.company_id:
                raise ValidationError(
                    self.env._(
                        "%(budget)s: the using unit %(unit)s belongs to another "
                        "company.",
                        budget=budget.display_name,
                        unit=department.display_name,
                    )
                )
