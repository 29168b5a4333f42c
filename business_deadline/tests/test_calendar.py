from datetime import date, datetime

from psycopg2 import IntegrityError
from pytz import timezone, utc

from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import BusinessDeadlineCommon


@tagged("post_install", "-at_install")
class TestMakeupDay(BusinessDeadlineCommon):
    """Make-up working days (调休): constraints, and honoured by the host's methods."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Saturday 7 March 2026 on the plain calendar (no statutory days)
        cls.saturday = date(2026, 3, 7)
        cls.makeup = cls.env["business.deadline.makeup.day"].create(
            {"calendar_id": cls.plain_calendar.id, "date": cls.saturday, "name": "test"}
        )
        cls.tz = timezone(cls.plain_calendar.tz)

    def _local(self, *args):
        return self.tz.localize(datetime(*args))

    def test_default_hours_are_the_regular_day(self):
        """A new make-up day defaults to the calendar's regular working day span."""
        self.assertEqual((self.makeup.hour_from, self.makeup.hour_to), (8.0, 17.0))
        self.assertEqual(self.makeup.company_id, self.plain_calendar.company_id)

    def test_unique_per_calendar_and_date(self):
        """A calendar has at most one make-up day per date."""
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["business.deadline.makeup.day"].create(
                {"calendar_id": self.plain_calendar.id, "date": self.saturday}
            )

    def test_same_date_other_calendar(self):
        """Another calendar may have a make-up day on the same date."""
        other = self.env["business.deadline.makeup.day"].create(
            {"calendar_id": self.paris_calendar.id, "date": self.saturday}
        )
        self.assertTrue(other)

    def test_refuse_regular_working_day(self):
        """A date that is already a regular working day cannot be a make-up day."""
        with self.assertRaisesRegex(ValidationError, "regular working day"):
            self.env["business.deadline.makeup.day"].create(
                {"calendar_id": self.plain_calendar.id, "date": date(2026, 3, 9)}
            )

    def test_refuse_bad_hours(self):
        """Work must start before it ends, within 0..24."""
        for hour_from, hour_to in ((12, 9), (9, 9), (-1, 9), (9, 25)):
            with self.assertRaises(ValidationError):
                self.env["business.deadline.makeup.day"].create(
                    {
                        "calendar_id": self.plain_calendar.id,
                        "date": date(2026, 3, 8),
                        "hour_from": hour_from,
                        "hour_to": hour_to,
                    }
                )

    def test_refuse_flexible_calendar(self):
        """A flexible-hours calendar cannot have make-up days."""
        flexible = self._create_calendar("Flexible", "Asia/Shanghai")
        flexible.flexible_hours = True
        with self.assertRaisesRegex(ValidationError, "flexible"):
            self.env["business.deadline.makeup.day"].create(
                {"calendar_id": flexible.id, "date": self.saturday}
            )

    def test_user_reads_manager_writes(self):
        """Deadline users read make-up days; only managers create them."""
        self.assertEqual(
            self.makeup.with_user(self.user).read(["name"])[0]["name"], "test"
        )
        with self.assertRaises(AccessError):
            self.env["business.deadline.makeup.day"].with_user(self.user).create(
                {"calendar_id": self.plain_calendar.id, "date": date(2026, 3, 8)}
            )
        created = (
            self.env["business.deadline.makeup.day"]
            .with_user(self.manager)
            .create({"calendar_id": self.plain_calendar.id, "date": date(2026, 3, 8)})
        )
        self.assertTrue(created)

    def test_multi_company_rule(self):
        """Users see only the make-up days of their companies' calendars."""
        other_company = self.env["res.company"].create({"name": "Other Co"})
        other_calendar = self._create_calendar("Other", "Asia/Shanghai")
        other_calendar.company_id = other_company
        hidden = self.env["business.deadline.makeup.day"].create(
            {"calendar_id": other_calendar.id, "date": self.saturday}
        )
        self.assertEqual(hidden.company_id, other_company)
        visible = (
            self.env["business.deadline.makeup.day"]
            .with_user(self.user)
            .search([("date", "=", self.saturday)])
        )
        self.assertIn(self.makeup, visible)
        self.assertNotIn(hidden, visible)
        self.assertEqual(self.makeup.display_name, "03/07/2026 test")

    def test_work_intervals(self):
        """_work_intervals_batch gives the regular weekday's intervals on a make-up day,
        with the real attendances as meta; a plain Saturday gives none."""
        intervals = self.plain_calendar._work_intervals_batch(
            self._local(2026, 3, 7), self._local(2026, 3, 8)
        )[False]
        spans = [(start.hour, stop.hour) for start, stop, _meta in intervals]
        self.assertEqual(spans, [(8, 12), (13, 17)])
        metas = [meta for _start, _stop, meta in intervals]
        self.assertEqual([m.day_period for m in metas], ["morning", "afternoon"])
        self.assertEqual({m.dayofweek for m in metas}, {"0"})
        saturday = self.plain_calendar._work_intervals_batch(
            self._local(2026, 3, 14), self._local(2026, 3, 15)
        )[False]
        self.assertFalse(list(saturday))

    def test_intervals_clipped_to_request(self):
        """Make-up intervals are clipped to the requested start and end."""
        intervals = self.plain_calendar._attendance_intervals_batch(
            self._local(2026, 3, 7, 10, 0), self._local(2026, 3, 7, 14, 0)
        )[False]
        spans = [(start.hour, stop.hour) for start, stop, _meta in intervals]
        self.assertEqual(spans, [(10, 12), (13, 14)])

    def test_lunch_intervals(self):
        """With lunch=True the reference weekday's lunch is added too."""
        intervals = self.plain_calendar._attendance_intervals_batch(
            self._local(2026, 3, 7), self._local(2026, 3, 8), lunch=True
        )[False]
        self.assertEqual(
            [(start.hour, stop.hour) for start, stop, _meta in intervals], [(12, 13)]
        )

    def test_resource_intervals(self):
        """A resource on the calendar gets the make-up intervals; a fully flexible
        resource (no calendar) keeps the host's whole-period interval."""
        resource = self.env["resource.resource"].create(
            {
                "name": "Clerk",
                "calendar_id": self.plain_calendar.id,
                "tz": "Asia/Shanghai",
            }
        )
        flexible = self.env["resource.resource"].create(
            {"name": "Free", "calendar_id": False, "tz": "UTC"}
        )
        result = self.plain_calendar._work_intervals_batch(
            self._local(2026, 3, 7),
            self._local(2026, 3, 8),
            resources=resource | flexible,
        )
        self.assertEqual(
            [(s.hour, e.hour) for s, e, _m in result[resource.id]], [(8, 12), (13, 17)]
        )
        self.assertEqual(len(result[flexible.id]), 1)

    def test_shortened_and_extended_hours(self):
        """Changing the hours shortens or extends the make-up working day."""
        self.makeup.write({"hour_from": 9, "hour_to": 12})
        duration = self.plain_calendar.get_work_duration_data(
            self._local(2026, 3, 7), self._local(2026, 3, 8)
        )
        self.assertAlmostEqual(duration["hours"], 3)
        self.makeup.write({"hour_from": 7, "hour_to": 18})
        duration = self.plain_calendar.get_work_duration_data(
            self._local(2026, 3, 7), self._local(2026, 3, 8)
        )
        self.assertAlmostEqual(duration["hours"], 10)
        self.assertAlmostEqual(duration["days"], 1.25)
        self.makeup.write({"hour_from": 14, "hour_to": 16})
        intervals = self.plain_calendar._work_intervals_batch(
            self._local(2026, 3, 7), self._local(2026, 3, 8)
        )[False]
        self.assertEqual([(s.hour, e.hour) for s, e, _m in intervals], [(14, 16)])

    def test_get_work_duration_data(self):
        """get_work_duration_data counts a make-up day as a full working day."""
        duration = self.plain_calendar.get_work_duration_data(
            self._local(2026, 3, 7), self._local(2026, 3, 8)
        )
        self.assertEqual(duration, {"days": 1.0, "hours": 8.0})
        hours = self.plain_calendar.get_work_hours_count(
            self._local(2026, 3, 6), self._local(2026, 3, 9)
        )
        self.assertAlmostEqual(hours, 16.0)

    def test_works_on_date(self):
        """_works_on_date is True on a make-up day, False on another Saturday."""
        self.assertTrue(self.plain_calendar._works_on_date(self.saturday))
        self.assertFalse(self.plain_calendar._works_on_date(date(2026, 3, 14)))
        self.assertTrue(self.plain_calendar._works_on_date(date(2026, 3, 9)))

    def test_plan_days(self):
        """plan_days counts the make-up Saturday: from Friday 6 March, day 2 is it."""
        result = self.plain_calendar.plan_days(
            2, self._local(2026, 3, 6), compute_leaves=True
        )
        # plan_days stops at the end of the day's first interval (12:00)
        self.assertEqual(result, self._local(2026, 3, 7, 12, 0))

    def test_plan_hours(self):
        """plan_hours works through the make-up Saturday: Friday 16:00 + 3 h."""
        result = self.plain_calendar.plan_hours(
            3, self._local(2026, 3, 6, 16, 0), compute_leaves=True
        )
        self.assertEqual(result, self._local(2026, 3, 7, 10, 0))

    def test_holidays_stay_global_leaves(self):
        """Imported holidays are global leaves; the host subtracts them."""
        leaves = self.calendar.global_leave_ids
        self.assertTrue(leaves)
        self.assertFalse(leaves.resource_id)
        spring = leaves.filtered(lambda leave: leave.name == "春节")
        self.assertEqual(spring.date_from, datetime(2026, 2, 14, 16, 0))
        self.assertEqual(spring.date_to, datetime(2026, 2, 23, 15, 59, 59))
        hours = self.calendar.get_work_hours_count(
            utc.localize(datetime(2026, 2, 15)), utc.localize(datetime(2026, 2, 23))
        )
        self.assertEqual(hours, 0)

    def test_two_weeks_calendar(self):
        """In a two-week calendar a make-up day works the regular weekday of its own
        week type."""
        calendar = self._create_calendar("Two weeks", "Asia/Shanghai")
        calendar.switch_calendar_type()
        self.assertTrue(calendar.two_weeks_calendar)
        week_type = self.env["resource.calendar.attendance"].get_week_type(
            self.saturday
        )
        self.env["business.deadline.makeup.day"].create(
            {"calendar_id": calendar.id, "date": self.saturday}
        )
        intervals = calendar._work_intervals_batch(
            self._local(2026, 3, 7), self._local(2026, 3, 8)
        )[False]
        self.assertEqual(
            [(s.hour, e.hour) for s, e, _m in intervals], [(8, 12), (13, 17)]
        )
        self.assertEqual(
            {meta.week_type for _s, _e, meta in intervals}, {str(week_type)}
        )
        self.assertTrue(calendar._works_on_date(self.saturday))

    def test_calendar_form_page(self):
        """The calendar form shows the make-up days in their own page."""
        arch = self.env["resource.calendar"].get_view(
            self.env.ref("resource.resource_calendar_form").id
        )["arch"]
        self.assertIn('name="makeup_days"', arch)
        self.assertIn('name="makeup_day_ids"', arch)


