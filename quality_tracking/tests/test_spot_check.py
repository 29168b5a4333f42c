from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common_supervision import SupervisionCommon


@tagged("post_install", "-at_install")
class TestSupervisionGroup(SupervisionCommon):
    def test_group_one_coordinator_one_executor(self):
        """004/R3-4: one coordinator and one executor, two different people."""
        self.assertEqual(len(self.group.coordinator_id), 1)
        self.assertEqual(len(self.group.executor_id), 1)
        with self.assertRaises(ValidationError):
            self.group.executor_id = self.coordinator
        self.assertEqual(self.group.executor_id, self.executor)

    def test_group_department_heads_supervise(self):
        """004/R3-4: every department head becomes a supervisor; the members are
        the coordinator, the executor and the supervisors."""
        self.group.action_add_department_heads()
        self.assertIn(self.head, self.group.supervisor_ids)
        self.assertIn(self.other_head, self.group.supervisor_ids)
        self.assertEqual(
            self.group.member_ids,
            self.coordinator | self.executor | self.group.supervisor_ids,
        )

    def test_unit_head_is_department_manager(self):
        """QT-2: a unit's head defaults to its department's manager."""
        self.assertEqual(self.unit.head_id, self.head)
        self.assertEqual(self.unit.unit_type, "window")


