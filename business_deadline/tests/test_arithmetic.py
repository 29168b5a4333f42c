from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.business_deadline.models.resource_calendar import UNITS

from .common import BusinessDeadlineCommon

# China 2026 (State Council arrangement, as in chinese_calendar): Spring Festival: off
# Sun 15 Feb - Mon 23 Feb; make-up Sat 14 Feb and Sat 28 Feb Mid-Autumn: off Fri 25 -
# Sun 27 Sep; National Day: off Thu 1 - Wed 7 Oct; make-up Sun 20 Sep and Sat 10 Oct.
# Working day: 08:00-12:00 and 13:00-17:00 Asia/Shanghai (UTC+8): ends at 09:00 UTC.


@tagged("post_install", "-at_install")
class TestWorkingDays(BusinessDeadlineCommon):
    """Working days: event day not counted (art. 201), ends at the end of work of the
    Nth working day (art. 203), on China's 2026 calendar."""

    def _add(self, local, days, calendar=None):
        calendar = calendar or self.calendar
        due = calendar._bd_add(self._utc(calendar, *local), days, "working_days")
        return self._local(calendar, due)

    def test_units_exported(self):
        """The four units are a module-level list, also on the calendar model."""
        self.assertEqual(
            [code for code, _label in UNITS],
            ["calendar_hours", "calendar_days", "working_hours", "working_days"],
        )
        self.assertEqual(self.env["resource.calendar"].UNITS, UNITS)

    def test_friday_before_spring_festival(self):
        """Fri 13 Feb 10:00 + 3 working days: Sat 14 (make-up), Tue 24, Wed 25 Feb."""
        self.assertEqual(
            self._add((2026, 2, 13, 10, 0), 3), datetime(2026, 2, 25, 17, 0)
        )

    def test_event_on_makeup_saturday(self):
        """Sat 14 Feb (make-up) 10:00 + 1: its own day is not counted, 15-23 are off, so
        Tue 24 Feb at 17:00."""
        self.assertEqual(
            self._add((2026, 2, 14, 10, 0), 1), datetime(2026, 2, 24, 17, 0)
        )

    def test_after_hours_event(self):
        """Fri 13 Feb 20:00 + 1: the make-up Saturday 14 Feb, 17:00."""
        self.assertEqual(
            self._add((2026, 2, 13, 20, 0), 1), datetime(2026, 2, 14, 17, 0)
        )

    def test_weekend_event(self):
        """Sat 7 Mar 10:00 + 2: Mon 9 (1), Tue 10 (2) Mar, 17:00."""
        self.assertEqual(
            self._add((2026, 3, 7, 10, 0), 2), datetime(2026, 3, 10, 17, 0)
        )

    def test_holiday_event(self):
        """Mon 16 Feb (Spring Festival) + 1: Tue 24 Feb, 17:00."""
        self.assertEqual(
            self._add((2026, 2, 16, 9, 0), 1), datetime(2026, 2, 24, 17, 0)
        )

    def test_national_day(self):
        """Wed 30 Sep 10:00 + 1: 1-7 Oct off, Thu 8 Oct; + 3: Thu 8, Fri 9, Sat 10
        (make-up) Oct."""
        self.assertEqual(
            self._add((2026, 9, 30, 10, 0), 1), datetime(2026, 10, 8, 17, 0)
        )
        self.assertEqual(
            self._add((2026, 9, 30, 10, 0), 3), datetime(2026, 10, 10, 17, 0)
        )

    def test_makeup_sunday(self):
        """Fri 18 Sep + 1: Sat 19 is off, Sun 20 Sep is a make-up day."""
        self.assertEqual(
            self._add((2026, 9, 18, 11, 0), 1), datetime(2026, 9, 20, 17, 0)
        )

    def test_zero_days(self):
        """N = 0: end of the event's day if it is a working day, else of the next."""
        # working Friday, even after hours
        self.assertEqual(
            self._add((2026, 2, 13, 10, 0), 0), datetime(2026, 2, 13, 17, 0)
        )
        self.assertEqual(
            self._add((2026, 2, 13, 20, 0), 0), datetime(2026, 2, 13, 17, 0)
        )
        # make-up Saturday is a working day
        self.assertEqual(
            self._add((2026, 2, 14, 10, 0), 0), datetime(2026, 2, 14, 17, 0)
        )
        # Spring Festival Sunday: next working day Tue 24 Feb
        self.assertEqual(
            self._add((2026, 2, 15, 10, 0), 0), datetime(2026, 2, 24, 17, 0)
        )

    def test_local_day_not_utc_day(self):
        """The event's day is its local day: Mon 9 Mar 01:00 Shanghai is Sun 8 Mar in
        UTC, yet + 1 working day is Tue 10 Mar."""
        self.assertEqual(self._add((2026, 3, 9, 1, 0), 1), datetime(2026, 3, 10, 17, 0))

    def test_partial_leave_ends_day_early(self):
        """A global leave on an afternoon ends that working day at 12:00."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Afternoon off",
                "calendar_id": self.calendar.id,
                "date_from": self._utc(self.calendar, 2026, 3, 10, 12, 0),
                "date_to": self._utc(self.calendar, 2026, 3, 10, 18, 0),
            }
        )
        self.assertEqual(
            self._add((2026, 3, 9, 10, 0), 1), datetime(2026, 3, 10, 12, 0)
        )

    def test_matches_plan_days_reference(self):
        """The hand-checked cases equal the host's plan_days reference."""
        for local, days in (
            ((2026, 2, 13, 10, 0), 3),
            ((2026, 2, 14, 10, 0), 1),
            ((2026, 9, 30, 10, 0), 3),
            ((2026, 2, 15, 10, 0), 0),
            ((2026, 12, 24, 18, 0), 5),
        ):
            start = self._utc(self.calendar, *local)
            self.assertEqual(
                self.calendar._bd_add(start, days, "working_days"),
                self._reference_working_days(self.calendar, start, days),
            )

    def test_beyond_the_year(self):
        """Counting crosses into 2027 (no statutory days known there: weekdays only)."""
        self.assertEqual(
            self._add((2026, 12, 31, 10, 0), 1), datetime(2027, 1, 1, 17, 0)
        )

    def test_no_working_time(self):
        """A calendar without attendances has no due date (False, like plan_days)."""
        empty = self.env["resource.calendar"].create(
            {"name": "Empty", "tz": "UTC", "attendance_ids": [(5, 0, 0)]}
        )
        self.assertFalse(empty._bd_add(datetime(2026, 3, 2), 2, "working_days"))

    def test_bad_amount(self):
        """Days must be whole; the unit must be known."""
        start = datetime(2026, 3, 2)
        with self.assertRaises(UserError):
            self.calendar._bd_add(start, 1.5, "working_days")
        with self.assertRaises(UserError):
            self.calendar._bd_add(start, -1.5, "calendar_days")
        with self.assertRaises(UserError):
            self.calendar._bd_add(start, 1, "fortnights")

    def test_backwards_working_days_across_spring_festival(self):
        """Negative working days end at the end of the Nth working day before the
        event's day: from Wed 25 Feb 17:00, -1 is Tue 24, -2 the make-up Sat 14 and -3
        Fri 13 Feb (the Spring Festival break 15-23 Feb is skipped)."""
        due = self._utc(self.calendar, 2026, 2, 25, 17, 0)
        expected = {
            -1: datetime(2026, 2, 24, 17, 0),
            -2: datetime(2026, 2, 14, 17, 0),
            -3: datetime(2026, 2, 13, 17, 0),
        }
        for days, local in expected.items():
            result = self.calendar._bd_add(due, days, "working_days")
            self.assertEqual(self._local(self.calendar, result), local, days)

    def test_backwards_working_hours(self):
        """Negative working hours go back in working time, like plan_hours(-N): from
        Tue 24 Feb 10:00, 4 hours back are 2 h that morning and 2 h of the make-up
        Sat 14 afternoon, so Sat 14 Feb 15:00; a tie ends at the start of a period."""
        start = self._utc(self.calendar, 2026, 2, 24, 10, 0)
        result = self.calendar._bd_add(start, -4, "working_hours")
        self.assertEqual(self._local(self.calendar, result), datetime(2026, 2, 14, 15))
        self.assertEqual(
            result, self.calendar.plan_hours(-4, start, compute_leaves=True)
        )
        tie = self._utc(self.calendar, 2026, 3, 4, 17, 0)
        result = self.calendar._bd_add(tie, -4, "working_hours")
        self.assertEqual(self._local(self.calendar, result), datetime(2026, 3, 4, 13))

    def test_backwards_calendar_days_and_hours(self):
        """-1 calendar day from Wed 25 Feb 17:00 ends at 24:00 of Tue 24 Feb; -3
        calendar hours is three hours earlier."""
        due = self._utc(self.calendar, 2026, 2, 25, 17, 0)
        result = self.calendar._bd_add(due, -1, "calendar_days")
        self.assertEqual(self._local(self.calendar, result), datetime(2026, 2, 25, 0))
        result = self.calendar._bd_add(due, -3, "calendar_hours")
        self.assertEqual(self._local(self.calendar, result), datetime(2026, 2, 25, 14))

    def test_working_days_before(self):
        """002/R2: the five working days before 31 December 2026 are 24, 25, 28, 29 and
        30 December (weekend 26-27 skipped)."""
        self.assertEqual(
            self.calendar._bd_working_days_before(date(2026, 12, 31), 5),
            [
                date(2026, 12, 24),
                date(2026, 12, 25),
                date(2026, 12, 28),
                date(2026, 12, 29),
                date(2026, 12, 30),
            ],
        )

    def test_working_days_before_holidays(self):
        """The three working days before Wed 25 Feb: Sat 14 (make-up), Fri 13 and Tue 24
        Feb, the Spring Festival skipped."""
        self.assertEqual(
            self.calendar._bd_working_days_before(date(2026, 2, 25), 3),
            [date(2026, 2, 13), date(2026, 2, 14), date(2026, 2, 24)],
        )
        self.assertEqual(
            self.calendar._bd_working_days_before(date(2026, 2, 25), 0), []
        )

    def test_is_working_day(self):
        """Working: weekdays and make-up days; not: weekends and holidays."""
        self.assertTrue(self.calendar._bd_is_working_day(date(2026, 2, 13)))
        self.assertTrue(self.calendar._bd_is_working_day(date(2026, 2, 14)))
        self.assertFalse(self.calendar._bd_is_working_day(date(2026, 2, 16)))
        self.assertFalse(self.calendar._bd_is_working_day(date(2026, 3, 7)))
        self.assertTrue(self.calendar._bd_is_working_day(date(2026, 10, 10)))
        self.assertFalse(self.calendar._bd_is_working_day(date(2026, 10, 5)))

    def test_default_calendar(self):
        """The default calendar is the company's."""
        company = self.env.company
        self.assertEqual(
            self.env["resource.calendar"]._bd_default_calendar(),
            company.resource_calendar_id,
        )
        self.assertEqual(
            self.env["resource.calendar"]._bd_default_calendar(company),
            company.resource_calendar_id,
        )


