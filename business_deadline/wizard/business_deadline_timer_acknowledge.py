from odoo import fields, models


class BusinessDeadlineTimerAcknowledge(models.TransientModel):
    _name = "business.deadline.timer.acknowledge"
    _description = "Acknowledge a Deadline Breach"

    timer_ids = fields.Many2many("business.deadline.timer", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.timer_ids._action_acknowledge(self.reason)
        return {"type": "ir.actions.act_window_close"}
