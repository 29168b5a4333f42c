from odoo import fields, models


class CrTier(models.Model):
    """A revenue tier band, a policy record (000/R-CR-01..06): lower bound inclusive,
    the next tier's lower bound exclusive."""

    _name = "cr.tier"
    _description = "Client Revenue Tier"
    _order = "lower_bound desc, sequence"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="A stable technical code (diamond, …).")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Empty: the band applies to every company."
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.ref("base.CNY", raise_if_not_found=False)
        or self.env.company.currency_id,
    )
    lower_bound = fields.Monetary(
        required=True,
        help="000/R-CR-01..04: the least annual revenue of the tier, inclusive.",
    )
    approval_level = fields.Selection(
        [("provincial", "Provincial Bureau"), ("city", "City Bureau")],
        required=True,
        default="city",
        help="000/R-CR-06: who approves a client's move into this tier.",
    )
    color = fields.Integer()

    _code_company_uniq = models.Constraint(
        "unique(code, company_id)", "A tier code is unique per company."
    )

    # --- cr-file

    # --- cr-visit
    visits_per_year = fields.Integer(
        string="Visits a Year",
        default=2,
        help="001/R-58: at least 2 on-site visits a year for key accounts; 001/R-59: "
        "one a quarter (4) for extra-large clients. Visit plans schedule the clients "
        "of the tier this many times a year.",
    )

    _visits_per_year_positive = models.Constraint(
        "CHECK (visits_per_year >= 0)", "The visits a year cannot be negative."
    )

    # --- cr-return

    # --- cr-care
    survey_interval_months = fields.Integer(
        string="Survey Every (Months)",
        default=0,
        help="004/R10-8, S11: the months between two periodic satisfaction surveys of "
        "a client of this tier (the seeds give no period); 0: no periodic survey.",
    )

    # --- cr-sla
    agreement_template_id = fields.Many2one(
        "cr.agreement",
        domain=[("kind", "=", "sla")],
        help="The SLA whose services and targets a new SLA of a client of this "
        "tier starts from.",
    )
