from odoo import fields, models


class VcMatterScenario(models.Model):
    """A matter for which outside counsel may be engaged (000/E-VC-4: the union of
    D2 第十三条, D7 第四条, D8 第六条 and D13 第六条), configurable."""

    _name = "vc.matter.scenario"
    _description = "Outside Counsel Matter Scenario"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    code = fields.Char()
    description = fields.Text(translate=True, help="The regulations' wording.")
    source = fields.Char(help="Where the regulations name this scenario.")
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint("UNIQUE (code)", "A scenario code is unique.")
