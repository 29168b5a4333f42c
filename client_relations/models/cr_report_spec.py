from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

FREQUENCY_DELTAS = {
    "weekly": relativedelta(weeks=1),
    "monthly": relativedelta(months=1),
    "quarterly": relativedelta(months=3),
    "yearly": relativedelta(years=1),
}


class CrReportSpec(models.Model):
    """The specification of a periodic service report of an agreement (服务报告,
    003/HR-D1-4): its kind, submission time (frequency and next date), submitter,
    submission channel and the indicators it measures. The reports themselves are
    generated from the specs."""

    _name = "cr.report.spec"
    _description = "Service Report Specification"
    _order = "agreement_id, next_date, id"

    agreement_id = fields.Many2one(
        "cr.agreement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [
            ("performance", "Service Level Performance"),
            ("incident", "Incidents and Requests"),
            ("satisfaction", "Client Satisfaction"),
            ("review", "Service Review"),
        ],
        string="Report Kind",
        required=True,
        default="performance",
    )
    frequency = fields.Selection(
        [
            ("weekly", "Weekly"),
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("yearly", "Yearly"),
        ],
        string="Submission Frequency",
        required=True,
        default="monthly",
    )
    next_date = fields.Date(
        string="Next Submission",
        required=True,
        default=fields.Date.context_today,
    )
    submitter_id = fields.Many2one(
        "res.users",
        required=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
    )
    channel = fields.Selection(
        [
            ("email", "E-mail"),
            ("portal", "Portal"),
            ("paper", "Paper"),
            ("meeting", "Meeting"),
        ],
        string="Submission Channel",
        required=True,
        default="email",
    )
    indicator_ids = fields.Many2many(
        "cr.agreement.indicator",
        "cr_report_spec_indicator_rel",
        "spec_id",
        "indicator_id",
        string="Indicators Measured",
        domain="[('agreement_id', '=', agreement_id)]",
    )

    @api.constrains("indicator_ids", "agreement_id")
    def _check_indicators(self):
        """003/HR-D1-4: a report measures at least one of its agreement's
        indicators."""
        for spec in self:
            if not spec.indicator_ids:
                raise ValidationError(
                    self.env._(
                        "The service report %(spec)s must say which indicators it "
                        "measures (003/HR-D1-4).",
                        spec=spec.name,
                    )
                )
            if spec.indicator_ids.agreement_id != spec.agreement_id:
                raise ValidationError(
                    self.env._(
                        "The service report %(spec)s measures indicators of another "
                        "agreement.",
                        spec=spec.name,
                    )
                )

    def _cr_advance(self):
        """Move each spec's next submission date one period on (for the reports
        generated from it)."""
        for spec in self:
            spec.next_date = spec.next_date + FREQUENCY_DELTAS[spec.frequency]
