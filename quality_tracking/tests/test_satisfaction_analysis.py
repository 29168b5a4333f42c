from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_issues import QualityIssueCommon


@tagged("post_install", "-at_install")
class TestSatisfactionAnalysis(QualityIssueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Analysis = cls.env["qt.satisfaction.analysis"]
        cls.matter = cls._open_matter()

    def _card(self, day, state="issued", department=None):
        return self.env["qt.feedback.card"].create(
            {
                "matter_id": self.matter.id,
                "partner_id": self.client.id,
                "user_id": self.handler.id,
                "department_id": (department or self.department).id,
                "date_issued": day,
                "state": state,
            }
        )

    def _data(self, extra=0):
        """March 2026: 3 cards of the department (2 returned), 1 of the other;
        issues: 2 general (process), 1 batch (product quality); February: 1 issue."""
        self._card(date(2026, 3, 3), "returned")
        self._card(date(2026, 3, 10), "returned")
        self._card(date(2026, 3, 20))
        self._card(date(2026, 3, 5), department=self.other_department)
        self._card(date(2026, 2, 5))
        for _i in range(2 + extra):
            self._create_issue(
                date_received=datetime(2026, 3, 4, 9), cause_kind="process"
            )
        self._create_issue(
            date_received=datetime(2026, 3, 6, 9),
            cause_kind="product_quality",
            scrap_production_hours=1.0,
        )
        self._create_issue(date_received=datetime(2026, 2, 6, 9), cause_kind="process")

    def test_r07_monthly_figures(self):
        """001/R-07: the monthly analysis counts cards per department, issues by
        severity and cause, actions opened and closed, with last month's trend."""
        self._data()
        analysis = self.Analysis._generate(self.company, date(2026, 3, 1))
        self.assertEqual(analysis.name, "2026-03")
        self.assertEqual(analysis.card_issued_count, 4)
        self.assertEqual(analysis.card_returned_count, 2)
        self.assertEqual(analysis.card_return_rate, 50.0)
        self.assertEqual(analysis.card_issued_previous, 1)
        self.assertEqual((analysis.issue_count, analysis.issue_count_previous), (3, 1))
        self.assertEqual(analysis.issue_trend, 2)
        lines = analysis.line_ids
        dept = lines.filtered(lambda line: line.department_id == self.department)
        self.assertEqual(
            (dept.card_issued_count, dept.card_returned_count, dept.issue_count),
            (3, 2, 3),
        )
        other = lines.filtered(lambda line: line.department_id == self.other_department)
        self.assertEqual((other.card_issued_count, other.issue_count), (1, 0))
        severity = {
            line.severity: line.issue_count
            for line in lines.filtered(lambda line: line.line_type == "severity")
        }
        self.assertEqual(severity, {"general": 2, "batch": 1, "major": 0})
        cause = {
            line.cause_kind: (line.issue_count, line.issue_trend)
            for line in lines.filtered(lambda line: line.line_type == "cause")
        }
        self.assertEqual(cause, {"process": (2, 1), "product_quality": (1, 1)})
        # no rating field on the cards of this build: read defensively
        if not self.Analysis._card_rating_field():
            self.assertEqual(analysis.card_rating_avg, 0.0)

    def test_r07_query_count_constant(self):
        """001/R-07: generating costs the same number of queries whatever the data."""

        def count_queries():
            self.Analysis.search([]).unlink()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Analysis._generate(self.company, date(2026, 3, 1))
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        self._data()
        count_queries()  # warm the registry caches
        small = count_queries()
        self._data(extra=10)
        self.assertEqual(count_queries(), small)

    def test_r07_cron_idempotent(self):
        """001/R-07: the monthly cron creates last month's analysis once."""
        self._data()
        cron = self.env.ref(
            "quality_tracking.ir_cron_qt_satisfaction_analysis_generate"
        )
        with freeze_time("2026-04-01 02:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        self.env.invalidate_all()
        analyses = self.Analysis.search(
            [("company_id", "=", self.company.id), ("date_month", "=", "2026-03-01")]
        )
        self.assertEqual(len(analyses), 1)
        self.assertEqual(analyses.issue_count, 3)

    def test_refresh_and_review(self):
        analysis = self.Analysis._generate(self.company, date(2026, 3, 1))
        self.assertEqual(analysis.issue_count, 0)
        self._data()
        analysis.action_refresh()
        self.assertEqual(analysis.issue_count, 3)
        analysis.action_done()
        with self.assertRaises(UserError):
            analysis.action_refresh()
        with self.assertRaises(UserError):
            analysis.action_done()
        analysis.action_reset()
        self.assertEqual(analysis.state, "draft")

    def test_r07_creates_capa(self):
        """001/R-07: the analysis produces corrective or preventive actions."""
        analysis = self.Analysis._generate(self.company, date(2026, 3, 1))
        action = analysis.action_new_capa()
        ctx = action["context"]
        self.assertEqual(ctx["default_origin_kind"], "satisfaction_analysis")
        capa = self.Capa.with_context(**ctx).create({"title": "Shorten replies"})
        self.assertEqual(capa.origin_ref, analysis)
        self.assertEqual(analysis.capa_count, 1)


@tagged("post_install", "-at_install")
class TestManagementReview(QualityIssueCommon):
    def test_r08_yearly_input(self):
        """001/R-08: the annual management-review input lists the feedback figures,
        the issues and every action of the year with its status; the yearly cron
        creates it once."""
        with freeze_time("2025-06-10 10:00:00"):
            self._create_issue(loss_amount=30000.0)
            self._create_issue()
            open_capa = self.Capa.create({"title": "Open one"})
            closed_capa = self._closed_capa()
        with freeze_time("2026-01-05 10:00:00"):
            self.Capa.create({"title": "Next year"})
        cron = self.env.ref("quality_tracking.ir_cron_qt_management_review_generate")
        with freeze_time("2026-01-02 03:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        self.env.invalidate_all()
        review = self.env["qt.management.review"].search(
            [("company_id", "=", self.company.id), ("year", "=", 2025)]
        )
        self.assertEqual(len(review), 1)
        self.assertEqual(review.capa_ids, open_capa | closed_capa)
        self.assertEqual((review.capa_closed_count, review.capa_open_count), (1, 1))
        self.assertEqual(
            (review.issue_count, review.issue_major_count, review.issue_general_count),
            (2, 1, 1),
        )
        action = review.action_new_capa()
        self.assertEqual(
            action["context"]["default_improvement_reason"], "management_review"
        )
