from odoo.tests import tagged

from .common import QualityTrackingCommon


@tagged("post_install", "-at_install")
class QualityRecallCommon(QualityTrackingCommon):
    """Devices of Class III and II, three customers, and makers of holds and
    recalls."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Hold = cls.env["qt.quality.hold"]
        cls.Notice = cls.env["qt.regulator.notice"]
        cls.Recall = cls.env["qt.recall"]
        cls.stent = cls.env["product.product"].create(
            {"name": "Stent", "qt_device_class": "3"}
        )
        cls.glove = cls.env["product.product"].create(
            {"name": "Glove", "qt_device_class": "2"}
        )
        cls.customers = cls.env["res.partner"].create(
            [{"name": f"Hospital {n}", "is_company": True} for n in (1, 2, 3)]
        )

    @classmethod
    def _hold(cls, **vals):
        return cls.Hold.create({"product_id": cls.stent.id, "lot_ref": "L1", **vals})

    @classmethod
    def _evaluating(cls, **vals):
        hold = cls._hold(**vals)
        hold.with_user(cls.officer).action_evaluate()
        return hold

    @classmethod
    def _confirmed(cls, **vals):
        hold = cls._evaluating(
            severity="fatal", is_stop_sale=True, is_quarantined=True, **vals
        )
        hold.with_user(cls.officer).action_confirm()
        return hold

    @classmethod
    def _recall(cls, lines=3, **vals):
        return cls.Recall.create(
            {
                "product_id": cls.stent.id,
                "lot_ref": "L1",
                "line_ids": [
                    (0, 0, {"partner_id": partner.id, "qty_delivered": 10})
                    for partner in cls.customers[:lines]
                ],
                **vals,
            }
        )

    def _calendar(self):
        return self.env["resource.calendar"]._bd_default_calendar(self.company)
