from datetime import datetime

from odoo.tests import tagged

from .common import QualityTrackingCommon


@tagged("post_install", "-at_install")
class AdverseEventBatchCommon(QualityTrackingCommon):
    """Devices, a Monday-to-Friday Asia/Shanghai calendar (8-12, 13-17, no public
    holidays) on the company, a local regulator."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "AE batch calendar", "tz": "Asia/Shanghai", "company_id": False}
        )
        cls.company.resource_calendar_id = cls.calendar
        cls.device = cls.env["product.product"].create(
            {"name": "Infusion set", "qt_device_class": "3"}
        )
        cls.other_device = cls.env["product.product"].create(
            {"name": "Surgical mask", "qt_device_class": "2"}
        )
        cls.regulator = cls.env["res.partner"].create(
            {"name": "City Medical Products Administration", "is_company": True}
        )
        cls.Batch = cls.env["qt.adverse.event.batch"]
        cls.Event = cls.env["qt.adverse.event"]

    @classmethod
    def _event(cls, date_aware, **vals):
        if isinstance(date_aware, str):
            date_aware = datetime.fromisoformat(date_aware)
        return cls.Event.create(
            {"product_id": cls.device.id, "date_aware": date_aware, **vals}
        )

    @classmethod
    def _assemble(cls, company=None, date_from=None, date_to=None):
        return cls.Batch._assemble_company(company or cls.company, date_from, date_to)
