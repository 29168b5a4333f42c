from odoo import fields, models


class QtCategory(models.Model):
    """A category of tracked work and its quality standard (000/R-QT-03, R-QT-04)."""

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
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")
    criterion_ids = fields.One2many(
        "qt.category.criterion", "category_id", string="Quality Standard", copy=True
    )
    description = fields.Html(translate=True)

    _code_unique = models.UniqueIndex(
        "(code, company_id) WHERE code IS NOT NULL",
        "Each work category code must be unique.",
    )


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
