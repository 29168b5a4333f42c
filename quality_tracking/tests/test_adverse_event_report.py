from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common_aebatch import AdverseEventBatchCommon


@tagged("post_install", "-at_install")
class TestAdverseEventReport(AdverseEventBatchCommon):
    """The adverse event analysis reads the engine's timers on the events."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        state = cls.env["ir.model.fields"]._get("qt.adverse.event", "state")

        def states(*values):
            return [
                Command.set(
                    state.selection_ids.filtered(lambda s: s.value in values).ids
                )
            ]

        # the analysis is checked on one test rule: the routes shipped as data
        # (same-day internal report, 12 h, 72 h, 15 working days) are archived
        cls.env["business.deadline.rule"].search(
            [("model_id.model", "=", "qt.adverse.event")]
        ).action_archive()
        cls.rule = cls.env["business.deadline.rule"].create(
            {
                "name": "Test 72 h route",
                "model_id": cls.env["ir.model"]._get_id("qt.adverse.event"),
                "start_field_id": cls.env["ir.model.fields"]
                ._get("qt.adverse.event", "date_aware")
                .id,
                "amount": 72,
                "unit": "calendar_hours",
                "met_state_ids": states("reported", "confirmed", "closed"),
                "cancel_state_ids": states("cancel"),
                "domain": "[('is_serious', '=', True)]",
                "company_id": False,
            }
        )
        cls.Report = cls.env["qt.adverse.event.report"]

    def _events(self, n, **vals):
        return self.Event.create(
            [
                {
                    "product_id": self.device.id,
                    "date_aware": datetime(2026, 9, 1, 2, 0),
                    "is_criterion_hospitalisation": True,
                    **vals,
                }
                for __ in range(n)
            ]
        )

    def _cells(self, domain=None):
        self.env.flush_all()
        self.env.invalidate_all()
        return {
            (rule.id, result): (count, met, missed, hours)
            for rule, result, count, met, missed, hours in self.Report._read_group(
                [("event_id.product_id", "=", self.device.id), *(domain or [])],
                ["rule_id", "clock_result"],
                [
                    "clock_count:sum",
                    "met_count:sum",
                    "missed_count:sum",
                    "hours_to_report:avg",
                ],
            )
        }

    def test_clock_met_missed_time_to_report(self):
        """000 §7 / 001 §7 (AE reporting timeliness): the analysis counts the clocks
        of each route met on time and missed, and the hours to report: reported
        24 h after awareness → met (24 h); reported after 72 h → missed."""
        with freeze_time("2026-09-01 03:00:00"):
            on_time = self._events(1)
            late = self._events(1)
            open_event = self._events(1)
            not_serious = self._events(1, is_criterion_hospitalisation=False)
        with freeze_time("2026-09-02 02:00:00"):
            on_time.state = "reported"
            self.env.flush_all()
        with freeze_time("2026-09-05 02:00:00"):
            late.state = "reported"
            self.env.flush_all()
        cells = self._cells()
        self.assertEqual(cells[(self.rule.id, "met")][:3], (1, 1, 0))
        self.assertAlmostEqual(cells[(self.rule.id, "met")][3], 24.0)
        self.assertEqual(cells[(self.rule.id, "missed")][:3], (1, 0, 1))
        self.assertAlmostEqual(cells[(self.rule.id, "missed")][3], 96.0)
        self.assertEqual(cells[(False, "none")][0], 0)
        rows = self.Report.search([("event_id", "=", not_serious.id)])
        self.assertEqual(rows.clock_result, "none")
        self.assertEqual(rows.event_count, 1)
        open_rows = self.Report.search([("event_id", "=", open_event.id)])
        self.assertEqual(open_rows.rule_id, self.rule)
        # events are counted once, whatever their number of clocks
        total = self.Report._read_group(
            [("event_id.product_id", "=", self.device.id)], [], ["event_count:sum"]
        )[0][0]
        self.assertEqual(total, 4)

    def test_query_count_constant(self):
        """The analysis is one grouped query: its query count does not grow with
        the number of events."""
        with freeze_time("2026-09-01 03:00:00"):
            self._events(3)
        self._cells()  # warm-up

        def count_queries():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Report._read_group(
                [],
                ["rule_id", "product_id", "device_class", "date_aware:month"],
                ["clock_count:sum", "met_count:sum", "hours_to_report:avg"],
            )
            return self.env.cr.sql_log_count - before

        small = count_queries()
        with freeze_time("2026-09-01 03:00:00"):
            self._events(60)
            self._events(30, product_id=self.other_device.id)
        self.assertEqual(count_queries(), small)

    def test_confidential_to_quality_managers(self):
        """000/R-QT-28: the adverse event statistics are read by the quality
        managers only, by every route."""
        with freeze_time("2026-09-01 03:00:00"):
            self._events(1)
        self.assertTrue(self.Report.with_user(self.manager).search([]))
        self.assertTrue(
            self.Report.with_user(self.manager)._read_group([], [], ["__count"])
        )
        for user in (self.handler, self.head, self.officer, self.committee):
            Report = self.Report.with_user(user)
            with self.assertRaises(AccessError):
                Report.search([])
            with self.assertRaises(AccessError):
                Report._read_group([], ["rule_id"], ["__count"])
            with self.assertRaises(AccessError):
                Report.search_read([], ["event_id"])
