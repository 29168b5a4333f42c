from datetime import datetime, time, timedelta

from pytz import timezone, utc

from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install")
class BusinessDeadlineCommon(TransactionCase):
    """A China 2026 working calendar (statutory days imported), a plain Shanghai
    calendar without statutory days and a Paris calendar (daylight saving time)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.user = new_test_user(
            cls.env,
            login="bd_calendar_user",
            groups="business_deadline.group_business_deadline_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="bd_calendar_manager",
            groups="business_deadline.group_business_deadline_manager",
        )
        cls.china = cls.env.ref("base.cn")
        cls.calendar = cls._create_calendar("China 2026", "Asia/Shanghai")
        cls.calendar._bd_import_statutory_days(cls.china, 2026)
        cls.plain_calendar = cls._create_calendar("Shanghai plain", "Asia/Shanghai")
        cls.paris_calendar = cls._create_calendar("Paris", "Europe/Paris")

    @classmethod
    def _create_calendar(cls, name, tz):
        """Monday to Friday, 08:00-12:00 and 13:00-17:00 with a lunch break."""
        attendances = []
        for weekday in "01234":
            attendances += [
                Command.create(
                    {
                        "name": f"{weekday} morning",
                        "dayofweek": weekday,
                        "hour_from": 8,
                        "hour_to": 12,
                        "day_period": "morning",
                    }
                ),
                Command.create(
                    {
                        "name": f"{weekday} lunch",
                        "dayofweek": weekday,
                        "hour_from": 12,
                        "hour_to": 13,
                        "day_period": "lunch",
                    }
                ),
                Command.create(
                    {
                        "name": f"{weekday} afternoon",
                        "dayofweek": weekday,
                        "hour_from": 13,
                        "hour_to": 17,
                        "day_period": "afternoon",
                    }
                ),
            ]
        return cls.env["resource.calendar"].create(
            {"name": name, "tz": tz, "attendance_ids": attendances}
        )

    @staticmethod
    def _utc(calendar, *args):
        """Naive UTC datetime of a local wall-clock time in the calendar's time zone."""
        local = timezone(calendar.tz).localize(datetime(*args))
        return local.astimezone(utc).replace(tzinfo=None)

    @staticmethod
    def _local(calendar, moment):
        """Naive wall-clock time in the calendar's time zone of a naive UTC one."""
        return (
            utc.localize(moment).astimezone(timezone(calendar.tz)).replace(tzinfo=None)
        )

    @staticmethod
    def _day_end(calendar, day):
        """End of the last work interval of a local date, from the host's intervals."""
        tz = timezone(calendar.tz)
        start = tz.localize(datetime.combine(day, time.min))
        end = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        intervals = calendar._work_intervals_batch(start, end)[False]
        if not intervals:
            return None
        return (
            max(stop for _start, stop, _meta in intervals)
            .astimezone(utc)
            .replace(tzinfo=None)
        )

    @classmethod
    def _reference_working_days(cls, calendar, moment, days):
        """The host's answer: plan_days from local midnight after the event's day (N =
        0: from the event's day with N = 1) finds the Nth working day; its end of work
        is the end of its last work interval (plan_days itself stops at the end of the
        day's first interval)."""
        tz = timezone(calendar.tz)
        event_day = utc.localize(moment).astimezone(tz).date()
        first_day = event_day + timedelta(days=1 if days else 0)
        midnight = tz.localize(datetime.combine(first_day, time.min))
        found = calendar.plan_days(max(days, 1), midnight, compute_leaves=True)
        return cls._day_end(calendar, found.astimezone(tz).date())

    @staticmethod
    def _reference_working_hours(calendar, moment, hours):
        """The host's answer: plan_hours(N, t, compute_leaves=True)."""
        return calendar.plan_hours(hours, moment, compute_leaves=True)
