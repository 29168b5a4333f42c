from datetime import date, datetime, timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from odoo.addons.client_relations.models.cr_project import cadence_dates

from .common_cr_return import CrReturnCommon

# China, UTC+8: the end of a local day D is D 16:00 UTC
END = timedelta(hours=16)


@tagged("post_install", "-at_install")
class TestCrReturnCadence(CrReturnCommon):
    def test_project_monthly_then_quarterly(self):
        """000/R-CR-16, 000/R-CR-17: delivered 2026-01-15, monthly until 2027-01-15
        (one year, included), then quarterly; generating again adds nothing."""
        with freeze_time("2026-01-15 02:00:00"):
            self.company.cr_return_horizon_days = 730
            project = self._project()
            visits = project._cr_generate_return_visits()
            again = project._cr_generate_return_visits()
        dates = sorted(visits.mapped("date_scheduled"))
        monthly = [date(2026, m, 15) for m in range(2, 13)] + [date(2027, 1, 15)]
        quarterly = [
            date(2027, 4, 15),
            date(2027, 7, 15),
            date(2027, 10, 15),
            date(2028, 1, 15),
        ]
        self.assertEqual(dates, monthly + quarterly)
        self.assertNotIn(date(2027, 2, 15), dates)
        self.assertFalse(again)
        self.assertEqual(project.return_visit_count, 16)
        self.assertEqual(set(visits.mapped("cadence_id")), {self.cadence_project})
        self.assertEqual(set(visits.mapped("user_id")), {self.owner})

    def test_cadence_boundary_function(self):
        """000/R-CR-16, 000/R-CR-17: the first quarterly visit is three months after
        the last monthly one; months count from the delivery (31 Jan → 28 Feb)."""
        dates = cadence_dates(
            date(2026, 1, 31), 12, 1, 3, date(2026, 1, 31), date(2027, 5, 1)
        )
        self.assertEqual(dates[0], date(2026, 2, 28))
        self.assertEqual(dates[1], date(2026, 3, 31))
        self.assertEqual(dates[11], date(2027, 1, 31))
        self.assertEqual(dates[12:], [date(2027, 4, 30)])

    def test_changed_cadence_takes_effect(self):
        """000/R-CR-16: a changed cadence (every 2 months in a 6-month first
        period, then every 6 months) generates other dates."""
        cadence = self.cadence_project.copy(
            {"code": "project_test", "first_period_months": 6}
        )
        cadence.write({"first_interval_months": 2, "later_interval_months": 6})
        with freeze_time("2026-01-15 02:00:00"):
            project = self._project(cadence_id=cadence.id)
            visits = project._cr_generate_return_visits()
        self.assertEqual(
            sorted(visits.mapped("date_scheduled")),
            [
                date(2026, 3, 15),
                date(2026, 5, 15),
                date(2026, 7, 15),
                date(2027, 1, 15),
            ],
        )

    def test_past_dates_not_generated(self):
        """000/R-CR-17: a project delivered years ago gets its quarterly visits
        from today on, not the missed ones."""
        with freeze_time("2026-06-01 02:00:00"):
            project = self._project(delivery=date(2024, 3, 10))
            visits = project._cr_generate_return_visits()
        dates = sorted(visits.mapped("date_scheduled"))
        self.assertEqual(dates[0], date(2026, 6, 10))
        self.assertEqual(dates[1] - dates[0], timedelta(days=92))

    def test_holiday_moves_before(self):
        """001/R-35: a visit falling in China's 2026 National Day holiday is planned
        on the last working day before it (30 September), and is due then."""
        self.assertFalse(self.calendar._bd_is_working_day(date(2026, 10, 3)))
        self.assertTrue(self.calendar._bd_is_working_day(date(2026, 9, 30)))
        with freeze_time("2026-09-01 02:00:00"):
            project = self._project(delivery=date(2025, 10, 3))
            visits = project._cr_generate_return_visits()
        national_day = visits.filtered(lambda v: v.date_scheduled == date(2026, 10, 3))
        self.assertEqual(national_day.date_planned, date(2026, 9, 30))
        self.assertEqual(national_day.date_due, datetime(2026, 9, 30) + END)
        # a Sunday moves to Friday (2027's statutory days are not imported here)
        self.assertEqual(
            visits.filtered(
                lambda v: v.date_scheduled == date(2027, 1, 3)
            ).date_planned,
            date(2027, 1, 1),
        )
        # a working day stays where it is
        normal = visits.filtered(lambda v: v.date_scheduled == date(2026, 9, 3))
        self.assertEqual(normal.date_planned, date(2026, 9, 3))
        # a cadence that does not move keeps the holiday
        self.cadence_project.move_before_holidays = False
        with freeze_time("2026-09-01 02:00:00"):
            other = self._project(delivery=date(2025, 10, 3))
            kept = other._cr_generate_return_visits()
        self.assertEqual(
            kept.filtered(lambda v: v.date_scheduled == date(2026, 10, 3)).date_planned,
            date(2026, 10, 3),
        )

    def test_cadence_guards(self):
        """A project cadence needs its monthly intervals; a client cadence its
        days; a visit at least one day."""
        with self.assertRaises(ValidationError):
            self.cadence_project.first_interval_months = 0
        with self.assertRaises(ValidationError):
            self.cadence_lapsed.interval_days = 0
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.cadence_request.allowed_days = 0


