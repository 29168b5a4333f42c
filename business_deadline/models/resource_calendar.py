"""Working calendars: make-up working days, statutory days and the deadline arithmetic.

This file is the only place of the suite that does working-time arithmetic. Callers pass
naive UTC datetimes (as Odoo stores them); everything is computed in the calendar's time
zone, always with the calendar's global leaves (public holidays) subtracted. Semantics:

- ``calendar_hours``: t + N hours.
- ``calendar_days``: the event's day is not counted; the period ends at 24:00 local time
  of the Nth following day (local midnight starting day N + 1).
- ``working_hours``: N hours of working time starting at t; after hours, from the start
  of the next working interval (exactly ``plan_hours(N, t, compute_leaves=True)``).
- ``working_days``: the event's own day is not counted (Civil Code art. 201), counting
  starts the next calendar day and the period ends at the end of the last working
  interval of the Nth working day (art. 203, "停止业务活动的时间"). Events on
  non-working days or after hours therefore count from the next working day. N = 0
  means the end of the event's day if it is a working day, else the end of the next
  working day.

Negative amounts count backwards, symmetrically (warning leads and escalations "before
the due time" use them): calendar hours t - N hours; calendar days end at 24:00 local
time of the day N days before the event's day; working hours go back N hours of working
time from t (exactly ``plan_hours(-N, t, compute_leaves=True)``); working days end at
the end of the Nth working day before the event's day (the event's day is not counted).

A working day is a date with at least one working interval left once global leaves are
subtracted: a weekday with attendances, or a make-up working day.
"""

import math
from bisect import bisect_left, bisect_right
from datetime import date, datetime, time, timedelta

from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.date_utils import float_to_time
from odoo.tools.intervals import Intervals

UNITS = [
    ("calendar_hours", "Calendar Hours"),
    ("calendar_days", "Calendar Days"),
    ("working_hours", "Working Hours"),
    ("working_days", "Working Days"),
]
_EPOCH = datetime(1970, 1, 1)
_MICROSECOND = timedelta(microseconds=1)
_MICROSECONDS_PER_HOUR = 3_600_000_000
# plan_days and plan_hours give up after 100 windows of 14 days: so does the fast path
_HORIZON_DAYS = 1400
# first look-ahead: a week of slack for long holidays plus two calendar days per unit
_LOOKAHEAD_DAYS = 31


def _naive_utc(dt):
    """The naive UTC datetime of an aware one; naive ones (and False) unchanged."""
    return dt.astimezone(utc).replace(tzinfo=None) if dt and dt.tzinfo else dt


def _to_us(dt):
    """Microseconds since the epoch of an aware datetime or a naive UTC one."""
    return (_naive_utc(dt) - _EPOCH) // _MICROSECOND


def _from_us(microseconds):
    """Naive UTC datetime of microseconds since the epoch."""
    return _EPOCH + timedelta(microseconds=microseconds)


