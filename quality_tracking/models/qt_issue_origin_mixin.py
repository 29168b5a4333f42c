from odoo import fields, models

from .qt_issue import count_by_origin


class QtIssueOriginMixin(models.AbstractModel):
    """A record that quality issues can come from: its issue count, its smart button
    and the prefilled issue form (``qt.issue._action_raise_from``)."""

    _name = "qt.issue.origin.mixin"
    _description = "Quality Issue Origin"

    issue_count = fields.Integer(compute="_compute_issue_count")

    def _compute_issue_count(self):
        counts = count_by_origin(self.env["qt.issue"], self)
        for record in self:
            record.issue_count = counts.get(record.id, 0)

    def action_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_issue_action"
        )
        action["domain"] = [("origin_ref", "=", f"{self._name},{self.id}")]
        return action
