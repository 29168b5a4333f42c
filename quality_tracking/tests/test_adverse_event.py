from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import QualityTrackingCommon


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
        """000/R-QT-24: an event is serious when any of the five criteria holds."""
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
