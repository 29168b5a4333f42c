from odoo import api, fields, models


class QtCategory(models.Model):
    """A category of tracked work and its quality standard (000/R-QT-03, R-QT-04).

    Legal-service, product and service categories are configured alike; a product or
    service category asks for the pre-contract survey (001/QT-1) before its contract
    review, unless the category says otherwise.
    """

    _name = "qt.category"
    _description = "Work Category"
    _order = "kind, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("legal", "Legal Service"), ("product", "Product"), ("service", "Service")],
        required=True,
        default="legal",
    )
    requires_survey = fields.Boolean(
        string="Pre-contract Survey",
        compute="_compute_requires_survey",
        store=True,
        readonly=False,
        help="Matters of this category record the pre-contract survey (site, "
        "quantity, requirements, client assessment) before their contract review "
        "(001/QT-1, R-02, R-03). On by default for products and services.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")
    criterion_ids = fields.One2many(
        "qt.category.criterion", "category_id", string="Quality Standard", copy=True
    )
    criterion_count = fields.Integer(compute="_compute_criterion_count")
    description = fields.Html(translate=True)

    _code_unique = models.UniqueIndex(
        "(code, company_id) WHERE code IS NOT NULL",
        "Each work category code must be unique.",
    )

    @api.depends("kind")
    def _compute_requires_survey(self):
        for category in self:
            category.requires_survey = category.kind in ("product", "service")

    @api.depends("criterion_ids")
    def _compute_criterion_count(self):
        for category in self:
            category.criterion_count = len(category.criterion_ids)


class QtCategoryCriterion(models.Model):
    """One criterion of a category's quality standard (e.g. 000/R-QT-04's five)."""

    _name = "qt.category.criterion"
    _description = "Quality Standard Criterion"
    _order = "category_id, sequence, id"

    category_id = fields.Many2one(
        "qt.category", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(required=True, translate=True)
    active = fields.Boolean(default=True)
