from odoo import fields, models


class CrAgreementIndicator(models.Model):
    """An indicator of an agreement (指标, 003/HR-D1-2, HR-D1-6): the share of the
    requests whose deadline was met, against a threshold, so that each target
    evaluates to success or failure."""

    _name = "cr.agreement.indicator"
    _description = "Service Level Indicator"
    _order = "agreement_id, sequence, id"

    agreement_id = fields.Many2one(
        "cr.agreement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    metric = fields.Selection(
        [
            ("first_response", "First Responses On Time"),
            ("next_response", "Next Responses On Time"),
            ("resolution", "Resolutions On Time"),
        ],
        required=True,
        default="resolution",
    )
    threshold = fields.Float(
        string="Threshold (%)",
        default=95.0,
        help="The indicator succeeds when at least this share of the deadlines of "
        "the period was met on time.",
    )

    _threshold_range = models.Constraint(
        "CHECK(threshold > 0 AND threshold <= 100)",
        "An indicator's threshold is a percentage above 0 and at most 100.",
    )
