from odoo import api, fields, models

from .cr_agreement import PRIORITIES


class CrServiceReportLine(models.Model):
    """One indicator of a service report (003/HR-D1-6): for a deadline rule of the
    service requests (first response, next response, resolution) and a priority,
    the requests due in the period, met on time and breached."""

    _name = "cr.service.report.line"
    _description = "Service Report Indicator"
    _order = "report_id, name, priority desc"

    report_id = fields.Many2one(
        "cr.service.report", required=True, ondelete="cascade", index=True
    )
    agreement_id = fields.Many2one(
        related="report_id.agreement_id", store=True, index=True
    )
    partner_id = fields.Many2one(related="report_id.partner_id", store=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    date_from = fields.Date(related="report_id.date_from", store=True, string="Month")
    rule_id = fields.Many2one(
        "business.deadline.rule", string="Deadline Rule", ondelete="set null"
    )
    name = fields.Char(string="Target", required=True)
    priority = fields.Selection(PRIORITIES)
    request_count = fields.Integer(string="Requests")
    met_count = fields.Integer(string="Met")
    breached_count = fields.Integer(string="Breached")
    on_time_rate = fields.Float(
        string="On Time (%)",
        aggregator="avg",
        digits=(16, 1),
        help="The deadlines met on time, in percent of those met or breached.",
    )
    result = fields.Selection(
        [("met", "Met"), ("failed", "Failed")],
        help="003/HR-D1-6: the indicator fails when one of its deadlines was breached.",
    )

    @api.model
    def _cr_values(self, met, breached):
        """The on-time rate and the result of ``met`` and ``breached`` deadlines."""
        decided = met + breached
        return {
            "on_time_rate": 100.0 * met / decided if decided else 0.0,
            "result": "failed" if breached else "met",
        }
