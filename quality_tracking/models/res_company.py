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

    # --- prereview
    qt_delivery_check_target = fields.Float(
        string="Delivery Check Target (%)",
        default=100.0,
        help="Share of deliveries (tickets) of a site assignment that must be "
        "checked against the actual part and grade (001/R-04: every truck).",
    )

    _qt_delivery_check_target_range = models.Constraint(
        "CHECK (qt_delivery_check_target >= 0 AND qt_delivery_check_target <= 100)",
        "The delivery check target is a percentage between 0 and 100.",
    )
