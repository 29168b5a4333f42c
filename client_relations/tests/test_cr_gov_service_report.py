from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common_cr_gov import CrGovCommon


@tagged("post_install", "-at_install")
class TestCrGovServiceReport(CrGovCommon):
    def _november(self):
        # Monday 2 November 2026, 09:00 in Shanghai = 01:00 UTC; due 13:00 local
        self.met = self._request(
            "2026-11-02 01:00:00", resolve_at="2026-11-02 03:00:00"
        )
        self.late = self._request(
            "2026-11-02 01:00:00", resolve_at="2026-11-03 03:00:00"
        )
        self.open = self._request("2026-11-02 01:00:00", priority="3")
        self.other = self._request(
            "2026-11-02 01:00:00",
            agreement=self.other_agreement,
            resolve_at="2026-11-02 02:00:00",
        )

    def test_indicators_met_and_breached(self):
        """003/HR-D1-6: a report line per deadline rule and priority counts the
        requests due in the period, met on time and breached; an indicator with a
        breach fails, one without succeeds."""
        self._november()
        with freeze_time("2026-12-01 02:00:00"):
            reports = self.env["cr.service.report"]._cr_generate(
                self.agreement | self.other_agreement,
                date(2026, 11, 1),
                date(2026, 11, 30),
            )
        report = reports.filtered(lambda r: r.agreement_id == self.agreement)
        medium = report.line_ids.filtered(lambda line: line.priority == "1")
        urgent = report.line_ids.filtered(lambda line: line.priority == "3")
        self.assertEqual(medium.name, "Resolution (test)")
        self.assertEqual(medium.rule_id, self.rule)
        self.assertEqual(
            (medium.request_count, medium.met_count, medium.breached_count), (2, 1, 1)
        )
        self.assertEqual(medium.on_time_rate, 50.0)
        self.assertEqual(medium.result, "failed")
        # still open past its due time: breached
        self.assertEqual((urgent.met_count, urgent.breached_count), (0, 1))
        self.assertEqual(report.result, "failed")
        self.assertEqual(report.request_count, 3)
        other = reports - report
        self.assertEqual(other.line_ids.met_count, 1)
        self.assertEqual(other.line_ids.on_time_rate, 100.0)
        self.assertEqual(other.result, "met")

    def test_period_bounds_and_reversed_period(self):
        """003/HR-D1-6: deadlines due outside the period are left out; a reversed
        period is refused."""
        self._november()
        with freeze_time("2026-12-01 02:00:00"):
            report = self.env["cr.service.report"]._cr_generate(
                self.agreement, date(2026, 10, 1), date(2026, 10, 31)
            )
            self.assertFalse(report.line_ids)
            with self.assertRaises(ValidationError):
                self.env["cr.service.report"]._cr_generate(
                    self.agreement, date(2026, 11, 30), date(2026, 11, 1)
                )

    def test_cron_monthly_idempotent(self):
        """003/HR-D1-6: the scheduled action writes last month's report of each
        active agreement once; a second run adds nothing."""
        self._november()
        reports = self.env["cr.service.report"]
        with freeze_time("2026-12-01 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_service_report")
            self._trigger("client_relations.ir_cron_cr_service_report")
        found = reports.search([("agreement_id", "=", self.agreement.id)])
        self.assertEqual(len(found), 1)
        self.assertEqual(
            (found.date_from, found.date_to), (date(2026, 11, 1), date(2026, 11, 30))
        )
        self.assertEqual(found.breached_count, 2)

    def test_cron_period_setting(self):
        """003/HR-D1-6: the default period is a month; a company set to quarterly
        gets last quarter's report."""
        self.assertEqual(self.company.cr_service_report_period, "month")
        self.company.cr_service_report_period = "quarter"
        with freeze_time("2027-01-02 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_service_report")
        found = self.env["cr.service.report"].search(
            [("agreement_id", "=", self.agreement.id)]
        )
        self.assertEqual(
            (found.date_from, found.date_to), (date(2026, 10, 1), date(2026, 12, 31))
        )

    def test_send_and_guards(self):
        """003/E5b: the service level manager sends the report to the client (a
        mail in the queue); a sent report cannot be sent again."""
        self._november()
        with freeze_time("2026-12-01 02:00:00"):
            report = self.env["cr.service.report"]._cr_generate(
                self.agreement, date(2026, 11, 1), date(2026, 11, 30)
            )
        report = report.with_user(self.slm)
        self.assertEqual(self.client.cr_service_report_count, 1)
        action = self.client.action_cr_view_service_reports()
        self.assertEqual(self.env["cr.service.report"].search(action["domain"]), report)
        self.assertTrue(report.can_send)
        report.action_send()
        self.assertEqual(report.state, "sent")
        mail = self.env["mail.mail"].search(
            [("model", "=", "cr.service.report"), ("res_id", "=", report.id)]
        )
        self.assertEqual(mail.recipient_ids, self.client)
        with self.assertRaises(UserError):
            report.action_send()
        with self.assertRaises(UserError):
            report.action_refresh()
        report.action_reset_draft()
        self.assertEqual(report.state, "draft")

    def test_query_count_constant(self):
        """003 §7: the indicators take the same number of queries for one request
        per agreement as for many."""
        report_model = self.env["cr.service.report"]
        agreements = self.agreement | self.other_agreement
        for agreement in agreements:
            self._request(
                "2026-11-02 01:00:00",
                agreement=agreement,
                resolve_at="2026-11-02 03:00:00",
            )

        def count():
            reports.invalidate_recordset()
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            reports._cr_compute_lines()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        with freeze_time("2026-12-01 02:00:00"):
            reports = report_model._cr_generate(
                agreements, date(2026, 11, 1), date(2026, 11, 30)
            )
            count()
            small_count = count()
        for priority in "0123":
            for day in (2, 3, 4):
                self._request(
                    f"2026-11-0{day} 01:00:00",
                    priority=priority,
                    resolve_at=f"2026-11-0{day} 02:00:00",
                )
                self._request(
                    f"2026-11-0{day} 01:00:00",
                    agreement=self.other_agreement,
                    priority=priority,
                )
        with freeze_time("2026-12-01 02:00:00"):
            count()
            large_count = count()
        self.assertEqual(len(reports.line_ids), 8)
        self.assertEqual(small_count, large_count)
        # the reporting pivot groups the lines by agreement, target and month
        groups = self.env["cr.service.report.line"]._read_group(
            [("report_id", "in", reports.ids)],
            ["agreement_id", "name", "date_from:month"],
            ["on_time_rate:avg", "breached_count:sum"],
        )
        by_agreement = {group[0]: group[4] for group in groups}
        self.assertEqual(by_agreement[self.agreement], 0)
        self.assertEqual(by_agreement[self.other_agreement], 12)

    def test_users_read_reports_of_visible_agreements(self):
        """Users read the service reports (and lines) of their clients'
        agreements, supervisors those of their department's clients, through
        read, search, read_group and export_data; they cannot write."""
        self._november()
        with freeze_time("2026-12-01 02:00:00"):
            reports = self.env["cr.service.report"]._cr_generate(
                self.agreement | self.other_agreement,
                date(2026, 11, 1),
                date(2026, 11, 30),
            )
        mine = reports.filtered(lambda r: r.agreement_id == self.agreement)
        self.owner.group_ids = [
            Command.link(self.env.ref("base.group_allow_export").id)
        ]
        model = self.env["cr.service.report"].with_user(self.owner)
        self.assertEqual(model.search([("id", "in", reports.ids)]), mine)
        self.assertEqual(mine.with_user(self.owner).read(["name"])[0]["id"], mine.id)
        groups = model._read_group([("id", "in", reports.ids)], ["agreement_id"])
        self.assertEqual([g[0] for g in groups], [self.agreement])
        exported = model.search([("id", "in", reports.ids)]).export_data(["name"])
        self.assertEqual(len(exported["datas"]), 1)
        lines = self.env["cr.service.report.line"].with_user(self.owner)
        self.assertEqual(
            lines.search([("report_id", "in", reports.ids)]).report_id, mine
        )
        with self.assertRaises(AccessError):
            (reports - mine).with_user(self.owner).read(["name"])
        with self.assertRaises(AccessError):
            mine.with_user(self.owner).write({"name": "x"})
        self.assertEqual(
            self.env["cr.service.report"]
            .with_user(self.supervisor)
            .search([("id", "in", reports.ids)]),
            mine,
        )
        # the service level manager sees both
        self.assertEqual(
            self.env["cr.service.report"]
            .with_user(self.slm)
            .search([("id", "in", reports.ids)]),
            reports,
        )

    def test_multi_company(self):
        """003/HR-D1-6: the service reports, their indicators, reviews and change
        requests of another company stay out of sight, even of the service level
        manager."""
        company2 = self.env["res.company"].create({"name": "Other Co (test)"})
        agreement = self.env["cr.agreement"].create(
            {
                "name": "Other SLA",
                "company_id": company2.id,
                "partner_id": self.client.id,
            }
        )
        self._request("2026-11-02 01:00:00", agreement=agreement)
        with freeze_time("2026-12-01 02:00:00"):
            report = self.env["cr.service.report"]._cr_generate(
                agreement, date(2026, 11, 1), date(2026, 11, 30)
            )
        self.assertTrue(report.line_ids)
        review = self.env["cr.review"].create(
            {"name": "Other review", "company_id": company2.id}
        )
        change = self.env["cr.change.request"].create(
            {"name": "Other change", "company_id": company2.id}
        )
        slm = self.env(user=self.slm)
        self.assertFalse(slm["cr.service.report"].search([("id", "=", report.id)]))
        self.assertFalse(
            slm["cr.service.report.line"].search([("report_id", "=", report.id)])
        )
        self.assertFalse(slm["cr.review"].search([("id", "=", review.id)]))
        self.assertFalse(slm["cr.change.request"].search([("id", "=", change.id)]))
