from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common_supervision import SupervisionCommon


@tagged("post_install", "-at_install")
class TestSupervisionOrder(SupervisionCommon):
    def test_three_stages_and_their_criteria(self):
        """001/R-66: three stages; each criterion belongs to its stage only."""
        stages = [
            value
            for value, _label in self.env["qt.supervision.order"]
            ._fields["stage"]
            .selection
        ]
        self.assertEqual(stages, ["delivery", "cooperation", "follow_up"])
        order = self._create_order(stage="cooperation", criterion="cooperation_plan")
        self.assertEqual(order.criterion, "cooperation_plan")
        with self.assertRaises(ValidationError):
            self._create_order(stage="delivery", criterion="cooperation_plan")
        with self.assertRaises(ValidationError):
            order.stage = "follow_up"
        self._create_order(stage="follow_up", criterion="follow_up_feedback")

    def test_channel_kind(self):
        """QT-18: service-recipient evaluation, public opinion and social
        supervision are external; internal supervision is internal."""
        self.assertEqual(self._create_order(channel="social").channel_kind, "external")
        self.assertEqual(
            self._create_order(channel="internal").channel_kind, "internal"
        )

    def test_responsible_is_section_head(self):
        """QT-18: the section head is the responsible person."""
        order = self._create_order()
        self.assertEqual(order.responsible_id, self.head)

    def test_issuer_department_from_setting(self):
        """QT-18: orders are issued by the general management section set in
        the company's settings."""
        section = self.env["hr.department"].create({"name": "综合管理科"})
        self.company.qt_supervision_issuer_department_id = section
        self.assertEqual(self._create_order().issuer_department_id, section)

    def test_issue_requires_requirements(self):
        """An order is issued with at least one phased requirement."""
        order = self._create_order(line_ids=[])
        with self.assertRaises(UserError):
            order.action_issue()
        self.assertEqual(order.state, "draft")

    @freeze_time("2026-03-02 09:00:00")
    def test_workflow_and_deadline(self):
        """WF-11: issued → rectifying → verified → closed; the rectification
        is due 10 working days after issue (the company default), a changed
        setting takes effect on new orders."""
        self.assertEqual(self.company.qt_supervision_rectify_days, 10)
        calendar = self.env["resource.calendar"]._bd_default_calendar(self.company)
        order = self._create_order()
        order.action_issue()
        self.assertEqual(order.state, "issued")
        self.assertEqual(order.date_issued, date(2026, 3, 2))
        self.assertEqual(
            order.rectify_due,
            calendar._bd_add(datetime(2026, 3, 2, 9), 10, "working_days"),
        )
        order.with_user(self.head).action_start()
        self.assertEqual(order.state, "rectifying")
        order.line_ids.is_done = True
        order.verification = "已整改到位"
        order.with_user(self.officer).action_verify()
        order.action_close()
        self.assertEqual(order.state, "closed")
        self.assertEqual(order.deadline_timer_ids.state, "met")
        self.company.qt_supervision_rectify_days = 3
        other = self._create_order()
        other.action_issue()
        self.assertEqual(
            other.rectify_due,
            calendar._bd_add(datetime(2026, 3, 2, 9), 3, "working_days"),
        )

    def test_verify_guards(self):
        """Verification needs every requirement done and a result, and is not
        done by the responsible person."""
        order = self._create_order()
        order.action_issue()
        order.action_start()
        order.verification = "ok"
        with self.assertRaises(UserError):
            order.with_user(self.officer).action_verify()
        order.line_ids.is_done = True
        with self.assertRaises(UserError):
            order.with_user(self.head).action_verify()
        order.verification = False
        with self.assertRaises(UserError):
            order.with_user(self.officer).action_verify()
        self.assertEqual(order.state, "rectifying")

    def test_state_guards(self):
        """Transitions out of order are refused; a closed order is not cancelled."""
        order = self._create_order()
        with self.assertRaises(UserError):
            order.action_start()
        with self.assertRaises(UserError):
            order.action_close()
        order.action_cancel()
        with self.assertRaises(UserError):
            order.action_cancel()
        order.action_reset_draft()
        self.assertEqual(order.state, "draft")

    def test_major_problem_escalated_level_by_level(self):
        """QT-18: a major problem goes to the section head's manager on issue,
        then one level further up."""
        director = self.env["res.users"].create(
            {"name": "Director", "login": "qt_director"}
        )
        president = self.env["res.users"].create(
            {"name": "President", "login": "qt_president"}
        )
        president_employee = self.env["hr.employee"].create(
            {"name": "President", "user_id": president.id}
        )
        director_employee = self.env["hr.employee"].create(
            {
                "name": "Director",
                "user_id": director.id,
                "parent_id": president_employee.id,
            }
        )
        self.head.employee_id.parent_id = director_employee
        order = self._create_order(is_major=True)
        order.action_issue()
        self.assertEqual(order.escalated_to_id, director)
        self.assertIn(director, order.activity_ids.user_id)
        order.action_escalate()
        self.assertEqual(order.escalated_to_id, president)
        with self.assertRaises(UserError):
            order.action_escalate()

    def test_minor_problem_not_escalated(self):
        """A problem that is not major is not escalated."""
        order = self._create_order()
        order.action_issue()
        self.assertFalse(order.escalated_to_id)
        with self.assertRaises(UserError):
            order.action_escalate()

    @freeze_time("2026-05-06 09:00:00")
    def test_annual_performance(self):
        """001/R-65: an issued order counts toward its year's performance; a
        performance penalty of the responsible person is drafted from it."""
        order = self._create_order(measure="penalty")
        order.action_issue()
        self.assertEqual(order.performance_year, 2026)
        self.assertTrue(order.counts_for_performance)
        action = order.action_create_penalty()
        penalty = self.env["qt.reward.penalty"].browse(action["res_id"])
        self.assertEqual(penalty.user_id, self.head)
        self.assertEqual(penalty.source_ref, order)
        self.assertEqual(order.reward_penalty_count, 1)
        groups = self.env["qt.supervision.order"]._read_group(
            [("counts_for_performance", "=", True), ("state", "!=", "draft")],
            ["responsible_id", "performance_year"],
            ["__count"],
        )
        self.assertIn((self.head, 2026, 1), groups)

    def test_penalty_only_for_penalty_measure(self):
        """A supervised or notified order drafts no performance penalty."""
        order = self._create_order(measure="notice")
        with self.assertRaises(UserError):
            order.action_create_penalty()

    def test_raise_issue_from_order(self):
        """A supervision order raises a quality issue (major when it is major)."""
        order = self._create_order(
            is_major=False,
            line_ids=[Command.create({"name": "x", "date_due": date(2026, 3, 20)})],
        )
        action = order.action_raise_issue()
        issue = self.env["qt.issue"].with_context(**action["context"]).create({})
        self.assertEqual(issue.origin_kind, "supervision_order")
        self.assertEqual(issue.origin_ref, order)
        self.assertEqual(issue.user_id, self.head)
        self.assertEqual(order.issue_count, 1)
