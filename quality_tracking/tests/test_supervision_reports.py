from datetime import date

from odoo.tests import tagged

from .common_supervision import SupervisionCommon


@tagged("post_install", "-at_install")
class TestSupervisionReports(SupervisionCommon):
    def _render(self, xmlid, records):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            f"quality_tracking.{xmlid}", records.ids
        )
        return html.decode()

    def test_supervision_order_report(self):
        """QT-18: 《服务质量督办单》 prints the problem, the phased
        requirements and the assessment."""
        order = self._create_order(post="窗口岗")
        order.action_issue()
        html = self._render("action_report_qt_supervision_order", order)
        self.assertIn(order.name, html)
        self.assertIn("窗口人员服务态度生硬", html)
        self.assertIn("整改服务用语", html)
        self.assertIn("Service Quality Supervision Order", html)

    def test_bulletin_report(self):
        """QT-19: the monthly bulletin prints the month's figures and ranking."""
        self._done_check(self.unit, date=date(2026, 3, 3))
        ranking = self.env["qt.ranking"].create({"date_month": date(2026, 3, 1)})
        ranking.action_generate()
        bulletin = self.env["qt.bulletin"].create({"date_month": date(2026, 3, 1)})
        bulletin.action_generate()
        html = self._render("action_report_qt_bulletin", bulletin)
        self.assertIn("2026-03", html)
        self.assertIn("装车窗口", html)

    def test_ranking_report(self):
        """QT-4: the ranking prints each unit's rank, score and label."""
        self._done_check(self.unit, date=date(2026, 3, 3))
        self._done_check(self.other_unit, scores=(5, 5, 5, 5), date=date(2026, 3, 4))
        ranking = self.env["qt.ranking"].create({"date_month": date(2026, 3, 1)})
        ranking.action_generate()
        html = self._render("action_report_qt_ranking", ranking)
        self.assertIn("装车窗口", html)
        self.assertIn("结算窗口", html)
        self.assertIn("Benchmark", html)
