from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qt_feedback_collect_days = fields.Integer(
        related="company_id.qt_feedback_collect_days", readonly=False
    )

    # --- prereview
    qt_delivery_check_target = fields.Float(
        related="company_id.qt_delivery_check_target", readonly=False
    )
