from odoo.tests import tagged

from .common_coi_review import CoiReviewCommon


@tagged("post_install", "-at_install")
class TestCoiReviewReporting(CoiReviewCommon):
    def _reports(self):
        report = self.env["vc.coi.conflict.report"].with_user(self.compliance)
        Review = self.Review.with_user(self.compliance)
        mine = [("declarant_id", "=", self.declarant.id)]
        by_type = report._read_group(
            [*mine, ("is_open", "=", True)], ["kind"], ["line_count:sum"]
        )
        by_option = Review._read_group(
            [*mine, ("decision_option", "!=", False)], ["decision_option"], ["__count"]
        )
        on_time = Review._read_group(
            [*mine, ("needs_remediation", "=", True)],
            ["remediation_outcome"],
            ["__count"],
        )
        return by_type, by_option, on_time

    def test_open_conflicts_decisions_and_remediation(self):
        """002 section 7: open conflicts by type, decisions by option, remediation
        on time vs late."""
        self._fed_back("eliminate", 15)
        self._fed_back("accept", 0)
        done = self._in_remediation(10)
        done.with_user(self.compliance).remediation_evidence = "Resigned"
        done.with_user(self.compliance).action_verify_remediation()
        self._review()  # under review: not an open conflict of the report yet
        by_type, by_option, on_time = self._reports()
        self.assertEqual(dict(by_type), {"holding": 2})
        self.assertEqual(dict(by_option), {"eliminate": 2, "accept": 1})
        self.assertEqual(dict(on_time), {False: 1, "on_time": 1})

    def test_reporting_query_count_constant(self):
        """The reports are _read_group queries: their query count does not grow
        with the number of reviews."""
        self._fed_back("eliminate", 15)
        queries_before = self._count_queries()
        for _i in range(4):
            self._fed_back("accept", 0)
            self._in_remediation(5)
        queries_after = self._count_queries()
        self.assertEqual(queries_before, queries_after)

    def _count_queries(self):
        self._reports()  # warm the caches (rules, groups)
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        self._reports()
        return self.cr.sql_log_count - start

    def test_decision_sheet_renders(self):
        """F1 Part II 利益冲突事项审批: the three options, the N days, the
        approvers and the date."""
        review = self._fed_back("eliminate", 15)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "vendor_counsel.report_vc_coi_decision", review.ids
        )
        html = html.decode()
        self.assertIn("利益冲突事项审批", html)
        self.assertIn("天内消除该利益冲突", html)
        self.assertIn("其他(请说明)", html)
        self.assertIn(self.committee.name, html)
        self.assertIn("15", html)
