from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # --- feedback (000/R-QT-06): the seed gives no collection period; 10 working days
    qt_feedback_collect_days = fields.Integer(
        string="Feedback Card Collection (working days)",
        default=10,
        help="Working days after a matter's closing within which the handling lawyer "
        "collects the client's feedback card (000/R-QT-06).",
    )

    # --- feedback
    qt_tracking_resolve_days = fields.Integer(
        string="Tracking Record Resolution (working days)",
        default=15,
        help="000/R-QT-20: the quality department resolves a forwarded quality "
        "tracking record within this many working days.",
    )
