"""Stand-in for the deadline arithmetic on ``resource.calendar``.

Deleted at the merge with the calendar branch, which ships the real, batched
implementation with exactly these method names and semantics.
"""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, models

UNITS = [
    ("calendar_hours", "Calendar Hours"),
    ("calendar_days", "Calendar Days"),
    ("working_hours", "Working Hours"),
    ("working_days", "Working Days"),
]


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    UNITS = UNITS

    def _bd_tz(self):
        return pytz.timezone(self.tz or "UTC")

    def _bd_add(self, start_dt, amount, unit):
        self.ensure_one()
        tz = self._bd_tz()
        if unit == "calendar_hours":
            return start_dt + timedelta(hours=amount)
        if unit == "calendar_days":
            local = pytz.utc.localize(start_dt).astimezone(tz)
            day = local.date() + timedelta(days=int(amount) + 1)
            end = tz.localize(datetime.combine(day, time.min))
            return end.astimezone(pytz.utc).replace(tzinfo=None)
        start_local = pytz.utc.localize(start_dt).astimezone(tz)
        if unit == "working_hours":
            due = self.plan_hours(amount, start_local, compute_leaves=True)
        else:
            midnight = tz.localize(
                datetime.combine(start_local.date() + timedelta(days=1), time.min)
            )
            if amount < 0:
                midnight = tz.localize(datetime.combine(start_local.date(), time.min))
            due = self.plan_days(int(amount), midnight, compute_leaves=True)
            if due and amount > 0:
                # plan_days stops at the end of the day's first interval: take the
                # end of that working day
                day_start = tz.localize(datetime.combine(due.date(), time.min))
                intervals = self._work_intervals_batch(
                    day_start, day_start + timedelta(days=1)
                )[False]
                due = max((stop for _start, stop, _meta in intervals), default=due)
        return due and due.astimezone(pytz.utc).replace(tzinfo=None)

    def _bd_add_batch(self, start_dts, amount, unit):
        return [self._bd_add(start_dt, amount, unit) for start_dt in start_dts]

    def _bd_working_hours_between(self, start_dt, end_dt):
        self.ensure_one()
        return self.get_work_hours_count(
            pytz.utc.localize(start_dt), pytz.utc.localize(end_dt), compute_leaves=True
        )

    def _bd_working_hours_between_batch(self, pairs):
        return [self._bd_working_hours_between(start, end) for start, end in pairs]

    @api.model
    def _bd_default_calendar(self, company=None):
        return (company or self.env.company).resource_calendar_id
