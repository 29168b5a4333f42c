from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common_timers import MONDAY, BusinessDeadlineTimerCommon

# 5 working days after Monday 2 March 2026 08:00 UTC on the test calendar (UTC,
# Monday to Friday 08-12 and 13-17): the end of Monday 9 March
DUE = datetime(2026, 3, 9, 17, 0)


@tagged("post_install", "-at_install")
class TestCalendarChangesMoveTimers(BusinessDeadlineTimerCommon):
    """Public holidays, make-up days and attendances changed on a calendar recompute
    the open timers of that calendar whose span they touch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._create_rule(amount=5, unit="working_days")
        with freeze_time(MONDAY):
            cls.obligation = cls._create_obligation(date_start=MONDAY, state="open")

    def setUp(self):
        super().setUp()
        self.timer = self._timer(self.obligation, self.rule)
        self.assertEqual(self.timer.state, "running")
        self.assertEqual(self.timer.due_time, DUE)

    def _holiday(self, day, calendar=None):
        return self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": (calendar or self.calendar).id,
                "date_from": datetime.combine(day, datetime.min.time()),
                "date_to": datetime.combine(day, datetime.max.time()).replace(
                    microsecond=0
                ),
            }
        )

    @freeze_time(MONDAY)
    def test_holiday_in_span_moves_due_later(self):
        """A public holiday on Wednesday 4 March, inside the span, moves the due time
        one working day later; removing it moves it back."""
        holiday = self._holiday(date(2026, 3, 4))
        self.assertEqual(self.timer.due_time, datetime(2026, 3, 10, 17, 0))
        holiday.unlink()
        self.assertEqual(self.timer.due_time, DUE)

    @freeze_time(MONDAY)
    def test_holiday_moved_out_of_span(self):
        """Moving the holiday's dates out of the span moves the due time back."""
        holiday = self._holiday(date(2026, 3, 4))
        holiday.write(
            {
                "date_from": datetime(2026, 3, 20),
                "date_to": datetime(2026, 3, 20, 23, 59, 59),
            }
        )
        self.assertEqual(self.timer.due_time, DUE)

    @freeze_time(MONDAY)
    def test_holiday_outside_span_not_touched(self):
        """A holiday after the due time leaves the timer alone: it is not even
        recomputed."""
        self._holiday(date(2026, 3, 20))
        self.assertEqual(self.timer.due_time, DUE)
        recomputed = self.calendar._bd_recompute_timers(
            datetime(2026, 3, 20), datetime(2026, 3, 21)
        )
        self.assertNotIn(self.timer.id, recomputed.ids)
        recomputed = self.calendar._bd_recompute_timers(
            datetime(2026, 3, 4), datetime(2026, 3, 5)
        )
        self.assertIn(self.timer.id, recomputed.ids)

    @freeze_time(MONDAY)
    def test_other_calendar_holiday_not_touched(self):
        """A holiday of another calendar does not move the timer."""
        other = self.env["resource.calendar"].create({"name": "Other", "tz": "UTC"})
        self._holiday(date(2026, 3, 4), other)
        self.assertEqual(self.timer.due_time, DUE)

    @freeze_time(MONDAY)
    def test_met_timer_untouched(self):
        """A met timer keeps its due time when a holiday is added in its span."""
        self.obligation.action_done()
        self.assertEqual(self.timer.state, "met")
        self._holiday(date(2026, 3, 4))
        self.assertEqual(self.timer.due_time, DUE)

    @freeze_time(MONDAY)
    def test_makeup_day_moves_due_earlier(self):
        """A make-up working day on Saturday 7 March, inside the span, moves the due
        time to its end; removing it moves it back."""
        makeup_day = self.env["business.deadline.makeup.day"].create(
            {"calendar_id": self.calendar.id, "date": date(2026, 3, 7)}
        )
        self.assertEqual(self.timer.due_time, datetime(2026, 3, 7, 17, 0))
        makeup_day.hour_to = 15
        self.assertEqual(self.timer.due_time, datetime(2026, 3, 7, 15, 0))
        makeup_day.unlink()
        self.assertEqual(self.timer.due_time, DUE)

    @freeze_time(MONDAY)
    def test_attendance_change_moves_due(self):
        """Shortening Monday's afternoon attendance to 16:00 ends the deadline at
        16:00; removing Wednesday's attendances from the calendar moves it a day."""
        monday_afternoon = self.calendar.attendance_ids.filtered(
            lambda a: a.dayofweek == "0" and a.hour_from == 13
        )
        monday_afternoon.hour_to = 16
        self.assertEqual(self.timer.due_time, datetime(2026, 3, 9, 16, 0))
        monday_afternoon.hour_to = 17
        self.assertEqual(self.timer.due_time, DUE)
        wednesday = self.calendar.attendance_ids.filtered(lambda a: a.dayofweek == "2")
        self.calendar.write(
            {"attendance_ids": [Command.unlink(a.id) for a in wednesday]}
        )
        self.assertEqual(self.timer.due_time, datetime(2026, 3, 10, 17, 0))

    @freeze_time(MONDAY)
    def test_time_zone_change_moves_due(self):
        """Moving the calendar to Shanghai time moves the due time to 17:00 there."""
        self.calendar.tz = "Asia/Shanghai"
        self.assertEqual(self.timer.due_time, datetime(2026, 3, 9, 9, 0))

    @freeze_time(MONDAY)
    def test_recompute_is_set_based(self):
        """Adding a holiday costs the same number of queries for 1 and for 10 more
        open timers in its span."""

        def holiday_queries(day):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._holiday(day)
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        holiday_queries(date(2026, 3, 3))  # warm the registry caches
        few = holiday_queries(date(2026, 3, 4))
        for _index in range(10):
            self._create_obligation(date_start=MONDAY, state="open")
        many = holiday_queries(date(2026, 3, 5))
        self.assertEqual(
            self.Timer.search_count(
                [("rule_id", "=", self.rule.id), ("due_time", "=", DUE + timedelta(3))]
            ),
            11,
        )
        self.assertEqual(many, few)

    @freeze_time(MONDAY)
    def test_shared_holiday_of_no_company(self):
        """A public holiday of no calendar and no company moves the timers of every
        calendar."""
        holiday = self._holiday(date(2026, 3, 4))
        holiday.write({"calendar_id": False})
        holiday.company_id = False
        self.assertEqual(self.timer.due_time, datetime(2026, 3, 10, 17, 0))


