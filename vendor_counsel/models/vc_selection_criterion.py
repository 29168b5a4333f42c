from odoo import fields, models


class VcSelectionCriterion(models.Model):
    """A scoring criterion of the selection with its weight (000/E-VC-5: D7 第十一条,
    D15 第四条), configurable."""

    _name = "vc.selection.criterion"
    _description = "Selection Scoring Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(required=True, default=1.0)
    description = fields.Text(translate=True)
    source = fields.Char(help="Where the regulations name this criterion.")
    active = fields.Boolean(default=True)

    _weight_positive = models.Constraint(
        "CHECK (weight > 0)", "A criterion's weight is positive."
    )
