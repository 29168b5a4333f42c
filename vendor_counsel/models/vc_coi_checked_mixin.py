from odoo import models


class VcCoiCheckedMixin(models.AbstractModel):
    """A record whose counterparties are checked against the conflict-of-interest
    declarations and engagements before it may proceed (002 R1..R14, issue 10 item 7):
    requests and engagements."""

    _name = "vc.coi.checked.mixin"
    _description = "Conflict-Checked Record"
