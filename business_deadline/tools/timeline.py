"""The working-time timeline: pure arithmetic on sorted work intervals, no database.

Why a module of its own (and not in ``models/``): it holds no model, reads no record
and makes no query. ``resource.calendar`` (``models/resource_calendar.py``) gathers the
work intervals of a calendar once (one ``_work_intervals_batch`` call, leaves
subtracted) and the local midnights of the days they cover, and builds a
:class:`WorkTimeline` from that plain data; every deadline question is then a bisection
here. It can therefore be tested on hand-made intervals (``tests/test_timeline.py``),
without Odoo's registry.

Instants are integers: microseconds since the Unix epoch (UTC). :func:`to_us` and
:func:`from_us` convert from and to the naive UTC datetimes Odoo stores.

This module also holds the one list of deadline units of the addon, :data:`UNITS`
(the selections of rules and escalations use it), and :data:`WORKING_UNITS`.
"""

from bisect import bisect_left, bisect_right
from datetime import date, datetime, time, timedelta

from pytz import utc

# The units of the deadline arithmetic (resource.calendar._bd_add and friends), and the
# selection of every "unit" field of the addon.
UNITS = [
    ("calendar_hours", "Calendar Hours"),
    ("calendar_days", "Calendar Days"),
    ("working_hours", "Working Hours"),
    ("working_days", "Working Days"),
]
# the units counted on the calendar's working time (a flexible calendar cannot)
WORKING_UNITS = ("working_hours", "working_days")
# the units that count whole days
DAY_UNITS = ("calendar_days", "working_days")

EPOCH = datetime(1970, 1, 1)
MICROSECOND = timedelta(microseconds=1)
MICROSECONDS_PER_HOUR = 3_600_000_000


def naive_utc(dt):
    """The naive UTC datetime of an aware one; naive ones (and False) unchanged."""
    return dt.astimezone(utc).replace(tzinfo=None) if dt and dt.tzinfo else dt


def to_us(dt):
    """Microseconds since the epoch of an aware datetime or a naive UTC one."""
    return (naive_utc(dt) - EPOCH) // MICROSECOND


def from_us(microseconds):
    """Naive UTC datetime of microseconds since the epoch."""
    return EPOCH + timedelta(microseconds=microseconds)


def local_midnights(tz, first_day, last_day):
    """Microseconds of the local midnights (pytz time zone ``tz``) starting each day
    from ``first_day`` to the day after ``last_day``, both included."""
    return [
        to_us(tz.localize(datetime.combine(date.fromordinal(ordinal), time.min)))
        for ordinal in range(first_day.toordinal(), last_day.toordinal() + 2)
    ]


class WorkTimeline:
    """The work intervals of one calendar over whole local days, as sorted arrays.

    :param first_day: the first local date covered
    :param midnights: microseconds of the local midnights starting ``first_day``, each
        following day, and the one ending the last day (``local_midnights``)
    :param intervals: (start, stop) work intervals in microseconds, sorted, disjoint,
        inside [midnights[0], midnights[-1]]; aware datetimes are accepted too
    """

    def __init__(self, first_day, midnights, intervals):
        self.first_ordinal = first_day.toordinal()
        self.end_ordinal = self.first_ordinal + len(midnights) - 1
        self.midnights = list(midnights)
        self.starts, self.ends, self.cum_before, self.cum_end = [], [], [], []
        self.day_ordinals, self.day_ends = [], []
        total = 0
        for start, stop in intervals:
            start_us = start if isinstance(start, int) else to_us(start)
            stop_us = stop if isinstance(stop, int) else to_us(stop)
            self.starts.append(start_us)
            self.ends.append(stop_us)
            self.cum_before.append(total)
            total += stop_us - start_us
            self.cum_end.append(total)
            # a working interval belongs to the local day it starts on, as in plan_days
            ordinal = self.local_ordinal(start_us)
            if self.day_ordinals and self.day_ordinals[-1] == ordinal:
                self.day_ends[-1] = max(self.day_ends[-1], stop_us)
            else:
                self.day_ordinals.append(ordinal)
                self.day_ends.append(stop_us)

    def local_ordinal(self, moment_us):
        """Ordinal of the local date of an instant inside the timeline."""
        return self.first_ordinal + bisect_right(self.midnights, moment_us) - 1

    def working_days(self):
        """The local dates that have working time, ascending."""
        return [date.fromordinal(ordinal) for ordinal in self.day_ordinals]

    def working_day_end(self, moment_us, days):
        """End of the Nth working day after the instant's day (0: its day or next)."""
        first = self.local_ordinal(moment_us) + (1 if days else 0)
        index = bisect_left(self.day_ordinals, first) + max(days, 1) - 1
        return self.day_ends[index] if index < len(self.day_ends) else None

    def working_day_end_before(self, moment_us, days):
        """End of the Nth working day before the instant's local day (N >= 1)."""
        index = bisect_left(self.day_ordinals, self.local_ordinal(moment_us)) - days
        return self.day_ends[index] if index >= 0 else None

    def working_before(self, moment_us):
        """(working microseconds before the instant, index of the next interval)."""
        index = bisect_right(self.starts, moment_us) - 1
        if index >= 0 and moment_us < self.ends[index]:
            return self.cum_before[index] + moment_us - self.starts[index], index
        return (self.cum_end[index] if index >= 0 else 0), index + 1

    def working_between(self, start_us, end_us):
        """Working microseconds between two instants (0 when end is not after start)."""
        if end_us <= start_us:
            return 0
        return self.working_before(end_us)[0] - self.working_before(start_us)[0]

    def add_working(self, moment_us, amount_us):
        """The instant after amount_us of working time from moment_us.

        On a tie, the end of an interval, like plan_hours. None beyond the timeline."""
        done, index = self.working_before(moment_us)
        target = done + amount_us
        index = bisect_left(self.cum_end, target, index)
        if index >= len(self.starts):
            return None
        return self.starts[index] + target - self.cum_before[index]

    def sub_working(self, moment_us, amount_us):
        """The instant amount_us of working time before moment_us.

        On a tie, the start of an interval, like plan_hours with negative hours. None
        before the timeline."""
        target = self.working_before(moment_us)[0] - amount_us
        if target <= 0:
            return None  # earlier than the timeline: look further back
        index = bisect_right(self.cum_before, target) - 1
        return self.starts[index] + target - self.cum_before[index]
