from datetime import datetime

from odoo.tests import freeze_time, tagged

from .common_cr_desk import CrDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-30 02:00:00")
class TestCrDeskDeadlines(CrDeskCommon):
    """The complaint and fault deadlines are business.deadline.rule data."""

    def _timer(self, request, xmlid):
        rule = self.env.ref(xmlid)
        return request.deadline_timer_ids.filtered(lambda t: t.rule_id == rule)

    def test_investigation_and_reply_over_national_day(self):
        """000/R-CR-14, 004/R1-1: investigation within 1 working day; 000/R-CR-15,
        004/R1-2, 004/R16-4: a satisfactory reply within 2. Received on 30 September
        2026 (Shanghai), China's National Day holidays (1-7 October) push them to
        17:00 on 8 October and on 9 October."""
        request = self._complaint(date_received=datetime(2026, 9, 30, 2, 0))
        # the end of the working day: 17:00 in Shanghai (UTC+8)
        self.assertEqual(request.investigation_due, datetime(2026, 10, 8, 9, 0))
        self.assertEqual(request.reply_due, datetime(2026, 10, 9, 9, 0))
        investigation = self._timer(
            request, "client_relations.rule_cr_request_investigation"
        )
        reply = self._timer(request, "client_relations.rule_cr_request_reply")
        self.assertEqual(investigation.state, "running")
        request.user_id = self.owner
        request.action_register()
        request.action_dispatch()
        request.action_start()
        self.assertEqual(investigation.state, "met")
        self.assertEqual(reply.state, "running")
        request.decision = "Retrain"
        request.action_decide()
        request.reply_text = "<p>Answer</p>"
        request.action_resolve()
        self.assertEqual(reply.state, "met")

    def test_no_complaint_deadline_for_service(self):
        """000/R-CR-14/15: only complaints get the investigation and reply clocks."""
        request = self._service()
        self.assertFalse(request.investigation_due)
        self.assertFalse(request.reply_due)

    def test_major_fault_two_hours(self):
        """002/R44: a major fault is handled within 2 hours; a serious one has no
        such limit in the seed."""
        major = self.Request.create(
            {
                "subject": "All services down",
                "kind": "fault",
                "fault_scope": "all",
                "date_received": datetime(2026, 9, 30, 2, 0),
            }
        )
        self.assertEqual(major.fault_due, datetime(2026, 9, 30, 4, 0))
        serious = self.Request.create(
            {
                "subject": "One service down",
                "kind": "fault",
                "fault_scope": "service_type",
                "fault_minutes": 90,
            }
        )
        self.assertFalse(serious.fault_due)
        timer = self._timer(major, "client_relations.rule_cr_request_major_fault")
        major.write({"state": "resolved"})
        self.assertEqual(timer.state, "met")

    def test_escalated_opinion_within_a_working_day(self):
        """004/R15-1: an escalated complaint gets a handling opinion within 1
        working day of the escalation, met by the decision."""
        request = self._complaint(user_id=self.owner.id)
        request.action_register()
        request.escalation_reason = "The regional manager must give an opinion"
        request.action_escalate()
        self.assertEqual(request.opinion_due, datetime(2026, 10, 8, 9, 0))
        request.action_dispatch()
        request.decision = "Refund half of the fee"
        request.with_user(self.supervisor).sudo().action_decide()
        timer = self._timer(request, "client_relations.rule_cr_request_opinion")
        self.assertEqual(timer.state, "met")

    def test_promised_answer_reminder(self):
        """003/HR-D18-1: the definite answer promised to the client is due at the
        promised time; past it the handler gets a reminder activity, and an
        answer given before it meets the deadline."""
        rule = self.env.ref("client_relations.rule_cr_request_promised")
        late = self._service(
            user_id=self.owner.id, date_promised=datetime(2026, 9, 30, 6, 0)
        )
        on_time = self._service(
            user_id=self.owner.id, date_promised=datetime(2026, 9, 30, 6, 0)
        )
        timer = self._timer(late, "client_relations.rule_cr_request_promised")
        self.assertEqual(timer.rule_id, rule)
        self.assertEqual(timer.due_time, datetime(2026, 9, 30, 6, 0))
        self.assertEqual(timer.user_id, self.owner)
        self._to_resolved(on_time)
        self.assertEqual(
            self._timer(on_time, "client_relations.rule_cr_request_promised").state,
            "met",
        )
        cron = self.env.ref("business_deadline.ir_cron_business_deadline_timer_sweep")
        with freeze_time("2026-09-30 07:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
        self.assertEqual(timer.state, "breached")
        activity = late.activity_ids.filtered(
            lambda a: a.summary == "Give the client the answer promised"
        )
        self.assertEqual(activity.user_id, self.owner)
        self.assertFalse(
            on_time.activity_ids.filtered(
                lambda a: a.summary == "Give the client the answer promised"
            )
        )