@tagged("post_install", "-at_install")
class TestCompanyLeaves(BusinessDeadlineCommon):
    """Which global leaves the deadline arithmetic subtracts: the calendar's own and
    its company's (or no company's), never another company's, whatever the user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.std = cls.env.ref("resource.resource_calendar_std")
        cls.company_a = cls.std.company_id
        cls.company_b = cls.env["res.company"].create({"name": "Company B"})
        cls.monday = cls._utc(cls.std, 2026, 3, 2, 10, 0)
        cls.tuesday_end = cls._day_end(cls.std, date(2026, 3, 3))
        cls.wednesday_end = cls._day_end(cls.std, date(2026, 3, 4))
        # a public holiday of company B on Tuesday 3 March 2026: no calendar
        cls.leave_b = cls._holiday("B's holiday", cls.company_b)
        cls.user_a = new_test_user(
            cls.env,
            login="bd_user_a",
            groups="business_deadline.group_business_deadline_user",
            company_id=cls.company_a.id,
            company_ids=[Command.set(cls.company_a.ids)],
        )
        cls.user_ab = new_test_user(
            cls.env,
            login="bd_user_ab",
            groups="business_deadline.group_business_deadline_user",
            company_id=cls.company_a.id,
            company_ids=[Command.set((cls.company_a | cls.company_b).ids)],
        )

    @classmethod
    def _holiday(cls, name, company, calendar=None):
        """A global leave on Tuesday 3 March 2026 of a company (and a calendar)."""
        leave = cls.env["resource.calendar.leaves"].create(
            {
                "name": name,
                "calendar_id": calendar.id if calendar else False,
                "resource_id": False,
                "date_from": cls._utc(cls.std, 2026, 3, 3),
                "date_to": cls._utc(cls.std, 2026, 3, 3, 23, 59, 59),
            }
        )
        leave.company_id = company
        return leave

    def _due(self, env_calendar):
        return env_calendar._bd_add(self.monday, 1, "working_days")

    def test_other_company_holiday_ignored(self):
        """Company B's public holiday does not move company A's deadline: 1 working
        day after Monday 10:00 ends on Tuesday, not Wednesday."""
        self.assertEqual(self.leave_b.company_id, self.company_b)
        self.assertEqual(self._local(self.std, self.tuesday_end).date().day, 3)
        self.assertEqual(self._due(self.std), self.tuesday_end)
        self.assertTrue(self.std._bd_is_working_day(date(2026, 3, 3)))
        self.assertEqual(
            self.std._bd_working_hours_between(
                self.monday, self._utc(self.std, 2026, 3, 4, 10, 0)
            ),
            16.0,
        )

    def test_same_answer_for_every_user(self):
        """The answer does not depend on the user's allowed companies: a user of A
        only, a user of A and B with both selected, and the superuser agree."""
        both = (self.company_a | self.company_b).ids
        for calendar in (
            self.std,
            self.std.with_user(self.user_a),
            self.std.with_user(self.user_ab).with_context(allowed_company_ids=both),
        ):
            self.assertEqual(self._due(calendar), self.tuesday_end)
            self.assertEqual(calendar._bd_global_leave_days([date(2026, 3, 3)]), set())

    def test_own_company_holiday_counts(self):
        """Company A's public holiday of no calendar, and one of no company, move the
        deadline to Wednesday, for a user of company A only too."""
        leave_a = self._holiday("A's holiday", self.company_a)
        wednesday_end = self.wednesday_end
        self.assertEqual(self._due(self.std), wednesday_end)
        self.assertEqual(
            self.std._bd_global_leave_days([date(2026, 3, 3)]), {date(2026, 3, 3)}
        )
        # no company: counts for every company's calendar
        leave_a.unlink()
        self.leave_b.company_id = False
        self.assertEqual(self._due(self.std), wednesday_end)
        self.assertEqual(self._due(self.std.with_user(self.user_a)), wednesday_end)

    def test_other_calendar_leave_ignored(self):
        """A leave of another calendar of company A does not count."""
        other = self._create_calendar("Other A", self.std.tz)
        other.company_id = self.company_a
        self._holiday("Other calendar's day off", self.company_a, other)
        self.assertEqual(self._due(self.std), self.tuesday_end)


@tagged("post_install", "-at_install")
class TestMakeupDayNew(BusinessDeadlineCommon):
    """A new make-up day row before its calendar is chosen."""

    def test_hours_without_calendar(self):
        """Without a calendar the hours compute to 0 (no error, as the list's New
        row); choosing the calendar fills in its regular working day."""
        makeup_day = self.env["business.deadline.makeup.day"].new({})
        self.assertEqual((makeup_day.hour_from, makeup_day.hour_to), (0.0, 0.0))
        makeup_day.calendar_id = self.plain_calendar
        self.assertEqual((makeup_day.hour_from, makeup_day.hour_to), (8.0, 17.0))
