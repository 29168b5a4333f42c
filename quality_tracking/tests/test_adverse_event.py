from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import QualityTrackingCommon
from .common_ae import AdverseEventCommon


@tagged("post_install", "-at_install")
class TestAdverseEventBasics(QualityTrackingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.device = cls.env["product.product"].create(
            {"name": "Infusion set", "qt_device_class": "3"}
        )

    def _event(self, **vals):
        return self.env["qt.adverse.event"].create(
            {"product_id": self.device.id, **vals}
        )

    def test_serious_is_any_criterion(self):
        """000/R-QT-24, 001/R-30: an event is serious when any of the five criteria
        holds."""
        event = self._event()
        self.assertFalse(event.is_serious)
        for criterion in (
            "is_criterion_death",
            "is_criterion_carcinogenic",
            "is_criterion_vital_organ",
            "is_criterion_hospitalisation",
            "is_criterion_prolonged",
        ):
            event = self._event(**{criterion: True})
            self.assertTrue(event.is_serious, criterion)

    def test_class_three_focus(self):
        """000/R-QT-26: a Class III device is tracked with focus."""
        self.assertTrue(self.device.qt_is_focus)
        self.device.qt_device_class = "2"
        self.assertFalse(self.device.qt_is_focus)

    def test_confidential_to_reporter_and_named(self):
        """000/R-QT-28: only the quality managers, the reporter and the people named
        read an adverse event."""
        event = self._event(reporter_id=self.handler.id)
        self.assertTrue(event.with_user(self.handler).name)
        self.assertTrue(event.with_user(self.manager).name)
        for user in (self.other_handler, self.officer, self.head):
            with self.assertRaises(AccessError):
                event.with_user(user).read(["name"])
        event.person_ids = self.officer
        self.assertTrue(event.with_user(self.officer).read(["name"]))
        self.assertFalse(
            self.env["qt.adverse.event"]
            .with_user(self.other_handler)
            .search([("id", "=", event.id)])
        )


@tagged("post_install", "-at_install")
class TestAdverseEventFlow(AdverseEventCommon):
    def test_reportable_five_year_boundary(self):
        """000/R-QT-14, 000/R-QT-15, 001/R-19, 001/R-20 (A-24): aware exactly five
        years after the first day on the market → five or less: every suspected event is
        reportable; one day more → only serious, rare or new ones."""
        device = self.env["product.product"].create(
            {"name": "Catheter", "qt_market_date": date(2021, 9, 30)}
        )
        exactly = self._event(product_id=device.id)
        self.assertEqual(exactly.market_years, 5)
        self.assertTrue(exactly.is_within_five_years)
        self.assertTrue(exactly.is_reportable)
        self.assertIn("R-QT-14", exactly.reportable_reason)
        later = self._event(
            product_id=device.id, date_aware=self._sh(2026, 10, 1, 10, 0)
        )
        self.assertFalse(later.is_within_five_years)
        self.assertFalse(later.is_reportable)
        self.assertIn("R-QT-15", later.reportable_reason)
        for flag in ("is_rare", "is_new", "is_criterion_prolonged"):
            event = self._event(
                product_id=device.id,
                date_aware=self._sh(2026, 10, 1, 10, 0),
                **{flag: True},
            )
            self.assertTrue(event.is_reportable, flag)
        not_suspected = self._event(is_suspected=False)
        self.assertFalse(not_suspected.is_reportable)

    def test_routes(self):
        """000/R-QT-17/18/22 and the batch: the routes follow the classification."""
        plain = self._event()
        self.assertEqual(
            (plain.route_death, plain.route_serious, plain.route_provincial),
            (False, False, False),
        )
        self.assertTrue(plain.route_quarterly)
        in_ifu = self._event(is_criterion_hospitalisation=True, is_in_ifu=True)
        self.assertFalse(in_ifu.route_serious)
        self.assertTrue(in_ifu.route_provincial)
        self.assertTrue(in_ifu.route_quarterly)
        death = self._event(outcome="death", death_time=self._sh(2026, 9, 30, 9, 0))
        self.assertTrue(death.route_death and death.route_serious)
        self.assertFalse(death.route_quarterly)

    def test_outcomes(self):
        """000/R-QT-25, 001/QT-13 B.7: five outcomes; a death needs its time."""
        self.assertEqual(
            [key for key, _label in self.Event._fields["outcome"].selection],
            ["death", "life_threatening", "disability", "birth_defect", "other"],
        )
        with self.assertRaises(ValidationError):
            self._event(outcome="death")
        event = self._event(outcome="other")
        with self.assertRaises(ValidationError):
            event.outcome = "death"
            self.env.flush_all()

    def test_bad_dates(self):
        """Awareness after the internal report, a submission before awareness or
        an event after awareness: refused, nothing written."""
        event = self._event()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            event.date_internal_report = self._sh(2026, 9, 30, 9, 59)
            self.env.flush_all()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._submit(
                event, "serious", ["local_regulator"], self._sh(2026, 9, 30, 9, 0)
            )
        self.assertFalse(event.submission_ids)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._event(date_event=date(2026, 10, 2))
        self._submit(
            event, "serious", ["local_regulator"], self._sh(2026, 9, 30, 11, 0)
        )
        with self.assertRaises(ValidationError):
            event.date_aware = self._sh(2026, 9, 30, 12, 0)
            self.env.flush_all()

    def test_state_flow_and_guards(self):
        """Detected → investigating → reported → regulator confirmed → closed,
        through guarded actions (000/R-QT-23, 001/R-25)."""
        event = self._event(is_criterion_hospitalisation=True)
        with self.assertRaises(UserError):
            event.action_report()
        event.action_investigate()
        self.assertEqual(event.state, "investigating")
        self.assertTrue(event.date_internal_report)
        with self.assertRaises(UserError):
            event.action_investigate()
        with self.assertRaisesRegex(UserError, "72"):
            event.action_report()
        self.assertFalse(event.can_report)
        with self.assertRaises(UserError):
            event.action_close()
        when = self._sh(2026, 10, 1, 10, 0)
        self._submit(event, "serious", ["local_regulator", "national_centre"], when)
        with self.assertRaises(UserError):
            event.action_report()  # the provincial route is still missing
        self._submit(event, "provincial", ["provincial_fda"], when)
        self.assertTrue(event.can_report)
        event.action_report()
        self.assertEqual(event.state, "reported")
        with self.assertRaises(UserError):
            event.action_cancel()
        event.action_confirm_regulator()
        self.assertEqual(event.state, "confirmed")
        self.assertEqual(
            sorted(event.control_ids.mapped("action")),
            ["seal", "stop_sale", "stop_use"],
        )
        self.assertFalse(event.can_close)
        event.control_ids[:2].action_done()
        with self.assertRaises(UserError):
            event.action_close()
        event.control_ids[2].with_user(self.manager).action_done()
        self.assertEqual(event.control_ids[2].user_id, self.manager)
        with self.assertRaises(UserError):
            event.control_ids.action_done()
        event.action_close()
        self.assertEqual(event.state, "closed")

    def test_not_reportable_closes_from_investigation(self):
        """000/R-QT-15: an event that is not reportable is closed, not reported."""
        event = self._event(product_id=self.old_device.id)
        self.assertFalse(event.is_reportable)
        event.action_investigate()
        with self.assertRaises(UserError):
            event.action_report()
        event.action_close()
        self.assertEqual(event.state, "closed")
        draft = self._event()
        draft.action_cancel()
        self.assertEqual(draft.state, "cancel")

    def test_raise_quality_issue(self):
        """Every event may open a quality issue (with its CAPA)."""
        event = self._event(is_criterion_hospitalisation=True)
        action = event.action_raise_issue()
        self.assertEqual(action["res_model"], "qt.issue")
        context = action["context"]
        self.assertEqual(context["default_origin_kind"], "adverse_event")
        self.assertEqual(context["default_severity"], "major")
        issue = self.env["qt.issue"].with_context(**context).create({})
        self.assertEqual(issue.origin_ref, event)
