from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_recall import QualityRecallCommon


@tagged("post_install", "-at_install")
class TestQualityHold(QualityRecallCommon):
    def test_numbered_and_suspected(self):
        """000/E-QT-13, 001/QT-15: a reported hold is numbered and suspected."""
        hold = self._hold()
        self.assertTrue(hold.name.startswith("QH"))
        self.assertEqual(hold.state, "suspected")
        self.assertEqual(hold.reporter_id, self.env.user)

    def test_r_qt_27_two_severities_only(self):
        """000/R-QT-27: the seed names two defect severities, serious and fatal."""
        self.assertEqual(
            [key for key, _label in self.Hold._fields["severity"].selection],
            ["serious", "fatal"],
        )

    def test_r40_confirm_needs_stop_sale(self):
        """001/R-40, 000/R-QT-27: a fatal defect without the stop-sale recorded is
        refused, nothing written; with stop-sale and quarantine it is confirmed."""
        hold = self._evaluating(severity="fatal", is_quarantined=True)
        with self.assertRaisesRegex(UserError, "stop-sale"):
            hold.with_user(self.officer).action_confirm()
        self.assertEqual(hold.state, "evaluating")
        self.assertFalse(hold.confirmed_by_id)
        hold.is_stop_sale = True
        hold.with_user(self.officer).action_confirm()
        self.assertEqual(hold.state, "confirmed")
        self.assertEqual(hold.confirmed_by_id, self.officer)
        self.assertTrue(hold.date_confirmed)

    def test_r40_confirm_needs_quarantine(self):
        """001/R-40: a serious defect with the sale stopped but the goods not moved to
        the nonconforming area is refused; with the move it is confirmed."""
        hold = self._evaluating(severity="serious", is_stop_sale=True)
        with self.assertRaisesRegex(UserError, "nonconforming area"):
            hold.with_user(self.officer).action_confirm()
        self.assertEqual(hold.state, "evaluating")
        hold.is_quarantined = True
        hold.with_user(self.officer).action_confirm()
        self.assertEqual(hold.state, "confirmed")

    def test_r_qt_27_confirm_needs_severity(self):
        """000/R-QT-27: a hold is confirmed only as a serious or fatal defect."""
        hold = self._evaluating(is_stop_sale=True, is_quarantined=True)
        with self.assertRaisesRegex(UserError, "severity"):
            hold.with_user(self.officer).action_confirm()
        self.assertEqual(hold.state, "evaluating")

    def test_r40_lot_scope_needs_lot(self):
        """001/R-40: the stop-sale of the same lot needs the lot."""
        hold = self._evaluating(
            stop_scope="lot",
            lot_ref=False,
            severity="fatal",
            is_stop_sale=True,
            is_quarantined=True,
        )
        with self.assertRaisesRegex(UserError, "lot"):
            hold.with_user(self.officer).action_confirm()
        hold.lot_ref = "L7"
        hold.with_user(self.officer).action_confirm()
        self.assertEqual(hold.state, "confirmed")

    def test_stop_sale_time_recorded(self):
        """001 §8 item 5: "immediately" has no number; the time of each step is
        recorded."""
        with freeze_time("2026-05-04 08:30:00"):
            hold = self._hold(is_stop_sale=True)
            self.env.flush_all()
        self.assertEqual(
            hold.date_stop_sale, fields.Datetime.to_datetime("2026-05-04 08:30:00")
        )
        hold.is_stop_sale = False
        self.assertFalse(hold.date_stop_sale)

    def test_confirm_only_by_quality_department(self):
        """The defect is confirmed by a quality person: a handler is refused."""
        hold = self._evaluating(
            severity="fatal", is_stop_sale=True, is_quarantined=True
        )
        with self.assertRaisesRegex(UserError, "quality department"):
            hold.with_user(self.handler).action_confirm()
        self.assertEqual(hold.state, "evaluating")

    def test_wrong_state_refused(self):
        hold = self._hold(severity="fatal", is_stop_sale=True, is_quarantined=True)
        with self.assertRaises(UserError):
            hold.with_user(self.officer).action_confirm()
        self.assertEqual(hold.state, "suspected")

    def test_regulator_sourced_needs_check_and_report(self):
        """001 D11 §7: a regulator-sourced hold needs the purchase-sale-stock check
        to be confirmed and the report to the local regulator to be contained."""
        hold = self._evaluating(
            source="regulator_notice",
            severity="serious",
            is_stop_sale=True,
            is_quarantined=True,
        )
        with self.assertRaisesRegex(UserError, "purchase-sale-stock"):
            hold.with_user(self.officer).action_confirm()
        hold.is_pss_checked = True
        hold.with_user(self.officer).action_confirm()
        hold.is_purchasing_notified = True
        with self.assertRaisesRegex(UserError, "local regulator"):
            hold.with_user(self.officer).action_contain()
        self.assertEqual(hold.state, "confirmed")
        hold.is_regulator_reported = True
        hold.with_user(self.officer).action_contain()
        self.assertEqual(hold.state, "contained")
        self.assertTrue(hold.date_regulator_reported)

    def test_contain_needs_purchasing(self):
        """000/WF-QT-8 step 2: purchasing is notified before the hold is contained."""
        hold = self._confirmed()
        with self.assertRaisesRegex(UserError, "purchasing"):
            hold.with_user(self.officer).action_contain()
        hold.is_purchasing_notified = True
        hold.with_user(self.officer).action_contain()
        self.assertEqual(hold.state, "contained")

    def test_sold_needs_recall(self):
        """000/WF-QT-8 step 3: goods sold are recalled before the hold is contained;
        the recall is prefilled with the product and the lot, opened once."""
        hold = self._confirmed(location="sold", is_purchasing_notified=True)
        with self.assertRaisesRegex(UserError, "recall"):
            hold.with_user(self.officer).action_contain()
        action = hold.with_user(self.officer).action_open_recall()
        recall = self.Recall.browse(action["res_id"])
        self.assertEqual(recall.origin_ref, hold)
        self.assertEqual((recall.product_id, recall.lot_ref), (self.stent, "L1"))
        again = hold.with_user(self.officer).action_open_recall()
        self.assertEqual(again["res_id"], recall.id)
        self.assertEqual(hold.with_user(self.officer).recall_count, 1)
        hold.with_user(self.officer).action_contain()
        self.assertEqual(hold.state, "contained")

    def test_in_stock_has_no_recall(self):
        hold = self._confirmed()
        self.assertFalse(hold.with_user(self.officer).can_open_recall)
        with self.assertRaises(UserError):
            hold.with_user(self.officer).action_open_recall()

    def test_dispose_and_close(self):
        """Disposition (supplier return / exchange / destruction) is required; a
        sold hold closes only once its recall is closed."""
        hold = self._confirmed(location="sold", is_purchasing_notified=True)
        hold.with_user(self.officer).action_open_recall()
        hold.with_user(self.officer).action_contain()
        with self.assertRaisesRegex(UserError, "disposition"):
            hold.with_user(self.officer).action_dispose()
        hold.disposition = "destruction"
        hold.with_user(self.officer).action_dispose()
        self.assertTrue(hold.date_disposed)
        with self.assertRaisesRegex(UserError, "recall in progress"):
            hold.with_user(self.officer).action_close()
        recall = self.Recall.search([("origin_ref", "=", f"qt.quality.hold,{hold.id}")])
        recall.line_ids = [
            (0, 0, {"partner_id": self.customers[0].id, "qty_delivered": 5})
        ]
        recall.action_send_notices()
        recall.line_ids.write({"qty_returned": 5, "is_received_nonconforming": True})
        recall.action_close()
        hold.with_user(self.officer).action_close()
        self.assertEqual(hold.state, "closed")

    def test_cancel_only_before_confirmation(self):
        hold = self._confirmed()
        with self.assertRaises(UserError):
            hold.with_user(self.officer).action_cancel()
        other = self._evaluating()
        other.with_user(self.officer).action_cancel()
        self.assertEqual(other.state, "cancel")

    def test_raise_issue(self):
        hold = self._confirmed()
        action = hold.action_raise_issue()
        self.assertEqual(action["res_model"], "qt.issue")
        self.assertEqual(
            action["context"]["default_origin_ref"], f"qt.quality.hold,{hold.id}"
        )
        self.assertIn("qt.quality.hold", self.env["qt.issue"]._origin_models())


