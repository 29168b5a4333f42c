from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_feedback import MONDAY, QualityFeedbackCommon

RESOLVE_RULE = "quality_tracking.rule_qt_tracking_record_resolve"
CHECKS = {
    "check_process": "yes",
    "check_quality": "yes",
    "check_delivery": "yes",
    "check_service": "yes",
    "check_complaint": "na",
}


@tagged("post_install", "-at_install")
class TestTrackingRecord(QualityFeedbackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = cls.handler
        cls.sales_head = cls.head

    def _record(self, **vals):
        return (
            self.env["qt.tracking.record"]
            .with_user(self.salesperson)
            .create(
                {
                    "partner_id": self.client.id,
                    "product_name": "Pump P-200",
                    "department_id": self.department.id,
                    "method": "phone",
                    **CHECKS,
                    **vals,
                }
            )
        )

    def _forwarded(self, **vals):
        record = self._record(**vals)
        record.action_submit()
        record.with_user(self.sales_head).action_forward()
        return record

    def _resolve(self, record):
        record = record.with_user(self.officer)
        record.write(
            {
                "cause_analysis": "Seal worn out",
                "handling_opinion": "Replace the seal free of charge",
                "date_user_informed": datetime.now().date(),
                "notified_department_ids": [self.department.id],
            }
        )
        record.action_resolve()

    def test_flow(self):
        """WF-QT-5: draft → submitted to the sales head → forwarded to the quality
        department → resolved → closed."""
        with freeze_time(MONDAY):
            record = self._record()
            self.assertEqual(record.sales_head_id, self.sales_head)
            record.action_submit()
            self.assertEqual(record.state, "submitted")
            self.assertFalse(record.resolve_due)
            record.with_user(self.sales_head).action_forward()
            self.assertEqual(record.state, "forwarded")
            self.assertEqual(record.date_forwarded, MONDAY)
            self._resolve(record)
            self.assertEqual(record.state, "resolved")
            record.with_user(self.officer).action_close()
            self.assertEqual(record.state, "closed")

    @freeze_time(MONDAY)
    def test_five_checks_required(self):
        """000/R-QT-29: the five tracking checks are answered before submitting;
        one missing is refused and nothing changes."""
        for check in CHECKS:
            record = self._record(**{check: False})
            with self.assertRaises(ValidationError):
                record.action_submit()
            self.assertEqual(record.state, "draft")
        record = self._record()
        record.action_submit()
        self.assertEqual(record.state, "submitted")

    @freeze_time(MONDAY)
    def test_force_majeure_needs_understanding(self):
        """001/R-76: a late delivery due to force majeure needs the customer's
        understanding recorded; on time, or late without force majeure, it does
        not."""
        record = self._record(check_delivery="no", is_force_majeure=True)
        with self.assertRaisesRegex(ValidationError, "R-76"):
            record.action_submit()
        self.assertEqual(record.state, "draft")
        record.is_customer_understanding = True
        record.action_submit()
        self.assertEqual(record.state, "submitted")
        self._record(check_delivery="no").action_submit()
        self._record(check_delivery="yes", is_force_majeure=True).action_submit()

    @freeze_time(MONDAY)
    def test_only_head_or_quality_forwards(self):
        """Only the record's sales head (or the quality department) forwards it."""
        record = self._record()
        record.action_submit()
        self.assertFalse(record.can_forward)
        with self.assertRaises(AccessError):
            record.action_forward()
        self.assertEqual(record.state, "submitted")
        self.assertFalse(record.date_forwarded)
        record.with_user(self.officer).action_forward()
        self.assertEqual(record.state, "forwarded")

    @freeze_time(MONDAY)
    def test_resolve_guards(self):
        """Resolving needs the quality department, the cause analysis, the handling
        opinion and the date the user was told (not before forwarding)."""
        record = self._forwarded()
        with self.assertRaises(AccessError):
            record.with_user(self.sales_head).action_resolve()
        as_officer = record.with_user(self.officer)
        with self.assertRaises(ValidationError):
            as_officer.action_resolve()
        as_officer.write({"cause_analysis": "Seal", "handling_opinion": "Replace"})
        with self.assertRaises(ValidationError):
            as_officer.action_resolve()
        as_officer.date_user_informed = date(2026, 3, 1)
        with self.assertRaises(ValidationError):
            as_officer.action_resolve()
        self.assertEqual(record.state, "forwarded")
        as_officer.date_user_informed = date(2026, 3, 2)
        as_officer.action_resolve()
        self.assertEqual(record.state, "resolved")

    @freeze_time(MONDAY)
    def test_sales_head_required(self):
        """A record without a sales department head to receive it is refused."""
        record = self._record(department_id=False)
        self.assertFalse(record.sales_head_id)
        with self.assertRaises(ValidationError):
            record.action_submit()
        self.assertEqual(record.state, "draft")

    @freeze_time(MONDAY)
    def test_resolve_days_not_negative(self):
        with self.assertRaises(ValidationError):
            self._record(resolve_days=-1)

    @freeze_time(MONDAY)
    def test_unlink_only_draft_or_cancelled(self):
        record = self._forwarded().with_user(self.manager)
        with self.assertRaises(UserError):
            record.unlink()
        draft = self._record().with_user(self.manager)
        draft.unlink()
        self.assertFalse(draft.exists())

    @freeze_time(MONDAY)
    def test_wrong_state_refused(self):
        record = self._record()
        with self.assertRaises(UserError):
            record.with_user(self.officer).action_forward()
        with self.assertRaises(UserError):
            record.with_user(self.officer).action_close()
        record.action_cancel()
        self.assertEqual(record.state, "cancel")
        record.action_reset_draft()
        self.assertEqual(record.state, "draft")

    def test_resolution_period_fifteen_working_days(self):
        """000/R-QT-20: forwarded on Monday 2 March 2026 09:00 with the public holiday
        of Wednesday 4 March, the quality department resolves by the end of the 15th
        working day, Tuesday 24 March: resolved that day is on time, resolved on the
        16th working day (Wednesday 25 March) is late."""
        self.assertEqual(self.company.qt_tracking_resolve_days, 15)
        with freeze_time(MONDAY):
            on_time = self._forwarded()
            late = self._forwarded()
        self.assertEqual(on_time.resolve_days, 15)
        self.assertEqual(on_time.resolve_due, datetime(2026, 3, 24, 17, 0))
        with freeze_time(datetime(2026, 3, 24, 16, 30)):
            self._resolve(on_time)
        with freeze_time(datetime(2026, 3, 25, 9, 0)):
            self._resolve(late)
        on_time_timer = self._timer(on_time, RESOLVE_RULE)
        late_timer = self._timer(late, RESOLVE_RULE)
        self.assertEqual(on_time_timer.state, "met")
        self.assertFalse(on_time_timer.is_late)
        self.assertEqual(late_timer.state, "met")
        self.assertTrue(late_timer.is_late)

    def test_resolution_period_setting(self):
        """000/R-QT-20: a resolution period changed to 10 working days takes effect
        on the records created afterwards: due Tuesday 17 March."""
        self.env["res.config.settings"].create(
            {"qt_tracking_resolve_days": 10}
        ).execute()
        self.assertEqual(self.company.qt_tracking_resolve_days, 10)
        with freeze_time(MONDAY):
            record = self._forwarded()
        self.assertEqual(record.resolve_days, 10)
        self.assertEqual(record.resolve_due, datetime(2026, 3, 17, 17, 0))

    def test_overdue_escalates_to_quality_manager(self):
        """000/R-QT-20, 000/C-QT-4: past the due time, the sweep breaches the timer and
        tells the quality managers, once."""
        with freeze_time(MONDAY):
            record = self._forwarded()
        cron = self.env.ref("business_deadline.ir_cron_business_deadline_timer_sweep")
        with freeze_time(datetime(2026, 3, 25, 9, 0)):
            with self.enter_registry_test_mode():
                cron.method_direct_trigger()
                cron.method_direct_trigger()
        self.env.invalidate_all()
        timer = self._timer(record, RESOLVE_RULE)
        self.assertEqual(timer.state, "breached")
        self.assertEqual(record.deadline_state, "breached")
        notes = record.message_ids.filtered(
            lambda m: self.manager.partner_id in m.partner_ids
        )
        self.assertEqual(len(notes), 1)

    @freeze_time(MONDAY)
    def test_raise_issue_and_report(self):
        """A tracking record raises a quality issue (CAPA origin); 《质量跟踪记录表》
        prints."""
        record = self._forwarded()
        context = record.action_raise_issue()["context"]
        self.assertEqual(context["default_origin_kind"], "tracking_record")
        issue = self.env["qt.issue"].with_context(**context).create({})
        self.assertEqual(issue.origin_ref, record)
        self.assertEqual(issue.partner_id, self.client)
        self.assertEqual(record.with_user(self.officer).issue_count, 1)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "quality_tracking.report_qt_tracking_record", record.ids
            )[0]
            .decode()
        )
        self.assertIn("《质量跟踪记录表》", html)
        self.assertIn("Pump P-200", html)
