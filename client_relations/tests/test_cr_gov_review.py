from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from .common_cr_gov import CrGovCommon


@tagged("post_install", "-at_install")
class TestCrGovReview(CrGovCommon):
    def _review(self, **vals):
        return (
            self.env["cr.review"]
            .with_user(self.slm)
            .create(
                {
                    "name": "2026 annual review (test)",
                    "agreement_ids": [Command.set(self.agreement.ids)],
                    "user_id": self.slm.id,
                    "participant_ids": [
                        Command.set((self.owner | self.other_owner).ids)
                    ],
                    "agenda_performance": "October on-time rate 92 %",
                    "agenda_issues": "Night calls answered late",
                    **vals,
                }
            )
        )

    def _held(self, when="2026-01-10 01:00:00", **vals):
        review = self._review(**vals)
        with freeze_time(when):
            review.action_hold()
        return review

    def test_next_review_due_a_year_later(self):
        """003/HR-D1-1: the next review is due 365 calendar days after the last
        one was held (the deadline rule's due date); past it the review is
        flagged overdue and the service level manager gets an activity; the next
        review held meets it (late here)."""
        self.assertEqual(self.company.cr_review_interval_days, 365)
        review = self._held()
        self.assertEqual(review.state, "held")
        # the service level manager has no deadline rights: the timer as admin
        timer = review.sudo().deadline_timer_ids
        self.assertEqual(
            timer.rule_id, self.env.ref("client_relations.rule_review_next")
        )
        self.assertEqual(review.date_next_due, timer.due_time)
        self.assertEqual(review.date_next_due.date(), date(2027, 1, 10))
        self.assertEqual(self.agreement.cr_review_due, review.date_next_due)
        with freeze_time("2027-01-09 12:00:00"):
            self.assertFalse(
                self.env["cr.review"].search(
                    [("id", "=", review.id), ("deadline_is_overdue", "=", True)]
                )
            )
        with freeze_time("2027-01-11 12:00:00"):
            self.assertTrue(
                self.env["cr.review"].search(
                    [("id", "=", review.id), ("deadline_is_overdue", "=", True)]
                )
            )
        # the sweep past the due time: breached, an activity for the manager
        with freeze_time("2027-01-11 12:00:00"):
            self._trigger("business_deadline.ir_cron_business_deadline_timer_sweep")
        self.assertEqual(timer.sudo().state, "breached")
        activity = review.sudo().activity_ids
        self.assertEqual(activity.user_id, self.slm)
        self.assertEqual(activity.summary, "Hold the yearly SLA review meeting")
        follow_up = self._held("2027-01-20 01:00:00", previous_review_id=review.id)
        self.assertEqual(follow_up.state, "held")
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertTrue(review.is_followed_up)
        # held late: met, and remembered as late
        self.assertEqual(timer.sudo().state, "met")
        self.assertTrue(timer.sudo().is_late)

    def test_review_interval_setting(self):
        """003/HR-D1-1: a company interval of 180 days moves the next review."""
        self.company.cr_review_interval_days = 180
        review = self._held()
        self.assertEqual(review.review_interval_days, 180)
        self.assertEqual(review.date_next_due.date(), date(2026, 7, 9))

    def test_agenda_needs_both_items(self):
        """003/HR-D1-11: a meeting is not held without the previous period's
        performance review and the current issues on its agenda."""
        review = self._review(agenda_issues=False)
        with self.assertRaises(UserError):
            review.action_hold()
        self.assertEqual(review.state, "planned")
        review.agenda_issues = "Night calls"
        review.agenda_performance = " "
        with self.assertRaises(UserError):
            review.action_hold()
        review.agenda_performance = "On time"
        review.action_hold()
        self.assertEqual(review.state, "held")

    def test_participants_from_both_departments(self):
        """003/HR-D1-12: a meeting is not held without a participant of the O&M
        department and one of the management department (sub-departments
        count); without the departments set it asks for the setting."""
        review = self._review(participant_ids=[Command.set(self.owner.ids)])
        with self.assertRaises(UserError):
            review.action_hold()
        review.participant_ids = [Command.set(self.other_owner.ids)]
        with self.assertRaises(UserError):
            review.action_hold()
        sub = self.env["hr.department"].create(
            {"name": "Field O&M", "parent_id": self.department.id}
        )
        self.owner.employee_ids.department_id = sub
        review.participant_ids = [Command.set((self.owner | self.other_owner).ids)]
        self.company.cr_review_mgmt_department_id = False
        with self.assertRaises(UserError):
            review.action_hold()
        self.company.cr_review_mgmt_department_id = self.mgmt_department
        review.action_hold()
        self.assertEqual(review.state, "held")

    def test_inputs_linked(self):
        """003/HR-D1-13: the inputs are the agreement, its service reports and
        change records since the previous review, and the previous review with
        its actions."""
        previous = self._held(
            action_ids=[
                Command.create({"name": "Add a night shift", "user_id": self.owner.id})
            ]
        )
        with freeze_time("2026-12-01 02:00:00"):
            report = self.env["cr.service.report"]._cr_generate(
                self.agreement, date(2026, 11, 1), date(2026, 11, 30)
            )
            change = self.env["cr.change.request"].create(
                {"name": "More hours", "agreement_id": self.agreement.id}
            )
        review = self._review(date="2026-12-20 01:00:00")
        review.action_load_inputs()
        self.assertEqual(review.previous_review_id, previous)
        self.assertEqual(review.previous_action_ids.name, "Add a night shift")
        self.assertEqual(review.service_report_ids, report)
        self.assertEqual(review.change_request_ids, change)
        review.action_hold()
        with self.assertRaises(UserError):
            review.action_load_inputs()

    def test_minutes_sent_to_every_participant(self):
        """003/HR-D1-14: the minutes go by mail to every participant and the
        service level manager (the mail queue), who follow the meeting; without
        minutes nothing is sent."""
        review = self._held()
        review.write(
            {"cost_assessment": "One more engineer", "satisfaction": "satisfied"}
        )
        with self.assertRaises(UserError):
            review.action_send_minutes()
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", "cr.review"), ("res_id", "=", review.id)]
            )
        )
        review.minutes = "<p>Decided: a night shift from January.</p>"
        review.action_send_minutes()
        self.assertEqual(review.state, "done")
        mail = self.env["mail.mail"].search(
            [("model", "=", "cr.review"), ("res_id", "=", review.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(
            mail.recipient_ids, (self.owner | self.other_owner | self.slm).partner_id
        )
        self.assertEqual(len(mail.attachment_ids), 1)
        self.assertIn(self.other_owner.partner_id, review.message_partner_ids)
        # the participants read the minutes; someone else does not
        self.assertTrue(review.with_user(self.other_owner).read(["minutes"]))
        self.assertFalse(
            self.env["cr.review"]
            .with_user(self.supervisor)
            .search([("id", "=", review.id)])
        )
        with self.assertRaises(UserError):
            review.action_send_minutes()

    def test_cost_considered(self):
        """003/HR-D1-15: the minutes are not sent before the potential cost of the
        service was assessed."""
        review = self._held(minutes="<p>Minutes</p>", satisfaction="satisfied")
        with self.assertRaises(UserError):
            review.action_send_minutes()
        review.cost_assessment = "No extra cost"
        review.action_send_minutes()
        self.assertEqual(review.state, "done")

    def test_satisfaction_measured(self):
        """003/HR-D1-16: the service level manager runs the meeting and measures
        the satisfaction with the performance before the minutes go out."""
        review = self._review(user_id=False)
        with self.assertRaises(UserError):
            review.action_hold()
        review.user_id = self.slm
        review.action_hold()
        review.write({"minutes": "<p>Minutes</p>", "cost_assessment": "None"})
        with self.assertRaises(UserError):
            review.action_send_minutes()
        review.satisfaction = "very_satisfied"
        review.action_send_minutes()
        self.assertEqual(review.state, "done")

    def test_only_slm_holds(self):
        """Users who are not service level managers cannot plan or hold a
        meeting; the buttons follow."""
        review = self._review()
        self.assertTrue(review.can_hold)
        self.assertFalse(review.with_user(self.owner).can_hold)
        with self.assertRaises(AccessError):
            review.with_user(self.owner).action_hold()