@tagged("post_install", "-at_install")
class TestQualityHoldDeadline(QualityRecallCommon):
    def test_settings_default(self):
        """The containment, notice check and recall notice periods default to 24
        calendar hours (our number: the seeds say immediately)."""
        self.assertEqual(self.company.qt_hold_contain_hours, 24)
        self.assertEqual(self.company.qt_notice_check_hours, 24)
        self.assertEqual(self.company.qt_recall_notice_hours, 24)

    def test_r_qt_27_containment_due(self):
        """000/R-QT-27: containment is due 24 calendar hours after the confirmation,
        kept by the engine on the hold; containing it meets the timer."""
        with freeze_time("2026-09-30 10:00:00"):
            hold = self._confirmed(is_purchasing_notified=True)
            self.env.flush_all()
        self.assertEqual(hold.contain_hours, 24)
        self.assertEqual(
            hold.contain_due, fields.Datetime.to_datetime("2026-10-01 10:00:00")
        )
        with freeze_time("2026-10-01 09:59:00"):
            hold.with_user(self.officer).action_contain()
            self.env.flush_all()
        timer = hold.deadline_timer_ids
        self.assertEqual(timer.state, "met")
        self.assertFalse(timer.is_late)

    def test_r_qt_27_changed_setting(self):
        """000/R-QT-27: a changed containment period (4 h) applies to new holds."""
        self.company.qt_hold_contain_hours = 4
        with freeze_time("2026-09-30 10:00:00"):
            hold = self._confirmed()
            self.env.flush_all()
        self.assertEqual(hold.contain_hours, 4)
        self.assertEqual(
            hold.contain_due, fields.Datetime.to_datetime("2026-09-30 14:00:00")
        )

    def test_no_timer_before_confirmation(self):
        hold = self._evaluating()
        self.env.flush_all()
        self.assertFalse(hold.contain_due)
