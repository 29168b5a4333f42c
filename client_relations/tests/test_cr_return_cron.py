from datetime import date, datetime

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common_cr_return import CrReturnCommon


@tagged("post_install", "-at_install")
class TestCrReturnCron(CrReturnCommon):
    def test_generation_cron_idempotent(self):
        """000/R-CR-16: the daily action generates each project's
        visits of the horizon once; a second run adds nothing."""
        self.assertEqual(self.company.cr_return_horizon_days, 365)
        project = self._project()
        with freeze_time("2026-01-15 02:00:00"):
            self._run_cron("client_relations.ir_cron_cr_return_generate")
            self.assertEqual(project.return_visit_count, 12)
            self._run_cron("client_relations.ir_cron_cr_return_generate")
        project.invalidate_recordset()
        self.assertEqual(project.return_visit_count, 12)
        # a longer horizon (company setting) reaches the quarterly visits
        self.company.cr_return_horizon_days = 460
        with freeze_time("2026-01-15 02:00:00"):
            self._run_cron("client_relations.ir_cron_cr_return_generate")
        project.invalidate_recordset()
        self.assertEqual(project.return_visit_count, 13)
        self.assertEqual(
            max(project.return_visit_ids.mapped("date_scheduled")), date(2027, 4, 15)
        )

    def test_lapsed_client(self):
        """001/R-09: a client without a return visit or request for more than 7
        days gets one; exactly 7 days is not more than 7; once per day."""
        self.cadence_lapsed.auto_generate = True
        self.other_client.active = False  # one client in the test
        with freeze_time("2026-06-01 03:00:00"):
            self.Visit.create(
                {
                    "partner_id": self.client.id,
                    "cadence_id": self.cadence_request.id,
                    "date_planned": date(2026, 6, 1),
                }
            )
        lapsed = [
            ("partner_id", "=", self.client.id),
            ("cadence_id", "=", self.cadence_lapsed.id),
        ]
        with freeze_time("2026-06-08 02:00:00"):
            self._run_cron("client_relations.ir_cron_cr_return_generate")
        self.assertEqual(self.Visit.search_count(lapsed), 0)
        with freeze_time("2026-06-09 02:00:00"):
            self._run_cron("client_relations.ir_cron_cr_return_generate")
            self._run_cron("client_relations.ir_cron_cr_return_generate")
        visit = self.Visit.search(lapsed)
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.date_planned, date(2026, 6, 9))
        self.assertEqual(visit.user_id, self.owner)
        # a request received since counts as served
        self.env["cr.request"].create(
            {
                "subject": "Call",
                "partner_id": self.client.id,
                "date_received": datetime(2026, 6, 12, 2, 0),
            }
        )
        with freeze_time("2026-06-17 02:00:00"):
            self._run_cron("client_relations.ir_cron_cr_return_generate")
        self.assertEqual(self.Visit.search_count(lapsed), 1)
        # a changed interval takes effect
        self.cadence_lapsed.interval_days = 3
        with freeze_time("2026-06-17 02:00:00"):
            self._run_cron("client_relations.ir_cron_cr_return_generate")
        self.assertEqual(self.Visit.search_count(lapsed), 2)

    def test_client_interval_cadences(self):
        """001/R-11, 001/R-33, 001/R-54, 001/R-55, 001/R-57: the client regimes are
        cadences (daily batches, every 2 days, SMS daily, phone weekly, routine
        phone quarterly); switched on, every 2 days means on day 0 and day 2."""
        ref = self.env.ref
        values = {
            "phone_batch": ("phone", 7, 18),
            "sales_phone": ("phone", 2, 0),
            "sms": ("sms", 1, 0),
            "first_phone": ("phone", 7, 0),
            "routine_phone": ("phone", 91, 0),
        }
        for code, (method, days, minimum) in values.items():
            cadence = ref(f"client_relations.cr_return_cadence_{code}")
            self.assertEqual(
                (
                    cadence.regime,
                    cadence.method,
                    cadence.interval_days,
                    cadence.weekly_minimum,
                ),
                ("client", method, days, minimum),
            )
        cadence = ref("client_relations.cr_return_cadence_sales_phone")
        cadence.auto_generate = True
        self.other_client.active = False
        mine = [("cadence_id", "=", cadence.id), ("partner_id", "=", self.client.id)]
        for day, expected in (("2026-06-01", 1), ("2026-06-02", 1), ("2026-06-03", 2)):
            with freeze_time(f"{day} 02:00:00"):
                self._run_cron("client_relations.ir_cron_cr_return_generate")
            self.assertEqual(self.Visit.search_count(mine), expected, day)

    def test_weekly_statistics(self):
        """001/R-10, 001/R-13, 001/R-34: on Saturday, the Saturday-to-Friday week's
        visits done and next week's planned visits per department, once; 18 phone
        visits meet the minimum and 17 do not; an appointment a week."""
        self.assertEqual(
            (
                self.company.cr_return_weekly_phone_min,
                self.company.cr_return_weekly_appointment_min,
                self.company.cr_return_week_start,
            ),
            (18, 1, "5"),
        )

        def done(user, count, day):
            for _index in range(count):
                visit = self._visit(user_id=user.id, **self._answers())
                with freeze_time(f"{day} 03:00:00"):
                    visit.action_done()

        done(self.owner, 18, "2026-06-08")
        done(self.supervisor, 17, "2026-06-12")
        done(self.owner, 1, "2026-06-13")  # next week
        appointment = self._visit(
            user_id=self.owner.id, appointment_datetime=datetime(2026, 6, 10, 2, 0)
        )
        appointment.action_reschedule()
        with freeze_time("2026-06-01 03:00:00"):
            self.Visit.create(
                {
                    "partner_id": self.client.id,
                    "department_id": self.department.id,
                    "cadence_id": self.cadence_project.id,
                    "date_scheduled": date(2026, 6, 18),
                }
            )
        with freeze_time("2026-06-13 08:00:00"):
            self._run_cron("client_relations.ir_cron_cr_return_week")
            self._run_cron("client_relations.ir_cron_cr_return_week")
        week = self.env["cr.return.week"].search(
            [("department_id", "=", self.department.id)]
        )
        self.assertEqual(len(week), 1)
        self.assertEqual(
            (week.week_start, week.week_end), (date(2026, 6, 6), date(2026, 6, 12))
        )
        self.assertEqual(week.visits_done, 35)
        self.assertEqual(week.visits_planned_next, 1)
        self.assertEqual(week.head_id, self.supervisor)
        owner_line = week.line_ids.filtered(lambda line: line.user_id == self.owner)
        supervisor_line = week.line_ids.filtered(
            lambda line: line.user_id == self.supervisor
        )
        self.assertEqual(
            (owner_line.phone_count, owner_line.appointment_count), (18, 1)
        )
        self.assertTrue(owner_line.is_phone_met and owner_line.is_appointment_met)
        self.assertFalse(supervisor_line.is_phone_met)
        self.assertFalse(supervisor_line.is_appointment_met)
        self.assertEqual(week.shortfall_count, 1)
        # a changed minimum takes effect on the next week's statistics
        self.company.cr_return_weekly_phone_min = 1
        with freeze_time("2026-06-20 08:00:00"):
            self._run_cron("client_relations.ir_cron_cr_return_week")
        later = self.env["cr.return.week"].search(
            [
                ("department_id", "=", self.department.id),
                ("week_start", "=", date(2026, 6, 13)),
            ]
        )
        self.assertEqual(later.line_ids.phone_minimum, 1)
        self.assertTrue(later.line_ids.is_phone_met)

    def test_payment_reminder(self):
        """001/R-14: an activity for the account owner 3 days before the
        contractual due date, once; an off day moves it to the working day before;
        a changed lead takes effect."""
        Reminder = self.env["cr.payment.reminder"]
        reminder = Reminder.create(
            {
                "name": "Contract 2026-01",
                "partner_id": self.client.id,
                "user_id": self.owner.id,
                "date_due": date(2026, 6, 12),
                "amount": 1000.0,
            }
        )
        self.assertEqual(reminder.date_remind, date(2026, 6, 9))
        with freeze_time("2026-06-08 02:00:00"):
            self._run_cron("client_relations.ir_cron_cr_payment_reminder")
        self.assertEqual(reminder.state, "open")
        self.assertFalse(reminder.activity_ids)
        with freeze_time("2026-06-09 02:00:00"):
            self._run_cron("client_relations.ir_cron_cr_payment_reminder")
            self._run_cron("client_relations.ir_cron_cr_payment_reminder")
        self.assertEqual(reminder.state, "reminded")
        self.assertEqual(len(reminder.activity_ids), 1)
        self.assertEqual(reminder.activity_ids.user_id, self.owner)
        # 7 June 2026 is a Sunday: the reminder moves to Friday 5 June
        self.company.cr_return_payment_lead_days = 5
        other = Reminder.create(
            {
                "name": "Contract 2026-02",
                "partner_id": self.client.id,
                "date_due": date(2026, 6, 12),
            }
        )
        self.assertEqual(other.date_remind, date(2026, 6, 5))
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Reminder.create(
                {
                    "name": "Bad",
                    "partner_id": self.client.id,
                    "date_due": date(2026, 6, 12),
                    "amount": -1,
                }
            )
        reminder.action_paid()
        self.assertEqual(reminder.state, "paid")

    def test_set_based_generation_same_as_orm(self):
        """Issue 11/10: the set-based generation (cron, 100,000 projects) gives
        the same visits and timers as the ORM ``create`` (the button), holidays,
        computed fields and due dates included."""
        fields_ = [
            "partner_id",
            "company_id",
            "cadence_id",
            "regime",
            "requires_report",
            "method",
            "user_id",
            "department_id",
            "supervisor_id",
            "cs_manager_id",
            "state",
            "date_scheduled",
            "date_planned",
            "date_clock_start",
            "allowed_days",
            "date_due",
            "client_available",
            "report_days",
            "submit_days",
            "rectify_hours",
            "deadline_state",
            "deadline_next_due",
        ]
        timer_fields = ["rule_id", "state", "start_time", "due_time", "user_id"]

        def snapshot(visits):
            visits.invalidate_recordset()
            rows = []
            for visit in visits.sorted("date_scheduled"):
                timers = self.env["business.deadline.timer"].search(
                    [("res_model", "=", visit._name), ("res_id", "=", visit.id)]
                )
                rows.append(
                    (
                        visit.read(fields_)[0] | {"id": 0},
                        sorted(tuple(str(t[f]) for f in timer_fields) for t in timers),
                    )
                )
            return rows

        with freeze_time("2026-09-01 02:00:00"):
            self.company.cr_return_horizon_days = 460
            slow = self._project(delivery=date(2025, 10, 3))
            fast = self._project(delivery=date(2025, 10, 3))
            by_orm = slow._cr_generate_return_visits(orm=True)
            set_based = fast._cr_generate_return_visits()
            self.assertFalse(fast._cr_generate_return_visits())  # idempotent
        self.assertEqual(len(set_based), len(by_orm))
        self.assertTrue(set_based.filtered("date_due"))
        self.assertTrue(all(v.name.startswith("HF") for v in set_based))
        self.assertEqual(len(set(set_based.mapped("name"))), len(set_based))
        self.assertEqual(set_based.project_id, fast)
        self.assertEqual(fast.return_visit_count, len(set_based))
        self.assertEqual(snapshot(set_based), snapshot(by_orm))
