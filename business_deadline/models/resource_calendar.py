"""Working calendars: make-up working days, statutory days and the deadline arithmetic.

This file and ``tools/timeline.py`` are the only places of the suite that do
working-time arithmetic: here the calendar gathers its work intervals (one
``_work_intervals_batch`` call) into a ``WorkTimeline``, which answers every question
without a query. Callers pass naive UTC datetimes (as Odoo stores them); everything is
computed in the calendar's time zone, always with the calendar's global leaves (public
holidays) subtracted: the calendar's own, and those of no calendar that belong to its
company or to no company (never another company's), whatever the user's companies.
Flexible-hours calendars cannot count working units (``_bd_check_countable``).
Semantics:

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
from datetime import date, datetime, time, timedelta

from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.date_utils import float_to_time
from odoo.tools.intervals import Intervals

from ..tools.timeline import (
    DAY_UNITS,
    MICROSECONDS_PER_HOUR,
    UNITS,
    WORKING_UNITS,
    WorkTimeline,
    from_us,
    local_midnights,
    naive_utc,
    to_us,
)

# plan_days and plan_hours give up after 100 windows of 14 days: so does the fast path
_HORIZON_DAYS = 1400
# first look-ahead: a week of slack for long holidays plus two calendar days per unit
_LOOKAHEAD_DAYS = 31
# Working hours per day assumed, only to size the first look-ahead of a working-hours
# deadline, when the calendar has no average (hours_per_day 0, e.g. no attendance yet):
# Odoo's own default day (resource.calendar's hours_per_day defaults to 8) and China's
# statutory 8-hour working day (Labour Law art. 36). A wrong guess costs one more
# timeline, never a wrong answer.
_FALLBACK_HOURS_PER_DAY = 8
# timer states whose times the calendar's changes recompute, and states that keep a
# calendar from switching to flexible hours
_MOVABLE_TIMER_STATES = ("running", "paused", "warning")
_OPEN_TIMER_STATES = ("running", "paused", "warning", "breached")
# a change of working time within a day of a timer's span may move it (time zones)
_TIMER_MARGIN = timedelta(days=1)
# the calendar fields whose change moves every open timer of the calendar
_TIMER_CALENDAR_FIELDS = {
    "tz",
    "flexible_hours",
    "attendance_ids",
    "two_weeks_calendar",
}


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    UNITS = UNITS

    makeup_day_ids = fields.One2many(
        "business.deadline.makeup.day",
        "calendar_id",
        string="Make-up Working Days",
        copy=True,
    )
    statutory_year_ids = fields.One2many(
        "business.deadline.statutory.year",
        "calendar_id",
        string="Statutory Years",
        help="The years whose statutory days (public holidays, make-up working days) "
        "were imported into this calendar, and their source.",
    )
    bd_statutory_until = fields.Integer(
        string="Statutory Days Until",
        compute="_compute_bd_statutory_until",
        store=True,
        help="The last year whose statutory days were imported; 0 when never.",
    )
    bd_statutory_warning = fields.Char(
        string="Statutory Days Warning", compute="_compute_bd_statutory_warning"
    )

    # ------------------------------------------------------------------ timers

    @api.constrains("flexible_hours")
    def _check_bd_flexible_hours(self):
        """A calendar used by deadline rules or open timers keeps fixed hours."""
        flexible = self.filtered("flexible_hours")
        if not flexible:
            return
        rules = (
            self.env["business.deadline.rule"]
            .sudo()
            .with_context(active_test=False)
            .search([("calendar_id", "in", flexible.ids)], limit=1)
        )
        timers = (
            self.env["business.deadline.timer"]
            .sudo()
            .search(
                [
                    ("calendar_id", "in", flexible.ids),
                    ("state", "in", _OPEN_TIMER_STATES),
                ],
                limit=1,
            )
        )
        if rules or timers:
            raise ValidationError(
                self.env._(
                    "The working schedule %(calendar)s is used by deadline rules or "
                    "open deadlines: it cannot switch to flexible hours, deadlines "
                    "could no longer be counted on it.",
                    calendar=(rules.calendar_id or timers.calendar_id).display_name,
                )
            )

    def write(self, vals):
        """Recompute the open timers of the calendars whose working time changes
        (time zone, flexible hours, attendances), once for the whole write."""
        if not set(vals) & _TIMER_CALENDAR_FIELDS:
            return super().write(vals)
        # the attendances written through the calendar wait for the single recompute
        quiet = self.with_context(bd_skip_timer_recompute=True)
        result = super(ResourceCalendar, quiet).write(vals)
        self._bd_recompute_timers()
        return result

    def _bd_recompute_timers(self, date_from=None, date_to=None):
        """Recompute the open timers of these calendars that a change of working time
        between ``date_from`` and ``date_to`` (naive UTC; None: unbounded) can move.

        Open timers are running, paused or warning. A timer can move when its span
        touches the period: it started before the period ends, and its due time (or
        next escalation) is not a day before the period starts; paused timers, whose
        due time will move on resume, always can. A day of margin covers time zones.
        One search, then ``_recompute_times`` set-based.

        :return: the recomputed timers (sudo)
        """
        Timer = self.env["business.deadline.timer"].sudo()
        if not self or self.env.context.get("bd_skip_timer_recompute"):
            return Timer
        domain = Domain("calendar_id", "in", self.ids) & Domain(
            "state", "in", _MOVABLE_TIMER_STATES
        )
        if date_to:
            domain &= Domain("start_time", "<=", date_to + _TIMER_MARGIN)
        if date_from:
            bound = date_from - _TIMER_MARGIN
            domain &= (
                Domain("state", "=", "paused")
                | Domain("due_time", "=", False)
                | Domain("due_time", ">=", bound)
                | Domain("next_escalation_time", ">=", bound)
            )
        timers = Timer.search(domain)
        timers._recompute_times()
        return timers

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

    def _bd_check_countable(self):
        """Refuse to count working time on a flexible-hours calendar.

        A flexible calendar has hours per week but no attendances in time, so the
        engine cannot tell when work happens: working hours and working days cannot be
        counted on it (calendar units can).

        :raise ValidationError: (a ``UserError``) naming the calendar
        """
        flexible = self.filtered("flexible_hours")
        if flexible:
            raise ValidationError(
                self.env._(
                    "The working schedule %(calendar)s has flexible hours: deadlines "
                    "cannot be counted on it in working hours or working days. Give it "
                    "fixed working hours, or count the deadline in calendar hours or "
                    "days.",
                    calendar=flexible[0].display_name,
                )
            )

    def _bd_leave_domain(self):
        """Domain of the leaves the deadline arithmetic subtracts from this calendar.

        Time off (not "other") of this calendar, and the global leaves of no calendar
        that belong to the calendar's company or to no company: another company's
        public holidays do not move this calendar's deadlines. The host adds "no
        resource" and the calendar itself (or none).
        """
        self.ensure_one()
        return Domain("time_type", "=", "leave") & (
            Domain("calendar_id", "=", self.id)
            | Domain("company_id", "in", [False, *self.company_id.ids])
        )

    def _bd_work_intervals(self, start, end):
        """Work intervals of the calendar between two aware datetimes, the leaves of
        ``_bd_leave_domain`` subtracted, whatever the user's companies and rights."""
        self.ensure_one()
        return self.sudo()._work_intervals_batch(
            start,
            end,
            domain=list(self._bd_leave_domain()),
            tz=self._bd_tz(),
            compute_leaves=True,
        )[False]

    def _bd_timeline(self, first_day, last_day):
        """The working-time timeline of the whole local days first_day..last_day:
        one ``_work_intervals_batch`` call, then no query."""
        self.ensure_one()
        self._bd_check_countable()
        tz = self._bd_tz()
        midnights = local_midnights(tz, first_day, last_day)
        intervals = self._bd_work_intervals(
            utc.localize(from_us(midnights[0])),
            utc.localize(from_us(midnights[-1])),
        )
        return WorkTimeline(
            first_day,
            midnights,
            [(to_us(start), to_us(stop)) for start, stop, _meta in intervals],
        )

    def _bd_check_amount(self, amount, unit):
        if unit not in dict(UNITS):
            raise UserError(
                self.env._(
                    "Unknown deadline unit %(unit)s: use one of %(units)s.",
                    unit=unit,
                    units=", ".join(code for code, _label in UNITS),
                )
            )
        if unit in DAY_UNITS and not float(amount).is_integer():
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
        starts = [naive_utc(dt) for dt in start_dts]
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
        if unit in WORKING_UNITS:
            self._bd_check_countable()
        backwards = amount < 0
        if unit == "working_days":
            days = abs(int(amount))
            lookahead = 2 * days + _LOOKAHEAD_DAYS

            def resolve(timeline, start, _index):
                if backwards:
                    return timeline.working_day_end_before(to_us(start), days)
                return timeline.working_day_end(to_us(start), days)

        else:
            amount_us = round(abs(amount) * MICROSECONDS_PER_HOUR)
            lookahead = (
                math.ceil(
                    2 * abs(amount) / (self.hours_per_day or _FALLBACK_HOURS_PER_DAY)
                )
                + _LOOKAHEAD_DAYS
            )

            def resolve(timeline, start, _index):
                if backwards:
                    return timeline.sub_working(to_us(start), amount_us)
                return timeline.add_working(to_us(start), amount_us)

        return self._bd_resolve(starts, lookahead, resolve, backwards=backwards)

    def _bd_add_batch_amounts(self, start_dts, amounts, unit):
        """Like ``_bd_add_batch``, with an amount per start (same order).

        Working hours of many amounts (e.g. a percentage of each timer's working
        time) are answered on one timeline per direction: no query per start.
        """
        self.ensure_one()
        results = [False] * len(start_dts)
        if unit != "working_hours":
            groups = {}
            for index, amount in enumerate(amounts):
                groups.setdefault(amount, []).append(index)
            for amount, indexes in groups.items():
                answers = self._bd_add_batch(
                    [start_dts[i] for i in indexes], amount, unit
                )
                for index, answer in zip(indexes, answers, strict=True):
                    results[index] = answer
            return results
        self._bd_check_countable()
        starts = [naive_utc(dt) for dt in start_dts]
        for backwards in (False, True):
            indexes = [
                index
                for index, amount in enumerate(amounts)
                if starts[index] and (amount < 0) == backwards
            ]
            if not indexes:
                continue
            amounts_us = [
                round(abs(amounts[index]) * MICROSECONDS_PER_HOUR) for index in indexes
            ]
            largest = max(abs(amounts[index]) for index in indexes)
            lookahead = (
                math.ceil(2 * largest / (self.hours_per_day or _FALLBACK_HOURS_PER_DAY))
                + _LOOKAHEAD_DAYS
            )

            def resolve(
                timeline, start, position, amounts_us=amounts_us, back=backwards
            ):
                if back:
                    return timeline.sub_working(to_us(start), amounts_us[position])
                return timeline.add_working(to_us(start), amounts_us[position])

            answers = self._bd_resolve(
                [starts[index] for index in indexes],
                lookahead,
                resolve,
                backwards=backwards,
            )
            for index, answer in zip(indexes, answers, strict=True):
                results[index] = answer
        return results

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
                answer = resolve(timeline, starts[index], index)
                if answer is None:
                    unanswered.append(index)
                else:
                    results[index] = from_us(answer)
            if lookahead >= _HORIZON_DAYS:
                break
            pending = unanswered
            lookahead = min(lookahead * 2, _HORIZON_DAYS)
        return results

    def _bd_add_calendar_days(self, starts, days):
        """24:00 local time of the day ``days`` after (or before) each start's day."""
        cache = {}  # by start (many share one: a date field's local midnight)
        results = []
        for start in starts:
            if start not in cache:
                day = self._bd_local_date(start)
                cache[start] = self._bd_local_midnight(day + timedelta(days=days + 1))
            results.append(cache[start])
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
        pairs = [tuple(naive_utc(dt) for dt in pair) for pair in pairs]
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
            working = timeline.working_between(to_us(start), to_us(end))
            results.append(working / MICROSECONDS_PER_HOUR)
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
            days = timeline.working_days()[-n:]
            if len(days) == n or lookback >= _HORIZON_DAYS:
                return days
            lookback = min(lookback * 2, _HORIZON_DAYS)

    def _bd_is_working_day(self, day):
        """Whether ``day`` has working time: an attendance or make-up day, not fully
        covered by a global leave."""
        self.ensure_one()
        return bool(self._bd_timeline(day, day).working_days())

    # ------------------------------------------------------------------ statutory days

    @api.model
    def _bd_fetch_statutory_days(self, country, year):
        """Public holidays and make-up working days of a country for a year.

        :return: ({date: holiday name}, {date: make-up day name})
        :raise UserError: library missing, or country / year not covered
        """
        data = self._bd_fetch_statutory_data(country, year)
        return data["holidays"], data["makeup_days"]

    @api.model
    def _bd_fetch_statutory_data(self, country, year):
        """Statutory days of a country for a year, and where they come from.

        China from ``chinese_calendar`` (with its make-up days); for a year it does not
        cover yet, China's public holidays from ``holidays``, whose make-up working
        days (调休) are unknown. Other countries from ``holidays`` (public holidays
        only: they have no make-up days). Both libraries are imported here, lazily.

        :return: dict with ``holidays`` ({date: name}), ``makeup_days`` ({date: name}),
            ``source`` (a ``business.deadline.statutory.year`` source) and
            ``is_makeup_complete`` (False when make-up days must be entered by hand)
        :raise UserError: library missing, or country / year not covered
        """
        if country.code == "CN":
            try:
                holidays, makeup_days = self._bd_fetch_statutory_days_china(
                    country, year
                )
            except UserError:
                holidays = {
                    # "春节（补假）" (day in lieu) is part of 春节
                    day: name.split("（")[0]
                    for day, name in self._bd_fetch_holidays_library(
                        country, year, "zh_CN"
                    ).items()
                }
                return {
                    "holidays": holidays,
                    "makeup_days": {},
                    "source": "holidays",
                    "is_makeup_complete": False,
                }
            return {
                "holidays": holidays,
                "makeup_days": makeup_days,
                "source": "chinesecalendar",
                "is_makeup_complete": True,
            }
        return {
            "holidays": self._bd_fetch_holidays_library(country, year),
            "makeup_days": {},
            "source": "holidays",
            "is_makeup_complete": True,
        }

    @api.model
    def _bd_fetch_holidays_library(self, country, year, language=None):
        """{date: name} of a country's public holidays for a year, from ``holidays``."""
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
            days = holidays_lib.country_holidays(
                country.code, years=year, language=language
            )
        except NotImplementedError as error:
            raise UserError(self._bd_uncovered_error(country, year)) from error
        if not days:
            raise UserError(self._bd_uncovered_error(country, year))
        return {day: name for day, name in sorted(days.items())}

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
    def _bd_makeup_incomplete_note(self, country, year):
        """What the user must do when the make-up days of a year are unknown."""
        return self.env._(
            "The chinesecalendar library does not cover %(year)s yet: the public "
            "holidays of %(country)s come from the holidays library, without the "
            "make-up working days (调休). Enter them by hand (Make-up Working Days) "
            "from the State Council's official notice on the %(year)s holidays.",
            year=year,
            country=country.display_name,
        )

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
        # the leaves the arithmetic subtracts, whatever the user's companies
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                Domain("calendar_id", "in", [self.id, False])
                & Domain("resource_id", "=", False)
                & self._bd_leave_domain()
                & Domain(
                    "date_from", "<=", self._bd_local_midnight(max(days) + timedelta(1))
                )
                & Domain("date_to", ">=", self._bd_local_midnight(min(days)))
            )
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
            holidays not yet covered by a global leave; "makeup_days": [(date, name)];
            "source", "is_makeup_complete" and "note" (see the statutory year)}
        """
        self.ensure_one()
        data = self._bd_fetch_statutory_data(country, year)
        holidays, makeup_days = data["holidays"], data["makeup_days"]
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
            "source": data["source"],
            "is_makeup_complete": data["is_makeup_complete"],
            "note": ""
            if data["is_makeup_complete"]
            else self._bd_makeup_incomplete_note(country, year),
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
        statutory_year = self._bd_record_statutory_year(country, year, plan)
        return {
            "leaves": leaves.sudo(False),
            "makeup_days": makeup_days.sudo(False),
            "statutory_year": statutory_year.sudo(False),
        }

    def _bd_record_statutory_year(self, country, year, plan):
        """Record that the calendar has the year's statutory days, and their source."""
        self.ensure_one()
        StatutoryYear = self.env["business.deadline.statutory.year"].sudo()
        vals = {
            "source": plan["source"],
            "is_makeup_complete": plan["is_makeup_complete"],
            "note": plan["note"],
        }
        statutory_year = StatutoryYear.search(
            [
                ("calendar_id", "=", self.id),
                ("country_id", "=", country.id),
                ("year", "=", year),
            ]
        )
        if statutory_year:
            if statutory_year.source != "manual":
                statutory_year.write(vals)
            return statutory_year
        return StatutoryYear.create(
            {"calendar_id": self.id, "country_id": country.id, "year": year, **vals}
        )

    # ------------------------------------------------------------------ covered years

    @api.depends("statutory_year_ids.year")
    def _compute_bd_statutory_until(self):
        for calendar in self:
            calendar.bd_statutory_until = max(
                calendar.statutory_year_ids.mapped("year"), default=0
            )

    @api.depends("statutory_year_ids.year")
    @api.depends_context("uid")
    def _compute_bd_statutory_warning(self):
        this_year = fields.Date.context_today(self).year
        for calendar in self:
            missing = calendar._bd_uncovered_years(
                date(this_year, 1, 1), date(this_year + 1, 12, 31)
            )
            calendar.bd_statutory_warning = (
                self.env._(
                    "No statutory days imported for %(years)s: public holidays of "
                    "those years count as working days. Import them (Deadlines › "
                    "Configuration › Import Statutory Days).",
                    years=", ".join(str(year) for year in missing),
                )
                if missing
                else False
            )

    def _bd_uncovered_years(self, date_from, date_to):
        """The years of [date_from, date_to] whose statutory days were not imported.

        Only for a calendar that ever imported statutory days (a calendar that never
        did is deliberately without them): [] otherwise.

        :param date_from: a date, or a naive UTC datetime (its local date is taken)
        :param date_to: idem
        :return: sorted list of years (int)
        """
        self.ensure_one()
        covered = set(self.sudo().statutory_year_ids.mapped("year"))
        if not covered or not (date_from and date_to):
            return []
        first, last = (
            self._bd_local_date(day) if isinstance(day, datetime) else day
            for day in (date_from, date_to)
        )
        return [
            year for year in range(first.year, last.year + 1) if year not in covered
        ]
