from datetime import date

from odoo.exceptions import ValidationError
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

    def test_payment_request_form(self):
        """The fee payment request form (律师费支付申请单) prints the fee, the
        first-payment checks and the approvals."""
        payment = self._payment()
        payment.action_submit()
        payment.with_user(self.legal).validate_tier()
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "vendor_counsel.report_vc_payment", payment.ids
        )
        html = html.decode()
        for text in (
            "律师费支付申请单",
            payment.name,
            "First-Payment Check",
            "Passed",
            "Fee payment: legal department review",
            "Fee payment: finance",
        ):
            self.assertIn(text, html)

    def test_budget_guards(self):
        """One budget per company, year, unit, firm and area; no negative amount;
        the unit of another company is refused."""
        Budget = self.env["vc.budget"]
        Budget.create({"year": 2026, "department_id": self.department.id, "amount": 1})
        with self.assertRefused(Exception):
            Budget.create(
                {"year": 2026, "department_id": self.department.id, "amount": 2}
            )
        Budget.create(
            {
                "year": 2026,
                "department_id": self.department.id,
                "firm_id": self.firm.id,
                "amount": 2,
            }
        )
        with self.assertRefused(Exception):
            Budget.create({"year": 2026, "amount": -1})
        other = self.env["res.company"].create({"name": "Other company"})
        unit = self.env["hr.department"].create(
            {"name": "Other unit", "company_id": other.id}
        )
        with self.assertRefused(ValidationError, "another company"):
            Budget.create({"year": 2026, "department_id": unit.id, "amount": 1})
