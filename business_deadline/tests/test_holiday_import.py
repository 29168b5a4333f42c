from datetime import date, datetime, timedelta

import chinese_calendar
import holidays
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import BusinessDeadlineCommon


@tagged("post_install", "-at_install")
class TestHolidayImport(BusinessDeadlineCommon):
    """The statutory days import: China from chinese_calendar, others from holidays."""

    def _leave_days(self, calendar):
        """Local dates covered by the calendar's global leaves."""
        days = set()
        for leave in calendar.global_leave_ids:
            first = self._local(calendar, leave.date_from).date()
            last = self._local(calendar, leave.date_to).date()
            days.update(
                first + timedelta(days=i) for i in range((last - first).days + 1)
            )
        return days

    def test_china_2026_matches_library(self):
        """China 2026: one leave per holiday block (7), covering exactly the library's
        33 holidays, and its 6 make-up days, named in Chinese."""
        library_holidays = {
            day for day in chinese_calendar.constants.holidays if day.year == 2026
        }
        library_workdays = {
            day for day in chinese_calendar.constants.workdays if day.year == 2026
        }
        self.assertEqual(len(library_holidays), 33)
        self.assertEqual(len(self.calendar.global_leave_ids), 7)
        self.assertEqual(self._leave_days(self.calendar), library_holidays)
        self.assertEqual(
            set(self.calendar.makeup_day_ids.mapped("date")), library_workdays
        )
        self.assertEqual(len(self.calendar.makeup_day_ids), 6)
        self.assertIn("春节", self.calendar.global_leave_ids.mapped("name"))
        self.assertIn("国庆节", self.calendar.global_leave_ids.mapped("name"))
        makeup = self.calendar.makeup_day_ids.filtered(
            lambda m: m.date == date(2026, 2, 14)
        )
        self.assertEqual(makeup.name, "春节调休")
        self.assertEqual((makeup.hour_from, makeup.hour_to), (8.0, 17.0))
        self.assertEqual(
            set(self.calendar.global_leave_ids.mapped("time_type")), {"leave"}
        )

    def test_reimport_no_duplicates(self):
        """Importing the same year again adds nothing."""
        created = self.calendar._bd_import_statutory_days(self.china, 2026)
        self.assertFalse(created["leaves"])
        self.assertFalse(created["makeup_days"])
        self.assertEqual(len(self.calendar.global_leave_ids), 7)
        self.assertEqual(len(self.calendar.makeup_day_ids), 6)

    def test_partial_coverage_skipped(self):
        """Days already covered by a global leave are skipped: the National Day block
        shrinks to 2-7 October when 1 October is already off."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Already there",
                "calendar_id": self.plain_calendar.id,
                "date_from": self._utc(self.plain_calendar, 2026, 10, 1),
                "date_to": self._utc(self.plain_calendar, 2026, 10, 1, 23, 59, 59),
            }
        )
        plan = self.plain_calendar._bd_statutory_days_plan(self.china, 2026)
        self.assertIn((date(2026, 10, 2), date(2026, 10, 7), "国庆节"), plan["leaves"])

    def test_unknown_year(self):
        """China 2150 is covered by no library (chinesecalendar stops at 2026,
        holidays at 2100): a UserError naming year and country, and nothing written
        (no leave, no make-up day, no statutory year)."""
        wizard = self.env["business.deadline.holiday.import"].create(
            {"calendar_id": self.plain_calendar.id, "year": 2150}
        )
        self.assertIn("2150", wizard.preview_html)
        leaves = self.env["resource.calendar.leaves"].search_count([])
        with self.assertRaisesRegex(UserError, "China.*2150"):
            wizard.action_apply()
        self.assertEqual(self.env["resource.calendar.leaves"].search_count([]), leaves)
        self.assertFalse(self.plain_calendar.makeup_day_ids)
        self.assertFalse(self.plain_calendar.statutory_year_ids)
        self.assertEqual(self.plain_calendar.bd_statutory_until, 0)

    def test_china_2027_falls_back_to_holidays(self):
        """China 2027 (beyond chinesecalendar 1.11): the public holidays of the
        holidays library in Chinese, no make-up day, and the statutory year and the
        preview say the make-up days must be entered from the State Council notice."""
        library = holidays.country_holidays("CN", years=2027, language="zh_CN")
        wizard = self.env["business.deadline.holiday.import"].create(
            {"calendar_id": self.plain_calendar.id, "year": 2027}
        )
        self.assertIn("State Council", wizard.preview_html)
        self.assertIn("春节", wizard.preview_html)
        created = self.plain_calendar._bd_import_statutory_days(self.china, 2027)
        self.assertEqual(self._leave_days(self.plain_calendar), set(library))
        self.assertFalse(created["makeup_days"])
        statutory_year = created["statutory_year"]
        self.assertEqual(statutory_year.year, 2027)
        self.assertEqual(statutory_year.country_id, self.china)
        self.assertEqual(statutory_year.source, "holidays")
        self.assertFalse(statutory_year.is_makeup_complete)
        self.assertIn("State Council", statutory_year.note)
        self.assertIn("国庆节", self.plain_calendar.global_leave_ids.mapped("name"))
        self.assertIn(
            "农历除夕、春节", self.plain_calendar.global_leave_ids.mapped("name")
        )
        self.assertFalse(self.plain_calendar._bd_is_working_day(date(2027, 10, 1)))

    def test_china_2026_uses_chinesecalendar(self):
        """China 2026 still comes from chinesecalendar, make-up days included: the
        statutory year says so and is complete."""
        statutory_year = self.calendar.statutory_year_ids
        self.assertEqual(len(statutory_year), 1)
        self.assertEqual(
            (statutory_year.year, statutory_year.source), (2026, "chinesecalendar")
        )
        self.assertTrue(statutory_year.is_makeup_complete)
        self.assertFalse(statutory_year.note)
        self.assertEqual(len(self.calendar.makeup_day_ids), 6)
        self.assertEqual(self.calendar.bd_statutory_until, 2026)
        # importing again keeps one record per year
        self.calendar._bd_import_statutory_days(self.china, 2026)
        self.assertEqual(len(self.calendar.statutory_year_ids), 1)

    def test_uncovered_years(self):
        """_bd_uncovered_years gives the years of a span without imported statutory
        days, for a calendar that ever imported some; none for one that never did."""
        self.assertEqual(
            self.calendar._bd_uncovered_years(date(2026, 11, 1), date(2028, 2, 1)),
            [2027, 2028],
        )
        self.assertEqual(
            self.calendar._bd_uncovered_years(
                datetime(2026, 3, 1), datetime(2026, 12, 31, 15, 0)
            ),
            [],
        )
        # 31 December 2026 17:00 UTC is 1 January 2027 in Shanghai
        self.assertEqual(
            self.calendar._bd_uncovered_years(
                datetime(2026, 3, 1), datetime(2026, 12, 31, 17, 0)
            ),
            [2027],
        )
        self.assertEqual(
            self.plain_calendar._bd_uncovered_years(date(2026, 1, 1), date(2030, 1, 1)),
            [],
        )
        self.calendar._bd_import_statutory_days(self.china, 2027)
        self.assertEqual(self.calendar.bd_statutory_until, 2027)
        self.assertEqual(
            self.calendar._bd_uncovered_years(date(2026, 11, 1), date(2028, 2, 1)),
            [2028],
        )

    @freeze_time("2026-06-01 08:00:00")
    def test_calendar_warns_next_year_uncovered(self):
        """In 2026, a calendar with only 2026 imported warns that 2027 is not
        covered; once 2027 is imported, no warning; a calendar that never imported
        statutory days gets none."""
        self.calendar.invalidate_recordset(["bd_statutory_warning"])
        self.assertIn("2027", self.calendar.bd_statutory_warning)
        self.assertNotIn("2026", self.calendar.bd_statutory_warning)
        self.assertFalse(self.plain_calendar.bd_statutory_warning)
        self.calendar._bd_import_statutory_days(self.china, 2027)
        self.calendar.invalidate_recordset(["bd_statutory_warning"])
        self.assertFalse(self.calendar.bd_statutory_warning)

    def test_calendar_form_and_menu(self):
        """The calendar form shows the public holidays, the make-up days and the
        statutory years (the host's form shows no leaves list), and Deadlines ›
        Configuration › Working Calendars opens the host's calendars action."""
        arch = self.env["resource.calendar"].get_view(
            self.env.ref("resource.resource_calendar_form").id
        )["arch"]
        for name in (
            'name="global_leave_ids"',
            'name="makeup_day_ids"',
            'name="statutory_year_ids"',
            'name="bd_statutory_warning"',
        ):
            self.assertIn(name, arch)
        menu = self.env.ref(
            "business_deadline.business_deadline_resource_calendar_menu"
        )
        self.assertEqual(
            menu.parent_id,
            self.env.ref("business_deadline.business_deadline_menu_config"),
        )
        self.assertEqual(
            menu.action, self.env.ref("resource.action_resource_calendar_form")
        )

    def test_france(self):
        """France 2026 from `holidays`: its 11 public holidays as leaves, no make-up
        days."""
        library = holidays.country_holidays("FR", years=2026)
        created = self.paris_calendar._bd_import_statutory_days(
            self.env.ref("base.fr"), 2026
        )
        self.assertEqual(len(created["leaves"]), len(library))
        self.assertEqual(self._leave_days(self.paris_calendar), set(library))
        self.assertFalse(created["makeup_days"])
        bastille = created["leaves"].filtered(lambda leave: "National" in leave.name)
        # 14 July, local midnight in Paris (CEST) is 22:00 UTC the day before
        self.assertEqual(bastille.date_from, datetime(2026, 7, 13, 22, 0))
        self.assertFalse(self.paris_calendar._bd_is_working_day(date(2026, 7, 14)))

    def test_wizard_preview_and_apply(self):
        """The wizard previews the holidays and make-up days, then applies them."""
        wizard = (
            self.env["business.deadline.holiday.import"]
            .with_user(self.manager)
            .create({"calendar_id": self.plain_calendar.id, "year": 2026})
        )
        self.assertEqual(wizard.country_id, self.china)
        self.assertIn("春节调休", wizard.preview_html)
        self.assertIn("国庆节", wizard.preview_html)
        action = wizard.action_apply()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(len(self.plain_calendar.global_leave_ids), 7)
        self.assertEqual(len(self.plain_calendar.makeup_day_ids), 6)
        wizard.invalidate_recordset(["preview_html"])
        self.assertIn("Nothing to add", wizard.preview_html)

    @freeze_time("2026-06-01 08:00:00")
    def test_wizard_defaults(self):
        """The wizard defaults to the company's calendar, China and this year."""
        wizard = self.env["business.deadline.holiday.import"].create({})
        self.assertEqual(wizard.calendar_id, self.env.company.resource_calendar_id)
        self.assertEqual(wizard.country_id, self.china)
        self.assertEqual(wizard.year, 2026)

    def test_managers_only(self):
        """Deadline users cannot open the wizard nor run the import."""
        with self.assertRaises(AccessError):
            self.env["business.deadline.holiday.import"].with_user(self.user).create(
                {"calendar_id": self.plain_calendar.id, "year": 2026}
            )
        with self.assertRaises(AccessError):
            self.plain_calendar.with_user(self.user)._bd_import_statutory_days(
                self.china, 2026
            )

    def test_statutory_years_access(self):
        """Deadline users read the statutory years of their companies' calendars;
        only managers change them."""
        statutory_year = self.calendar.statutory_year_ids
        self.assertEqual(
            statutory_year.with_user(self.user).read(["year"])[0]["year"], 2026
        )
        with self.assertRaises(AccessError):
            statutory_year.with_user(self.user).write({"is_makeup_complete": False})
        statutory_year.with_user(self.manager).write({"is_makeup_complete": False})
        self.assertFalse(statutory_year.is_makeup_complete)
        other_company = self.env["res.company"].create({"name": "Other Co"})
        self.plain_calendar.company_id = other_company
        hidden = self.plain_calendar._bd_import_statutory_days(self.china, 2026)[
            "statutory_year"
        ]
        visible = (
            self.env["business.deadline.statutory.year"].with_user(self.user).search([])
        )
        self.assertIn(statutory_year, visible)
        self.assertNotIn(hidden, visible)
