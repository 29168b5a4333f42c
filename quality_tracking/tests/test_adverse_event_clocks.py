from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common_ae import AdverseEventCommon


@tagged("post_install", "-at_install")
class TestAdverseEventClocks(AdverseEventCommon):
    """The report routes and their clocks: business_deadline rules of the data,
    counted on the company's China 2026 calendar (Asia/Shanghai)."""

    def _timer(self, event, rule_xmlid):
        self.env.flush_all()
        rule = self.env.ref(f"quality_tracking.{rule_xmlid}")
        return self.env["business.deadline.timer"].search(
            [
                ("res_model", "=", event._name),
                ("res_id", "=", event.id),
                ("rule_id", "=", rule.id),
            ]
        )

    def test_settings_defaults(self):
        """000/R-QT-16/17/18/22: the seed's periods are the company defaults."""
        self.assertEqual(self.company.qt_ae_internal_days, 0)
        self.assertEqual(self.company.qt_ae_death_hours, 12)
        self.assertEqual(self.company.qt_ae_serious_hours, 72)
        self.assertEqual(self.company.qt_ae_provincial_days, 15)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.qt_ae_serious_hours, 72)

    def test_serious_not_in_ifu_72_hours(self):
        """000/R-QT-17, 001/R-22: aware Wed 2026-09-30 10:00, serious and not in the
        instructions → due Sat 2026-10-03 10:00, 72 calendar hours through the
        National Day holiday; a serious event stated in the instructions has no
        72-hour clock."""
        event = self._event(is_criterion_hospitalisation=True)
        self.assertTrue(event.route_serious)
        self.assertEqual(self._due(event, "due_serious"), self._sh(2026, 10, 3, 10, 0))
        in_ifu = self._event(is_criterion_hospitalisation=True, is_in_ifu=True)
        self.assertFalse(in_ifu.route_serious)
        self.assertFalse(self._timer(in_ifu, "rule_qt_ae_serious"))
        self.assertFalse(self._due(in_ifu, "due_serious"))

    def test_death_12_hours(self):
        """000/R-QT-18, 001/R-23: death aware 2026-09-30 23:00 → due 2026-10-01
        11:00 (12 calendar hours, across midnight, in Shanghai time)."""
        event = self._event(
            date_aware=self._sh(2026, 9, 30, 23, 0),
            outcome="death",
            death_time=self._sh(2026, 9, 30, 20, 0),
        )
        self.assertTrue(event.route_death)
        self.assertEqual(self._due(event, "due_death"), self._sh(2026, 10, 1, 11, 0))
        # a death is serious and not in the instructions: its 72-hour clock runs too
        self.assertEqual(self._due(event, "due_serious"), self._sh(2026, 10, 3, 23, 0))

    def test_provincial_15_working_days(self):
        """000/R-QT-22, 001/R-27: serious adverse reaction aware Wed 2026-09-30 →
        the provincial report is due at the end of the 15th working day after it.

        Counted by hand on the official 2026 calendar (chinese-calendar agrees):
        10-01..10-07 National Day off; Sat 10-10 is a make-up working day (the
        other make-up day of the holiday, Sun 09-20, is before the event; 09-28 is
        an ordinary Monday). Working days: 10-08 (1), 10-09 (2), 10-10 (3), 10-12
        (4), 10-13 (5), 10-14 (6), 10-15 (7), 10-16 (8), 10-19 (9), 10-20 (10),
        10-21 (11), 10-22 (12), 10-23 (13), 10-26 (14), 10-27 (15) → due Tue
        2026-10-27 17:00 (end of work of the calendar)."""
        event = self._event(is_criterion_hospitalisation=True)
        self.assertTrue(event.route_provincial)
        self.assertEqual(
            self._due(event, "due_provincial"), self._sh(2026, 10, 27, 17, 0)
        )
        rare = self._event(is_rare=True)
        self.assertTrue(rare.route_provincial)
        plain = self._event()
        self.assertFalse(plain.route_provincial)
        self.assertFalse(self._timer(plain, "rule_qt_ae_provincial"))

    def test_internal_report_same_day(self):
        """000/R-QT-16, 000/R-QT-21, 001/R-21, 001/R-29: a suspected event is reported
        internally the day it is known: aware 2026-09-30 10:00 → due 24:00 that
        day; met only when the internal report is recorded; an event not
        suspected has no clock."""
        with freeze_time(self._sh(2026, 9, 30, 10, 0)):
            event = self._event()
        self.assertEqual(self._due(event, "due_internal"), self._sh(2026, 10, 1, 0, 0))
        timer = self._timer(event, "rule_qt_ae_internal")
        self.assertEqual(timer.state, "running")
        with freeze_time(self._sh(2026, 9, 30, 23, 59)):
            event.date_internal_report = self._sh(2026, 9, 30, 23, 59)
            self.env.flush_all()
        self.assertEqual(timer.state, "met")
        self.assertFalse(timer.is_late)
        # one minute after midnight: late
        with freeze_time(self._sh(2026, 9, 30, 10, 0)):
            late = self._event()
        with freeze_time(self._sh(2026, 10, 1, 0, 1)):
            late.date_internal_report = self._sh(2026, 10, 1, 0, 1)
            self.env.flush_all()
        self.assertTrue(self._timer(late, "rule_qt_ae_internal").is_late)
        not_suspected = self._event(is_suspected=False)
        self.assertFalse(self._timer(not_suspected, "rule_qt_ae_internal"))

    def test_met_only_by_all_submissions(self):
        """000/R-QT-17: the 72-hour route is met only when both the local regulator
        and the national monitoring centre have the report; one minute before the
        due time is on time, one minute after is late."""
        with freeze_time(self._sh(2026, 9, 30, 10, 0)):
            event = self._event(is_criterion_hospitalisation=True)
        timer = self._timer(event, "rule_qt_ae_serious")
        with freeze_time(self._sh(2026, 10, 3, 9, 59)):
            self._submit(
                event, "serious", ["local_regulator"], self._sh(2026, 10, 3, 9, 59)
            )
            self.env.flush_all()
            self.assertFalse(event.submitted_serious_at)
            self.assertEqual(timer.state, "running")
            self._submit(
                event, "serious", ["national_centre"], self._sh(2026, 10, 3, 9, 59)
            )
            self.env.flush_all()
        self.assertEqual(event.submitted_serious_at, self._sh(2026, 10, 3, 9, 59))
        self.assertEqual(timer.state, "met")
        self.assertFalse(timer.is_late)
        with freeze_time(self._sh(2026, 9, 30, 10, 0)):
            late = self._event(is_criterion_hospitalisation=True)
        with freeze_time(self._sh(2026, 10, 3, 10, 1)):
            self._submit(
                late,
                "serious",
                ["local_regulator", "national_centre"],
                self._sh(2026, 10, 3, 10, 1),
            )
            self.env.flush_all()
        late_timer = self._timer(late, "rule_qt_ae_serious")
        self.assertEqual(late_timer.state, "met")
        self.assertTrue(late_timer.is_late)

    def test_death_needs_national_administration(self):
        """000/R-QT-18, 001/R-23: a death is also reported to the national device
        administration; the two authorities of the 72-hour route are not enough,
        and the death submissions also meet the 72-hour route."""
        event = self._event(outcome="death", death_time=self._sh(2026, 9, 30, 9, 0))
        when = self._sh(2026, 9, 30, 15, 0)
        self._submit(event, "death", ["local_regulator", "national_centre"], when)
        self.assertFalse(event.submitted_death_at)
        self.assertEqual(event.submitted_serious_at, when)
        self._submit(event, "death", ["national_admin"], when + timedelta(hours=1))
        self.assertEqual(event.submitted_death_at, when + timedelta(hours=1))
        self.assertEqual(self._timer(event, "rule_qt_ae_death").state, "met")

    def test_changed_settings_take_effect(self):
        """000/R-QT-16/17/18/22: a changed company setting is the allowed time of
        the events reported after it."""
        self.company.write(
            {
                "qt_ae_internal_days": 1,
                "qt_ae_death_hours": 6,
                "qt_ae_serious_hours": 48,
                "qt_ae_provincial_days": 16,
            }
        )
        event = self._event(outcome="death", death_time=self._sh(2026, 9, 30, 9, 0))
        self.assertEqual(event.serious_hours, 48)
        self.assertEqual(self._due(event, "due_internal"), self._sh(2026, 10, 2, 0, 0))
        self.assertEqual(self._due(event, "due_death"), self._sh(2026, 9, 30, 16, 0))
        self.assertEqual(self._due(event, "due_serious"), self._sh(2026, 10, 2, 10, 0))
        # 16th working day: Wed 10-28
        self.assertEqual(
            self._due(event, "due_provincial"), self._sh(2026, 10, 28, 17, 0)
        )

    def test_overdue_filter(self):
        """000/R-QT-17: an unreported serious event past its 72 hours is overdue."""
        with freeze_time(datetime(2026, 9, 30, 2, 0)):
            event = self._event(is_criterion_hospitalisation=True)
        with freeze_time(datetime(2026, 10, 4, 2, 0)):
            self.env.flush_all()
            self.env.invalidate_all()
            self.assertIn(
                event, self.Event.search([("deadline_is_overdue", "=", True)])
            )
