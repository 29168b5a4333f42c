from datetime import date, datetime

from pytz import timezone, utc

from odoo.tests import tagged

from odoo.addons.business_deadline.tests.common import BusinessDeadlineCommon

from .common import QualityTrackingCommon


@tagged("post_install", "-at_install")
class AdverseEventCommon(QualityTrackingCommon):
    """Devices (one new, one on the market for years) and the company counting on a
    China 2026 working calendar (Asia/Shanghai, statutory days imported)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = BusinessDeadlineCommon._create_calendar.__func__(
            cls, "China 2026", "Asia/Shanghai"
        )
        cls.calendar._bd_import_statutory_days(cls.env.ref("base.cn"), 2026)
        cls.company.resource_calendar_id = cls.calendar
        cls.device = cls.env["product.product"].create(
            {
                "name": "Infusion pump",
                "qt_device_class": "3",
                "qt_market_date": date(2024, 1, 1),
            }
        )
        cls.old_device = cls.env["product.product"].create(
            {
                "name": "Bone plate",
                "qt_device_class": "3",
                "qt_market_date": date(2015, 1, 1),
            }
        )
        cls.Event = cls.env["qt.adverse.event"]
        cls.Submission = cls.env["qt.adverse.event.submission"]

    @classmethod
    def _sh(cls, *args):
        """Naive UTC datetime of a Shanghai wall-clock time."""
        local = timezone("Asia/Shanghai").localize(datetime(*args))
        return local.astimezone(utc).replace(tzinfo=None)

    @classmethod
    def _event(cls, **vals):
        values = {
            "product_id": cls.device.id,
            "reporter_id": cls.handler.id,
            "date_aware": cls._sh(2026, 9, 30, 10, 0),
        }
        values.update(vals)
        return cls.Event.create(values)

    @classmethod
    def _submit(cls, event, route, authorities, when):
        return cls.Submission.create(
            [
                {
                    "event_id": event.id,
                    "route": route,
                    "authority": authority,
                    "reference": f"{route}-{authority}",
                    "date_submitted": when,
                }
                for authority in authorities
            ]
        )

    def _due(self, event, field):
        self.env.flush_all()
        event.invalidate_recordset()
        return event[field]
