from odoo import fields, models


class CrServiceReport(models.Model):
    """A periodic service report of an agreement (003/E5b, HR-D1-6): indicators met
    and failed over a period."""

    _name = "cr.service.report"
    _description = "Service Report"
    _inherit = ["portal.mixin", "mail.thread", "business.state.mixin"]
    _order = "date_to desc, id desc"

    name = fields.Char(required=True)
    agreement_id = fields.Many2one(
        "cr.agreement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="agreement_id.partner_id", store=True, string="Counterparty"
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for report in self:
            report.access_url = f"/my/cr_service_reports/{report.id}"
        return result

    # --- cr-gov

    # --- cr-portal
