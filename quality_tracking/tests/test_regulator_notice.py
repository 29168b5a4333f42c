from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_recall import QualityRecallCommon


@tagged("post_install", "-at_install")
class TestRegulatorNotice(QualityRecallCommon):
    def _notice(self, **vals):
        return self.Notice.create(
            {
                "title": "Emergency notice",
                "source": "regulator_notice",
                "product_ids": [(6, 0, (self.stent | self.glove).ids)],
                "lot_ref": "L9",
                **vals,
            }
        )

    def test_check_needs_findings(self):
        """001/QT-16: the check is recorded with what it found, by whom and when."""
        notice = self._notice()
        with self.assertRaisesRegex(UserError, "check"):
            notice.with_user(self.officer).action_check()
        self.assertEqual(notice.state, "draft")
        notice.check_note = "40 in stock quarantined, 260 sold"
        notice.with_user(self.officer).action_check()
        self.assertEqual(notice.state, "checked")
        self.assertEqual(notice.checked_by_id, self.officer)
        self.assertTrue(notice.date_checked)

    def test_check_by_quality_department_only(self):
        notice = self._notice(check_note="done")
        with self.assertRaisesRegex(UserError, "quality department"):
            notice.with_user(self.handler).action_check()
        self.assertEqual(notice.state, "draft")

    def test_open_hold_per_product_once(self):
        """001/QT-16: the notice opens a quality hold per affected product, linked
        back by its origin; a second click opens none twice."""
        notice = self._notice()
        notice.with_user(self.officer).action_open_hold()
        holds = self.Hold.search(
            [("origin_ref", "=", f"qt.regulator.notice,{notice.id}")]
        )
        self.assertEqual(holds.product_id, self.stent | self.glove)
        self.assertEqual(set(holds.mapped("source")), {"regulator_notice"})
        self.assertEqual(set(holds.mapped("lot_ref")), {"L9"})
        self.assertTrue(all(holds.mapped("is_regulator_sourced")))
        self.assertEqual(notice.hold_count, 2)
        notice.with_user(self.officer).action_open_hold()
        self.assertEqual(notice.hold_count, 2)

    def test_open_hold_needs_products(self):
        notice = self._notice(product_ids=[(5, 0, 0)])
        with self.assertRaisesRegex(UserError, "affected products"):
            notice.with_user(self.officer).action_open_hold()
        self.assertEqual(notice.hold_count, 0)

    def test_close_needs_check(self):
        notice = self._notice()
        with self.assertRaises(UserError):
            notice.with_user(self.officer).action_close()
        notice.check_note = "nothing in stock"
        notice.with_user(self.officer).action_check()
        notice.with_user(self.officer).action_close()
        self.assertEqual(notice.state, "closed")

    def test_check_deadline(self):
        """001/QT-16: the check is due 24 calendar hours after the receipt (our
        number; the seed says immediately); 23:59 h is on time."""
        with freeze_time("2026-09-30 23:05:00"):
            notice = self._notice(
                date_received="2026-09-30 23:00:00", check_note="checked"
            )
            self.env.flush_all()
        self.assertEqual(
            notice.check_due, fields.Datetime.to_datetime("2026-10-01 23:00:00")
        )
        with freeze_time("2026-10-01 22:59:00"):
            notice.with_user(self.officer).action_check()
            self.env.flush_all()
        self.assertEqual(notice.deadline_timer_ids.state, "met")
        self.assertFalse(notice.deadline_timer_ids.is_late)

    def test_check_deadline_changed_setting(self):
        """001/QT-16: a changed check period (2 h) applies to the notices received
        afterwards."""
        self.company.qt_notice_check_hours = 2
        notice = self._notice(date_received="2026-09-30 23:00:00")
        self.env.flush_all()
        self.assertEqual(notice.check_hours, 2)
        self.assertEqual(
            notice.check_due, fields.Datetime.to_datetime("2026-10-01 01:00:00")
        )

    def _queries(self, records, field):
        records.invalidate_recordset([field])
        before = self.env.cr.sql_log_count
        records.mapped(field)
        return self.env.cr.sql_log_count - before

    def test_hold_counts_query_count_flat(self):
        """The holds opened by notices are counted with one grouped query, whatever
        the number of notices."""
        notices = self.Notice.browse()
        for _n in range(6):
            notice = self._notice()
            notice.with_user(self.officer).action_open_hold()
            notices |= notice
        self.env.flush_all()
        self.assertEqual(
            self._queries(notices[:2], "hold_count"),
            self._queries(notices, "hold_count"),
        )
        self.assertEqual(notices.mapped("hold_count"), [2] * 6)
