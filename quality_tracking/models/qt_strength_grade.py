from odoo import fields, models


class QtStrengthGrade(models.Model):
    """An ordered product grade (e.g. concrete strength grade C30), so that a lower
    grade delivered into a structure requiring a higher one is refused (001/R-05,
    §8 item 17). Optional: products without grades leave them empty."""

    _name = "qt.strength.grade"
    _description = "Strength Grade"
    _order = "rank, id"

    name = fields.Char(required=True)
    rank = fields.Integer(
        required=True,
        help="The grade's order: a higher rank is a stronger grade (C20 < C30).",
    )
    active = fields.Boolean(default=True)

    _name_unique = models.UniqueIndex("(name)", "Each strength grade must be unique.")
