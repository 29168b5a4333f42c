from datetime import datetime, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common_timers import MONDAY, BusinessDeadlineTimerCommon


@tagged("post_install", "-at_install")
class TestTimerLifeCycle(BusinessDeadlineTimerCommon):
    """Timers that stay right when records and rules change."""

    def _timers(self, record, rule):
        return self.Timer.search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("rule_id", "=", rule.id),
            ],
            order="id",
        )

    # ------------------------------------------------------------ cycles

    def test_cancel_and_reopen_opens_new_timer(self):
        """open -> cancel -> draft -> open: the reopened record gets a new
        deadline; the cancelled timer stays as history (it used to keep only its
        cancelled timer)."""
        rule = self._create_rule(start_field_id=False, start_state="open")
        obligation = self._create_obligation()
        with freeze_time(MONDAY):
            obligation.action_open()
            obligation.action_cancel()
            obligation.action_draft()
        with freeze_time(MONDAY + timedelta(hours=2)):
            obligation.action_open()
        timers = self._timers(obligation, rule)
        self.assertEqual(timers.mapped("state"), ["cancelled", "running"])
        self.assertEqual(timers[1].start_time, MONDAY + timedelta(hours=2))
        self.assertEqual(timers[1].due_time, MONDAY + timedelta(hours=12))

    def test_met_then_reopened_opens_new_timer(self):
        """A met deadline whose record re-enters its start state (a complaint
        reopened by the client) gets a new timer; the met one is kept."""
        rule = self._create_rule(start_field_id=False, start_state="open")
        obligation = self._create_obligation()
        with freeze_time(MONDAY):
            obligation.action_open()
            obligation.action_done()
        with freeze_time(MONDAY + timedelta(hours=3)):
            obligation.write({"state": "open"})
        timers = self._timers(obligation, rule)
        self.assertEqual(timers.mapped("state"), ["met", "running"])
        self.assertEqual(obligation.deadline_state, "running")

    @mute_logger("odoo.sql_db")
    def test_one_open_timer_per_record_and_rule(self):
        """The database refuses a second open timer for the same record and rule."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        with self.assertRaises(IntegrityError):
            timer.copy()

    # ------------------------------------------------------------ rules

    def test_days_need_whole_amount_when_saved(self):
        """1.5 working days is refused when the rule is saved, not when a user
        later creates a record (it used to fail every record's create)."""
        with self.assertRaises(ValidationError):
            self._create_rule(amount=1.5, unit="working_days")
        rule = self._create_rule(amount=2, unit="working_days")
        with self.assertRaises(ValidationError):
            rule.amount = 1.5
        with self.assertRaises(ValidationError):
            self._create_rule(
                warning_mode="lead", warning_amount=0.5, warning_unit="calendar_days"
            )

    def test_amount_days_shows_whole_days(self):
        """The form edits whole days for day units."""
        rule = self._create_rule(amount=5, unit="working_days")
        self.assertEqual(rule.amount_days, 5)
        rule.amount_days = 7
        self.assertEqual(rule.amount, 7.0)

    def test_archive_cancels_open_timers_and_sweep_ignores_rule(self):
        """Archiving a rule cancels its open timers (history kept); restoring it
        gives the records their deadline again."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
            rule.active = False
        self.assertEqual(self._timer(obligation, rule).state, "cancelled")
        with freeze_time(MONDAY + timedelta(hours=20)):
            self._sweep()
        self.assertEqual(self._timer(obligation, rule).state, "cancelled")
        with freeze_time(MONDAY + timedelta(hours=1)):
            rule.active = True
        self.assertEqual(
            self._timers(obligation, rule).mapped("state"), ["cancelled", "running"]
        )

    def test_sweep_ignores_inactive_rules(self):
        """The sweep leaves alone the open timers of an archived rule (here
        archived behind the ORM's back, so its timer is still open)."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        self.env.cr.execute(
            "UPDATE business_deadline_rule SET active = FALSE WHERE id = %s", [rule.id]
        )
        rule.invalidate_recordset(["active"])
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
        self.assertEqual(timer.state, "running")
        self.env.cr.execute(
            "UPDATE business_deadline_rule SET active = TRUE WHERE id = %s", [rule.id]
        )
        rule.invalidate_recordset(["active"])
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
        self.assertEqual(timer.state, "breached")

    def test_condition_change_rechecks_open_timers(self):
        """Changing a rule's filter re-checks its open timers: a record that no
        longer matches is cancelled."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            normal = self._create_obligation(date_start=MONDAY, state="open")
            urgent = self._create_obligation(
                date_start=MONDAY, state="open", priority="2"
            )
            rule.domain = "[('priority', '=', '2')]"
        self.assertEqual(self._timer(normal, rule).state, "cancelled")
        self.assertEqual(self._timer(urgent, rule).state, "running")

    def test_rule_with_timers_cannot_be_deleted_or_moved(self):
        """A rule with timers is archived, not deleted or moved to another model."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            self._create_obligation(date_start=MONDAY, state="open")
        with self.assertRaises(UserError):
            rule.unlink()
        with self.assertRaises(UserError):
            rule.model_id = self.env["ir.model"]._get("res.partner")
        empty = self._create_rule(name="No timer yet")
        empty.unlink()
        self.assertFalse(empty.exists())

    def test_rule_applies_to_every_company_by_default(self):
        """A rule created without a company (as XML data is) applies to all."""
        rule = self.env["business.deadline.rule"].create(
            {
                "name": "Shipped rule",
                "model_id": self.obligation_model.id,
                "start_field_id": self.date_start_field.id,
                "met_state_ids": self._states("done"),
            }
        )
        self.assertFalse(rule.company_id)

    def test_apply_to_existing_records(self):
        """A new rule gives the existing matching records their timers."""
        with freeze_time(MONDAY):
            records = self.env["business.deadline.obligation"].create(
                [
                    {"name": f"Old {i}", "date_start": MONDAY, "state": "open"}
                    for i in range(3)
                ]
            )
            done = self._create_obligation(date_start=MONDAY, state="done")
            rule = self._create_rule()
            self.assertFalse(self._timer(records[0], rule))
            rule.action_apply_to_existing()
        self.assertEqual(
            set(self.Timer.search([("rule_id", "=", rule.id)]).mapped("res_id")),
            set(records.ids),
        )
        self.assertFalse(self._timer(done, rule))

    # ------------------------------------------------------------ conditions

    def test_conditions_as_domains(self):
        """Start, met, pause and cancel can be conditions (domains), for models
        with stages, booleans or computed conditions."""
        rule = self._create_rule(
            start_field_id=False,
            start_domain="[('priority', '=', '2')]",
            met_states=False,
            met_domain="[('description', '!=', False)]",
            pause_states=False,
            pause_domain="[('priority', '=', '1')]",
            cancel_states=False,
            cancel_domain="[('name', '=like', 'VOID%')]",
        )
        with freeze_time(MONDAY):
            obligation = self._create_obligation()
            self.assertFalse(self._timer(obligation, rule))
            obligation.priority = "2"
            timer = self._timer(obligation, rule)
            self.assertEqual(timer.state, "running")
            self.assertEqual(timer.start_time, MONDAY)
            obligation.priority = "1"
            self.assertEqual(timer.state, "paused")
            obligation.priority = "2"
            self.assertEqual(timer.state, "running")
            obligation.description = "<p>Filed</p>"
            self.assertEqual(timer.state, "met")
            other = self._create_obligation(priority="2")
            other.name = "VOID filing"
            self.assertEqual(self._timer(other, rule).state, "cancelled")

    def test_bad_condition_refused(self):
        """A condition must be a valid domain of the rule's model."""
        with self.assertRaises(ValidationError):
            self._create_rule(met_domain="[('no_such_field', '=', 1)]")

    def test_meet_by_stored_computed_field(self):
        """A stored computed field reaches the database without write(): a rule
        met by one (Done On, computed from the state) follows it when the ORM
        recomputes it, e.g. after a change made elsewhere."""
        done_field = self.env["ir.model.fields"]._get(
            "business.deadline.obligation", "date_done"
        )
        rule = self._create_rule(met_states=False, met_field_id=done_field.id)
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        # the state changes behind the ORM's back (as another model's flush would
        # leave it), then the ORM recomputes and flushes the computed field
        self.env.cr.execute(
            "UPDATE business_deadline_obligation SET state = 'done' WHERE id = %s",
            [obligation.id],
        )
        obligation.invalidate_recordset(["state"])
        with freeze_time(MONDAY + timedelta(hours=1)):
            obligation.modified(["state"])
            self.env.flush_all()
        self.assertTrue(obligation.date_done)
        self.assertEqual(timer.state, "met")

    def test_amount_from_record(self):
        """The allowed time comes from the record when the rule says so; empty
        or zero falls back to the rule's amount."""
        field = self.env["ir.model.fields"]._get(
            "business.deadline.obligation", "days_allowed"
        )
        rule = self._create_rule(
            amount=2, unit="calendar_days", amount_field_id=field.id
        )
        with freeze_time(MONDAY):
            plain = self._create_obligation(date_start=MONDAY, state="open")
            longer = self._create_obligation(
                date_start=MONDAY, state="open", days_allowed=5
            )
        # the calendar is in UTC: the end of the Nth day after Monday
        self.assertEqual(self._timer(plain, rule).due_time, datetime(2026, 3, 5))
        self.assertEqual(self._timer(longer, rule).due_time, datetime(2026, 3, 8))
        with freeze_time(MONDAY):
            longer.days_allowed = 3
        self.assertEqual(self._timer(longer, rule).due_time, datetime(2026, 3, 6))
        with freeze_time(MONDAY):
            rule.amount = 4  # plain follows the rule, longer its own days
        self.assertEqual(self._timer(plain, rule).due_time, datetime(2026, 3, 7))
        self.assertEqual(self._timer(longer, rule).due_time, datetime(2026, 3, 6))

    def test_responsible_from_field(self):
        """The responsible comes from the field the rule names."""
        creator_field = self.env["ir.model.fields"]._get(
            "business.deadline.obligation", "create_uid"
        )
        rule = self._create_rule(user_field_id=creator_field.id)
        with freeze_time(MONDAY):
            obligation = (
                self.env["business.deadline.obligation"]
                .with_user(self.manager)
                .create(
                    {
                        "name": "Filing",
                        "user_id": self.user.id,
                        "date_start": MONDAY,
                        "state": "open",
                    }
                )
            )
        self.assertEqual(self._timer(obligation, rule).user_id, self.manager)

    def test_due_field_kept_in_step(self):
        """A rule's due date field is stored on the record, kept equal to the
        timer's due time by creates, writes, recomputations and the sweep, and
        the records sort and group by it and by the deadline summary."""
        due_field = self.env["ir.model.fields"]._get(
            "business.deadline.obligation", "date_due"
        )
        rule = self._create_rule(due_field_id=due_field.id)
        with freeze_time(MONDAY):
            late = self._create_obligation(date_start=MONDAY, state="open")
            early = self._create_obligation(
                date_start=MONDAY - timedelta(hours=5), state="open"
            )
        self.assertEqual(late.date_due, MONDAY + timedelta(hours=10))
        self.assertEqual(early.date_due, MONDAY + timedelta(hours=5))
        with freeze_time(MONDAY):
            rule.amount = 12
        self.assertEqual(late.date_due, MONDAY + timedelta(hours=12))
        records = late | early
        Obligation = self.env["business.deadline.obligation"]
        ordered = Obligation.search([("id", "in", records.ids)], order="date_due")
        self.assertEqual(ordered, early | late)
        ordered = Obligation.search(
            [("id", "in", records.ids)], order="deadline_next_due desc"
        )
        self.assertEqual(ordered.ids, [late.id, early.id])
        with freeze_time(MONDAY + timedelta(hours=8)):
            self._sweep()
        self.assertEqual(early.deadline_state, "breached")
        groups = Obligation._read_group(
            [("id", "in", records.ids)], ["deadline_state"], ["__count"]
        )
        self.assertEqual(dict(groups), {"breached": 1, "running": 1})

    # ------------------------------------------------------------ warnings

    def test_calendar_days_lead_before_calendar_days_due(self):
        """3 calendar days with a 1-calendar-day warning, started 2026-03-02
        10:00 in Shanghai: due at 24:00 on 5 March, warning at 24:00 on 4 March
        (it used to equal the due time, so the timer never warned)."""
        calendar = self.env["resource.calendar"].create(
            {"name": "Shanghai", "tz": "Asia/Shanghai", "company_id": False}
        )
        rule = self._create_rule(
            calendar_id=calendar.id,
            amount=3,
            unit="calendar_days",
            warning_mode="lead",
            warning_amount=1,
            warning_unit="calendar_days",
        )
        start = datetime(2026, 3, 2, 2, 0)  # 10:00 in Shanghai
        with freeze_time(start):
            obligation = self._create_obligation(date_start=start, state="open")
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.due_time, datetime(2026, 3, 5, 16, 0))  # 6 Mar 00:00
        self.assertEqual(timer.warning_time, datetime(2026, 3, 4, 16, 0))

    def test_calendar_days_escalation_after_due(self):
        """An escalation 1 calendar day after a calendar-days due time fires at
        the end of the next day, not two days later."""
        rule = self._create_rule(amount=1, unit="calendar_days")
        self.env["business.deadline.rule.escalation"].create(
            {
                "rule_id": rule.id,
                "name": "A day late",
                "offset_amount": 1,
                "offset_unit": "calendar_days",
            }
        )
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.due_time, datetime(2026, 3, 4))
        self.assertEqual(timer.next_escalation_time, datetime(2026, 3, 5))

    def test_percent_warning_in_working_time(self):
        """A percentage warning on a working-time rule is a percentage of the
        working time allowed, so it falls in working hours (it used to fall at
        night, e.g. 02:36)."""
        rule = self._create_rule(
            amount=3,
            unit="working_days",
            warning_mode="percent",
            warning_percent=20,
        )
        with freeze_time(MONDAY):
            obligation = self._create_obligation(
                date_start=MONDAY + timedelta(hours=2), state="open"
            )
        timer = self._timer(obligation, rule)
        # due at the end of Thursday 5 March; 30 working hours allowed (Monday
        # 10-12 and 13-17, then Tuesday to Thursday): 20 % is 6 working hours,
        # Thursday 13-17 and 10-12
        self.assertEqual(timer.due_time, datetime(2026, 3, 5, 17, 0))
        self.assertEqual(timer.warning_time, datetime(2026, 3, 5, 10, 0))

    # ------------------------------------------------------------ company

    def test_record_moving_company_moves_timer(self):
        """A record moved to another company moves its open timer: company,
        that company's calendar, and a recomputed due time."""
        other_company = self.env["res.company"].create({"name": "BD Other Co"})
        other_calendar = self.env["resource.calendar"].create(
            {"name": "Other Co calendar", "tz": "UTC", "company_id": False}
        )
        other_company.resource_calendar_id = other_calendar
        other_calendar.attendance_ids.filtered(
            lambda a: a.dayofweek == "1"
        ).unlink()  # the other company does not work on Tuesdays
        self.env.company.resource_calendar_id = self.calendar
        self.user.company_ids |= other_company
        rule = self._create_rule(calendar_id=False, amount=1, unit="working_days")
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
            timer = self._timer(obligation, rule)
            self.assertEqual(timer.due_time, datetime(2026, 3, 3, 17, 0))
            obligation.company_id = other_company
        self.assertEqual(timer.company_id, other_company)
        self.assertEqual(timer.calendar_id, other_calendar)
        self.assertEqual(timer.due_time, datetime(2026, 3, 4, 17, 0))

    # ------------------------------------------------------------ escalations

    def test_levels_remembered_by_level(self):
        """Adding a level before a fired one, or reordering levels, on live
        timers neither fires one twice nor skips one."""
        rule = self._create_rule()
        level_due = self.env["business.deadline.rule.escalation"].create(
            {"rule_id": rule.id, "name": "At due", "sequence": 1}
        )
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        with freeze_time(MONDAY + timedelta(hours=10, minutes=1)):
            self._sweep()
        self.assertEqual(timer.fired_escalation_ids, level_due)
        with freeze_time(MONDAY + timedelta(hours=10, minutes=2)):
            level_after = self.env["business.deadline.rule.escalation"].create(
                {
                    "rule_id": rule.id,
                    "name": "One hour late",
                    "sequence": 0,  # put first: it must not re-fire "At due"
                    "offset_amount": 1,
                    "offset_unit": "calendar_hours",
                }
            )
            level_due.sequence = 5
        self.assertEqual(timer.next_escalation_time, MONDAY + timedelta(hours=11))
        with freeze_time(MONDAY + timedelta(hours=12)):
            self._sweep()
            self._sweep()
        self.assertEqual(timer.fired_escalation_ids, level_due | level_after)
        self.assertEqual(timer.escalation_level, 2)

    def test_mute_context_for_imports(self):
        """Records imported with ``business_deadline_mute`` get timers in their
        true state without firing the past levels: no note, no activity."""
        rule = self._create_rule()
        level = self.env["business.deadline.rule.escalation"].create(
            {
                "rule_id": rule.id,
                "name": "At due",
                "notify_user_ids": [Command.set(self.manager.ids)],
            }
        )
        with freeze_time(MONDAY + timedelta(days=3)):
            obligation = (
                self.env["business.deadline.obligation"]
                .with_context(business_deadline_mute=True)
                .create(
                    {
                        "name": "Imported filing",
                        "user_id": self.user.id,
                        "date_start": MONDAY,
                        "state": "open",
                    }
                )
            )
            timer = self._timer(obligation, rule)
            self.assertEqual(timer.state, "breached")
            self.assertEqual(timer.fired_escalation_ids, level)
            self._sweep()
        notes = self.env["mail.message"].search(
            [
                ("model", "=", obligation._name),
                ("res_id", "=", obligation.id),
                ("author_id", "=", self.env.ref("base.partner_root").id),
            ]
        )
        self.assertFalse(notes)

    def test_only_raisable_fields(self):
        """An escalation may only raise a field its model declares raisable."""
        rule = self._create_rule()
        state_field = self.env["ir.model.fields"]._get(
            "business.deadline.obligation", "state"
        )
        with self.assertRaises(ValidationError):
            self.env["business.deadline.rule.escalation"].create(
                {
                    "rule_id": rule.id,
                    "name": "Close it",
                    "priority_field_id": state_field.id,
                    "priority_value": "done",
                }
            )

    def test_activity_fallback_user_never_superuser(self):
        """An activity of a record without responsible goes to the rule's
        fallback user; with none, no activity is scheduled (never the
        superuser)."""
        rule = self._create_rule(fallback_user_id=self.manager.id)
        self.env["business.deadline.rule.escalation"].create(
            {
                "rule_id": rule.id,
                "name": "At due",
                "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            }
        )
        with freeze_time(MONDAY):
            obligation = self._create_obligation(
                date_start=MONDAY, state="open", user_id=False
            )
            orphan = self._create_obligation(
                date_start=MONDAY, state="open", user_id=False
            )
        rule_without = self._create_rule(
            name="No fallback", domain="[('id', '=', %d)]" % orphan.id
        )
        self.env["business.deadline.rule.escalation"].create(
            {
                "rule_id": rule_without.id,
                "name": "At due",
                "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            }
        )
        with freeze_time(MONDAY):
            rule_without.action_apply_to_existing()
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", obligation._name),
                ("res_id", "in", (obligation | orphan).ids),
            ]
        )
        self.assertEqual(activities.mapped("user_id"), self.manager)
        self.assertNotIn(self.env.ref("base.user_root"), activities.user_id)

    # ------------------------------------------------------------ breaches

    def test_breach_acknowledgeable_after_late_met(self):
        """A deadline met late keeps its breach time, shows among unacknowledged
        breaches and can still be acknowledged; the acknowledgement is posted on
        the document's chatter."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        with freeze_time(MONDAY + timedelta(hours=12)):
            obligation.action_done()  # before any sweep saw the breach
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.state, "met")
        self.assertTrue(timer.is_late)
        self.assertEqual(timer.breach_time, MONDAY + timedelta(hours=10))
        unacknowledged = self.Timer.search(
            [("breach_time", "!=", False), ("acknowledged_by_id", "=", False)]
        )
        self.assertIn(timer, unacknowledged)
        timer.with_user(self.user)._action_acknowledge("Client sent documents late")
        self.assertTrue(timer.is_acknowledged)
        note = obligation.message_ids.filtered(
            lambda m: "Client sent documents late" in (m.body or "")
        )
        self.assertEqual(note.author_id, self.user.partner_id)

    def test_timer_born_in_true_state(self):
        """A record created past its due time is breached at once (with its
        breach time), past its warning time it warns: it used to show running
        until the next sweep."""
        rule = self._create_rule(
            warning_mode="lead", warning_amount=2, warning_unit="calendar_hours"
        )
        with freeze_time(MONDAY + timedelta(hours=11)):
            late = self._create_obligation(date_start=MONDAY, state="open")
            warned = self._create_obligation(
                date_start=MONDAY + timedelta(hours=2), state="open"
            )
        self.assertEqual(self._timer(late, rule).state, "breached")
        self.assertEqual(
            self._timer(late, rule).breach_time, MONDAY + timedelta(hours=10)
        )
        self.assertEqual(late.deadline_state, "breached")
        self.assertEqual(self._timer(warned, rule).state, "warning")
        self.assertTrue(self._timer(warned, rule).is_warning_sent)

    # ------------------------------------------------------------ pauses

    def test_resume_thousand_records_constant_queries(self):
        """Resuming 1,000 paused records costs the engine as many queries as
        resuming 10 (the records' own UPDATE, which the ORM splits in batches of
        100 rows, is made before counting)."""
        rule = self._create_rule(amount=16, unit="working_hours")

        def resume_queries(count):
            with freeze_time(MONDAY):
                records = self.env["business.deadline.obligation"].create(
                    [
                        {
                            "name": f"Paused {i}",
                            "date_start": MONDAY,
                            "state": "waiting",
                        }
                        for i in range(count)
                    ]
                )
            self.env.flush_all()
            self.env.invalidate_all()
            self.env.cr.execute(
                "UPDATE business_deadline_obligation SET state = 'open' "
                "WHERE id = ANY(%s)",
                [records.ids],
            )
            records.invalidate_recordset(["state"])
            before = self.env.cr.sql_log_count
            with freeze_time(MONDAY + timedelta(hours=3)):
                records._bd_sync_timers()
                self.env.flush_all()
            queries = self.env.cr.sql_log_count - before
            timers = self.Timer.search(
                [("rule_id", "=", rule.id), ("res_id", "in", records.ids)]
            )
            self.assertEqual(set(timers.mapped("state")), {"running"})
            # three working hours paused: due three working hours later
            self.assertEqual(
                set(timers.mapped("due_time")), {datetime(2026, 3, 4, 11, 0)}
            )
            return queries

        resume_queries(3)  # warm the caches
        queries = resume_queries(10)
        self.assertEqual(resume_queries(1000), queries)

    def test_future_start_paused_never_moves_due_earlier(self):
        """A timer born paused with a start in the future, resumed before that
        start, keeps its due time (it used to move it earlier)."""
        rule = self._create_rule()
        start = MONDAY + timedelta(hours=6)
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=start, state="waiting")
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.state, "paused")
        with freeze_time(MONDAY + timedelta(hours=2)):
            obligation.action_open()
        self.assertEqual(timer.due_time, start + timedelta(hours=10))
        self.assertEqual(timer.paused_hours, 0.0)

    # ------------------------------------------------------------ orphans

    def test_orphans_cancelled_by_sweep_and_vacuumed(self):
        """A timer whose record is gone is cancelled by the sweep instead of
        firing its escalation (it used to fail and be retried forever) and is
        deleted by the autovacuum."""
        rule = self._create_rule()
        self.env["business.deadline.rule.escalation"].create(
            {"rule_id": rule.id, "name": "At due", "is_notify_responsible": True}
        )
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        self.env.cr.execute(
            "DELETE FROM business_deadline_obligation WHERE id = %s", [obligation.id]
        )
        self.env.invalidate_all()
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
        self.assertEqual(timer.state, "cancelled")
        self.assertFalse(timer.next_action_time)
        self.Timer._gc_orphan_timers()
        self.assertFalse(timer.exists())


@tagged("post_install", "-at_install")
class TestTimerVisibility(BusinessDeadlineTimerCommon):
    """What users see of the deadlines."""

    def test_summary_readable_without_timer_access(self):
        """An internal user who can read a record but not its timers reads and
        searches its deadline summary without an access error."""
        plain_user = new_test_user(self.env, login="bd_plain", groups="base.group_user")
        self.env["ir.model.access"].create(
            {
                "name": "obligations for plain users",
                "model_id": self.obligation_model.id,
                "group_id": self.env.ref("base.group_user").id,
                "perm_read": True,
            }
        )
        self._create_rule()
        with freeze_time(MONDAY):
            obligation = self._create_obligation(
                date_start=MONDAY, state="open", user_id=plain_user.id
            )
            records = obligation.with_user(plain_user).search_read(
                [("id", "=", obligation.id)],
                ["deadline_state", "deadline_next_due", "deadline_is_overdue"],
            )
        self.assertEqual(records[0]["deadline_state"], "running")

    def test_visibility_filtered_before_limit(self):
        """Pages, counts and groups of timers only hold what the user may see."""
        rule = self._create_rule()
        with freeze_time(MONDAY):
            mine = self.env["business.deadline.obligation"].create(
                [
                    {"name": f"Mine {i}", "user_id": self.user.id}
                    | {"date_start": MONDAY, "state": "open"}
                    for i in range(3)
                ]
            )
            self.env["business.deadline.obligation"].create(
                [
                    {"name": f"Other {i}", "user_id": self.other_user.id}
                    | {"date_start": MONDAY - timedelta(hours=1), "state": "open"}
                    for i in range(5)
                ]
            )
        Timer = self.Timer.with_user(self.user)
        domain = [("rule_id", "=", rule.id)]
        self.assertEqual(len(Timer.search(domain, limit=2)), 2)
        self.assertEqual(Timer.search_count(domain), 3)
        groups = Timer._read_group(domain, ["rule_id"], ["__count"])
        self.assertEqual(groups[0][1], 3)
        self.assertEqual(Timer.search(domain).mapped("res_id"), mine.ids)

    def test_escalation_note_language_and_time_zone(self):
        """An escalation note is written in the recipient's language, with the
        due time in the calendar's time zone."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["business_deadline"], ["zh_CN"]
        )
        self.user.write({"lang": "zh_CN", "notification_type": "inbox"})
        calendar = self.env["resource.calendar"].create(
            {"name": "Shanghai", "tz": "Asia/Shanghai", "company_id": False}
        )
        rule = self._create_rule(calendar_id=calendar.id)
        self.env["business.deadline.rule.escalation"].create(
            {"rule_id": rule.id, "name": "At due", "is_notify_responsible": True}
        )
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
        note = self.env["mail.message"].search(
            [
                ("model", "=", obligation._name),
                ("res_id", "=", obligation.id),
                ("author_id", "=", self.env.ref("base.partner_root").id),
            ]
        )
        self.assertEqual(len(note), 1)
        # due 18:00 UTC is 02:00 the next day in Shanghai
        self.assertIn("02:00", note.body)
        self.assertIn("期限", note.body)

    def test_on_time_graph_not_stacked(self):
        """The on-time analysis graph shows a rate: its bars are never stacked."""
        arch = self.env.ref("business_deadline.business_deadline_timer_view_graph").arch
        self.assertIn('stacked="0"', arch)


@tagged("post_install", "-at_install")
class TestTimerCalendarCoverage(BusinessDeadlineTimerCommon):
    def test_timer_flagged_when_year_not_covered(self):
        """A deadline running into a year its calendar has no statutory days for
        (2027 with chinesecalendar 1.11.0) is flagged and found by the filter; a
        calendar that never imported statutory days flags nothing."""
        rule = self._create_rule(amount=240, unit="calendar_hours")
        with freeze_time(MONDAY):
            obligation = self._create_obligation(
                date_start=datetime(2026, 12, 28, 8, 0), state="open"
            )
        timer = self._timer(obligation, rule)
        self.assertFalse(timer.is_calendar_uncovered)
        self.env["business.deadline.statutory.year"].create(
            {
                "calendar_id": self.calendar.id,
                "country_id": self.env.ref("base.cn").id,
                "year": 2026,
                "source": "manual",
            }
        )
        timer.invalidate_recordset(["is_calendar_uncovered"])
        self.assertTrue(timer.is_calendar_uncovered)
        found = self.Timer.search([("is_calendar_uncovered", "=", True)])
        self.assertIn(timer, found)
        self.assertNotIn(
            timer, self.Timer.search([("is_calendar_uncovered", "=", False)])
        )