@tagged("post_install", "-at_install")
class TestWorkingHours(BusinessDeadlineCommon):
    """Working hours: N hours of working time from t, like plan_hours."""

    def _add(self, local, hours, calendar=None):
        calendar = calendar or self.calendar
        due = calendar._bd_add(self._utc(calendar, *local), hours, "working_hours")
        return self._local(calendar, due)

    def test_through_makeup_day(self):
        """Fri 13 Feb 10:00 + 10 h: 6 h on Friday, 4 h on the make-up Saturday morning,
        ending at 12:00 (an exact fill ends at the end of the interval)."""
        self.assertEqual(
            self._add((2026, 2, 13, 10, 0), 10), datetime(2026, 2, 14, 12, 0)
        )

    def test_after_hours(self):
        """Fri 13 Feb 18:00 + 1 h: from the next interval, Sat 14 Feb 09:00."""
        self.assertEqual(
            self._add((2026, 2, 13, 18, 0), 1), datetime(2026, 2, 14, 9, 0)
        )

    def test_over_the_festival(self):
        """Sat 14 Feb 16:00 + 2.5 h: 1 h, then Tue 24 Feb 08:00 + 1.5 h = 09:30."""
        self.assertEqual(
            self._add((2026, 2, 14, 16, 0), 2.5), datetime(2026, 2, 24, 9, 30)
        )

    def test_zero_hours(self):
        """0 h: t itself in working time, else the start of the next interval."""
        self.assertEqual(self._add((2026, 3, 9, 10, 0), 0), datetime(2026, 3, 9, 10, 0))
        self.assertEqual(self._add((2026, 3, 9, 12, 0), 0), datetime(2026, 3, 9, 13, 0))
        self.assertEqual(self._add((2026, 3, 7, 10, 0), 0), datetime(2026, 3, 9, 8, 0))

    def test_matches_plan_hours(self):
        """The hand-checked cases equal plan_hours(N, t, compute_leaves=True)."""
        for local, hours in (
            ((2026, 2, 13, 10, 0), 10),
            ((2026, 2, 13, 18, 0), 1),
            ((2026, 2, 14, 16, 0), 2.5),
            ((2026, 3, 9, 12, 0), 0),
            ((2026, 9, 30, 11, 15), 41.75),
        ):
            start = self._utc(self.calendar, *local)
            self.assertEqual(
                self.calendar._bd_add(start, hours, "working_hours"),
                self._reference_working_hours(self.calendar, start, hours),
            )

    def test_hours_between(self):
        """Working time from Fri 13 Feb to Mon 2 Mar 2026 (local midnights): Fri 13, Sat
        14, Tue 24-Fri 27, Sat 28 = 7 days x 8 h = 56 h, like the host."""
        start = self._utc(self.calendar, 2026, 2, 13)
        end = self._utc(self.calendar, 2026, 3, 2)
        self.assertEqual(self.calendar._bd_working_hours_between(start, end), 56.0)
        self.assertAlmostEqual(
            self.calendar.get_work_hours_count(start, end, compute_leaves=True), 56.0
        )
        self.assertEqual(
            self.calendar._bd_working_hours_between_batch(
                [
                    (start, end),
                    (end, start),
                    (
                        self._utc(self.calendar, 2026, 3, 9, 10, 30),
                        self._utc(self.calendar, 2026, 3, 9, 14, 0),
                    ),
                ]
            ),
            [56.0, 0.0, 2.5],
        )
        self.assertEqual(
            self.calendar._bd_working_hours_between_batch([(False, end), (start, end)]),
            [0.0, 56.0],
        )
        self.assertEqual(self.calendar._bd_working_hours_between_batch([]), [])


