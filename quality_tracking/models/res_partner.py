from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    qt_feedback_card_count = fields.Integer(
        string="Feedback Card Count",
        compute="_compute_qt_feedback_counts",
        groups="quality_tracking.group_quality_tracking_user",
    )
    qt_return_visit_count = fields.Integer(
        string="Return Visit Count",
        compute="_compute_qt_feedback_counts",
        groups="quality_tracking.group_quality_tracking_user",
    )
    qt_tracking_record_count = fields.Integer(
        string="Quality Tracking Record Count",
        compute="_compute_qt_feedback_counts",
        groups="quality_tracking.group_quality_tracking_user",
    )

    def _compute_qt_feedback_counts(self):
        counts = {}
        for model, field in (
            ("qt.feedback.card", "qt_feedback_card_count"),
            ("qt.return.visit", "qt_return_visit_count"),
            ("qt.tracking.record", "qt_tracking_record_count"),
        ):
            counts[field] = dict(
                self.env[model]._read_group(
                    [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
                )
            )
        for partner in self:
            for field, by_partner in counts.items():
                partner[field] = by_partner.get(partner, 0)

    def _qt_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_qt_feedback_cards(self):
        return self._qt_action("quality_tracking.qt_feedback_card_action")

    def action_view_qt_return_visits(self):
        return self._qt_action("quality_tracking.qt_return_visit_action")

    def action_view_qt_tracking_records(self):
        return self._qt_action("quality_tracking.qt_tracking_record_action")