@tagged("post_install", "-at_install")
class TestFlexibleCalendar(BusinessDeadlineTimerCommon):
    """Working time cannot be counted on a flexible-hours calendar."""

    def test_check_countable(self):
        """_bd_check_countable and the working units refuse a flexible calendar with
        a clear message; calendar units still count."""
        flexible = self.env["resource.calendar"].create(
            {"name": "Flexible", "tz": "UTC", "flexible_hours": True}
        )
        with self.assertRaisesRegex(ValidationError, "Flexible.*flexible hours"):
            flexible._bd_check_countable()
        for unit in ("working_days", "working_hours"):
            with self.assertRaisesRegex(ValidationError, "flexible hours"):
                flexible._bd_add(MONDAY, 2, unit)
        self.assertEqual(
            flexible._bd_add(MONDAY, 2, "calendar_hours"), datetime(2026, 3, 2, 10, 0)
        )
        self.calendar._bd_check_countable()  # fixed hours: no error

    def test_refuse_switch_with_rule(self):
        """A calendar used by a deadline rule cannot switch to flexible hours."""
        self._create_rule(unit="working_days", amount=2)
        with self.assertRaisesRegex(ValidationError, "cannot switch to flexible"):
            self.calendar.flexible_hours = True

    @freeze_time(MONDAY)
    def test_refuse_switch_with_open_timer(self):
        """A calendar used by an open timer (and no rule) cannot switch to flexible
        hours; once the timer is met, it can."""
        self._create_rule(unit="calendar_hours", amount=10)
        obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = obligation.deadline_timer_ids
        timer_calendar = self.env["resource.calendar"].create(
            {"name": "Timer only", "tz": "UTC", "company_id": False}
        )
        timer.calendar_id = timer_calendar
        with self.assertRaisesRegex(ValidationError, "cannot switch to flexible"):
            timer_calendar.flexible_hours = True
        obligation.action_done()
        self.assertEqual(timer.state, "met")
        timer_calendar.flexible_hours = True
        self.assertTrue(timer_calendar.flexible_hours)

    def test_unused_calendar_may_switch(self):
        """A calendar no rule nor open timer uses may switch to flexible hours."""
        unused = self.env["resource.calendar"].create({"name": "Unused", "tz": "UTC"})
        unused.flexible_hours = True
        self.assertTrue(unused.flexible_hours)
