from datetime import datetime

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAdverseEventBatchTour(HttpCase):
    def test_adverse_event_batch_tour(self):
        """000/R-QT-19: the quality manager opens the quarter's report, enters the
        local regulator and the reference and submits it, in a browser."""
        company = self.env.company
        device = self.env["product.product"].create(
            {"name": "Tour infusion set", "qt_device_class": "3"}
        )
        self.env["res.partner"].create({"name": "Tour Regulator", "is_company": True})
        self.env["qt.adverse.event"].create(
            {"product_id": device.id, "date_aware": datetime(2026, 2, 3, 2, 0)}
        )
        batch = self.env["qt.adverse.event.batch"]._assemble_company(
            company, datetime(2026, 1, 1), datetime(2026, 3, 1)
        )
        self.assertEqual(batch.event_count, 1)
        self.start_tour(
            "/odoo/action-quality_tracking.qt_adverse_event_batch_action",
            "qt_adverse_event_batch_tour",
            login="admin",
            timeout=180,
        )
        self.assertEqual(batch.state, "submitted")
        self.assertEqual(batch.submission_ref, "TOUR-2026-Q1")
        self.assertEqual(batch.authority_id.name, "Tour Regulator")
