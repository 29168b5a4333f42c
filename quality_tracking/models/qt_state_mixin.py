from odoo import models


class QtStateMixin(models.AbstractModel):
    """The quality records' state guard: the suite's one, from business_deadline."""

    _name = "qt.state.mixin"
    _inherit = ["business.state.mixin"]
    _description = "Quality Record State Guard"
