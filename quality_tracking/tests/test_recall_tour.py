from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRecallTour(HttpCase):
    def test_recall_tour(self):
        """000/R-QT-27, 001/R-40 in a browser: confirm a fatal defect of goods sold
        with the stop-sale and the quarantine recorded, open the recall, add a
        customer and send the return notice."""
        product = self.env["product.product"].create(
            {"name": "输液泵", "qt_device_class": "3"}
        )
        self.env["res.partner"].create({"name": "巡回测试医院", "is_company": True})
        hold = self.env["qt.quality.hold"].create(
            {
                "product_id": product.id,
                "lot_ref": "20260603",
                "severity": "fatal",
                "location": "sold",
                "state": "evaluating",
            }
        )
        self.start_tour(
            f"/odoo/action-quality_tracking.qt_quality_hold_action/{hold.id}",
            "qt_recall_tour",
            login="admin",
            timeout=180,
        )
        self.assertEqual(hold.state, "confirmed")
        self.assertTrue(hold.date_stop_sale and hold.date_quarantined)
        recall = self.env["qt.recall"].search(
            [("origin_ref", "=", f"qt.quality.hold,{hold.id}")]
        )
        self.assertEqual(recall.state, "notified")
        self.assertEqual(recall.line_ids.partner_id.name, "巡回测试医院")
        self.assertEqual(recall.line_ids.qty_delivered, 12)
        self.assertTrue(recall.line_ids.date_notified)
