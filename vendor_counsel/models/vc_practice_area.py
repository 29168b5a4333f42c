from odoo import fields, models


class VcPracticeArea(models.Model):
    """A field of law a firm practises and a panel is kept for (000/E-VC-1, E-VC-3)."""

    _name = "vc.practice.area"
    _description = "Practice Area"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _name_unique = models.Constraint(
        "UNIQUE(name)", "A practice area already has this name."
    )
