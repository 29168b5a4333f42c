from freezegun import freeze_time

from odoo.tests import tagged

from .common_feedback import MONDAY, RATED, QualityFeedbackCommon


@tagged("post_install", "-at_install")
class TestFeedbackCoverage(QualityFeedbackCommon):
    def _close_matters(self, count, returned, **vals):
        matters = self.env["qt.matter"]
        for __ in range(count):
            matters |= self._open_matter(**vals)
        matters.action_close()
        cards = matters.feedback_card_ids[:returned]
        cards.write(RATED)
        cards.action_return()
        return matters

    @freeze_time(MONDAY)
    def test_coverage_by_department_and_handler(self):
        """000/R-QT-06: coverage is the share of closed matters whose card came back,
        per department, handler and month; open matters do not count."""
        self._close_matters(4, 3)
        self._close_matters(
            2, 0, department_id=self.other_department.id, user_id=self.other_handler.id
        )
        self._open_matter()
        report = self.env["qt.feedback.coverage.report"]
        by_department = {
            department: (count, returned, rate)
            for department, count, returned, rate in report._read_group(
                [
                    (
                        "department_id",
                        "in",
                        (self.department | self.other_department).ids,
                    )
                ],
                ["department_id"],
                ["matter_count:sum", "returned_count:sum", "coverage_rate:avg"],
            )
        }
        self.assertEqual(by_department[self.department], (4, 3, 75.0))
        self.assertEqual(by_department[self.other_department], (2, 0, 0.0))
        by_user = dict(
            report._read_group(
                [("user_id", "in", (self.handler | self.other_handler).ids)],
                ["user_id"],
                ["coverage_rate:avg"],
            )
        )
        self.assertEqual(by_user[self.handler], 75.0)
        [(month, count)] = report._read_group(
            [("department_id", "=", self.department.id)],
            ["date_closed:month"],
            ["matter_count:sum"],
        )
        self.assertEqual((month.month, count), (3, 4))

    @freeze_time(MONDAY)
    def test_query_count_does_not_grow(self):
        """The KPI costs the same queries for 2 and for 20 closed matters."""
        report = self.env["qt.feedback.coverage.report"].with_user(self.officer)

        def queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            report._read_group(
                [],
                ["department_id", "user_id", "date_closed:month"],
                ["matter_count:sum", "returned_count:sum", "coverage_rate:avg"],
            )
            return self.env.cr.sql_log_count - before

        self._close_matters(2, 1)
        queries()  # warm the caches (access rules, fields)
        small = queries()
        self._close_matters(
            18, 9, department_id=self.other_department.id, user_id=self.other_handler.id
        )
        queries()
        self.assertEqual(queries(), small)
        self.assertLessEqual(small, 3)
