from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    qt_feedback_collect_days = fields.Integer(
        related="company_id.qt_feedback_collect_days", readonly=False
    )

    # --- feedback
    qt_tracking_resolve_days = fields.Integer(
        related="company_id.qt_tracking_resolve_days", readonly=False
    )
