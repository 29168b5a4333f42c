from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_feedback import MONDAY, QualityFeedbackCommon


@tagged("post_install", "-at_install")
class TestReturnVisit(QualityFeedbackCommon):
    def _visit(self, **vals):
        return (
            self.env["qt.return.visit"]
            .with_user(self.head)
            .create({"visitor_id": self.head.id, "method": "phone", **vals})
        )

    def test_methods(self):
        """000/R-QT-08: on site, by phone or by e-mail (letters and faxes for
        products)."""
        methods = dict(
            self.env["qt.return.visit"]
            ._fields["method"]
            ._description_selection(self.env)
        )
        self.assertEqual(set(methods), {"on_site", "phone", "email", "letter", "fax"})

    @freeze_time(MONDAY)
    def test_matter_or_customer(self):
        """A visit is about a matter (its client and department follow) or a
        customer; neither is refused."""
        with self.assertRaises(ValidationError):
            self._visit()
        matter = self._closed_matter()
        visit = self._visit(matter_id=matter.id)
        self.assertEqual(visit.partner_id, self.client)
        self.assertEqual(visit.department_id, self.department)
        self.assertTrue(self._visit(partner_id=self.other_client.id))
        self.assertEqual(matter.return_visit_count, 1)
        self.assertEqual(
            matter.action_view_return_visits()["domain"],
            [("matter_id", "=", matter.id)],
        )
        self.assertEqual(self.client.with_user(self.head).qt_return_visit_count, 1)
        self.assertEqual(self.client.with_user(self.head).qt_feedback_card_count, 1)

    @freeze_time(MONDAY)
    def test_done_needs_record(self):
        """000/R-QT-08: the visitor's record is mandatory to mark the visit done;
        an empty record (or blank HTML) is refused and nothing changes."""
        visit = self._visit(partner_id=self.client.id, record="<p><br></p>")
        with self.assertRaisesRegex(ValidationError, "R-QT-08"):
            visit.action_done()
        self.assertEqual(visit.state, "planned")
        self.assertFalse(visit.date_done)
        visit.record = "<p>客户对办案质量满意。</p>"
        visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.date_done, date(2026, 3, 2))
        with self.assertRaises(UserError):
            visit.action_done()
        with self.assertRaises(UserError):
            visit.unlink()

    @freeze_time(MONDAY)
    def test_done_date_not_in_future(self):
        visit = self._visit(
            partner_id=self.client.id, record="<p>ok</p>", date_done=date(2026, 3, 9)
        )
        with self.assertRaises(ValidationError):
            visit.action_done()
        self.assertEqual(visit.state, "planned")

    @freeze_time(MONDAY)
    def test_cancel_and_plan_again(self):
        visit = self._visit(partner_id=self.client.id)
        visit.action_cancel()
        self.assertEqual(visit.state, "cancel")
        with self.assertRaises(UserError):
            visit.action_done()
        visit.action_reset_planned()
        self.assertEqual(visit.state, "planned")

    @freeze_time(MONDAY)
    def test_raise_issue_and_survey_form(self):
        """A visit's findings raise a quality issue; the 《顾客满意度调查表》 prints
        from it for the visitor."""
        visit = self._visit(
            matter_id=self._closed_matter().id,
            record="<p>回访记录</p>",
            findings="客户反映文书送达不及时",
        )
        visit.action_done()
        context = visit.action_raise_issue()["context"]
        issue = self.env["qt.issue"].with_context(**context).create({})
        self.assertEqual(issue.origin_kind, "return_visit")
        self.assertEqual(issue.origin_ref, visit)
        self.assertEqual(issue.partner_id, self.client)
        self.assertEqual(visit.issue_count, 1)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "quality_tracking.report_qt_satisfaction_survey_visit", visit.ids
            )[0]
            .decode()
        )
        self.assertIn("《顾客满意度调查表》", html)
        self.assertIn("客户反映文书送达不及时", html)
