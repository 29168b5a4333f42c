from odoo import fields, models


class QtAwardLevel(models.Model):
    """An award an evaluation gives an entry: first, second, third prize, excellent
    case (000/E-QT-7). Shipped as data; the management committee may add levels."""

    _name = "qt.award.level"
    _description = "Evaluation Award Level"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint(
        "UNIQUE (code)", "An award level code must be unique."
    )
