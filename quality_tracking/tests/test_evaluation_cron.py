from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common_evaluation import QualityEvaluationCommon


@tagged("post_install", "-at_install")
class TestEvaluationCron(QualityEvaluationCommon):
    def _run(self, xmlid):
        """Run the cron as the scheduler does (its own transaction, committed)."""
        cron = self.env.ref(f"quality_tracking.{xmlid}")
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    def _of_period(self, year, half=None, kind=None):
        domain = [("company_id", "=", self.company.id), ("year", "=", year)]
        if half:
            domain.append(("half", "=", half))
        if kind:
            domain.append(("kind", "=", kind))
        return self.Evaluation.search(domain)

    def test_cron_creates_period_evaluations(self):
        """000/C-QT-2, 000/C-QT-3, 000/R-QT-09: at the start of each period the
        half-year, year-end and each department's same-type evaluations exist, once."""
        with freeze_time("2026-01-01 06:00:00"):
            self._run("ir_cron_qt_evaluation_create")
            self._run("ir_cron_qt_evaluation_create")
        first = self._of_period(2026, "1")
        self.assertEqual(len(first.filtered(lambda e: e.kind == "half_year")), 1)
        departments = first.filtered(lambda e: e.kind == "department").department_id
        self.assertIn(self.department, departments)
        self.assertIn(self.other_department, departments)
        self.assertEqual(
            len(first.filtered(lambda e: e.department_id == self.department)), 1
        )
        year_end = self._of_period(2026, kind="year_end")
        self.assertEqual(len(year_end), 1)
        self.assertEqual(set((first | year_end).mapped("state")), {"draft"})
        mine = first.filtered(lambda e: e.department_id == self.department)
        self.assertEqual(mine.scorer_ids, self.head)
        self.assertEqual(mine.user_id, self.head)

        with freeze_time("2026-07-01 06:00:00"):
            self._run("ir_cron_qt_evaluation_create")
        second = self._of_period(2026, "2")
        self.assertEqual(len(second.filtered(lambda e: e.kind == "half_year")), 1)
        self.assertEqual(
            len(second.filtered(lambda e: e.department_id == self.department)), 1
        )
        self.assertEqual(len(self._of_period(2026, kind="year_end")), 1)

    def test_department_without_head_gets_no_evaluation(self):
        """The departments that run a same-type evaluation are those with a head."""
        headless = self.env["hr.department"].create({"name": "Headless"})
        with freeze_time("2026-02-01"):
            self._run("ir_cron_qt_evaluation_create")
        self.assertNotIn(headless, self._of_period(2026, "1").department_id)

    def _activities(self, evaluation):
        return self.env["mail.activity"].search(
            [("res_model", "=", "qt.evaluation"), ("res_id", "=", evaluation.id)]
        )

    def test_excellent_case_check_warns_once(self):
        """000/C-QT-2, R-QT-11 (A-1): from 15 days (setting) before the half-year
        ends, the head of a department with 0 excellent cases gets one activity; a
        department with 1 gets none; the check never warns twice."""
        self.assertEqual(self.company.qt_excellent_check_days, 15)
        with freeze_time("2026-06-14"):  # 16 days before 30 June
            self._run("ir_cron_qt_evaluation_check_excellent")
        evaluations = self._of_period(2026, "1", "department")
        self.assertFalse(evaluations, "nothing happens before the check window")

        with freeze_time("2026-06-10"):
            self._run("ir_cron_qt_evaluation_create")
        mine = self._of_period(2026, "1", "department").filtered(
            lambda e: e.department_id == self.department
        )
        other = self._of_period(2026, "1", "department") - mine
        # the other department has selected its excellent case
        other.action_open()
        matter = self._closed_matter(department_id=self.other_department.id)
        entry = self._entry(other, matter)
        other.action_start_scoring()
        self._score(entry)
        entry.is_excellent = True

        with freeze_time("2026-06-15"):  # 15 days before 30 June
            self._run("ir_cron_qt_evaluation_check_excellent")
            self._run("ir_cron_qt_evaluation_check_excellent")
        activity = self._activities(mine)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.head)
        self.assertIn("000/R-QT-11", str(activity.note))
        self.assertFalse(self._activities(other))
        self.assertTrue(mine.date_excellent_warned)

    def test_excellent_check_days_setting(self):
        """000/C-QT-2: a changed number of days takes effect."""
        self.company.qt_excellent_check_days = 30
        with freeze_time("2026-06-01"):  # 29 days before 30 June
            self._run("ir_cron_qt_evaluation_check_excellent")
        mine = self._of_period(2026, "1", "department").filtered(
            lambda e: e.department_id == self.department
        )
        self.assertEqual(len(self._activities(mine)), 1)

    def test_bad_record_is_skipped(self):
        """One failing evaluation is logged and skipped; the others are warned."""
        with freeze_time("2026-06-20"):
            today = fields.Date.context_today(self.Evaluation)
            self.Evaluation._create_period_evaluations(self.company, today)
            evaluations = self._of_period(2026, "1", "department")
            mine = evaluations.filtered(lambda e: e.department_id == self.department)
            Evaluation = type(self.Evaluation)
            original = Evaluation._warn_one_missing_excellent

            def failing(record, counts, today):
                if record == mine:
                    raise ValueError("broken")
                return original(record, counts, today)

            with (
                patch.object(Evaluation, "_warn_one_missing_excellent", failing),
                self.assertLogs("odoo.addons.quality_tracking.models.qt_evaluation"),
            ):
                self._run("ir_cron_qt_evaluation_check_excellent")
        self.assertFalse(self._activities(mine))
        self.assertEqual(len(self._activities(evaluations - mine)), 1)
