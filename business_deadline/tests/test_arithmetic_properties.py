from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytz import timezone, utc

from odoo.tests import tagged

from .common import BusinessDeadlineCommon

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
# naive UTC instants over 2026, with minutes, so nights, weekends and holidays occur
instants = st.datetimes(
    min_value=datetime(2025, 12, 25), max_value=datetime(2026, 12, 20)
).map(lambda dt: dt.replace(second=0, microsecond=0))
day_counts = st.integers(min_value=0, max_value=25)
# quarter hours: exact in binary floating point, as plan_hours computes in floats
hour_counts = st.integers(min_value=0, max_value=240).map(lambda q: q / 4)
calendars = st.sampled_from(["calendar", "paris_calendar", "tricky_calendar"])


@tagged("post_install", "-at_install")
class TestArithmeticProperties(BusinessDeadlineCommon):
    """Properties of the fast path over random 2026 events (fixed, derandomized)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # China 2026 in New York time, make-up days shortened and lengthened, and a
        # half-day leave: days that end early or late, daylight saving time
        cls.tricky_calendar = cls._create_calendar("Tricky", "America/New_York")
        cls.tricky_calendar._bd_import_statutory_days(cls.china, 2026)
        makeup_days = cls.tricky_calendar.makeup_day_ids.sorted("date")
        makeup_days[:2].write({"hour_from": 9.5, "hour_to": 12})
        makeup_days[2:4].write({"hour_from": 7, "hour_to": 19.25})
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Afternoon off",
                "calendar_id": cls.tricky_calendar.id,
                "date_from": cls._utc(cls.tricky_calendar, 2026, 3, 10, 12, 30),
                "date_to": cls._utc(cls.tricky_calendar, 2026, 3, 10, 23, 0),
            }
        )

    @PROPERTY_SETTINGS
    @given(calendars, st.lists(instants, min_size=1, max_size=12), day_counts)
    def test_batch_equals_single_days(self, calendar_name, starts, days):
        """The batch form gives exactly the single form's working-day results."""
        calendar = getattr(self, calendar_name)
        self.assertEqual(
            calendar._bd_add_batch(starts, days, "working_days"),
            [calendar._bd_add(start, days, "working_days") for start in starts],
        )

    @PROPERTY_SETTINGS
    @given(calendars, st.lists(instants, min_size=1, max_size=12), hour_counts)
    def test_batch_equals_single_hours(self, calendar_name, starts, hours):
        """The batch form gives exactly the single form's working-hour results."""
        calendar = getattr(self, calendar_name)
        self.assertEqual(
            calendar._bd_add_batch(starts, hours, "working_hours"),
            [calendar._bd_add(start, hours, "working_hours") for start in starts],
        )

    @PROPERTY_SETTINGS
    @given(calendars, instants, day_counts)
    def test_lands_at_end_of_working_day(self, calendar_name, start, days):
        """A working-days due time is on a working day, at the end of its last work
        interval, and after the event's day unless N = 0."""
        calendar = getattr(self, calendar_name)
        due = calendar._bd_add(start, days, "working_days")
        tz = timezone(calendar.tz)
        due_day = utc.localize(due).astimezone(tz).date()
        self.assertTrue(calendar._bd_is_working_day(due_day))
        self.assertTrue(calendar._works_on_date(due_day))
        self.assertEqual(due, self._day_end(calendar, due_day))
        event_day = utc.localize(start).astimezone(tz).date()
        if days:
            self.assertGreater(due_day, event_day)
            # the N - 1 working days before the due day all follow the event's day
            before = calendar._bd_working_days_before(due_day, days)
            self.assertLessEqual(before[0], event_day)
            self.assertTrue(all(day > event_day for day in before[1:]))
        else:
            self.assertGreaterEqual(due_day, event_day)

    @PROPERTY_SETTINGS
    @given(calendars, instants, day_counts, hour_counts)
    def test_monotonic(self, calendar_name, start, days, hours):
        """Due times do not decrease when N grows (strictly for working days from N = 1:
        N = 0 and N = 1 coincide for an event on a non-working day)."""
        calendar = getattr(self, calendar_name)
        for unit, small, big in (
            ("working_days", days, days + 1),
            ("working_hours", hours, hours + 0.25),
            ("calendar_days", days, days + 1),
            ("calendar_hours", hours, hours + 0.25),
        ):
            due_small = calendar._bd_add(start, small, unit)
            due_big = calendar._bd_add(start, big, unit)
            self.assertLessEqual(due_small, due_big, unit)
            if unit == "working_days" and small:
                self.assertLess(due_small, due_big)

    @PROPERTY_SETTINGS
    @given(calendars, instants, day_counts)
    def test_equals_plan_days(self, calendar_name, start, days):
        """The fast path equals the plan_days reference (see common.py)."""
        calendar = getattr(self, calendar_name)
        self.assertEqual(
            calendar._bd_add(start, days, "working_days"),
            self._reference_working_days(calendar, start, days),
        )

    @PROPERTY_SETTINGS
    @given(calendars, instants, hour_counts)
    def test_equals_plan_hours(self, calendar_name, start, hours):
        """The fast path equals plan_hours(N, t, compute_leaves=True)."""
        calendar = getattr(self, calendar_name)
        self.assertEqual(
            calendar._bd_add(start, hours, "working_hours"),
            self._reference_working_hours(calendar, start, hours),
        )

    @PROPERTY_SETTINGS
    @given(calendars, instants, hour_counts.filter(bool))
    def test_backwards_equals_plan_hours(self, calendar_name, start, hours):
        """Negative working hours equal plan_hours(-N, t, compute_leaves=True)."""
        calendar = getattr(self, calendar_name)
        self.assertEqual(
            calendar._bd_add(start, -hours, "working_hours"),
            self._reference_working_hours(calendar, start, -hours),
        )

    @PROPERTY_SETTINGS
    @given(calendars, st.lists(instants, min_size=1, max_size=12), day_counts)
    def test_backwards_working_days(self, calendar_name, starts, days):
        """-N working days end at the end of the first of the N working days before
        the event's day; the batch form equals the single form."""
        calendar = getattr(self, calendar_name)
        days = days or 1
        results = calendar._bd_add_batch(starts, -days, "working_days")
        for start, result in zip(starts, results, strict=True):
            event_day = self._local(calendar, start).date()
            first = calendar._bd_working_days_before(event_day, days)[0]
            self.assertEqual(result, self._day_end(calendar, first))
            self.assertEqual(result, calendar._bd_add(start, -days, "working_days"))

    @PROPERTY_SETTINGS
    @given(calendars, instants, st.integers(min_value=0, max_value=60 * 24 * 40))
    def test_hours_between_equals_host(self, calendar_name, start, minutes):
        """Working time between two instants equals get_work_hours_count, and adding a
        non-zero result as working hours to the start does not overshoot the end."""
        calendar = getattr(self, calendar_name)
        end = start + timedelta(minutes=minutes)
        between = calendar._bd_working_hours_between(start, end)
        self.assertAlmostEqual(
            between,
            calendar.get_work_hours_count(start, end, compute_leaves=True),
            places=6,
        )
        if between:
            self.assertLessEqual(calendar._bd_add(start, between, "working_hours"), end)
