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

    # --- issues
    qt_issue_resolve_days = fields.Integer(
        string="Quality Issue Resolution (working days)",
        default=15,
        help="Working days from the quality department's receipt of a quality problem "
        "within which it is resolved (001/R-28, 000/R-QT-20).",
    )
    qt_incident_batch_scrap_hours = fields.Float(
        string="Batch Incident: Scrap (production hours)",
        default=0.5,
        help="A batch scrap of at least this many hours of production makes a batch "
        "quality incident (002/R40 a).",
    )
    qt_incident_batch_rework_hours = fields.Float(
        string="Batch Incident: Rework (production hours)",
        default=1.0,
        help="A batch rework of at least this many hours of production makes a batch "
        "quality incident (002/R40 b).",
    )
    qt_incident_batch_aftersales_qty = fields.Integer(
        string="Batch Incident: Same Model and Date (pieces)",
        default=50,
        help="After-sales feedback or returns of at least this many pieces of the same "
        "model and production date make a batch quality incident (002/R40 c).",
    )
    qt_incident_major_returned_qty = fields.Integer(
        string="Major Incident: Returned Shipped Batch (pieces)",
        default=500,
        help="A returned shipped batch of at least this many pieces makes a major "
        "quality incident (002/R41).",
    )
    qt_incident_major_loss_amount = fields.Monetary(
        string="Major Incident: Loss Amount",
        currency_field="currency_id",
        default=20000.0,
        help="A loss of at least this amount makes a major quality incident (002/R41).",
    )
    qt_general_manager_id = fields.Many2one(
        "res.users",
        string="General Manager",
        help="The company head: notified at once of a major quality problem "
        "(003/HR-D11-6); may sign the written complaint handling document (002/R45).",
    )
    qt_quality_head_id = fields.Many2one(
        "res.users",
        string="Quality Department Head",
        help="Signs the written complaint handling document (002/R45).",
    )
    qt_capa_allowed_days = fields.Integer(
        string="Corrective Action Period (working days)",
        default=20,
        help="Default working days allowed to carry out a corrective or preventive "
        "action from its start (001/QT-10, 002/E21: the seeds give no value).",
    )

    # --- feedback
    qt_tracking_resolve_days = fields.Integer(
        string="Tracking Record Resolution (working days)",
        default=15,
        help="000/R-QT-20: the quality department resolves a forwarded quality "
        "tracking record within this many working days.",
    )
