from odoo import fields, models


class CrAgreementAdjustmentWizard(models.TransientModel):
    """003/HR-D10-7: tell the client of a short-term service-level adjustment."""

    _name = "cr.agreement.adjustment.wizard"
    _description = "Short-Term Service-Level Adjustment"

    agreement_id = fields.Many2one("cr.agreement", required=True)
    date_from = fields.Date(required=True, default=fields.Date.context_today)
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Text(
        string="Adjustment", required=True, help="What changes, and why."
    )

    def action_notify(self):
        self.ensure_one()
        self.agreement_id._cr_notify_adjustment(
            self.date_from, self.date_to, self.description
        )
        return {"type": "ir.actions.act_window_close"}
