from odoo import fields, models


class VcEvaluationCriterion(models.Model):
    """A scoring dimension of the counsel evaluation, with its weight (000/E-VC-9:
    the evaluation system is the group's to set; 001/VC-1: the seven policy areas of a
    firm's quality control, seeded as data)."""

    _name = "vc.evaluation.criterion"
    _description = "Counsel Evaluation Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(
        required=True,
        default=1.0,
        help="Relative weight of this criterion in the weighted score of a scorecard.",
    )
    description = fields.Text(translate=True)
    source = fields.Char(
        help="Where the criterion comes from (rule ID; inferred or stated)."
    )
    active = fields.Boolean(default=True)

    _weight_positive = models.Constraint(
        "CHECK (weight > 0)", "A criterion's weight must be positive."
    )
