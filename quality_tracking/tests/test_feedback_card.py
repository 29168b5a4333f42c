from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_feedback import ISSUE_DAY, MONDAY, RATED, QualityFeedbackCommon

COLLECT_RULE = "quality_tracking.rule_qt_feedback_card_collect"


@tagged("post_install", "-at_install")
class TestFeedbackCard(QualityFeedbackCommon):
    @freeze_time(MONDAY)
    def test_close_issues_card(self):
        """000/R-QT-06: closing a matter issues its feedback card to the client,
        once, for the handler to collect."""
        matter = self._closed_matter()
        card = matter.feedback_card_ids
        self.assertEqual(len(card), 1)
        self.assertEqual(card.state, "issued")
        self.assertEqual(card.partner_id, self.client)
        self.assertEqual(card.user_id, self.handler)
        self.assertEqual(card.department_head_id, self.head)
        self.assertEqual(card.date_issued, ISSUE_DAY)
        self.assertFalse(self.env["qt.feedback.card"]._create_for_matters(matter))

    @freeze_time(MONDAY)
    def test_collect_period_default_and_setting(self):
        """000/R-QT-06: the card is collected within the company's period, 10
        working days by default, counted on the calendar (the holiday of Wednesday
        4 March skipped): due Tuesday 17 March; at 5 days, Tuesday 10 March."""
        self.assertEqual(self.company.qt_feedback_collect_days, 10)
        card = self._closed_matter().feedback_card_ids
        self.assertEqual(card.allowed_days, 10)
        self.assertEqual(card.collect_due, datetime(2026, 3, 17, 17, 0))
        self.company.qt_feedback_collect_days = 5
        card = self._closed_matter().feedback_card_ids
        self.assertEqual(card.allowed_days, 5)
        self.assertEqual(card.collect_due, datetime(2026, 3, 10, 17, 0))

    def test_collect_on_day_ten_on_time_day_eleven_late(self):
        """000/R-QT-06, 000/C-QT-1: a card returned on the 10th working day is on time,
        one returned on the 11th is late."""
        with freeze_time(MONDAY):
            on_time = self._closed_matter().feedback_card_ids
            late = self._closed_matter().feedback_card_ids
        with freeze_time(datetime(2026, 3, 17, 16, 0)):
            on_time.write(RATED)
            on_time.action_return()
        with freeze_time(datetime(2026, 3, 18, 9, 0)):
            late.write(RATED)
            late.action_return()
        self.assertFalse(self._timer(on_time, COLLECT_RULE).is_late)
        self.assertTrue(self._timer(late, COLLECT_RULE).is_late)
        self.assertEqual(self._timer(late, COLLECT_RULE).state, "met")

    def test_cancelled_card_stops_the_clock(self):
        """000/R-QT-06: a cancelled card's collection clock is cancelled."""
        with freeze_time(MONDAY):
            card = self._closed_matter().feedback_card_ids
            card.cancel_reason = "Issued twice"
            card.action_cancel()
        self.assertEqual(self._timer(card, COLLECT_RULE).state, "cancelled")

    @freeze_time(MONDAY)
    def test_return_needs_ratings(self):
        """000/R-QT-06: a card is returned only with every item rated; a missing
        rating is refused and nothing changes."""
        card = self._closed_matter().feedback_card_ids
        card.write(dict(RATED, rating_ethics=False))
        with self.assertRaisesRegex(ValidationError, "Professional Ethics"):
            card.action_return()
        self.assertEqual(card.state, "issued")
        self.assertFalse(card.date_returned)
        card.rating_ethics = "2"
        card.with_user(self.handler).action_return()
        self.assertEqual(card.state, "returned")
        self.assertEqual(card.date_returned, ISSUE_DAY)
        self.assertEqual(card.channel, "staff")
        self.assertEqual(card.score_overall, 4)
        with self.assertRaises(UserError):
            card.action_return()
        with self.assertRaises(UserError):
            card.unlink()
        self.assertTrue(card.exists())

    @freeze_time(MONDAY)
    def test_staff_record_paper_channel(self):
        """000/R-QT-07: staff record a paper card with its channel and date."""
        card = self._closed_matter().feedback_card_ids
        card.write(dict(RATED, channel="paper", date_returned=datetime(2026, 2, 27)))
        card.action_return()
        self.assertEqual(card.channel, "paper")
        self.assertEqual(str(card.date_returned), "2026-02-27")

    @freeze_time(MONDAY)
    def test_cancel_needs_reason(self):
        """A card is cancelled only with a reason, and only while issued."""
        card = self._closed_matter().feedback_card_ids
        with self.assertRaises(ValidationError):
            card.action_cancel()
        self.assertEqual(card.state, "issued")
        card.cancel_reason = "The client was merged; a new card was issued."
        card.action_cancel()
        self.assertEqual(card.state, "cancel")
        with self.assertRaises(UserError):
            card.action_cancel()

    @freeze_time(MONDAY)
    def test_portal_return_cannot_refill(self):
        """000/R-QT-07: the client's answers through the link return the card; a
        returned card cannot be filled in again; incomplete answers change nothing."""
        card = self._closed_matter().feedback_card_ids
        with self.assertRaises(ValidationError):
            card._portal_return({"rating_skill": "4", "comments": "Good"})
        self.assertEqual(card.state, "issued")
        self.assertFalse(card.comments)
        card._portal_return(
            dict(RATED, rating_result="9", comments=" Great work ", may_publish="1")
            | {"rating_result": "3"}
        )
        self.assertEqual(card.state, "returned")
        self.assertEqual(card.channel, "portal")
        self.assertEqual(card.comments, "Great work")
        self.assertTrue(card.may_publish)
        with self.assertRaises(UserError):
            card._portal_return(dict(RATED, rating_overall="1"))
        self.assertEqual(card.rating_overall, "4")

    @freeze_time(MONDAY)
    def test_portal_return_ignores_unknown_values(self):
        """An answer outside the scale counts as no answer."""
        card = self._closed_matter().feedback_card_ids
        with self.assertRaises(ValidationError):
            card._portal_return(dict(RATED, rating_overall="9"))
        self.assertEqual(card.state, "issued")

    def test_send_link(self):
        """000/R-QT-07: the card is e-mailed to the client with its token link; a
        client without e-mail is refused."""
        card = self._closed_matter().feedback_card_ids.with_context(
            tracking_disable=False
        )
        card.action_send()
        self.assertTrue(card.access_token)
        self.assertTrue(card.date_sent)
        message = card.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn(self.client, message.partner_ids)
        self.assertIn(f"access_token={card.access_token}", str(message.body))
        self.client.email = False
        other = self._closed_matter().feedback_card_ids
        with self.assertRaises(UserError):
            other.action_send()
        self.assertFalse(other.date_sent)

    @freeze_time(MONDAY)
    def test_raise_issue(self):
        """A returned card raises a quality issue prefilled from the card."""
        card = self._closed_matter().feedback_card_ids
        action = card.action_raise_issue()
        self.assertEqual(action["res_model"], "qt.issue")
        context = action["context"]
        self.assertEqual(context["default_origin_kind"], "feedback_card")
        issue = self.env["qt.issue"].with_context(**context).create({})
        self.assertEqual(issue.origin_ref, card)
        self.assertEqual(issue.matter_id, card.matter_id)
        self.assertEqual(card.issue_count, 1)

    @freeze_time(MONDAY)
    def test_reports_render(self):
        """《法律服务质量反馈卡》 and 《顾客满意度调查表》 print from a card, blank or
        filled."""
        card = self._closed_matter().feedback_card_ids
        report = self.env["ir.actions.report"]
        html = report._render_qweb_html(
            "quality_tracking.report_qt_feedback_card", card.ids
        )[0].decode()
        self.assertIn("《法律服务质量反馈卡》", html)
        self.assertIn(card.name, html)
        card.write(RATED)
        card.action_return()
        html = report._render_qweb_html(
            "quality_tracking.report_qt_satisfaction_survey_card", card.ids
        )[0].decode()
        self.assertIn("《顾客满意度调查表》", html)
        self.assertIn("☑", html)

    def test_overdue_card_reminds_handler_then_head(self):
        """000/R-QT-06 (000/C-QT-1, the reminder): a day before the due time the handler
        gets a to-do to collect the card; once late, the department head; each
        once, however often the sweep runs."""
        with freeze_time(MONDAY):
            card = self._closed_matter().feedback_card_ids
        cron = self.env.ref("business_deadline.ir_cron_business_deadline_timer_sweep")
        activities = self.env["mail.activity"]
        domain = [("res_model", "=", card._name), ("res_id", "=", card.id)]
        with freeze_time(datetime(2026, 3, 16, 18, 0)):
            with self.enter_registry_test_mode():
                cron.method_direct_trigger()
        self.env.invalidate_all()
        self.assertEqual(activities.search(domain).user_id, self.handler)
        with freeze_time(datetime(2026, 3, 18, 9, 0)):
            with self.enter_registry_test_mode():
                cron.method_direct_trigger()
                cron.method_direct_trigger()
        self.env.invalidate_all()
        self.assertEqual(activities.search(domain).user_id, self.handler | self.head)
        self.assertEqual(len(activities.search(domain)), 2)
        self.assertEqual(card.deadline_state, "breached")
