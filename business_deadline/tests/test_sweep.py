from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged

from odoo.addons.business_deadline.models.business_deadline_timer import (
    BusinessDeadlineTimer,
)

from .common_timers import MONDAY, BusinessDeadlineTimerCommon


@tagged("post_install", "-at_install")
class TestDeadlineSweep(BusinessDeadlineTimerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref("mail.mail_activity_data_todo")
        cls.rule = cls._create_rule()
        cls.level_breach = cls.env["business.deadline.rule.escalation"].create(
            {
                "rule_id": cls.rule.id,
                "sequence": 1,
                "name": "Breached",
                "offset_amount": 0,
                "offset_unit": "calendar_hours",
                "notify_user_ids": [(6, 0, cls.manager.ids)],
                "is_notify_responsible": True,
                "activity_type_id": cls.activity_type.id,
                "activity_user_field_id": cls.user_field.id,
            }
        )
        cls.level_late = cls.env["business.deadline.rule.escalation"].create(
            {
                "rule_id": cls.rule.id,
                "sequence": 2,
                "name": "Still late",
                "offset_amount": 2,
                "offset_unit": "calendar_hours",
                "notify_group_ids": [
                    (
                        6,
                        0,
                        cls.env.ref(
                            "business_deadline.group_business_deadline_manager"
                        ).ids,
                    )
                ],
                "priority_field_id": cls.priority_field.id,
                "priority_value": "2",
            }
        )

    def _messages(self, records):
        return self.env["mail.message"].search(
            [
                ("model", "=", records._name),
                ("res_id", "in", records.ids),
                ("author_id", "=", self.env.ref("base.partner_root").id),
                # the priority raise is tracked on its own message
                ("tracking_value_ids", "=", False),
            ]
        )

    def _activities(self, records):
        return self.env["mail.activity"].search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        )

    def test_escalation_levels_fire_once(self):
        """Each escalation level fires once: a re-run sends nothing twice. Each
        recipient is reached as their preferences say: Odoo inbox or e-mail."""
        self.manager.notification_type = "inbox"
        self.user.notification_type = "email"
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, self.rule)
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
            self._sweep()
        self.assertEqual(timer.state, "breached")
        self.assertEqual(timer.escalation_level, 1)
        messages = self._messages(obligation)
        self.assertEqual(len(messages), 1)
        self.assertEqual(
            messages.partner_ids, self.manager.partner_id | self.user.partner_id
        )
        notified = messages.notification_ids.filtered(
            lambda n: n.notification_type == "inbox"
        ).res_partner_id
        self.assertEqual(notified, self.manager.partner_id)
        emailed = messages.notification_ids.filtered(
            lambda n: n.notification_type == "email"
        )
        self.assertEqual(emailed.res_partner_id, self.user.partner_id)
        self.assertEqual(emailed.mail_mail_id.recipient_ids, self.user.partner_id)
        activity = self._activities(obligation)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user)
        self.assertEqual(obligation.priority, "0")
        with freeze_time(MONDAY + timedelta(hours=13)):
            self._sweep()
            self._sweep()
        self.assertEqual(timer.escalation_level, 2)
        self.assertEqual(len(self._messages(obligation)), 2)
        self.assertEqual(len(self._activities(obligation)), 1)
        self.assertEqual(obligation.priority, "2")
        self.assertFalse(timer.next_action_time)

    def test_late_sweep_fires_all_levels(self):
        """A sweep that runs late fires every level that is due, in order."""
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        with freeze_time(MONDAY + timedelta(days=2)):
            self._sweep()
        timer = self._timer(obligation, self.rule)
        self.assertEqual(timer.escalation_level, 2)
        self.assertEqual(len(self._messages(obligation)), 2)
        self.assertEqual(obligation.priority, "2")

    def test_level_before_due_fires_while_running(self):
        """A level set before the due time fires while the deadline still runs."""
        self.level_breach.write({"offset_direction": "before", "offset_amount": 1})
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        with freeze_time(MONDAY + timedelta(hours=9, minutes=30)):
            self._sweep()
        timer = self._timer(obligation, self.rule)
        self.assertEqual(timer.state, "running")
        self.assertEqual(timer.escalation_level, 1)
        self.assertEqual(len(self._activities(obligation)), 1)

    def test_not_due_untouched(self):
        """The sweep leaves the timers that are not due alone."""
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        with freeze_time(MONDAY + timedelta(hours=5)):
            self._sweep()
        timer = self._timer(obligation, self.rule)
        self.assertEqual(timer.state, "running")
        self.assertEqual(timer.escalation_level, 0)
        self.assertFalse(self._messages(obligation))

    def test_paused_timer_not_swept(self):
        """A paused timer does not breach while its clock is stopped."""
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
            obligation.action_wait()
        with freeze_time(MONDAY + timedelta(days=3)):
            self._sweep()
        self.assertEqual(self._timer(obligation, self.rule).state, "paused")

    def test_bad_record_does_not_stop_sweep(self):
        """A timer that fails is logged and skipped; the others of its batch are
        swept, and the failed one stays unchanged for the next run."""
        with freeze_time(MONDAY):
            obligations = self.env["business.deadline.obligation"].concat(
                *(
                    self._create_obligation(date_start=MONDAY, state="open")
                    for __ in range(3)
                )
            )
        bad = self._timer(obligations[1], self.rule)
        original_sweep = BusinessDeadlineTimer._sweep

        def failing_sweep(timers, now):
            if bad in timers:
                raise ValueError("broken record")
            return original_sweep(timers, now)

        with (
            freeze_time(MONDAY + timedelta(hours=11)),
            patch.object(BusinessDeadlineTimer, "_sweep", failing_sweep),
            self.assertLogs(
                "odoo.addons.business_deadline.models.business_deadline_timer",
                level="WARNING",
            ) as logs,
        ):
            self._sweep()
        self.assertIn(f"timer {bad.id}", logs.output[0])
        timers = self.Timer.search([("res_id", "in", obligations.ids)])
        self.assertEqual(timers.mapped("state"), ["breached", "running", "breached"])
        self.assertEqual(len(self._messages(obligations)), 2)
        self.assertFalse(self._messages(obligations[1]))
        # the next run picks the failed timer up again
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
        self.assertEqual(bad.state, "breached")
        self.assertEqual(len(self._messages(obligations)), 3)

    def test_batches_resume(self):
        """The sweep works by committed batches and picks up what is left."""
        with freeze_time(MONDAY):
            obligations = self.env["business.deadline.obligation"].create(
                [
                    {
                        "name": f"Filing {i}",
                        "user_id": self.user.id,
                        "date_start": MONDAY,
                        "state": "open",
                    }
                    for i in range(5)
                ]
            )
        with freeze_time(MONDAY + timedelta(hours=11)):
            with self.enter_registry_test_mode(), self.registry.cursor() as cr:
                # batches of 2, each committed: 2 + 2 + 1
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["business.deadline.timer"]._cron_sweep(batch_size=2)
            self.env.invalidate_all()
        timers = self.Timer.search([("res_id", "in", obligations.ids)])
        self.assertEqual(set(timers.mapped("state")), {"breached"})
        self.assertEqual(len(self._messages(obligations)), 5)

    def test_overdue_and_breached_filters(self):
        """After a breach the record shows in the overdue and breached-this-month
        filters of the mixin, and its worst state is breached."""
        with freeze_time(MONDAY):
            late = self._create_obligation(date_start=MONDAY, state="open")
            fine = self._create_obligation(
                date_start=MONDAY + timedelta(days=5), state="open"
            )
        records = late | fine
        model = self.env["business.deadline.obligation"]
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
            self.assertEqual(late.deadline_state, "breached")
            self.assertTrue(late.deadline_is_overdue)
            for fname in ("deadline_is_overdue", "deadline_is_breached_this_month"):
                self.assertEqual(
                    model.search([("id", "in", records.ids), (fname, "=", True)]),
                    late,
                )
                self.assertEqual(
                    model.search([("id", "in", records.ids), (fname, "=", False)]),
                    fine,
                )
            self.assertEqual(
                model.search(
                    [("id", "in", records.ids), ("deadline_state", "=", "breached")]
                ),
                late,
            )

    def test_priority_only_raised(self):
        """An escalation raises the priority but never lowers a higher one."""
        self.level_late.priority_value = "1"
        with freeze_time(MONDAY):
            normal = self._create_obligation(date_start=MONDAY, state="open")
            urgent = self._create_obligation(
                date_start=MONDAY, state="open", priority="2"
            )
        with freeze_time(MONDAY + timedelta(days=1)):
            self._sweep()
        self.assertEqual(normal.priority, "1")
        self.assertEqual(urgent.priority, "2")

    def test_new_level_reaches_open_timers(self):
        """A level added to a rule is planned on its open timers too."""
        rule = self._create_rule(name="No levels yet")
        with freeze_time(MONDAY):
            obligation = self._create_obligation(date_start=MONDAY, state="open")
        timer = self._timer(obligation, rule)
        self.assertFalse(timer.next_escalation_time)
        self.env["business.deadline.rule.escalation"].create(
            {
                "rule_id": rule.id,
                "name": "Reminder",
                "offset_amount": 1,
                "offset_unit": "calendar_hours",
                "offset_direction": "before",
                "activity_type_id": self.activity_type.id,
            }
        )
        self.assertEqual(timer.next_escalation_time, MONDAY + timedelta(hours=9))
        self.assertEqual(timer.next_action_time, MONDAY + timedelta(hours=9))

    def test_constant_queries_per_batch(self):
        """The sweep of a batch takes the same number of queries for 5 or 25
        breached timers with messages and activities (no query per record)."""

        def sweep_queries(count):
            with freeze_time(MONDAY):
                records = self.env["business.deadline.obligation"].create(
                    [
                        {"name": f"Filing {i}", "user_id": self.user.id}
                        | {"date_start": MONDAY, "state": "open"}
                        for i in range(count)
                    ]
                )
            timers = self.Timer.search([("res_id", "in", records.ids)])
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            timers._sweep(MONDAY + timedelta(hours=11))
            self.env.flush_all()
            queries = self.env.cr.sql_log_count - before
            self.assertEqual(len(self._activities(records)), count)
            return queries

        sweep_queries(2)  # warm the caches (xml ids, activity type, users)
        queries = sweep_queries(5)
        self.assertGreater(queries, 0)
        self.assertEqual(sweep_queries(25), queries)
