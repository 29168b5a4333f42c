from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date


class BusinessDeadlineMakeupDay(models.Model):
    """A dated day off (often a weekend day) a calendar declares a working day (调休).

    On that date the calendar works the attendances of its regular working weekday (the
    first weekday that has attendances, lunch break included), clipped to [hour_from,
    hour_to]; the first and last attendances stretch to hour_from and hour_to, so the
    span can also be longer.
    """

    _name = "business.deadline.makeup.day"
    _description = "Make-up Working Day"
    _order = "date desc, id desc"

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        ondelete="cascade",
        index=True,
    )
    date = fields.Date(required=True)
    name = fields.Char(
        string="Reason",
        help="Why this day is worked, e.g. the holiday it makes up for.",
    )
    hour_from = fields.Float(
        string="Work From",
        compute="_compute_hours",
        store=True,
        readonly=False,
        help="Start of work; defaults to the calendar's regular working day.",
    )
    hour_to = fields.Float(
        string="Work To",
        compute="_compute_hours",
        store=True,
        readonly=False,
        help="End of work; defaults to the calendar's regular working day.",
    )
    company_id = fields.Many2one(related="calendar_id.company_id", store=True)

    _calendar_date_unique = models.Constraint(
        "UNIQUE(calendar_id, date)",
        "A working schedule can have only one make-up working day per date.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        makeup_days = super().create(vals_list)
        makeup_days._bd_recompute_timers()
        return makeup_days

    def write(self, vals):
        if not set(vals) & {"calendar_id", "date", "hour_from", "hour_to"}:
            return super().write(vals)
        before = self._bd_timer_scope()
        result = super().write(vals)
        self._bd_recompute_timers(before)
        return result

    def unlink(self):
        before = self._bd_timer_scope()
        result = super().unlink()
        self.browse()._bd_recompute_timers(before)
        return result

    def _bd_timer_scope(self):
        """(calendars, date_from, date_to): naive UTC bounds of the days, a day of
        margin either side for the calendars' time zones."""
        if not self:
            return self.env["resource.calendar"], None, None
        days = self.mapped("date")
        return (
            self.calendar_id,
            datetime.combine(min(days) - timedelta(days=1), time.min),
            datetime.combine(max(days) + timedelta(days=2), time.min),
        )

    def _bd_recompute_timers(self, *scopes):
        """Recompute the open timers these make-up days (and earlier scopes) move."""
        scopes = [self._bd_timer_scope(), *scopes]
        scopes = [scope for scope in scopes if scope[0]]
        if not scopes:
            return
        calendars = self.env["resource.calendar"].union(*(scope[0] for scope in scopes))
        calendars.exists()._bd_recompute_timers(
            min(scope[1] for scope in scopes), max(scope[2] for scope in scopes)
        )

    @api.depends("calendar_id")
    def _compute_hours(self):
        for makeup_day in self:
            if not makeup_day.calendar_id:
                # a new row without a calendar yet: hours come with the calendar
                makeup_day.hour_from = makeup_day.hour_to = 0.0
                continue
            attendances = makeup_day.calendar_id._bd_reference_attendances()
            makeup_day.hour_from = min(attendances.mapped("hour_from"), default=0.0)
            makeup_day.hour_to = max(attendances.mapped("hour_to"), default=0.0)

    @api.depends("date", "name")
    def _compute_display_name(self):
        for makeup_day in self:
            day = format_date(self.env, makeup_day.date) if makeup_day.date else ""
            makeup_day.display_name = (
                f"{day} {makeup_day.name}" if makeup_day.name else day
            )

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for makeup_day in self:
            if not 0 <= makeup_day.hour_from < makeup_day.hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "On the make-up working day %(date)s, work must start before "
                        "it ends, between 00:00 and 24:00.",
                        date=format_date(self.env, makeup_day.date),
                    )
                )

    @api.constrains("calendar_id", "date")
    def _check_date(self):
        for makeup_day in self:
            calendar = makeup_day.calendar_id
            if calendar.flexible_hours:
                raise ValidationError(
                    self.env._(
                        "The working schedule %(calendar)s has flexible hours: it "
                        "cannot have a make-up working day (%(date)s).",
                        calendar=calendar.display_name,
                        date=format_date(self.env, makeup_day.date),
                    )
                )
            if calendar._bd_is_regular_weekday(makeup_day.date):
                raise ValidationError(
                    self.env._(
                        "%(date)s is already a regular working day of %(calendar)s: it "
                        "cannot be a make-up working day.",
                        date=format_date(self.env, makeup_day.date),
                        calendar=calendar.display_name,
                    )
                )

    def _bd_attendance_spans(self, lunch=False, domain=None):
        """(hour_from, hour_to, attendance) worked on this make-up day.

        The regular working weekday's attendances, in order: the first starts at
        hour_from, the last ends at hour_to, all are clipped to [hour_from, hour_to].
        With lunch=True, the lunch attendances of that weekday clipped to [hour_from,
        hour_to].
        """
        self.ensure_one()
        attendances = self.calendar_id._bd_reference_attendances(
            self.date, lunch=lunch, domain=domain
        )
        spans = []
        last = len(attendances) - 1
        for index, attendance in enumerate(attendances):
            begin = max(attendance.hour_from, self.hour_from)
            stop = min(attendance.hour_to, self.hour_to)
            if not lunch:
                begin = self.hour_from if index == 0 else begin
                stop = self.hour_to if index == last else stop
            if begin < stop:
                spans.append((begin, stop, attendance))
        return spans
