from datetime import date

from odoo.tests import tagged

from .common_vc_fees import VcFeesCommon


@tagged("post_install", "-at_install")
class TestVcFeesReport(VcFeesCommon):
    def _make_payments(self, count):
        engagements = self.env["vc.engagement"].create(
            [
                {
                    "firm_id": self.firm.id,
                    "subject": f"Matter {index}",
                    "department_id": (
                        self.department if index % 2 else self.other_department
                    ).id,
                    "fee_amount": 100000,
                    "date_signed": date(2025, 1, 1),
                }
                for index in range(count)
            ]
        )
        return self.env["vc.payment"].create(
            [
                {
                    "engagement_id": engagement.id,
                    "amount": 1000,
                    "date_planned": date(2025 + index % 2, 6, 1),
                }
                for index, engagement in enumerate(engagements)
            ]
        )

    def _report(self):
        Report = self.env["vc.spend.report"].with_user(self.finance)
        Report.invalidate_model()
        return {
            "firm": Report.formatted_read_group(
                [],
                ["firm_id", "year"],
                ["budget:sum", "committed:sum", "paid:sum", "remaining:sum"],
            ),
            "unit": Report.formatted_read_group(
                [],
                ["department_id", "year"],
                ["budget:sum", "committed:sum", "paid:sum", "remaining:sum"],
            ),
        }

    def test_spend_vs_budget(self):
        """Budget against committed and paid amounts by unit and year."""
        self.env["vc.budget"].create(
            {"year": 2026, "department_id": self.department.id, "amount": 100000}
        )
        paid = self._payment(amount=40000)
        committed = self._payment(amount=30000, date_planned=date(2026, 6, 30))
        paid.action_submit()
        paid.with_user(self.legal).validate_tier()
        paid.with_user(self.finance).validate_tier()
        paid.with_user(self.finance).action_pay()
        committed.action_submit()
        self.env.flush_all()
        groups = self.env["vc.spend.report"]._read_group(
            [("department_id", "=", self.department.id), ("year", "=", 2026)],
            [],
            ["budget:sum", "committed:sum", "paid:sum", "remaining:sum"],
        )
        self.assertEqual(groups, [(100000, 30000, 40000, 30000)])

    def test_report_query_count_flat(self):
        """The spend report's grouped reads take as many queries for 100 payments as
        for 10."""
        self._make_payments(10)
        self.env.flush_all()
        self._report()
        before = self.cr.sql_log_count
        self._report()
        small = self.cr.sql_log_count - before
        self._make_payments(90)
        self.env.flush_all()
        self._report()
        before = self.cr.sql_log_count
        self._report()
        large = self.cr.sql_log_count - before
        self.assertEqual(small, large)
        self.assertLessEqual(large, 12)