@tagged("post_install", "-at_install")
class TestSpotCheck(SupervisionCommon):
    def test_max_score_default(self):
        """004/R3-3: the scale's maximum is a company setting, 10 by default."""
        self.assertEqual(self.company.qt_spot_check_max_score, 10)

    def test_four_dimensions_scored_within_scale(self):
        """004/R3-3: the four dimensions are scored 1..10: 10 accepted, 11 refused."""
        check = self._create_check(scores=(10, 10, 10, 1))
        self.assertEqual(check.score_avg, 7.75)
        for name in (
            "score_spirit",
            "score_service",
            "score_status",
            "score_efficiency",
        ):
            with self.assertRaises(ValidationError):
                check.write({name: 11})
        self.assertEqual(check.score_spirit, 10)

    def test_changed_scale_takes_effect(self):
        """004/R3-3: with a maximum of 5, 5 is accepted and 6 refused."""
        self.company.qt_spot_check_max_score = 5
        check = self._create_check(scores=(5, 5, 5, 5))
        with self.assertRaises(ValidationError):
            check.score_service = 6

    def test_negative_score_refused(self):
        """A score below 0 is refused."""
        check = self._create_check()
        with self.assertRaises(ValidationError):
            check.score_status = -1

    def test_done_requires_the_four_scores(self):
        """004/R3-3: a spot check is recorded only with its four scores (0 = none)."""
        check = self._create_check(scores=(8, 8, 8, 0))
        with self.assertRaises(UserError):
            check.action_done()
        self.assertEqual(check.state, "planned")
        check.score_efficiency = 1
        check.action_done()
        self.assertEqual(check.state, "done")

    def test_done_requires_inspectors(self):
        """A check without inspectors cannot be recorded."""
        check = self._create_check(inspector_ids=[Command.clear()])
        with self.assertRaises(UserError):
            check.action_done()
        self.assertEqual(check.state, "planned")

    @freeze_time("2026-03-09 10:00:00")
    def test_done_not_before_its_date(self):
        """A check dated tomorrow cannot be recorded today."""
        check = self._create_check(date=date(2026, 3, 10))
        with self.assertRaises(UserError):
            check.action_done()
        self.assertEqual(check.state, "planned")

    def test_done_requires_checklist_results(self):
        """Every checklist line needs a result; the master items fill a new check."""
        check = self.env["qt.spot.check"].create(
            {
                "unit_id": self.unit.id,
                "date": date(2026, 3, 10),
                "inspector_ids": [Command.set(self.executor.ids)],
                "score_spirit": 8,
                "score_service": 8,
                "score_status": 8,
                "score_efficiency": 8,
            }
        )
        items = self.env["qt.spot.check.item"].search([])
        self.assertEqual(len(check.line_ids), len(items))
        with self.assertRaises(UserError):
            check.action_done()
        check.line_ids.result = "pass"
        check.action_done()
        self.assertEqual(check.state, "done")

    def test_rectification_guards(self):
        """A required rectification names what to rectify and how it was done."""
        check = self._create_check(rectification_required=True)
        with self.assertRaises(UserError):
            check.action_done()
        check.rectification = "服务用语不规范"
        check.action_done()
        with self.assertRaises(UserError):
            check.action_rectify()
        self.assertEqual(check.state, "done")
        check.rectification_result = "已培训"
        check.action_rectify()
        self.assertEqual(check.state, "rectified")

    def test_rectify_without_requirement_refused(self):
        """A check that required no rectification is not marked rectified."""
        check = self._done_check()
        with self.assertRaises(UserError):
            check.action_rectify()

    def test_cancel_only_planned(self):
        """A done check cannot be cancelled; a planned one can, and comes back."""
        check = self._done_check()
        with self.assertRaises(UserError):
            check.action_cancel()
        planned = self._create_check()
        planned.action_cancel()
        self.assertEqual(planned.state, "cancel")
        planned.action_reset_planned()
        self.assertEqual(planned.state, "planned")

    @freeze_time("2026-03-10 09:00:00")
    def test_rectification_deadline_from_engine(self):
        """QT-3: the rectification is due 5 working days after the check (the
        company's default); a changed setting takes effect on new checks."""
        self.assertEqual(self.company.qt_spot_check_rectify_days, 5)
        calendar = self.env["resource.calendar"]._bd_default_calendar(self.company)
        check = self._create_check(rectification_required=True, rectification="整改")
        self.assertFalse(check.rectify_due)
        check.action_done()
        self.assertEqual(
            check.rectify_due,
            calendar._bd_add(datetime(2026, 3, 10, 9), 5, "working_days"),
        )
        self.company.qt_spot_check_rectify_days = 2
        other = self._create_check(rectification_required=True, rectification="整改")
        self.assertEqual(other.rectify_days, 2)
        other.action_done()
        self.assertEqual(
            other.rectify_due,
            calendar._bd_add(datetime(2026, 3, 10, 9), 2, "working_days"),
        )
        self.assertLess(other.rectify_due, check.rectify_due)

    def test_no_deadline_without_rectification(self):
        """A check that requires no rectification gets no deadline."""
        check = self._done_check()
        self.assertFalse(check.rectify_due)
        self.assertFalse(check.deadline_timer_ids)

    def test_raise_issue_from_check(self):
        """A spot check raises a quality issue prefilled from it."""
        check = self._done_check(findings="<p>窗口无人值守</p>")
        action = check.action_raise_issue()
        issue = self.env["qt.issue"].with_context(**action["context"]).create({})
        self.assertEqual(issue.origin_kind, "spot_check")
        self.assertEqual(issue.origin_ref, check)
        self.assertEqual(issue.department_id, self.department)
        self.assertEqual(check.issue_count, 1)
        self.assertEqual(
            self.env["qt.issue"].search(check.action_view_issues()["domain"]), issue
        )

    def test_evaluation_needs_department(self):
        """QT-20: an evaluation names its department; a spot check its unit."""
        with self.assertRaises(ValidationError):
            self.env["qt.spot.check"].create({"kind": "periodic"})
        with self.assertRaises(ValidationError):
            self.env["qt.spot.check"].create({"kind": "spot"})
        evaluation = self.env["qt.spot.check"].create(
            {"kind": "random", "department_id": self.department.id}
        )
        self.assertFalse(evaluation.unit_id)

    def test_evaluation_reevaluated(self):
        """QT-20: a done evaluation is re-evaluated by a new linked check; no
        scores are needed for an evaluation."""
        evaluation = self.env["qt.spot.check"].create(
            {
                "kind": "periodic",
                "department_id": self.department.id,
                "date": date(2026, 3, 10),
                "inspector_ids": [Command.set(self.committee.ids)],
                "line_ids": [],
                "discussed_with_head": True,
            }
        )
        evaluation.action_done()
        action = evaluation.action_reevaluate()
        again = self.env["qt.spot.check"].browse(action["res_id"])
        self.assertEqual(again.reevaluation_of_id, evaluation)
        self.assertEqual(again.state, "planned")
        self.assertEqual(again.inspector_ids, self.committee)
        self.assertEqual(evaluation.reevaluation_ids, again)


