from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # --- medical devices (000/E-QT-12, E-QT-14; 001/QT-17)
    qt_device_class = fields.Selection(
        [("1", "Class I"), ("2", "Class II"), ("3", "Class III")],
        string="Device Class",
        help="Class III high-risk devices get focused tracking (000/R-QT-26).",
    )
    qt_market_date = fields.Date(
        string="First on Market",
        help="Decides which adverse events are reportable: on the market five years "
        "or less, every suspected one (000/R-QT-14); more, only serious, rare or new "
        "ones (000/R-QT-15).",
    )
    qt_registration_no = fields.Char(string="Registration Certificate No.")
    qt_known_effects = fields.Text(
        string="Known Adverse Effects",
        help="The adverse effects the instructions for use already state.",
    )
    qt_is_focus = fields.Boolean(
        string="Focused Tracking",
        compute="_compute_qt_is_focus",
        store=True,
        help="Class III high-risk device (000/R-QT-26).",
    )

    @api.depends("qt_device_class")
    def _compute_qt_is_focus(self):
        for template in self:
            template.qt_is_focus = template.qt_device_class == "3"