@tagged("post_install", "-at_install")
class TestCrReturnVisit(CrReturnCommon):
    def test_due_date_and_overdue_chain(self):
        """A return visit's due date is its rule's timer; overdue, it escalates to
        the supervisor, then two days later to the customer service manager."""
        visit = self._visit()
        # clock start 1 June 10:00 local + 7 calendar days: end of 8 June
        self.assertEqual(visit.date_due, datetime(2026, 6, 8) + END)
        self.assertEqual(visit.date_planned, date(2026, 6, 8))
        self.assertEqual(visit.deadline_state, "running")
        sweep = "business_deadline.ir_cron_business_deadline_timer_sweep"
        with freeze_time("2026-06-09 01:00:00"):
            self._run_cron(sweep)
        self.assertEqual(visit.deadline_state, "breached")
        todo = visit.activity_ids.filtered(lambda a: a.user_id == self.supervisor)
        self.assertEqual(len(todo), 1)
        self.assertFalse(
            visit.activity_ids.filtered(lambda a: a.user_id == self.service)
        )
        with freeze_time("2026-06-11 01:00:00"):
            self._run_cron(sweep)
        self.assertEqual(
            len(visit.activity_ids.filtered(lambda a: a.user_id == self.service)), 1
        )
        self.assertEqual(
            len(visit.activity_ids.filtered(lambda a: a.user_id == self.supervisor)), 1
        )

    def test_done_on_time(self):
        """004/R2-13: a visit recorded before its due time is on time; the timer is
        met."""
        visit = self._visit(**self._answers())
        with freeze_time("2026-06-05 02:00:00"):
            visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertTrue(visit.is_on_time)
        late = self._visit(**self._answers())
        with freeze_time("2026-06-09 02:00:00"):
            late.action_done()
        self.assertFalse(late.is_on_time)
        with self.assertRaises(UserError):
            visit.action_done()

    def test_request_close_creates_return_visit(self):
        """004/R2-13: every closed service request or complaint gets one return
        visit (set-based, never twice); other kinds and open requests none."""
        Request = self.env["cr.request"]
        closed = Request.create(
            [
                {
                    "subject": f"Repair {index}",
                    "kind": kind,
                    "partner_id": self.client.id,
                    "contact_id": self.contact.id,
                    "receiver_id": self.desk.id,
                    "department_id": self.department.id,
                    "state": "closed",
                    "date_closed": datetime(2026, 6, 1, 2, 0),
                }
                for index, kind in enumerate(("service", "complaint", "fault"))
            ]
        )
        other = Request.create(
            [
                {
                    "subject": "Question",
                    "kind": "inquiry",
                    "partner_id": self.client.id,
                    "state": "closed",
                },
                {"subject": "Open", "kind": "service", "partner_id": self.client.id},
            ]
        )
        (closed | other)._cr_after_close()
        visits = self.Visit.search([("request_id", "in", (closed | other).ids)])
        self.assertEqual(visits.request_id, closed)
        self.assertEqual(set(visits.mapped("user_id")), {self.desk})
        self.assertEqual(set(visits.mapped("date_due")), {datetime(2026, 6, 8) + END})
        closed._cr_after_close()
        self.assertEqual(self.Visit.search_count([("request_id", "in", closed.ids)]), 3)
        # a changed cadence takes effect
        self.cadence_request.allowed_days = 3
        late = Request.create(
            {
                "subject": "Leak",
                "kind": "fault",
                "partner_id": self.client.id,
                "state": "closed",
                "date_closed": datetime(2026, 6, 1, 2, 0),
            }
        )
        late._cr_after_close()
        self.assertEqual(
            self.Visit.search([("request_id", "=", late.id)]).date_due,
            datetime(2026, 6, 4) + END,
        )

    def test_repair_categories(self):
        """001/R-47, 001/R-48, 001/R-49: repair return visits within 7 days (other),
        2 days (safety facilities), 3 days (water leaks) of the repair."""
        other = self._repair("other")
        safety = self._repair("safety")
        leak = self._repair("leak")
        self.assertEqual(other.date_due, datetime(2026, 6, 8) + END)
        self.assertEqual(safety.date_due, datetime(2026, 6, 3) + END)
        self.assertEqual(leak.date_due, datetime(2026, 6, 4) + END)
        self.assertEqual(leak.cadence_id.allowed_days, 3)
        self.env.ref(
            "client_relations.cr_return_cadence_repair_safety"
        ).allowed_days = 1
        self.assertEqual(self._repair("safety").date_due, datetime(2026, 6, 2) + END)

    def test_repair_five_items(self):
        """001/R-53: a repair visit record needs its 5 items, the visitee's
        signature included, and the visitor's role."""
        visit = self._repair(**self._answers())
        checks = self._checks()
        visit.write({**checks, "check_signed": False})
        with self.assertRaises(UserError):
            visit.action_done()
        self.assertEqual(visit.state, "planned")
        visit.write({"check_signed": True, "visitor_role": False})
        with self.assertRaises(UserError):
            visit.action_done()
        visit.visitor_role = "manager"
        visit.action_done()
        self.assertEqual(visit.state, "done")

    def test_questionnaire(self):
        """004/R2-7, 004/R2-8, 004/R2-9: the answers have 2, 3 and 2 values; a
        request visit is recorded only with the questionnaire answered."""
        fields_ = self.Visit._fields
        self.assertEqual(len(fields_["q_problem_solved"].selection), 2)
        self.assertEqual(len(fields_["q_technician_attitude"].selection), 3)
        self.assertEqual(len(fields_["q_charged"].selection), 2)
        visit = self._visit(**self._answers(q_charged=False))
        with self.assertRaises(UserError):
            visit.action_done()
        visit.q_charged = "yes"
        visit.action_done()
        self.assertEqual(visit.state, "done")

    def test_score_range(self):
        """004/R2-10: the score is 1 to 10: 0 and 11 are refused, 1 and 10 pass."""
        visit = self._visit()
        for score in (1, 10):
            visit.write(self._answers(q_score=score))
            self.assertEqual(visit.q_score, score)
        for score in (0, 11):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                visit.write(self._answers(q_score=score))
        self.assertEqual(visit.q_score, 10)

    def test_payment_reminder_only_satisfied_unpaid(self):
        """004/R2-11: the payment reminder is given only when the client is
        satisfied and has not paid."""
        visit = self._visit(**self._answers())
        visit.payment_reminder_given = True
        self.assertTrue(visit.payment_reminder_given)
        for answers in (
            {"q_technician_attitude": "average"},
            {"q_charged": "yes"},
        ):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                visit.write(answers)

    def test_appointment_when_inconvenient(self):
        """004/R2-12: a client not available now gets an appointment; a
        rescheduled visit needs its time."""
        visit = self._visit()
        with self.assertRaises(UserError):
            visit.action_reschedule()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            visit.client_available = False
        visit.appointment_datetime = datetime(2026, 6, 3, 6, 0)
        visit.action_reschedule()
        self.assertEqual(visit.state, "rescheduled")
        self.assertFalse(visit.client_available)
        self.assertEqual(visit.activity_ids.date_deadline, date(2026, 6, 3))

    def test_onsite_two_signatures(self):
        """001/R-61: an on-site record needs the customer service and the
        technical service signatures, from two persons."""
        visit = self._visit(method="onsite", **self._answers())
        with self.assertRaises(UserError):
            visit.action_done()
        visit.with_user(self.owner).action_sign_cs()
        with self.assertRaises(UserError):
            visit.with_user(self.owner).action_sign_tech()
        with self.assertRaises(UserError):
            visit.action_done()
        visit.with_user(self.supervisor).action_sign_tech()
        visit.action_done()
        self.assertEqual(visit.cs_signed_by_id, self.owner)
        self.assertEqual(visit.tech_signed_by_id, self.supervisor)

    def test_rectification_within_24_hours(self):
        """001/R-50: problems found → a written notice to the repair staff within
        24 hours (the company setting; changed to 12 it takes effect)."""
        self.assertEqual(self.company.cr_return_rectify_hours, 24)
        visit = self._repair(
            repair_user_id=self.other_owner.id,
            problem_found=True,
            problems="Leak again",
            **self._answers(),
            **self._checks(),
        )
        with freeze_time("2026-06-02 02:00:00"):
            visit.action_done()
        self.assertEqual(visit.rectify_due, datetime(2026, 6, 3, 2, 0))
        with freeze_time("2026-06-02 05:00:00"):
            visit.action_notify_rectification()
        self.assertEqual(visit.date_rectification_notice, datetime(2026, 6, 2, 5, 0))
        self.assertTrue(
            visit.activity_ids.filtered(lambda a: a.user_id == self.other_owner)
        )
        self.company.cr_return_rectify_hours = 12
        second = self._repair(
            problem_found=True, problems="Noise", **self._answers(), **self._checks()
        )
        with freeze_time("2026-06-02 02:00:00"):
            second.action_done()
        self.assertEqual(second.rectify_due, datetime(2026, 6, 2, 14, 0))
        clean = self._repair(**self._answers(), **self._checks())
        clean.action_done()
        with self.assertRaises(UserError):
            clean.action_notify_rectification()
        problem = self._repair(problem_found=True, **self._answers(), **self._checks())
        with self.assertRaises(UserError):
            problem.action_done()

    def test_issue_handling_rate(self):
        """001/R-51: the share of visit problems rectified (100 % target)."""
        self._repair(problem_found=True, problems="a", is_rectified=True)
        self._repair(problem_found=True, problems="b")
        self.assertEqual(
            self.Visit._cr_issue_handling_rate([("partner_id", "=", self.client.id)]),
            50.0,
        )

    def test_report_and_submission(self):
        """001/R-36, 001/R-37, 001/R-38: the report is due the day after the visit,
        the materials within 3 days; only the supervisor extends to a week, for a
        reason. Changed settings take effect."""
        self.assertEqual(
            (
                self.company.cr_return_report_days,
                self.company.cr_return_submit_days,
                self.company.cr_return_submit_extended_days,
            ),
            (1, 3, 7),
        )
        visit = self._repair(**self._answers(), **self._checks())
        with freeze_time("2026-06-02 02:00:00"):
            visit.action_done()
        self.assertEqual(visit.report_due, datetime(2026, 6, 3) + END)
        self.assertEqual(visit.submit_due, datetime(2026, 6, 5) + END)
        with self.assertRaises(UserError):
            visit.action_submit_materials()
        with self.assertRaises(UserError):
            visit.action_approve_extension()
        visit.extension_reason = "Client's archive closed"
        with self.assertRaises(UserError):
            visit.with_user(self.owner).action_approve_extension()
        visit.with_user(self.supervisor).action_approve_extension()
        self.assertEqual(visit.submit_due, datetime(2026, 6, 9) + END)
        visit.action_write_report()
        visit.action_submit_materials()
        self.assertTrue(visit.date_submitted)
        self.company.cr_return_submit_days = 2
        other = self._repair(**self._answers(), **self._checks())
        with freeze_time("2026-06-02 02:00:00"):
            other.action_done()
        self.assertEqual(other.submit_due, datetime(2026, 6, 4) + END)

    def test_repair_role_rates(self):
        """001/R-44, 001/R-45, 001/R-46: manager ≥ 10 %, supervisor ≥ 30 %, repair
        lead ≥ 60 % of the period's repairs; exactly the minimum is met, below it
        is not; changed minimums take effect."""
        roles = ["manager"] + ["supervisor"] * 3 + ["repair_lead"] * 6
        for role in roles:
            self._repair(
                **self._answers(), **{**self._checks(), "visitor_role": role}
            ).action_done()
        rates = self.Visit._cr_repair_role_rates(
            datetime(2026, 6, 1), datetime(2026, 7, 1)
        )
        self.assertEqual(rates["manager"], (10.0, 10.0, True))
        self.assertEqual(rates["supervisor"], (30.0, 30.0, True))
        self.assertEqual(rates["repair_lead"], (60.0, 60.0, True))
        # an eleventh repair not visited: the manager falls below 10 %
        self._repair()
        rates = self.Visit._cr_repair_role_rates(
            datetime(2026, 6, 1), datetime(2026, 7, 1)
        )
        self.assertFalse(rates["manager"][2])
        self.company.cr_return_rate_manager = 9.0
        rates = self.Visit._cr_repair_role_rates(
            datetime(2026, 6, 1), datetime(2026, 7, 1)
        )
        self.assertTrue(rates["manager"][2])

    def test_on_time_kpi_query_count(self):
        """The KPI "return visits on time" per visitor and month is one
        _read_group whatever the number of visits."""

        def make(count):
            for _index in range(count):
                visit = self._visit(**self._answers())
                with freeze_time("2026-06-03 02:00:00"):
                    visit.action_done()

        make(2)
        self.env.invalidate_all()
        with self.assertQueryCount(2) as _counter:
            small = self.Visit._cr_on_time_kpi([("partner_id", "=", self.client.id)])
        make(20)
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            big = self.Visit._cr_on_time_kpi([("partner_id", "=", self.client.id)])
        key = next(iter(small))
        self.assertEqual(small[key], (2, 2))
        self.assertEqual(big[key], (22, 22))

    def test_complaint_rate(self):
        """001/R-52: complaints per client served against the 1 % target (not
        blocking): 1 complaint for 1 client is 100 %, missed at a 100 % target and
        met at 100.01 %."""
        self.assertEqual(self.company.cr_return_complaint_rate_target, 1.0)
        visit = self._visit(**self._answers())
        with freeze_time("2026-06-03 02:00:00"):
            visit.action_done()
        period = (datetime(2026, 6, 1), datetime(2026, 7, 1))
        self.assertEqual(self.Visit._cr_complaint_rate(*period), (0.0, 1.0, True))
        self.env["cr.request"].create(
            {
                "subject": "Complaint",
                "kind": "complaint",
                "partner_id": self.client.id,
                "date_received": datetime(2026, 6, 4, 2, 0),
            }
        )
        self.company.cr_return_complaint_rate_target = 100.0
        self.assertFalse(self.Visit._cr_complaint_rate(*period)[2])
        self.company.cr_return_complaint_rate_target = 100.01
        self.assertTrue(self.Visit._cr_complaint_rate(*period)[2])

    def test_report_renders_chinese_form(self):
        """The return-visit record prints as 《客户回访记录表》 with its repair
        checks."""
        visit = self._repair(**self._answers(), **self._checks())
        visit.action_done()
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "client_relations.report_cr_return_visit", visit.ids
        )
        html = html.decode()
        self.assertIn("客户回访记录表", html)
        self.assertIn("被回访人签名", html)
        self.assertIn(visit.name, html)
        # the report, or first the document layout wizard of a new company
        self.assertIn(
            visit.action_print()["type"],
            ("ir.actions.report", "ir.actions.act_window"),
        )
