from odoo import fields, models

from .qt_quality_hold import _ref_key


class QtAdverseEvent(models.Model):
    """The recall slice's view of an adverse event: focused tracking of Class III
    devices (000/R-QT-26, 001/R-39) and the holds and recalls it opened."""

    _inherit = "qt.adverse.event"

    is_focus = fields.Boolean(
        related="product_tmpl_id.qt_is_focus",
        store=True,
        index=True,
        string="Focused Device",
    )
    hold_count = fields.Integer(
        compute="_compute_recall_counts",
        groups="quality_tracking.group_quality_tracking_officer",
    )
    recall_count = fields.Integer(
        compute="_compute_recall_counts",
        groups="quality_tracking.group_quality_tracking_officer",
    )

    def _compute_recall_counts(self):
        refs = [f"{self._name},{event_id}" for event_id in self.ids]
        counts = {}
        for model, field in (
            ("qt.quality.hold", "hold_count"),
            ("qt.recall", "recall_count"),
        ):
            counts[field] = {
                _ref_key(origin): count
                for origin, count in self.env[model]._read_group(
                    [("origin_ref", "in", refs)], ["origin_ref"], ["__count"]
                )
            }
        for event in self:
            key = f"{event._name},{event.id}"
            event.hold_count = counts["hold_count"].get(key, 0)
            event.recall_count = counts["recall_count"].get(key, 0)

    def _open_form(self, model, record):
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_open_quality_hold(self):
        """Hold the device (and lot) of the event as possibly nonconforming."""
        self.ensure_one()
        hold = self.env["qt.quality.hold"].create(
            {
                "origin_ref": f"{self._name},{self.id}",
                "source": "customer",
                "product_id": self.product_id.id,
                "lot_ref": self.lot_ref,
                "stop_scope": "lot" if self.lot_ref else "product",
                "description": self.display_name,
                "company_id": self.company_id.id,
            }
        )
        return self._open_form("qt.quality.hold", hold)

    def action_open_recall(self):
        """Recall the device (and lot) of the event from its customers."""
        self.ensure_one()
        recall = self.env["qt.recall"].create(
            {
                "origin_ref": f"{self._name},{self.id}",
                "product_id": self.product_id.id,
                "lot_ref": self.lot_ref,
                "company_id": self.company_id.id,
            }
        )
        return self._open_form("qt.recall", recall)

    def _action_view_origin(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("origin_ref", "=", f"{self._name},{self.id}")]
        return action

    def action_view_quality_holds(self):
        return self._action_view_origin("quality_tracking.qt_quality_hold_action")

    def action_view_recalls(self):
        return self._action_view_origin("quality_tracking.qt_recall_action")
