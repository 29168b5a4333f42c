from freezegun import freeze_time
from psycopg2.errors import CheckViolation

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common_recall import QualityRecallCommon


@tagged("post_install", "-at_install")
class TestRecall(QualityRecallCommon):
    def test_no_product_no_lot_refused(self):
        """Issue 8 item 9: a recall with no lot and no product is refused, nothing
        written; a lot alone or a product alone is enough."""
        count = self.Recall.search_count([])
        with (
            self.assertRaisesRegex(ValidationError, "product or the lot"),
            self.env.cr.savepoint(),
        ):
            self.Recall.create({"lot_ref": "  "})
        self.assertEqual(self.Recall.search_count([]), count)
        self.assertTrue(self.Recall.create({"lot_ref": "L1"}))
        self.assertTrue(self.Recall.create({"product_id": self.glove.id}))

    def test_notices_need_customers(self):
        recall = self._recall(lines=0)
        with self.assertRaisesRegex(UserError, "customers"):
            recall.action_send_notices()
        self.assertEqual(recall.state, "draft")

    def test_send_notices_and_counts(self):
        """001/WF-6: the notice time is recorded per customer; counts of notices
        sent, returns received and outstanding follow the lines."""
        recall = self._recall()
        self.assertEqual(
            (recall.customer_count, recall.notice_count, recall.outstanding_count),
            (3, 0, 3),
        )
        with freeze_time("2026-06-01 09:00:00"):
            recall.action_send_notices()
        self.assertEqual(recall.state, "notified")
        self.assertEqual(
            set(recall.line_ids.mapped("date_notified")),
            {fields.Datetime.to_datetime("2026-06-01 09:00:00")},
        )
        self.assertEqual(recall.notice_count, 3)
        line = recall.line_ids[0]
        line.write({"qty_returned": 10, "is_received_nonconforming": True})
        self.assertEqual(line.line_state, "returned")
        self.assertEqual(
            (recall.returned_count, recall.outstanding_count, recall.qty_returned),
            (1, 2, 10.0),
        )
        with self.assertRaisesRegex(UserError, "notified already"):
            recall.action_send_notices()

    def test_returned_more_than_delivered_refused(self):
        """A customer returns at most what was delivered: 10.01 of 10 refused."""
        recall = self._recall(lines=1)
        with (
            self.assertRaises(CheckViolation),
            self.cr.savepoint(),
            mute_logger("odoo.sql_db"),
        ):
            recall.line_ids.write({"qty_returned": 10.01})
            self.env.flush_all()
        recall.line_ids.write({"qty_returned": 10})
        self.env.flush_all()
        self.assertEqual(recall.line_ids.line_state, "returned")

    def test_close_needs_every_line_returned_or_explained(self):
        """Closing needs every customer's goods returned or the shortfall explained:
        9.99 of 10 returned is refused, 10 or an explanation closes."""
        recall = self._recall(lines=2)
        recall.action_send_notices()
        first, second = recall.line_ids
        first.write({"qty_returned": 9.99, "is_received_nonconforming": True})
        second.write({"qty_returned": 10, "is_received_nonconforming": True})
        recall.action_start_returns()
        with self.assertRaisesRegex(UserError, "cannot close"):
            recall.action_close()
        self.assertEqual(recall.state, "returning")
        first.explanation = "0.01 used in surgery"
        recall.action_close()
        self.assertEqual(recall.state, "closed")
        self.assertTrue(recall.date_closed)

    def test_close_needs_nonconforming_receipt(self):
        """Returned goods are received as nonconforming (000/WF-QT-8 step 3)."""
        recall = self._recall(lines=1)
        recall.action_send_notices()
        recall.line_ids.qty_returned = 10
        with self.assertRaisesRegex(UserError, "nonconforming"):
            recall.action_close()
        recall.line_ids.is_received_nonconforming = True
        recall.action_close()
        self.assertEqual(recall.state, "closed")

    def test_start_returns_needs_a_return(self):
        recall = self._recall(lines=1)
        recall.action_send_notices()
        with self.assertRaises(UserError):
            recall.action_start_returns()
        self.assertEqual(recall.state, "notified")

    def test_cancel(self):
        recall = self._recall()
        recall.action_cancel()
        self.assertEqual(recall.state, "cancel")
        with self.assertRaises(UserError):
            recall.action_send_notices()

    def test_notice_deadline(self):
        """001/WF-6: the notices are due 24 calendar hours after the recall's opening
        (our number); sent a minute later, the timer is met late."""
        with freeze_time("2026-09-30 10:05:00"):
            recall = self._recall(date_opened="2026-09-30 10:00:00")
            self.env.flush_all()
        self.assertEqual(
            recall.notice_due, fields.Datetime.to_datetime("2026-10-01 10:00:00")
        )
        with freeze_time("2026-10-01 10:01:00"):
            recall.action_send_notices()
            self.env.flush_all()
        self.assertTrue(recall.deadline_timer_ids.is_late)

    def test_notice_deadline_changed_setting(self):
        """001/WF-6: a changed notice period (8 h) applies to new recalls."""
        self.company.qt_recall_notice_hours = 8
        recall = self._recall(date_opened="2026-09-30 10:00:00")
        self.env.flush_all()
        self.assertEqual(
            recall.notice_due, fields.Datetime.to_datetime("2026-09-30 18:00:00")
        )

    def test_from_adverse_event(self):
        """An adverse event opens a hold and a recall of its device and lot."""
        event = self.env["qt.adverse.event"].create(
            {"product_id": self.stent.id, "lot_ref": "L5"}
        )
        hold = self.Hold.browse(event.action_open_quality_hold()["res_id"])
        recall = self.Recall.browse(event.action_open_recall()["res_id"])
        self.assertEqual((hold.origin_ref, hold.lot_ref), (event, "L5"))
        self.assertEqual((recall.origin_ref, recall.product_id), (event, self.stent))
        self.assertEqual((event.hold_count, event.recall_count), (1, 1))

    def test_return_notice_report(self):
        """The return notice (退货通知) prints the customers and the counts, in
        Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["quality_tracking"], ["zh_CN"], overwrite=True
        )
        recall = self._recall(lines=3)
        recall.action_send_notices()
        html = str(
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "quality_tracking.action_report_qt_recall_notice", recall.ids
            )[0],
            "utf-8",
        )
        for text in (recall.name, "Hospital 1", "Hospital 3", "L1"):
            self.assertIn(text, html)


@tagged("post_install", "-at_install")
class TestFocusedDevices(QualityRecallCommon):
    def test_r39_class_iii_flagged(self):
        """001/R-39, 000/R-QT-26: holds, recalls and adverse events of a Class III
        device are focused; Class II ones are not."""
        focus_hold, plain_hold = self._hold(), self._hold(product_id=self.glove.id)
        focus_recall = self._recall(lines=0)
        plain_recall = self._recall(lines=0, product_id=self.glove.id)
        Event = self.env["qt.adverse.event"]
        focus_event = Event.create({"product_id": self.stent.id})
        plain_event = Event.create({"product_id": self.glove.id})
        self.assertEqual(
            [r.is_focus for r in (focus_hold, focus_recall, focus_event)], [True] * 3
        )
        self.assertEqual(
            [r.is_focus for r in (plain_hold, plain_recall, plain_event)], [False] * 3
        )
        domain = [("is_focus", "=", True)]
        self.assertIn(focus_hold, self.Hold.search(domain))
        self.assertNotIn(plain_hold, self.Hold.search(domain))
        self.assertIn(focus_event, Event.search(domain))
        self.assertNotIn(plain_event, Event.search(domain))

    def test_r39_class_change_follows(self):
        """001/R-39: a device moved to Class III becomes focused with its records."""
        hold = self._hold(product_id=self.glove.id)
        self.glove.qt_device_class = "3"
        self.assertTrue(hold.is_focus)
        self.assertIn(
            self.glove.product_tmpl_id,
            self.env["product.template"].search(
                safe_eval(
                    self.env.ref("quality_tracking.qt_focused_device_action").domain
                )
            ),
        )
