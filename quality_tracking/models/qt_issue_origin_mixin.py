from odoo import fields, models


class QtIssueOriginMixin(models.AbstractModel):
    """A record that quality issues can come from: its issue count, its smart button
    and the prefilled issue form (``qt.issue._action_raise_from``)."""

    _name = "qt.issue.origin.mixin"
    _description = "Quality Issue Origin"

    issue_count = fields.Integer(compute="_compute_issue_count")

    def _issue_origin_refs(self):
        return [f"{self._name},{record_id}" for record_id in self.ids]

    def _compute_issue_count(self):
        counts = {}
        for origin, count in self.env["qt.issue"]._read_group(
            [("origin_ref", "in", self._issue_origin_refs())],
            ["origin_ref"],
            ["__count"],
        ):
            key = origin if isinstance(origin, str) else f"{origin._name},{origin.id}"
            counts[key] = count
        for record in self:
            record.issue_count = counts.get(f"{record._name},{record.id}", 0)

    def action_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_issue_action"
        )
        action["domain"] = [("origin_ref", "=", f"{self._name},{self.id}")]
        return action
