from datetime import datetime

from odoo.tests import freeze_time, tagged

from .common_cr_desk import CrDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-11 01:00:00")
class TestCrDeskCrons(CrDeskCommon):
    """The desk's daily crons, run as the scheduler does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.cr_dispatch_supervisor_id = cls.supervisor
        cls.department.manager_id = cls.supervisor.employee_ids[:1]
        cls.review_type = cls.env.ref("client_relations.mail_activity_type_cr_review")

    def _run(self, xmlid):
        """Run the cron as the scheduler does (its own transaction)."""
        cron = self.env.ref(xmlid)
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    def _review_activities(self, requests):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "cr.request"),
                ("res_id", "in", requests.ids),
                ("activity_type_id", "=", self.review_type.id),
            ]
        )

    def test_daily_review(self):
        """004/R9-4: every day the dispatch supervisor gets a review to-do on each
        complaint of the days before not yet reviewed, once; marking it reviewed
        signs it (by, at) and closes the to-do; a complaint about him is not his
        to review."""
        Request = self.Request.with_context(cr_no_repeat_link=True)
        yesterday = Request.create(
            self._complaint_vals(date_received=datetime(2026, 11, 10, 2, 0))
        )
        today = Request.create(
            self._complaint_vals(date_received=datetime(2026, 11, 11, 0, 30))
        )
        about_him = Request.create(
            self._complaint_vals(
                date_received=datetime(2026, 11, 10, 2, 0),
                subject_user_ids=[(6, 0, self.supervisor.ids)],
            )
        )
        service = Request.create(
            self._service_vals(date_received=datetime(2026, 11, 10, 2, 0))
        )
        cron = "client_relations.ir_cron_cr_review_complaints"
        self._run(cron)
        activities = self._review_activities(yesterday | today | about_him | service)
        self.assertEqual(activities.mapped("res_id"), yesterday.ids)
        self.assertEqual(activities.user_id, self.supervisor)
        self._run(cron)
        self.assertEqual(len(self._review_activities(yesterday)), 1)
        yesterday.with_user(self.supervisor).action_review()
        self.assertEqual(yesterday.reviewed_by_id, self.supervisor)
        self.assertEqual(yesterday.date_reviewed, datetime(2026, 11, 11, 1, 0))
        self.assertFalse(self._review_activities(yesterday))
        self._run(cron)
        self.assertFalse(self._review_activities(yesterday))

    def test_review_without_supervisor_setting(self):
        """004/R9-4: without a dispatch supervisor in the settings, nothing is
        scheduled (and nothing fails)."""
        self.company.cr_dispatch_supervisor_id = False
        complaint = self._complaint(date_received=datetime(2026, 11, 10, 2, 0))
        self._run("client_relations.ir_cron_cr_review_complaints")
        self.assertFalse(self._review_activities(complaint))

    def test_carry_over(self):
        """004/R10-3: a request not dispatched on the day it came goes first the
        next day: marked, urgent, a to-do for the department manager; a dispatched
        one or one of today is left alone; the cron does it once."""
        Request = self.Request.with_context(cr_no_repeat_link=True)
        late = Request.create(
            self._service_vals(date_received=datetime(2026, 11, 10, 8, 0))
        )
        late.action_register()
        dispatched = Request.create(
            self._service_vals(date_received=datetime(2026, 11, 10, 8, 0))
        )
        dispatched.action_register()
        dispatched.action_dispatch()
        fresh = Request.create(
            self._service_vals(date_received=datetime(2026, 11, 11, 0, 30))
        )
        cron = "client_relations.ir_cron_cr_carry_over"
        self._run(cron)
        self.assertTrue(late.is_carried_over)
        self.assertEqual(late.priority, "3")
        self.assertFalse(dispatched.is_carried_over)
        self.assertFalse(fresh.is_carried_over)
        self.assertEqual(late.activity_ids.user_id, self.supervisor)
        late.priority = "2"
        self._run(cron)
        self.assertEqual(late.priority, "2")
        self.assertEqual(len(late.activity_ids), 1)
