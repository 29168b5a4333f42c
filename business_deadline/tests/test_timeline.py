"""The working-time timeline alone: hand-made intervals, no database, no registry."""

import unittest
from datetime import date, datetime

from pytz import timezone, utc

from ..tools.timeline import (
    MICROSECONDS_PER_HOUR,
    UNITS,
    WORKING_UNITS,
    WorkTimeline,
    from_us,
    local_midnights,
    naive_utc,
    to_us,
)

UTC = timezone("UTC")
SHANGHAI = timezone("Asia/Shanghai")
HOUR = MICROSECONDS_PER_HOUR


def _us(*args):
    """Microseconds of a naive UTC datetime."""
    return to_us(datetime(*args))


class TestTimeline(unittest.TestCase):
    """A UTC week, Monday 2 to Sunday 8 March 2026, working 08-12 and 13-17 on
    Monday, Tuesday and Thursday (Wednesday is a holiday, Friday a half day 08-12)."""

    def setUp(self):
        super().setUp()
        self.first_day = date(2026, 3, 2)
        midnights = local_midnights(UTC, self.first_day, date(2026, 3, 8))
        intervals = []
        for day in (2, 3, 5):
            intervals += [
                (_us(2026, 3, day, 8), _us(2026, 3, day, 12)),
                (_us(2026, 3, day, 13), _us(2026, 3, day, 17)),
            ]
        intervals.append((_us(2026, 3, 6, 8), _us(2026, 3, 6, 12)))
        self.timeline = WorkTimeline(self.first_day, midnights, intervals)

    def test_units_single_list(self):
        """The deadline units are one list whose working units are a subset."""
        codes = [code for code, _label in UNITS]
        self.assertEqual(
            codes, ["calendar_hours", "calendar_days", "working_hours", "working_days"]
        )
        self.assertTrue(set(WORKING_UNITS) <= set(codes))

    def test_conversions(self):
        """Microseconds round-trip naive UTC datetimes; aware ones are converted."""
        moment = datetime(2026, 3, 2, 10, 30, 0, 5)
        self.assertEqual(from_us(to_us(moment)), moment)
        aware = SHANGHAI.localize(datetime(2026, 3, 2, 18, 30))
        self.assertEqual(naive_utc(aware), datetime(2026, 3, 2, 10, 30))
        self.assertEqual(to_us(aware), to_us(datetime(2026, 3, 2, 10, 30)))
        self.assertFalse(naive_utc(False))

    def test_local_midnights_in_time_zone(self):
        """Local midnights of Shanghai are 16:00 UTC the day before, one per day
        plus the one ending the last day."""
        midnights = local_midnights(SHANGHAI, date(2026, 3, 2), date(2026, 3, 3))
        self.assertEqual(
            [from_us(m) for m in midnights],
            [
                datetime(2026, 3, 1, 16),
                datetime(2026, 3, 2, 16),
                datetime(2026, 3, 3, 16),
            ],
        )

    def test_working_days(self):
        """The working days are the dates having an interval, the holiday excluded."""
        self.assertEqual(
            self.timeline.working_days(),
            [date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 5), date(2026, 3, 6)],
        )

    def test_working_day_end(self):
        """1 working day after Monday 10:00 ends Tuesday 17:00; 2 skip the holiday
        to Thursday; 3 end at Friday's 12:00; 0 is the event's own day."""
        monday = _us(2026, 3, 2, 10)
        self.assertEqual(self.timeline.working_day_end(monday, 1), _us(2026, 3, 3, 17))
        self.assertEqual(self.timeline.working_day_end(monday, 2), _us(2026, 3, 5, 17))
        self.assertEqual(self.timeline.working_day_end(monday, 3), _us(2026, 3, 6, 12))
        self.assertEqual(self.timeline.working_day_end(monday, 0), _us(2026, 3, 2, 17))
        holiday = _us(2026, 3, 4, 10)
        self.assertEqual(self.timeline.working_day_end(holiday, 0), _us(2026, 3, 5, 17))

    def test_beyond_the_timeline(self):
        """An answer past the timeline's end (or before its start) is None: the
        caller builds a longer timeline."""
        monday = _us(2026, 3, 2, 10)
        self.assertIsNone(self.timeline.working_day_end(monday, 5))
        self.assertIsNone(self.timeline.add_working(monday, 40 * HOUR))
        self.assertIsNone(self.timeline.sub_working(monday, 3 * HOUR))
        self.assertIsNone(self.timeline.working_day_end_before(monday, 1))

    def test_working_day_end_before(self):
        """1 working day before Thursday ends Tuesday 17:00 (the holiday skipped)."""
        thursday = _us(2026, 3, 5, 9)
        self.assertEqual(
            self.timeline.working_day_end_before(thursday, 1), _us(2026, 3, 3, 17)
        )
        self.assertEqual(
            self.timeline.working_day_end_before(thursday, 2), _us(2026, 3, 2, 17)
        )

    def test_add_working_hours(self):
        """8 working hours from Monday 10:00 end Tuesday 10:00 (lunch, night skipped);
        a tie ends at the interval's end, like plan_hours."""
        monday = _us(2026, 3, 2, 10)
        self.assertEqual(
            self.timeline.add_working(monday, 8 * HOUR), _us(2026, 3, 3, 10)
        )
        self.assertEqual(
            self.timeline.add_working(monday, 2 * HOUR), _us(2026, 3, 2, 12)
        )
        # after hours: from the start of the next interval, over the holiday
        evening = _us(2026, 3, 3, 20)
        self.assertEqual(
            self.timeline.add_working(evening, 1 * HOUR), _us(2026, 3, 5, 9)
        )

    def test_sub_working_hours(self):
        """Going back 2 working hours from Thursday 09:00 gives Tuesday 16:00; a tie
        gives the start of an interval."""
        thursday = _us(2026, 3, 5, 9)
        self.assertEqual(
            self.timeline.sub_working(thursday, 2 * HOUR), _us(2026, 3, 3, 16)
        )
        self.assertEqual(
            self.timeline.sub_working(_us(2026, 3, 2, 14), 1 * HOUR),
            _us(2026, 3, 2, 13),
        )

    def test_working_between(self):
        """Monday 10:00 to Thursday 10:00 holds 6 + 8 + 2 = 16 working hours; an end
        before the start gives 0."""
        self.assertEqual(
            self.timeline.working_between(_us(2026, 3, 2, 10), _us(2026, 3, 5, 10)),
            16 * HOUR,
        )
        self.assertEqual(
            self.timeline.working_between(_us(2026, 3, 5, 10), _us(2026, 3, 2, 10)), 0
        )

    def test_interval_belongs_to_its_start_day(self):
        """A night shift 22:00-06:00 belongs to the day it starts on; aware datetime
        intervals are accepted."""
        midnights = local_midnights(UTC, date(2026, 3, 2), date(2026, 3, 4))
        night = (
            utc.localize(datetime(2026, 3, 2, 22)),
            utc.localize(datetime(2026, 3, 3, 6)),
        )
        timeline = WorkTimeline(date(2026, 3, 2), midnights, [night])
        self.assertEqual(timeline.working_days(), [date(2026, 3, 2)])
        self.assertEqual(
            timeline.working_day_end(_us(2026, 3, 1, 12), 0), _us(2026, 3, 3, 6)
        )
