from datetime import date, datetime

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common_cr_visit import CrVisitCommon


@tagged("post_install", "-at_install")
class TestCrVisitPlan(CrVisitCommon):
    def _plan(self, **vals):
        values = {
            "period_type": "annual",
            "year": 2026,
            "executor_id": self.owner.id,
            "region_ids": [(6, 0, (self.region | self.region_group3).ids)],
        }
        values.update(vals)
        plan = self.Plan.create(values)
        plan.action_confirm()
        return plan

    def test_r_cr_10_three_periods(self):
        """000/R-CR-10, 002/R22: annual, quarterly and monthly plans, each with its
        period's first and last day; a quarterly plan needs its quarter."""
        self.assertEqual(
            [key for key, _label in self.Plan._fields["period_type"].selection],
            ["annual", "quarterly", "monthly"],
        )
        annual = self._plan()
        self.assertEqual(
            (annual.date_from, annual.date_to), (date(2026, 1, 1), date(2026, 12, 31))
        )
        quarter = self._plan(period_type="quarterly", quarter="4")
        self.assertEqual(
            (quarter.date_from, quarter.date_to),
            (date(2026, 10, 1), date(2026, 12, 31)),
        )
        month = self._plan(period_type="monthly", month="2")
        self.assertEqual(
            (month.date_from, month.date_to), (date(2026, 2, 1), date(2026, 2, 28))
        )
        with self.assertRaises(ValidationError):
            self.Plan.create(
                {"period_type": "quarterly", "year": 2026, "quarter": False}
            )

    def test_r_58_r_59_tier_defaults(self):
        """001/R-59: extra-large (Diamond) clients one visit a quarter; 001/R-58:
        key accounts (the other tiers) at least two a year."""
        self.assertEqual(self.tier_diamond.visits_per_year, 4)
        for tier in (self.tier_platinum, self.tier_gold, self.tier_vip):
            self.assertEqual(tier.visits_per_year, 2)

    def test_r_58_r_59_generate_annual(self):
        """001/R-58, R-59: an annual plan gives the Diamond client 4 visits (one a
        quarter) and the Gold client 2 (one a half-year), on working days at the
        company's hour; generating again creates nothing twice."""
        plan = self._plan()
        plan.action_generate_visits()
        diamond = plan.visit_ids.filtered(lambda v: v.partner_id == self.client)
        gold = plan.visit_ids.filtered(lambda v: v.partner_id == self.other_client)
        self.assertEqual(len(diamond), 4)
        self.assertEqual(len(gold), 2)
        self.assertEqual(
            sorted(diamond.mapped("visit_day")),
            # 1 Jan, 1 Apr (Qingming week: 1 Apr is a Wednesday), 1 Jul, 1 Oct
            # (National Day holidays until 7 Oct, then 8 Oct)
            [date(2026, 1, 4), date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 8)],
        )
        # 09:00 in Shanghai
        self.assertEqual(diamond[0].date_planned.hour, 1)
        self.assertEqual(diamond.user_id, self.owner)
        self.assertEqual(diamond[0].technician_ids, self.service)
        plan.action_generate_visits()
        self.assertEqual(len(plan.visit_ids), 6)
        self.assertEqual(len(plan.line_ids), 6)

    def test_r_59_quarterly_and_monthly_plans(self):
        """001/R-59: a quarterly plan holds the Diamond client's one visit of the
        quarter; a monthly plan of a month without a slot holds none; a tier of 12
        visits a year (changed policy) gives one in every month."""
        quarterly = self._plan(period_type="quarterly", quarter="3")
        quarterly.action_generate_visits()
        self.assertEqual(len(quarterly.visit_ids), 2)  # Diamond Q3, Gold 2nd half
        monthly = self._plan(period_type="monthly", month="12")
        monthly.action_generate_visits()
        self.assertFalse(monthly.visit_ids)
        self.tier_diamond.visits_per_year = 12
        other_month = self._plan(period_type="monthly", month="11")
        other_month.action_generate_visits()
        self.assertEqual(other_month.visit_ids.partner_id, self.client)
        self.assertEqual(other_month.visit_ids.visit_day, date(2026, 11, 2))

    def test_visit_hour_setting(self):
        """Generated visits are planned at the company's visit hour (09:00 by
        default, 14:00 when changed: 06:00 UTC in Shanghai)."""
        self.assertEqual(self.env["res.company"].new({}).cr_visit_hour, 9)
        self.company.cr_visit_hour = 14
        plan = self._plan(period_type="quarterly", quarter="2")
        plan.action_generate_visits()
        self.assertEqual(plan.visit_ids.mapped("date_planned")[0].hour, 6)

    def test_generate_needs_visitor_and_confirmation(self):
        """Visits are generated from a confirmed plan with a designated visitor."""
        plan = self.Plan.create(
            {
                "period_type": "annual",
                "year": 2026,
                "region_ids": [(6, 0, self.region.ids)],
            }
        )
        with self.assertRaises(UserError):
            plan.action_generate_visits()
        plan.action_confirm()
        with self.assertRaises(UserError):
            plan.action_generate_visits()
        self.assertFalse(plan.visit_ids)

    def test_r_cr_11_technicians_per_region(self):
        """000/R-CR-11, 002/R25: a region with 0 or 3 technical staff warns, with 1
        or 2 it does not; the range is a company setting."""
        users = self.owner | self.other_owner | self.supervisor
        region = self.env["cr.region"].create({"name": "North (test)"})
        self.assertIn("North (test)", region.cr_technician_warning)
        region.technician_ids = self.owner
        region.invalidate_recordset(["cr_technician_warning"])
        self.assertFalse(region.cr_technician_warning)
        region.technician_ids = self.owner | self.other_owner
        region.invalidate_recordset(["cr_technician_warning"])
        self.assertFalse(region.cr_technician_warning)
        region.technician_ids = users
        region.invalidate_recordset(["cr_technician_warning"])
        self.assertIn("3", region.cr_technician_warning)
        plan = self._plan(region_ids=[(6, 0, region.ids)])
        self.assertIn("North (test)", plan.technician_warning)
        self.company.cr_visit_technicians_max = 3
        region.invalidate_recordset(["cr_technician_warning"])
        self.assertFalse(region.cr_technician_warning)
        self.assertEqual(self.env["res.company"].new({}).cr_visit_technicians_min, 1)


