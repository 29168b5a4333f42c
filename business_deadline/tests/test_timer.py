from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common_timers import MONDAY, BusinessDeadlineTimerCommon


@tagged("post_install", "-at_install")
class TestDeadlineTimer(BusinessDeadlineTimerCommon):
    @freeze_time(MONDAY)
    def test_create_starts_running_timer(self):
        """A record matching a rule gets a running timer due start + allowed time."""
        rule = self._create_rule(
            warning_mode="lead", warning_amount=2, warning_unit="calendar_hours"
        )
        obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.state, "running")
        self.assertEqual(timer.start_time, MONDAY)
        self.assertEqual(timer.due_time, MONDAY + timedelta(hours=10))
        self.assertEqual(timer.warning_time, MONDAY + timedelta(hours=8))
        self.assertEqual(timer.user_id, self.user)
        self.assertEqual(timer.calendar_id, self.calendar)

    @freeze_time(MONDAY)
    def test_no_start_no_timer(self):
        """A record without a start date gets no timer."""
        rule = self._create_rule()
        obligation = self._create_obligation()
        self.assertFalse(self._timer(obligation, rule))

    def test_life_cycle_warning_then_breach(self):
        """The sweep turns a running timer to warning, then to breached."""
        rule = self._create_rule(warning_mode="percent", warning_percent=20)
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.warning_time, MONDAY + timedelta(hours=8))
        with freeze_time(MONDAY + timedelta(hours=9)):
            self._sweep()
        self.assertEqual(timer.state, "warning")
        self.assertTrue(timer.is_warning_sent)
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
        self.assertEqual(timer.state, "breached")
        self.assertEqual(timer.breach_time, MONDAY + timedelta(hours=10))
        self.assertEqual(timer.is_on_time, 0)
        self.assertFalse(timer.next_action_time)

    def test_met_on_time(self):
        """Reaching a met state before the due time meets the deadline on time."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        with freeze_time(MONDAY + timedelta(hours=3)):
            obligation.action_done()
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.state, "met")
        self.assertEqual(timer.met_time, MONDAY + timedelta(hours=3))
        self.assertFalse(timer.is_late)
        self.assertEqual(timer.is_on_time, 100)

    def test_met_late_after_breach(self):
        """Meeting a breached deadline closes it as met, late."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        with freeze_time(MONDAY + timedelta(hours=12)):
            self._sweep()
            obligation.action_done()
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.state, "met")
        self.assertTrue(timer.is_late)
        self.assertEqual(timer.is_on_time, 0)
        self.assertEqual(timer.breach_time, MONDAY + timedelta(hours=10))

    def test_met_by_field(self):
        """A rule met by a field closes the timer once the field is set."""
        done_field = self.env["ir.model.fields"]._get(
            "business.deadline.obligation", "date_done"
        )
        rule = self._create_rule(met_states=False, met_field_id=done_field.id)
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        with freeze_time(MONDAY + timedelta(hours=1)):
            obligation.date_done = MONDAY + timedelta(hours=1)
        self.assertEqual(self._timer(obligation, rule).state, "met")

    @freeze_time(MONDAY)
    def test_cancel(self):
        """Entering a cancel state cancels the open timer."""
        rule = self._create_rule()
        obligation = self._create_obligation(date_start=MONDAY, state="open")
        obligation.action_cancel()
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.state, "cancelled")
        self.assertFalse(timer.next_action_time)

    def test_pause_and_resume_working_time(self):
        """A pause stops the clock: the due time moves by the working time paused."""
        rule = self._create_rule(amount=16, unit="working_hours")
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        # 16 working hours from Monday 08:00 on 8-12/13-17: Tuesday 17:00
        self.assertEqual(timer.due_time, datetime(2026, 3, 3, 17, 0))
        with freeze_time(datetime(2026, 3, 2, 13, 0)):
            obligation.action_wait()
        self.assertEqual(timer.state, "paused")
        self.assertEqual(timer.paused_since, datetime(2026, 3, 2, 13, 0))
        self.assertFalse(timer.next_action_time)
        with freeze_time(datetime(2026, 3, 3, 13, 0)):
            obligation.action_open()
        self.assertEqual(timer.state, "running")
        self.assertEqual(timer.paused_hours, 24)
        # 8 working hours were paused (Monday 13-17, Tuesday 8-12)
        self.assertEqual(timer.shift_hours, 8)
        self.assertEqual(timer.due_time, datetime(2026, 3, 4, 17, 0))
        self.assertFalse(timer.paused_since)

    def test_pause_accumulates(self):
        """Successive pauses add up."""
        rule = self._create_rule(amount=48)
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        for hour in (1, 5):
            with freeze_time(MONDAY + timedelta(hours=hour)):
                obligation.action_wait()
            with freeze_time(MONDAY + timedelta(hours=hour + 2)):
                obligation.action_open()
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.paused_hours, 4)
        self.assertEqual(timer.due_time, MONDAY + timedelta(hours=52))

    def test_start_field_change_recomputes(self):
        """Moving the start date recomputes the due time of the open timer."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
            obligation.date_start = MONDAY + timedelta(hours=5)
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.start_time, MONDAY + timedelta(hours=5))
        self.assertEqual(timer.due_time, MONDAY + timedelta(hours=15))

    def test_start_cleared_cancels(self):
        """Clearing the start date cancels the open timer."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
            obligation.date_start = False
        self.assertEqual(self._timer(obligation, rule).state, "cancelled")

    def test_rule_change_recomputes_running_only(self):
        """Changing the allowed time moves running timers, never met ones."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            running = self._create_obligation(date_start=MONDAY, state="open")
            met = self._create_obligation(date_start=MONDAY, state="open")
            met.action_done()
            rule.amount = 20
        self.assertEqual(
            self._timer(running, rule).due_time, MONDAY + timedelta(hours=20)
        )
        self.assertEqual(self._timer(met, rule).due_time, MONDAY + timedelta(hours=10))

    @freeze_time(MONDAY)
    def test_state_start(self):
        """A rule started by a state starts the clock when the record enters it."""
        rule = self._create_rule(start_field_id=False, start_state="open")
        obligation = self._create_obligation()
        self.assertFalse(self._timer(obligation, rule))
        obligation.action_open()
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.start_time, MONDAY)
        self.assertEqual(timer.due_time, MONDAY + timedelta(hours=10))

    @freeze_time(MONDAY)
    def test_working_days_default_calendar(self):
        """Without a calendar, the rule counts on the company's working calendar."""
        self.env.company.resource_calendar_id = self.calendar
        rule = self._create_rule(calendar_id=False, amount=2, unit="working_days")
        obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.calendar_id, self.calendar)
        # the event day is not counted: the end of Wednesday
        self.assertEqual(timer.due_time, datetime(2026, 3, 4, 17, 0))

    @freeze_time(MONDAY)
    def test_domain_filter(self):
        """A rule with a filter only times the matching records."""
        rule = self._create_rule(domain="[('priority', '=', '2')]")
        normal = self._create_obligation(date_start=MONDAY)
        urgent = self._create_obligation(date_start=MONDAY, priority="2")
        self.assertFalse(self._timer(normal, rule))
        self.assertEqual(self._timer(urgent, rule).state, "running")

    @freeze_time(MONDAY)
    def test_mixin_fields_and_search(self):
        """The mixin gives the worst state, the next due time and search filters."""
        rule = self._create_rule()
        soon = self._create_obligation(date_start=MONDAY, state="open")
        later = self._create_obligation(date_start=MONDAY + timedelta(days=9))
        self.assertEqual(soon.deadline_state, "running")
        self.assertEqual(soon.deadline_next_due, MONDAY + timedelta(hours=10))
        self.assertEqual(soon.deadline_timer_count, 1)
        model = self.env["business.deadline.obligation"]
        records = soon | later
        self.assertEqual(
            model.search(
                [("id", "in", records.ids), ("deadline_is_due_today", "=", True)]
            ),
            soon,
        )
        self.assertEqual(
            model.search(
                [("id", "in", records.ids), ("deadline_is_due_this_week", "=", True)]
            ),
            soon,
        )
        self.assertEqual(
            model.search(
                [
                    ("id", "in", records.ids),
                    ("deadline_next_due", ">", MONDAY + timedelta(days=2)),
                ]
            ),
            later,
        )
        self.assertEqual(
            model.search(
                [("id", "in", records.ids), ("deadline_state", "=", "running")]
            ),
            records,
        )
        self.assertFalse(
            model.search(
                [("id", "in", records.ids), ("deadline_is_overdue", "=", True)]
            )
        )
        action = soon.action_view_deadline_timers()
        self.assertEqual(self.Timer.search(action["domain"]), self._timer(soon, rule))

    def test_resume_keeps_warning(self):
        """A timer paused in warning goes back to warning when the clock restarts."""
        rule = self._create_rule(warning_mode="percent", warning_percent=50)
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        with freeze_time(MONDAY + timedelta(hours=6)):
            self._sweep()
            self.assertEqual(timer.state, "warning")
            obligation.action_wait()
        self.assertEqual(timer.state, "paused")
        with freeze_time(MONDAY + timedelta(hours=7)):
            obligation.action_open()
        self.assertEqual(timer.state, "warning")
        self.assertEqual(timer.due_time, MONDAY + timedelta(hours=11))

    def test_rule_change_keeps_closed_timers(self):
        """Changing a rule leaves breached and cancelled timers as they were."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            breached = self._create_obligation(date_start=MONDAY, state="open")
            cancelled = self._create_obligation(date_start=MONDAY, state="open")
            cancelled.action_cancel()
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
            rule.amount = 30
        for record in breached | cancelled:
            self.assertEqual(
                self._timer(record, rule).due_time, MONDAY + timedelta(hours=10)
            )
        self.assertEqual(self._timer(breached, rule).state, "breached")

    @freeze_time(MONDAY)
    def test_unlink_removes_timers(self):
        """Deleting a record deletes its timers."""
        rule = self._create_rule()
        obligation = self._create_obligation(date_start=MONDAY)
        timer = self._timer(obligation, rule)
        obligation.unlink()
        self.assertFalse(timer.exists())

    @freeze_time(MONDAY)
    def test_responsible_follows_record(self):
        """The timer's responsible follows the record's user."""
        rule = self._create_rule()
        obligation = self._create_obligation(date_start=MONDAY)
        obligation.user_id = self.other_user
        self.assertEqual(self._timer(obligation, rule).user_id, self.other_user)

    @freeze_time(MONDAY)
    def test_bulk_create_same_as_orm_create(self):
        """The engine's set-based timer insert (``_bulk_create``, used by the
        sync of many records) stores what the ORM ``create`` stores: the given
        columns, the defaults (state, escalation count) and the computed
        acknowledgement; the records see their new timers at once."""
        rule = self._create_rule()
        first = self._create_obligation(date_start=MONDAY, state="open")
        second = self._create_obligation(date_start=MONDAY, state="open")
        timers = self.env["business.deadline.timer"]
        base = {
            "rule_id": rule.id,
            "res_model": first._name,
            "company_id": False,
            "user_id": self.user.id,
            "calendar_id": self.calendar.id,
            "start_time": MONDAY,
            "due_time": MONDAY + timedelta(hours=10),
            "allowed_amount": 10.0,
        }
        (first | second).deadline_timer_ids.unlink()
        by_orm = timers.create([base | {"res_id": first.id}])
        self.assertEqual(second.deadline_timer_ids, timers)  # cached: empty
        by_sql = timers._bulk_create(
            [base | {"res_id": second.id}, base | {"res_id": second.id + 10**6}]
        )
        self.assertEqual(len(by_sql), 2)
        self.assertEqual(by_sql[0].res_id, second.id)
        second.invalidate_recordset(["deadline_timer_ids"])
        self.assertEqual(second.deadline_timer_ids, by_sql[0])
        columns = [
            name
            for name, field in timers._fields.items()
            if field.store
            and field.column_type
            and name not in ("id", "res_id", "create_date", "write_date")
        ]
        self.assertEqual(
            by_sql[0].read(columns, load=None)[0] | {"id": 0},
            by_orm.read(columns, load=None)[0] | {"id": 0},
        )
        self.assertEqual(by_sql[0].state, "running")
        self.assertEqual(by_sql[0].escalation_level, 0)
        self.assertFalse(by_sql[0].is_acknowledged)
        self.assertFalse(timers._bulk_create([]))