@tagged("post_install", "-at_install")
class TestCalendarTime(BusinessDeadlineCommon):
    """Calendar hours and calendar days, also across daylight saving time."""

    def test_calendar_hours(self):
        """Fri 13 Feb 10:00 + 72 calendar hours: Mon 16 Feb 10:00, holidays or not."""
        start = self._utc(self.calendar, 2026, 2, 13, 10, 0)
        due = self.calendar._bd_add(start, 72, "calendar_hours")
        self.assertEqual(self._local(self.calendar, due), datetime(2026, 2, 16, 10, 0))
        self.assertEqual(
            self.calendar._bd_add(start, 1.5, "calendar_hours"),
            datetime(2026, 2, 13, 3, 30),
        )

    def test_calendar_days(self):
        """Fri 13 Feb 10:00 + 3 calendar days: the 13th not counted, ends at 24:00 of
        Mon 16 Feb (Tue 17 Feb 00:00 local = 16 Feb 16:00 UTC); + 0: end of the 13th."""
        start = self._utc(self.calendar, 2026, 2, 13, 10, 0)
        self.assertEqual(
            self.calendar._bd_add(start, 3, "calendar_days"),
            datetime(2026, 2, 16, 16, 0),
        )
        self.assertEqual(
            self.calendar._bd_add(start, 0, "calendar_days"),
            datetime(2026, 2, 13, 16, 0),
        )

    def test_calendar_days_over_makeup_and_holidays(self):
        """Calendar days ignore make-up days and holidays: Sat 14 Feb + 10 days ends at
        24:00 of Tue 24 Feb."""
        start = self._utc(self.calendar, 2026, 2, 14, 10, 0)
        due = self.calendar._bd_add(start, 10, "calendar_days")
        self.assertEqual(self._local(self.calendar, due), datetime(2026, 2, 25, 0, 0))

    def test_paris_calendar_hours_dst(self):
        """Paris, Sat 28 Mar 2026 12:00 CET + 24 h = Sun 29 Mar 13:00 CEST (the clock
        moved forward at 02:00)."""
        start = self._utc(self.paris_calendar, 2026, 3, 28, 12, 0)
        due = self.paris_calendar._bd_add(start, 24, "calendar_hours")
        self.assertEqual(
            self._local(self.paris_calendar, due), datetime(2026, 3, 29, 13)
        )

    def test_paris_calendar_days_dst(self):
        """Paris, Sat 28 Mar + 1 calendar day ends at local midnight starting Mon 30
        Mar: 22:00 UTC (CEST), while + 0 ends at 23:00 UTC (CET)."""
        start = self._utc(self.paris_calendar, 2026, 3, 28, 10, 0)
        self.assertEqual(
            self.paris_calendar._bd_add(start, 1, "calendar_days"),
            datetime(2026, 3, 29, 22, 0),
        )
        self.assertEqual(
            self.paris_calendar._bd_add(start, 0, "calendar_days"),
            datetime(2026, 3, 28, 23, 0),
        )

    def test_paris_working_time_dst(self):
        """Paris, Fri 27 Mar 16:00 CET + 2 working hours: Mon 30 Mar 09:00 CEST (07:00
        UTC); + 1 working day: Mon 30 Mar 17:00 CEST (15:00 UTC)."""
        start = self._utc(self.paris_calendar, 2026, 3, 27, 16, 0)
        self.assertEqual(
            self.paris_calendar._bd_add(start, 2, "working_hours"),
            datetime(2026, 3, 30, 7, 0),
        )
        self.assertEqual(
            self.paris_calendar._bd_add(start, 1, "working_days"),
            datetime(2026, 3, 30, 15, 0),
        )
        self.assertEqual(
            self.paris_calendar._bd_add(start, 2, "working_hours"),
            self._reference_working_hours(self.paris_calendar, start, 2),
        )
        self.assertEqual(
            self.paris_calendar._bd_add(start, 1, "working_days"),
            self._reference_working_days(self.paris_calendar, start, 1),
        )

    @freeze_time("2026-02-13 02:00:00")
    def test_from_now(self):
        """Deadlines from 'now' (frozen on Fri 13 Feb 10:00 Shanghai) + 1 working day:
        the make-up Saturday."""
        from odoo import fields

        due = self.calendar._bd_add(fields.Datetime.now(), 1, "working_days")
        self.assertEqual(due, datetime(2026, 2, 14, 9, 0))

    def test_batch_equals_single(self):
        """The batch form gives the single form's results, in order, for every unit."""
        starts = [
            self._utc(self.calendar, 2026, 2, 13, 10, 0),
            self._utc(self.calendar, 2026, 9, 30, 20, 0),
            self._utc(self.calendar, 2026, 2, 14, 7, 0),
            self._utc(self.calendar, 2026, 2, 13, 10, 0),
        ]
        for code, _label in UNITS:
            self.assertEqual(
                self.calendar._bd_add_batch(starts, 3, code),
                [self.calendar._bd_add(start, 3, code) for start in starts],
            )
        self.assertEqual(self.calendar._bd_add_batch([], 3, "working_days"), [])

    def test_missing_start(self):
        """A missing start time has no due time; the others are still answered."""
        start = self._utc(self.calendar, 2026, 2, 13, 10, 0)
        self.assertEqual(
            self.calendar._bd_add_batch([False, start, None], 3, "working_days"),
            [False, datetime(2026, 2, 25, 9, 0), False],
        )

    def test_employee_timezone_context(self):
        """The calendar's time zone is used whatever the context's employee_timezone."""
        start = self._utc(self.calendar, 2026, 2, 13, 10, 0)
        calendar = self.calendar.with_context(employee_timezone="America/New_York")
        self.assertEqual(
            calendar._bd_add(start, 3, "working_days"), datetime(2026, 2, 25, 9, 0)
        )