@tagged("post_install", "-at_install")
class TestCrVisit(CrVisitCommon):
    def test_r_12_record_due_end_of_visit_day(self):
        """001/R-12: the record of a visit on 10 June is due at 24:00 that day in
        Shanghai (16:00 UTC); completed that day it is on time and the deadline is
        met."""
        with freeze_time("2026-06-10 08:00:00"):
            visit = self._visit()
            self.assertEqual(self._due(visit), datetime(2026, 6, 10, 16, 0))
            visit.outcome = "Trained two operators"
            visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertFalse(visit.is_record_late)
        self.assertTrue(visit.is_on_time)
        timer = visit.deadline_timer_ids.filtered(
            lambda t: t.rule_id == self.env.ref("client_relations.rule_cr_visit_record")
        )
        self.assertEqual(timer.state, "met")

    def test_r_12_record_next_day_is_late(self):
        """001/R-12: completed at 00:30 the next day (Shanghai), the record is late;
        one day allowed by the setting makes it on time."""
        with freeze_time("2026-06-10 16:30:00"):
            late = self._visit()
            late.write({"outcome": "Done", "date_done": datetime(2026, 6, 10, 2, 0)})
            late.action_done()
        self.assertTrue(late.is_record_late)
        self.assertFalse(late.is_on_time)
        self.company.cr_visit_record_days = 1
        with freeze_time("2026-06-10 16:30:00"):
            visit = self._visit()
            self.assertEqual(self._due(visit), datetime(2026, 6, 11, 16, 0))
            visit.write({"outcome": "Done", "date_done": datetime(2026, 6, 10, 2, 0)})
            visit.action_done()
        self.assertFalse(visit.is_record_late)

    def test_record_needs_outcome(self):
        """A visit record is completed with its outcome; a cancelled visit needs a
        reason; nothing changes when refused."""
        visit = self._visit()
        with self.assertRaises(UserError):
            visit.action_done()
        self.assertEqual(visit.state, "planned")
        with self.assertRaises(UserError):
            visit.action_cancel()
        visit.cancel_reason = "Client closed for stock-taking"
        visit.action_cancel()
        self.assertEqual(visit.state, "cancel")
        with self.assertRaises(UserError):
            visit.action_done()
        visit.action_reset()
        self.assertEqual(visit.state, "planned")

    def test_r_cr_09_salesperson_visitor(self):
        """000/R-CR-09, 002/R30: when the visitor is the client's local salesperson
        the visit warns and its record needs the reason; another visitor does not."""
        self.client.user_id = self.owner
        visit = self._visit(outcome="Done")
        self.assertTrue(visit.is_visitor_salesperson)
        with self.assertRaises(UserError):
            visit.action_done()
        visit.salesperson_reason = "The designated visitor is on leave"
        with freeze_time("2026-06-10 08:00:00"):
            visit.action_done()
        self.assertEqual(visit.state, "done")
        other = self._visit(user_id=self.other_owner.id)
        self.assertFalse(other.is_visitor_salesperson)
        plan = self.Plan.create({"year": 2026, "executor_id": self.owner.id})
        line = self.env["cr.visit.plan.line"].create(
            {
                "plan_id": plan.id,
                "partner_id": self.client.id,
                "date_planned": datetime(2026, 6, 10, 1, 0),
            }
        )
        self.assertTrue(line.is_visitor_salesperson)
        line.user_id = self.other_owner
        self.assertFalse(line.is_visitor_salesperson)

    def test_r_71_commercial_questions_escalated(self):
        """001/R-71: a price, policy or commitment question is escalated, never
        answered by the visitor: escalating it to the visitor is refused, and the
        record is not completed while it is not escalated."""
        visit = self._visit(outcome="Done")
        with self.assertRaises(ValidationError):
            visit.question_ids = [
                (
                    0,
                    0,
                    {
                        "kind": "commercial",
                        "question": "Discount next year?",
                        "escalated_to_id": self.owner.id,
                    },
                )
            ]
        visit.question_ids = [(0, 0, {"kind": "commercial", "question": "Price?"})]
        with self.assertRaises(UserError):
            visit.action_done()
        visit.question_ids.escalated_to_id = self.manager
        with freeze_time("2026-06-10 08:00:00"):
            visit.action_done()
        self.assertEqual(visit.state, "done")

    def test_r_71_default_escalation(self):
        """001/R-71: a technical question goes to the region's technical staff, a
        price question to the company's designated person (setting)."""
        self.company.cr_visit_commercial_user_id = self.manager
        visit = self._visit()
        questions = self.env["cr.visit.question"].create(
            [
                {"visit_id": visit.id, "kind": "technical", "question": "Spec?"},
                {"visit_id": visit.id, "kind": "commercial", "question": "Price?"},
            ]
        )
        self.assertEqual(questions[0].escalated_to_id, self.service)
        self.assertEqual(questions[1].escalated_to_id, self.manager)

    def test_r_60_onsite_visit_for_phone_problem(self):
        """001/R-60: a problem not solvable by phone gets an on-site visit scheduled
        by the customer service department, not by the visitor."""
        visit = self._visit(visit_type="phone")
        question = self.env["cr.visit.question"].create(
            {
                "visit_id": visit.id,
                "kind": "phone",
                "question": "Printer jams",
                "date_onsite": datetime(2026, 6, 12, 1, 0),
            }
        )
        with self.assertRaises(UserError):
            question.with_user(self.owner).action_schedule_onsite()
        question.with_user(self.service).action_schedule_onsite()
        onsite = question.onsite_visit_id
        self.assertEqual(onsite.visit_type, "on_site")
        self.assertEqual(onsite.partner_id, self.client)
        self.assertEqual(onsite.date_planned, datetime(2026, 6, 12, 1, 0))
        with self.assertRaises(UserError):
            question.with_user(self.service).action_schedule_onsite()

    def test_r_73_three_purposes(self):
        """001/R-73: a visit has one of the three purposes."""
        self.assertEqual(
            [key for key, _label in self.Visit._fields["purpose"].selection],
            ["usage", "file", "relation"],
        )

    def test_kpi_query_count(self):
        """000/R-CR-13: visits planned, done and on time per region, visitor and
        month come from one grouped query, whatever the number of visits."""
        with freeze_time("2026-06-10 08:00:00"):
            visit = self._visit(outcome="Done")
            visit.action_done()
            self._visit()
        self.env.flush_all()
        with self.assertQueryCount(1):
            kpi = self.Visit._cr_visit_kpi([("partner_id", "=", self.client.id)])
        self.assertEqual(list(kpi.values()), [{"planned": 2, "done": 1, "on_time": 1}])
        with freeze_time("2026-06-10 08:00:00"):
            for _i in range(10):
                self._visit(user_id=self.other_owner.id)
        self.env.flush_all()
        with self.assertQueryCount(1):
            kpi = self.Visit._cr_visit_kpi([("partner_id", "=", self.client.id)])
        self.assertEqual(len(kpi), 2)

    def test_partner_smart_button(self):
        """The client's Visits smart button counts and opens its visits."""
        self._visit()
        self.client.invalidate_recordset(["cr_visit_count"])
        self.assertEqual(self.client.cr_visit_count, 1)
        action = self.client.action_view_cr_visits()
        self.assertEqual(self.Visit.search(action["domain"]).partner_id, self.client)