@tagged("post_install", "-at_install")
class TestSpotCheckCrons(SupervisionCommon):
    def _activities(self, records, summary):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("summary", "=", summary),
            ]
        )

    def test_flag_day_default(self):
        """004/R3-1: units are flagged from day 25 by default; 1 check a month."""
        self.assertEqual(self.company.qt_spot_check_flag_day, 25)
        self.assertEqual(self.company.qt_spot_check_min_count, 1)

    def test_unchecked_units_flagged_once(self):
        """004/R3-1: on the 24th nothing is flagged; on the 25th the unit with 0
        done checks in the month is flagged to the coordinator, the checked one is
        not; running again flags nothing twice."""
        self._done_check(self.other_unit, date=date(2026, 3, 2))
        cron = self.env.ref("quality_tracking.ir_cron_qt_spot_check_flag_unchecked")
        units = self.unit | self.other_unit
        with freeze_time("2026-03-24 10:00:00"):
            self._trigger(cron)
        self.assertFalse(self._activities(units, "No spot check this month"))
        with freeze_time("2026-03-25 10:00:00"):
            self._trigger(cron)
            self._trigger(cron)
        activities = self._activities(units, "No spot check this month")
        self.assertEqual(activities.mapped("res_id"), self.unit.ids)
        self.assertEqual(activities.user_id, self.coordinator)
        self.assertEqual(self.unit.flagged_month, date(2026, 3, 1))

    def test_planned_or_other_month_checks_do_not_count(self):
        """004/R3-1: a planned check, or a done one of last month, leaves the unit
        unchecked this month."""
        self._create_check(date=date(2026, 3, 5))
        self._done_check(date=date(2026, 2, 27))
        with freeze_time("2026-03-31 10:00:00"):
            units = self.env["qt.spot.check"]._get_unchecked_units(
                self.company, date(2026, 3, 31)
            )
        self.assertIn(self.unit, units)

    def test_changed_minimum_and_flag_day(self):
        """004/R3-1: with a minimum of 2 checks, one done check still flags the
        unit; with flag day 10, the 10th flags."""
        self.company.qt_spot_check_min_count = 2
        self.company.qt_spot_check_flag_day = 10
        self._done_check(self.unit, date=date(2026, 3, 2))
        self._done_check(self.other_unit, date=date(2026, 3, 2))
        self._done_check(self.other_unit, date=date(2026, 3, 3))
        with freeze_time("2026-03-10 08:00:00"):
            self.env["qt.spot.check"]._cron_flag_unchecked_units()
        activities = self._activities(
            self.unit | self.other_unit, "No spot check this month"
        )
        self.assertEqual(activities.mapped("res_id"), self.unit.ids)

    def test_flag_day_past_month_end(self):
        """004/R3-1: a flag day of 31 flags on the last day of a shorter month."""
        self.company.qt_spot_check_flag_day = 31
        with freeze_time("2026-02-27 08:00:00"):
            self.env["qt.spot.check"]._cron_flag_unchecked_units()
        self.assertFalse(self.unit.flagged_month)
        with freeze_time("2026-02-28 08:00:00"):
            self.env["qt.spot.check"]._cron_flag_unchecked_units()
        self.assertEqual(self.unit.flagged_month, date(2026, 2, 1))

    def test_committee_reminder_quarterly(self):
        """001/R-67: an evaluation to raise at the committee is reminded once per
        quarter, again the next quarter, never after the committee discussed it."""
        evaluation = self.env["qt.spot.check"].create(
            {
                "kind": "random",
                "department_id": self.department.id,
                "user_id": self.officer.id,
                "raise_at_committee": True,
            }
        )
        cron = self.env.ref("quality_tracking.ir_cron_qt_spot_check_remind_committee")
        summary = "Raise at the quarterly committee meeting"
        with freeze_time("2026-03-31 10:00:00"):
            self._trigger(cron)
            self._trigger(cron)
        self.assertEqual(len(self._activities(evaluation, summary)), 1)
        self.assertEqual(evaluation.committee_reminder_quarter, "2026-Q1")
        with freeze_time("2026-04-01 10:00:00"):
            self._trigger(cron)
        self.assertEqual(len(self._activities(evaluation, summary)), 2)
        evaluation.committee_date = date(2026, 4, 15)
        with freeze_time("2026-07-01 10:00:00"):
            self._trigger(cron)
        self.assertEqual(len(self._activities(evaluation, summary)), 2)