class _WorkTimeline:
    """The work intervals of one calendar over whole local days, as sorted arrays.

    Built with one ``_work_intervals_batch`` call (leaves subtracted) from local
    midnight of ``first_day`` to local midnight after ``last_day``; every question is
    then a bisection.
    """

    def __init__(self, calendar, first_day, last_day):
        tz = timezone(calendar.tz or "UTC")
        self.first_ordinal = first_day.toordinal()
        self.end_ordinal = last_day.toordinal() + 1
        self.midnights = [
            _to_us(tz.localize(datetime.combine(date.fromordinal(ordinal), time.min)))
            for ordinal in range(self.first_ordinal, self.end_ordinal + 1)
        ]
        start = tz.localize(datetime.combine(first_day, time.min))
        end = tz.localize(
            datetime.combine(date.fromordinal(self.end_ordinal), time.min)
        )
        intervals = calendar._work_intervals_batch(
            start, end, tz=tz, compute_leaves=True
        )[False]
        self.starts, self.ends, self.cum_before, self.cum_end = [], [], [], []
        self.day_ordinals, self.day_ends = [], []
        total = 0
        for begin, stop, _meta in intervals:
            start_us, stop_us = _to_us(begin), _to_us(stop)
            self.starts.append(start_us)
            self.ends.append(stop_us)
            self.cum_before.append(total)
            total += stop_us - start_us
            self.cum_end.append(total)
            # a working interval belongs to the local day it starts on, as in plan_days
            ordinal = begin.astimezone(tz).date().toordinal()
            if self.day_ordinals and self.day_ordinals[-1] == ordinal:
                self.day_ends[-1] = max(self.day_ends[-1], stop_us)
            else:
                self.day_ordinals.append(ordinal)
                self.day_ends.append(stop_us)

    def local_ordinal(self, moment_us):
        """Ordinal of the local date of an instant inside the timeline."""
        return self.first_ordinal + bisect_right(self.midnights, moment_us) - 1

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

    def add_working(self, moment_us, amount_us):
        """The instant after amount_us of working time from moment_us.

        On a tie, the end of an interval, like plan_hours."""
        done, index = self.working_before(moment_us)
        target = done + amount_us
        index = bisect_left(self.cum_end, target, index)
        if index >= len(self.starts):
            return None
        return self.starts[index] + target - self.cum_before[index]

    def sub_working(self, moment_us, amount_us):
        """The instant amount_us of working time before moment_us.

        On a tie, the start of an interval, like plan_hours with negative hours."""
        target = self.working_before(moment_us)[0] - amount_us
        if target <= 0:
            return None  # earlier than the timeline: look further back
        index = bisect_right(self.cum_before, target) - 1
        return self.starts[index] + target - self.cum_before[index]


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    UNITS = UNITS

    makeup_day_ids = fields.One2many(
        "business.deadline.makeup.day",
        "calendar_id",
        string="Make-up Working Days",
        copy=True,
    )

    # ------------------------------------------------------------------ make-up days

    def _bd_reference_attendances(self, day=None, lunch=False, domain=None):
        """Attendances of the regular working weekday, the one a make-up day works.

        The regular working weekday is the first weekday having working attendances (in
        a two-week calendar: in the week of ``day``, or in the first week without one).
        Sorted by start hour. With lunch=True, that weekday's lunch attendances.
        """
        self.ensure_one()
        attendances = self.attendance_ids.filtered(lambda a: not a.display_type)
        if self.two_weeks_calendar:
            week_type = str(
                self.env["resource.calendar.attendance"].get_week_type(day)
                if day
                else 0
            )
            attendances = attendances.filtered(lambda a: a.week_type == week_type)
        working = attendances.filtered(lambda a: a.day_period != "lunch")
        if not working:
            return working
        weekday = min(working.mapped("dayofweek"), key=int)
        attendances = attendances.filtered(
            lambda a: a.dayofweek == weekday and (a.day_period == "lunch") == lunch
        )
        if domain:
            attendances = attendances.filtered_domain(domain)
        return attendances.sorted("hour_from")

    def _bd_is_regular_weekday(self, day):
        """Whether ``day`` falls on a weekday that has working attendances."""
        self.ensure_one()
        attendances = self.attendance_ids.filtered(
            lambda a: not a.display_type
            and a.day_period != "lunch"
            and int(a.dayofweek) == day.weekday()
        )
        if self.two_weeks_calendar:
            week_type = str(self.env["resource.calendar.attendance"].get_week_type(day))
            attendances = attendances.filtered(lambda a: a.week_type == week_type)
        return bool(attendances)

    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        """Add the make-up working days to the host's attendance intervals.

        Each make-up day in range gives the intervals of the regular working weekday
        (see ``business.deadline.makeup.day``) in the requested or resource's time zone,
        clipped to start_dt/end_dt, with the real attendance as meta. Flexible calendars
        and fully flexible resources get none.
        """
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch
        )
        if self.flexible_hours:
            return result
        makeup_days = (
            self.env["business.deadline.makeup.day"]
            .sudo()
            .search(
                [
                    ("calendar_id", "=", self.id),
                    (
                        "date",
                        ">=",
                        (start_dt.astimezone(utc) - timedelta(days=1)).date(),
                    ),
                    ("date", "<=", (end_dt.astimezone(utc) + timedelta(days=1)).date()),
                ]
            )
        )
        if not makeup_days:
            return result
        spans = [
            (makeup_day.date, makeup_day._bd_attendance_spans(lunch, domain))
            for makeup_day in makeup_days
        ]
        resources = resources or self.env["resource.resource"]
        calendars = resources._get_calendar_at(start_dt, tz)
        for resource in list(resources) + [self.env["resource.resource"]]:
            if resource and (
                not calendars.get(resource) or calendars[resource].flexible_hours
            ):
                continue
            resource_tz = tz or timezone((resource or self).tz)
            start, end = (
                start_dt.astimezone(resource_tz),
                end_dt.astimezone(resource_tz),
            )
            extra = []
            for day, day_spans in spans:
                for hour_from, hour_to, attendance in day_spans:
                    begin = resource_tz.localize(
                        datetime.combine(day, float_to_time(hour_from))
                    )
                    stop = resource_tz.localize(
                        datetime.combine(day, float_to_time(hour_to))
                    )
                    begin, stop = max(start, begin), min(end, stop)
                    if begin < stop:
                        extra.append((begin, stop, attendance))
            if extra:
                result[resource.id] = result[resource.id] | Intervals(
                    extra, keep_distinct=True
                )
        return result

    def _works_on_date(self, date):
        """A make-up working day is worked, whatever its weekday."""
        if super()._works_on_date(date):
            return True
        return not self.flexible_hours and bool(
            self.env["business.deadline.makeup.day"]
            .sudo()
            .search_count([("calendar_id", "=", self.id), ("date", "=", date)], limit=1)
        )

    # ------------------------------------------------------------------ arithmetic

    @api.model
    def _bd_default_calendar(self, company=None):
        """The working calendar deadlines use by default: the company's, else Odoo's
        standard calendar (a company may have none)."""
        return (company or self.env.company).resource_calendar_id or self.env.ref(
            "resource.resource_calendar_std"
        )

    def _bd_tz(self):
        return timezone(self.tz or "UTC")

    def _bd_local_date(self, moment):
        """Local date, in the calendar's time zone, of a naive UTC datetime."""
        return utc.localize(moment).astimezone(self._bd_tz()).date()

    def _bd_local_midnight(self, day):
        """Naive UTC datetime of the local midnight starting ``day``."""
        midnight = self._bd_tz().localize(datetime.combine(day, time.min))
        return midnight.astimezone(utc).replace(tzinfo=None)

    def _bd_timeline(self, first_day, last_day):
        return _WorkTimeline(self, first_day, last_day)

    def _bd_check_amount(self, amount, unit):
        if unit not in dict(UNITS):
            raise UserError(
                self.env._(
                    "Unknown deadline unit %(unit)s: use one of %(units)s.",
                    unit=unit,
                    units=", ".join(code for code, _label in UNITS),
                )
            )
        if unit in ("calendar_days", "working_days") and not float(amount).is_integer():
            raise UserError(
                self.env._(
                    "A deadline in days needs a whole number of days (got %(amount)s).",
                    amount=amount,
                )
            )

    def _bd_add_batch(self, start_dts, amount, unit):
        """Due datetimes of many events: ``amount`` ``unit`` after each start.

        :param start_dts: naive UTC datetimes (aware ones are converted)
        :param amount: hours (float) or days (integer); negative amounts count
            backwards (see the module docstring)
        :param unit: a code of ``UNITS``
        :return: naive UTC due datetimes in the same order (False for a missing start,
            or when the calendar has no working time within 1,400 days, like plan_days)

        See the module docstring for the semantics of each unit. Working units build the
        calendar's work intervals once for the whole span and answer each start by
        bisection: no query per start.
        """
        self.ensure_one()
        self._bd_check_amount(amount, unit)
        starts = [_naive_utc(dt) for dt in start_dts]
        if not all(starts):
            # no start, no due time: answer the others
            present = [index for index, start in enumerate(starts) if start]
            results = [False] * len(starts)
            answers = self._bd_add_batch([starts[i] for i in present], amount, unit)
            for index, answer in zip(present, answers, strict=True):
                results[index] = answer
            return results
        if not starts:
            return []
        if unit == "calendar_hours":
            delta = timedelta(hours=amount)
            return [start + delta for start in starts]
        if unit == "calendar_days":
            return self._bd_add_calendar_days(starts, int(amount))
        backwards = amount < 0
        if unit == "working_days":
            days = abs(int(amount))
            lookahead = 2 * days + _LOOKAHEAD_DAYS

            def resolve(timeline, start):
                if backwards:
                    return timeline.working_day_end_before(_to_us(start), days)
                return timeline.working_day_end(_to_us(start), days)

        else:
            amount_us = round(abs(amount) * _MICROSECONDS_PER_HOUR)
            lookahead = (
                math.ceil(2 * abs(amount) / (self.hours_per_day or 8)) + _LOOKAHEAD_DAYS
            )

            def resolve(timeline, start):
                if backwards:
                    return timeline.sub_working(_to_us(start), amount_us)
                return timeline.add_working(_to_us(start), amount_us)

        return self._bd_resolve(starts, lookahead, resolve, backwards=backwards)

    def _bd_resolve(self, starts, lookahead, resolve, backwards=False):
        """Answer each start on one timeline, extending it for the unanswered ones.

        The timeline reaches ``lookahead`` days after the last start (before the first
        one when counting backwards), doubling up to the 1,400-day horizon."""
        results = [False] * len(starts)
        pending = list(range(len(starts)))
        first_start_day = self._bd_local_date(min(starts)) - timedelta(days=1)
        last_start_day = self._bd_local_date(max(starts)) + timedelta(days=1)
        lookahead = min(lookahead, _HORIZON_DAYS)
        while pending:
            if backwards:
                span = (first_start_day - timedelta(days=lookahead), last_start_day)
            else:
                span = (first_start_day, last_start_day + timedelta(days=lookahead))
            timeline = self._bd_timeline(*span)
            unanswered = []
            for index in pending:
                answer = resolve(timeline, starts[index])
                if answer is None:
                    unanswered.append(index)
                else:
                    results[index] = _from_us(answer)
            if lookahead >= _HORIZON_DAYS:
                break
            pending = unanswered
            lookahead = min(lookahead * 2, _HORIZON_DAYS)
        return results

    def _bd_add_calendar_days(self, starts, days):
        """24:00 local time of the day ``days`` after (or before) each start's day."""
        cache = {}
        results = []
        for start in starts:
            day = self._bd_local_date(start)
            if day not in cache:
                cache[day] = self._bd_local_midnight(day + timedelta(days=days + 1))
            results.append(cache[day])
        return results

    def _bd_add(self, start_dt, amount, unit):
        """Due datetime of one event: ``_bd_add_batch([start_dt], amount, unit)[0]``."""
        return self._bd_add_batch([start_dt], amount, unit)[0]

    def _bd_working_hours_between_batch(self, pairs):
        """Working hours (float, leaves subtracted) between each (start, end) pair.

        Naive UTC datetimes; 0.0 when end is not after start or either is missing. One
        timeline for all pairs.
        """
        self.ensure_one()
        pairs = [tuple(_naive_utc(dt) for dt in pair) for pair in pairs]
        moments = [dt for pair in pairs if all(pair) for dt in pair]
        if not moments:
            return [0.0] * len(pairs)
        timeline = self._bd_timeline(
            self._bd_local_date(min(moments)) - timedelta(days=1),
            self._bd_local_date(max(moments)) + timedelta(days=1),
        )
        results = []
        for start, end in pairs:
            if not (start and end) or end <= start:
                results.append(0.0)
                continue
            done_end = timeline.working_before(_to_us(end))[0]
            done_start = timeline.working_before(_to_us(start))[0]
            results.append((done_end - done_start) / _MICROSECONDS_PER_HOUR)
        return results

    def _bd_working_hours_between(self, start_dt, end_dt):
        """Working hours between two naive UTC datetimes (see the batch form)."""
        return self._bd_working_hours_between_batch([(start_dt, end_dt)])[0]

    def _bd_working_days_before(self, day, n):
        """The ``n`` working dates strictly before ``day``, ascending.

        E.g. rule 002/R2: the five working days before 31 December. Fewer dates only
        when the calendar has not that many working days in the 1,400 days before.
        """
        self.ensure_one()
        if n <= 0:
            return []
        lookback = min(2 * n + _LOOKAHEAD_DAYS, _HORIZON_DAYS)
        while True:
            timeline = self._bd_timeline(
                day - timedelta(days=lookback), day - timedelta(days=1)
            )
            ordinals = timeline.day_ordinals[-n:]
            if len(ordinals) == n or lookback >= _HORIZON_DAYS:
                return [date.fromordinal(ordinal) for ordinal in ordinals]
            lookback = min(lookback * 2, _HORIZON_DAYS)

    def _bd_is_working_day(self, day):
        """Whether ``day`` has working time: an attendance or make-up day, not fully
        covered by a global leave."""
        self.ensure_one()
        return bool(self._bd_timeline(day, day).day_ordinals)

    # ------------------------------------------------------------------ statutory days

    @api.model
    def _bd_fetch_statutory_days(self, country, year):
        """Public holidays and make-up working days of a country for a year.

        China from ``chinese_calendar`` (with its make-up days), other countries from
        ``holidays`` (public holidays only). Both libraries are imported here, lazily.

        :return: ({date: holiday name}, {date: make-up day name})
        :raise UserError: library missing, or country / year not covered
        """
        if country.code == "CN":
            return self._bd_fetch_statutory_days_china(country, year)
        try:
            import holidays as holidays_lib
        except ImportError as error:
            raise UserError(
                self.env._(
                    "Importing statutory days needs the Python library %(library)s.",
                    library="holidays",
                )
            ) from error
        try:
            days = holidays_lib.country_holidays(country.code, years=year)
        except NotImplementedError as error:
            raise UserError(self._bd_uncovered_error(country, year)) from error
        if not days:
            raise UserError(self._bd_uncovered_error(country, year))
        return {day: name for day, name in sorted(days.items())}, {}

    @api.model
    def _bd_fetch_statutory_days_china(self, country, year):
        try:
            import chinese_calendar
        except ImportError as error:
            raise UserError(
                self.env._(
                    "Importing statutory days needs the Python library %(library)s.",
                    library="chinesecalendar",
                )
            ) from error
        try:
            chinese_calendar.get_holiday_detail(date(year, 1, 1))
        except NotImplementedError as error:
            raise UserError(self._bd_uncovered_error(country, year)) from error

        def chinese(english):
            # the library stores English names; its Holiday enum knows the Chinese ones
            try:
                return chinese_calendar.Holiday(english).chinese
            except ValueError:
                return english

        holidays = {
            day: chinese(holiday)
            for day, holiday in sorted(chinese_calendar.constants.holidays.items())
            if day.year == year
        }
        makeup_days = {
            day: f"{chinese(holiday)}调休"
            for day, holiday in sorted(chinese_calendar.constants.workdays.items())
            if day.year == year
        }
        if not holidays:
            raise UserError(self._bd_uncovered_error(country, year))
        return holidays, makeup_days

    @api.model
    def _bd_uncovered_error(self, country, year):
        return self.env._(
            "No statutory days are known for %(country)s in %(year)s: the library "
            "does not cover that year.",
            country=country.display_name,
            year=year,
        )

    def _bd_global_leave_days(self, days):
        """The dates among ``days`` already fully covered by a global leave."""
        self.ensure_one()
        if not days:
            return set()
        leaves = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "in", [self.id, False]),
                ("resource_id", "=", False),
                ("time_type", "=", "leave"),
                ("date_from", "<=", self._bd_local_midnight(max(days) + timedelta(1))),
                ("date_to", ">=", self._bd_local_midnight(min(days))),
            ]
        )
        last_second = timedelta(seconds=1)
        return {
            day
            for day in days
            for leave in leaves
            if leave.date_from <= self._bd_local_midnight(day)
            and leave.date_to
            >= self._bd_local_midnight(day + timedelta(days=1)) - last_second
        }

    def _bd_statutory_days_plan(self, country, year):
        """What an import adds to this calendar, days already present skipped.

        :return: {"leaves": [(first date, last date, name)], one per contiguous block of
            holidays not yet covered by a global leave; "makeup_days": [(date, name)]}
        """
        self.ensure_one()
        holidays, makeup_days = self._bd_fetch_statutory_days(country, year)
        covered = self._bd_global_leave_days(list(holidays))
        blocks = []
        for day in sorted(set(holidays) - covered):
            if blocks and blocks[-1][1] + timedelta(days=1) == day:
                blocks[-1][1] = day
                if holidays[day] not in blocks[-1][2]:
                    blocks[-1][2].append(holidays[day])
            else:
                blocks.append([day, day, [holidays[day]]])
        existing = set(self.makeup_day_ids.mapped("date"))
        return {
            "leaves": [
                (first, last, "、".join(names)) for first, last, names in blocks
            ],
            "makeup_days": [
                (day, name)
                for day, name in sorted(makeup_days.items())
                if day not in existing and not self._bd_is_regular_weekday(day)
            ],
        }

    def _bd_import_statutory_days(self, country, year):
        """Add a year's statutory days to this calendar; nothing twice.

        Public holidays become global leaves (one per contiguous block, whole local days
        in the calendar's time zone, stored in UTC); make-up days become make-up working
        days. Deadline managers only.

        :return: {"leaves": created leaves, "makeup_days": created make-up days}
        """
        self.ensure_one()
        if isinstance(country, int):  # an id, e.g. from a data file's <function>
            country = self.env["res.country"].browse(country)
        if not (
            self.env.is_superuser()
            or self.env.user.has_group(
                "business_deadline.group_business_deadline_manager"
            )
        ):
            raise AccessError(
                self.env._("Only deadline administrators can import statutory days.")
            )
        plan = self._bd_statutory_days_plan(country, year)
        last_second = timedelta(seconds=1)
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "calendar_id": self.id,
                        "resource_id": False,
                        "time_type": "leave",
                        "date_from": self._bd_local_midnight(first),
                        "date_to": self._bd_local_midnight(last + timedelta(days=1))
                        - last_second,
                    }
                    for first, last, name in plan["leaves"]
                ]
            )
        )
        makeup_days = (
            self.env["business.deadline.makeup.day"]
            .sudo()
            .create(
                [
                    {"calendar_id": self.id, "date": day, "name": name}
                    for day, name in plan["makeup_days"]
                ]
            )
        )
        return {"leaves": leaves.sudo(False), "makeup_days": makeup_days.sudo(False)}

    def _bd_add_batch_amounts(self, start_dts, amounts, unit):
        """Like ``_bd_add_batch``, with an amount per start (same order)."""
        self.ensure_one()
        results = [False] * len(start_dts)
        groups = {}
        for index, amount in enumerate(amounts):
            groups.setdefault(amount, []).append(index)
        for amount, indexes in groups.items():
            answers = self._bd_add_batch([start_dts[i] for i in indexes], amount, unit)
            for index, answer in zip(indexes, answers, strict=True):
                results[index] = answer
        return results
