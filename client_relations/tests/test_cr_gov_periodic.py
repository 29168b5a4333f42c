from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common_cr_gov import CrGovCommon


@tagged("post_install", "-at_install")
class TestCrGovPeriodic(CrGovCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the demo data's November reports and bulletin, if any, stay out
        cls.env["cr.supervision.report"].search([]).unlink()
        cls.env["cr.bulletin"].search([]).unlink()
        cls.env["cr.weekly.report"].search([]).unlink()

    def _supervision(self):
        return self.env["cr.supervision.report"].search(
            [("company_id", "=", self.company.id)]
        )

    def test_supervision_report_at_month_end(self):
        """000/R-CR-18: the month's service supervision report is created once,
        on the last day of the month (not the day before), with the month's
        requests and breaches."""
        self.assertEqual(self.company.cr_supervision_lead_days, 0)
        self._request("2026-11-02 01:00:00", resolve_at="2026-11-03 03:00:00")
        self._request("2026-11-03 01:00:00")
        with freeze_time("2026-11-29 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_supervision_report")
        self.assertFalse(self._supervision())
        with freeze_time("2026-11-30 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_supervision_report")
            self._trigger("client_relations.ir_cron_cr_supervision_report")
        report = self._supervision()
        self.assertEqual(len(report), 1)
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 11, 1), date(2026, 11, 30))
        )
        self.assertEqual((report.request_count, report.resolved_count), (2, 1))
        self.assertEqual(report.breached_count, 1)
        report = report.with_user(self.service)
        with self.assertRaises(UserError):
            report.action_submit()
        report.write(
            {
                "acceptance_assessment": "All requests accepted within the day",
                "maintenance_assessment": "12 proactive visits",
            }
        )
        report.action_submit()
        self.assertEqual(report.state, "submitted")
        with self.assertRaises(UserError):
            report.action_submit()

    def test_supervision_lead_days_setting(self):
        """000/R-CR-18: with 2 lead days the report is created on the 28th of a
        30-day month, not on the 27th."""
        self.company.cr_supervision_lead_days = 2
        with freeze_time("2026-11-27 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_supervision_report")
        self.assertFalse(self._supervision())
        with freeze_time("2026-11-28 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_supervision_report")
        self.assertEqual(len(self._supervision()), 1)

    def _weekly(self):
        return self.env["cr.weekly.report"].search(
            [("user_id", "in", (self.owner | self.supervisor | self.slm).ids)]
        )

    def test_weekly_reports_on_friday(self):
        """000/R-CR-19: on Friday (not Thursday) each technical service engineer
        (first and second line) gets this week's draft, once; the engineer
        writes his own, the supervisor reads his department's."""
        self.assertEqual(self.company.cr_weekly_report_weekday, "4")
        request = self._request("2026-11-23 01:00:00")
        request.user_id = self.owner
        with freeze_time("2026-11-26 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_weekly_report")
        self.assertFalse(self._weekly())
        with freeze_time("2026-11-27 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_weekly_report")
            self._trigger("client_relations.ir_cron_cr_weekly_report")
        reports = self._weekly()
        self.assertEqual(reports.user_id, self.owner | self.supervisor)
        self.assertEqual(set(reports.mapped("date_from")), {date(2026, 11, 23)})
        mine = reports.filtered(lambda r: r.user_id == self.owner)
        self.assertEqual(mine.request_count, 1)
        self.assertEqual(
            self.env["cr.weekly.report"]
            .with_user(self.owner)
            .search([("id", "in", reports.ids)]),
            mine,
        )
        self.assertEqual(
            self.env["cr.weekly.report"]
            .with_user(self.supervisor)
            .search([("id", "in", reports.ids)]),
            reports,
        )
        mine = mine.with_user(self.owner)
        with self.assertRaises(UserError):
            mine.action_submit()
        mine.write({"situation": "3 visits", "feedback": "Client happy"})
        mine.action_submit()
        self.assertEqual(mine.state, "submitted")

    def test_weekly_report_day_setting(self):
        """000/R-CR-19: a company whose meeting is on Thursday gets the drafts on
        Thursday, not on Wednesday."""
        self.company.cr_weekly_report_weekday = "3"
        with freeze_time("2026-11-25 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_weekly_report")
        self.assertFalse(self._weekly())
        with freeze_time("2026-11-26 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_weekly_report")
        self.assertEqual(len(self._weekly()), 2)

    def _bulletin(self):
        with freeze_time("2026-11-02 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_bulletin")
            self._trigger("client_relations.ir_cron_cr_bulletin")
        bulletin = self.env["cr.bulletin"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(bulletin), 1)
        return bulletin

    def test_bulletin_due_before_the_20th(self):
        """002/R20, S8: the month's bulletin is opened once and due before the
        20th (by the end of the 19th, Shanghai time); published at 23:00 on the
        19th it is on time."""
        self.assertEqual(self.company.cr_bulletin_due_day, 20)
        bulletin = self._bulletin()
        self.assertEqual(bulletin.date_from, date(2026, 11, 1))
        self.assertEqual(bulletin.date_due, datetime(2026, 11, 19, 16, 0))
        with freeze_time("2026-11-19 15:00:00"):
            with self.assertRaises(UserError):
                bulletin.action_publish()
            bulletin.content = "<p>November: 95598 calls up 8 %</p>"
            bulletin.action_publish()
        timer = bulletin.deadline_timer_ids
        self.assertEqual(timer.state, "met")
        self.assertFalse(timer.is_late)

    def test_bulletin_late_on_the_20th(self):
        """002/R20: a bulletin published on the 20th is late and flagged overdue
        before; a due day of 15 moves the deadline to the end of the 14th."""
        bulletin = self._bulletin()
        with freeze_time("2026-11-20 01:00:00"):
            self.assertIn(
                bulletin,
                self.env["cr.bulletin"].search([("deadline_is_overdue", "=", True)]),
            )
            bulletin.content = "<p>Late</p>"
            bulletin.action_publish()
        self.assertTrue(bulletin.deadline_timer_ids.is_late)
        self.company.cr_bulletin_due_day = 15
        with freeze_time("2026-12-01 02:00:00"):
            self._trigger("client_relations.ir_cron_cr_bulletin")
        december = self.env["cr.bulletin"].search(
            [
                ("company_id", "=", self.company.id),
                ("date_from", "=", date(2026, 12, 1)),
            ]
        )
        self.assertEqual(december.date_due, datetime(2026, 12, 14, 16, 0))
