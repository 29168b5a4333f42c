from odoo.tests import HttpCase, tagged

from .common_ae import AdverseEventCommon


@tagged("post_install", "-at_install")
class TestAdverseEventReport(AdverseEventCommon):
    def test_report_renders(self):
        """The adverse event report form (医疗器械不良事件报告书) renders the paper
        form's sections with the event's facts."""
        event = self._event(
            patient_name="王某某",
            patient_age=78,
            patient_sex="male",
            disease_intended="重症肺炎",
            outcome="death",
            death_time=self._sh(2026, 9, 30, 9, 0),
            lot_ref="ZB2405017",
        )
        self._submit(event, "death", ["national_admin"], self._sh(2026, 9, 30, 12, 0))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("quality_tracking.qt_adverse_event_report", event.ids)[0]
            .decode()
        )
        for text in (
            "Medical Device Adverse Event Report",
            event.name,
            "王某某",
            "重症肺炎",
            "ZB2405017",
            "A. Patient",
            "D. Reporting",
            "National Medical Device Administration",
        ):
            self.assertIn(text, html)


@tagged("post_install", "-at_install")
class TestAdverseEventTour(HttpCase):
    def test_adverse_event_tour(self):
        """Report an event, classify it, investigate and record a submission, in a
        browser."""
        self.env["product.product"].create(
            {"name": "巡航输液泵", "qt_device_class": "3"}
        )
        self.start_tour(
            "/odoo/action-quality_tracking.qt_adverse_event_action/new",
            "qt_adverse_event_tour",
            login="admin",
            timeout=180,
        )
        event = self.env["qt.adverse.event"].search([("lot_ref", "=", "TOUR-LOT-1")])
        self.assertEqual(event.state, "investigating")
        self.assertTrue(event.is_serious and event.route_serious)
        self.assertEqual(event.submission_ids.reference, "JS-TOUR-001")
        self.assertEqual(event.submission_ids.authority, "local_regulator")
        self.assertFalse(event.submitted_serious_at)  # the centre is still missing