@tagged("post_install", "-at_install")
class TestCrVisitReports(CrVisitCommon):
    def _done_visit(self, **vals):
        with freeze_time("2026-06-10 08:00:00"):
            visit = self._visit(outcome="Good", **vals)
            visit.action_done()
        return visit

    def test_r_cr_12_daily_report(self):
        """000/R-CR-12, 002/R23: the daily report gathers the visitor's visits of
        the day, is due at the end of the day, goes to the supervisor, and is late
        when submitted the next day; only the supervisor reviews it."""
        visit = self._done_visit()
        other_day = self._visit(planned=datetime(2026, 6, 11, 1, 0))
        with freeze_time("2026-06-10 09:00:00"):
            report = self.Daily.create({"user_id": self.owner.id, "date": "2026-06-10"})
            self.assertEqual(report.visit_ids, visit)
            self.assertEqual(report.supervisor_id, self.supervisor)
            self.assertEqual(report.department_id, self.department)
            self.assertEqual(
                self._due(report, "date_due"), datetime(2026, 6, 10, 16, 0)
            )
            report.action_submit()
        self.assertFalse(report.is_late)
        with self.assertRaises(UserError):
            report.with_user(self.other_owner).action_review()
        self.assertEqual(report.activity_ids.user_id, self.supervisor)
        report.with_user(self.supervisor).action_review()
        self.assertEqual(report.state, "reviewed")
        self.assertFalse(report.activity_ids)
        with freeze_time("2026-06-11 17:00:00"):
            late = self.Daily.create({"user_id": self.owner.id, "date": "2026-06-11"})
            self.assertEqual(late.visit_ids, other_day)
            late.action_submit()
        self.assertTrue(late.is_late)

    def test_r_cr_12_daily_report_days_setting(self):
        """000/R-CR-12: one day allowed by the setting moves the daily report's due
        time to the end of the next day."""
        self.company.cr_visit_daily_report_days = 1
        report = self.Daily.create({"user_id": self.owner.id, "date": "2026-06-10"})
        self.assertEqual(self._due(report, "date_due"), datetime(2026, 6, 11, 16, 0))

    def test_r_23_six_items_printed(self):
        """002/R23: 《巡访日报表》 prints the six items of each visit."""
        visit = self._done_visit(
            client_opinions="Faster spares",
            market_info="Competitor discount",
            issues="Firmware updated",
            other_info="Client card attached",
        )
        report = self.Daily.create({"user_id": self.owner.id, "date": "2026-06-10"})
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "client_relations.action_report_cr_visit_daily", report.ids
            )[0],
            "utf-8",
        )
        self.assertIn("巡访日报表", html)
        for text in (
            visit.partner_id.name,
            "Faster spares",
            "Competitor discount",
            "Good",
            "Firmware updated",
            "Client card attached",
        ):
            self.assertIn(text, html)
        for item in ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"):
            self.assertIn(item, html)

    def test_daily_report_guards(self):
        """An empty daily report is not submitted; one per visitor and day."""
        report = self.Daily.create({"user_id": self.owner.id, "date": "2026-06-20"})
        with self.assertRaises(UserError):
            report.action_submit()
        self.assertEqual(report.state, "draft")
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.Daily.create({"user_id": self.owner.id, "date": "2026-06-20"})

    def test_r_cr_12_daily_reminder_cron(self):
        """000/R-CR-12, 002/R23: the daily scheduled action gives a visitor with a
        visit and no report a draft report and one reminder; run again, nothing
        new."""
        visit = self._visit()
        cron = self.env.ref("client_relations.ir_cron_cr_visit_daily_report")
        with freeze_time("2026-06-10 12:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        report = self.Daily.search([("user_id", "=", self.owner.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(report.visit_ids, visit)
        self.assertEqual(len(report.activity_ids), 1)
        self.assertEqual(report.activity_ids.user_id, self.owner)
        report.other_info = "Nothing else"
        report.action_submit()
        # the visitor's reminder is done; the supervisor's review is next
        self.assertEqual(report.activity_ids.user_id, self.supervisor)

    def test_r_cr_12_reminder_lookback_setting(self):
        """000/R-CR-12: the reminder looks 7 days back by default: a visit 10 days
        ago gets no report; with 14 days (setting) it does."""
        self.assertEqual(
            self.env["res.company"].new({}).cr_visit_report_lookback_days, 7
        )
        self._visit(planned=datetime(2026, 6, 1, 1, 0))
        cron = self.env.ref("client_relations.ir_cron_cr_visit_daily_report")
        with freeze_time("2026-06-11 12:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertFalse(self.Daily.search([("user_id", "=", self.owner.id)]))
        self.company.cr_visit_report_lookback_days = 14
        with freeze_time("2026-06-11 12:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        report = self.Daily.search([("user_id", "=", self.owner.id)])
        self.assertEqual(report.date, date(2026, 6, 1))

    def test_r_cr_13_monthly_report_cron(self):
        """000/R-CR-13, 002/R24: on the company's report day the monthly action
        drafts last month's report per business unit, compiled from the daily
        reports with the visit counts, for the unit head; once only. A later report
        day (setting) waits for that day."""
        visit = self._done_visit()
        self.assertEqual(visit.department_id, self.department)
        daily = self.Daily.create({"user_id": self.owner.id, "date": "2026-06-10"})
        daily.action_submit()
        self._visit(planned=datetime(2026, 6, 20, 1, 0))
        self.company.cr_visit_monthly_report_day = 3
        cron = self.env.ref("client_relations.ir_cron_cr_visit_monthly_report")
        with freeze_time("2026-07-02 01:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertFalse(
            self.Monthly.search([("department_id", "=", self.department.id)])
        )
        with freeze_time("2026-07-03 01:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        report = self.Monthly.search([("department_id", "=", self.department.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(report.date_month, date(2026, 6, 1))
        self.assertEqual(report.daily_report_ids, daily)
        self.assertEqual(
            (report.visits_planned, report.visits_done, report.visits_on_time),
            (2, 1, 1),
        )
        self.assertEqual(report.user_id, self.supervisor)
        self.assertEqual(report.activity_ids.user_id, self.supervisor)
        with self.assertRaises(UserError):
            report.action_submit()
        report.summary = "Two visits planned, one done on time."
        report.action_submit()
        self.assertEqual(report.state, "submitted")
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "client_relations.action_report_cr_visit_monthly", report.ids
            )[0],
            "utf-8",
        )
        self.assertIn("每月巡访情况报告书", html)
        self.assertIn("Two visits planned", html)

    def test_monthly_report_day_default(self):
        """000/R-CR-13: last month's report is drafted from the 1st by default."""
        self.assertEqual(self.env["res.company"].new({}).cr_visit_monthly_report_day, 1)
        self.assertEqual(self.env["res.company"].new({}).cr_visit_record_days, 0)
        self.assertEqual(self.env["res.company"].new({}).cr_visit_daily_report_days, 0)
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.company.cr_visit_monthly_report_day = 0
            self.env.flush_all()

    def test_plan_reminder_crons(self):
        """000/R-CR-10: the yearly, quarterly and monthly actions draft next
        period's plan for each business unit with clients, with an activity for
        its head, once."""
        for period, xmlid, expected in (
            ("annual", "ir_cron_cr_visit_plan_annual", (2027, False, False)),
            ("quarterly", "ir_cron_cr_visit_plan_quarterly", (2026, "4", False)),
            ("monthly", "ir_cron_cr_visit_plan_monthly", (2026, False, "9")),
        ):
            cron = self.env.ref("client_relations." + xmlid)
            with freeze_time("2026-08-20 01:00:00"), self.enter_registry_test_mode():
                cron.method_direct_trigger()
                cron.method_direct_trigger()
            plans = self.Plan.search(
                [
                    ("period_type", "=", period),
                    ("department_id", "=", self.department.id),
                ]
            )
            self.assertEqual(len(plans), 1, period)
            self.assertEqual((plans.year, plans.quarter, plans.month), expected)
            self.assertEqual(plans.region_ids, self.region)
            self.assertEqual(plans.activity_ids.user_id, self.supervisor)

    def test_urgent_report(self):
        """The urgent visit report (E-CR-6 of seed 000) is reported to a superior
        at any time and closed with the response."""
        urgent = self.env["cr.visit.urgent.report"].create(
            {"kind": "competitor_product", "description": "A new product"}
        )
        with self.assertRaises(UserError):
            urgent.action_report()
        urgent.recipient_id = self.manager
        urgent.action_report()
        self.assertEqual(urgent.activity_ids.user_id, self.manager)
        with self.assertRaises(UserError):
            urgent.action_close()
        urgent.response = "Price study ordered"
        urgent.action_close()
        self.assertEqual(urgent.state, "closed")
