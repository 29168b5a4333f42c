from odoo import api, models
from odoo.fields import Domain

# the leave fields that decide which deadlines a global leave moves
_TIMER_FIELDS = {
    "date_from",
    "date_to",
    "calendar_id",
    "company_id",
    "resource_id",
    "time_type",
}


class ResourceCalendarLeaves(models.Model):
    """A change of a global leave (public holiday) recomputes the open deadline timers
    it can move."""

    _inherit = "resource.calendar.leaves"

    def _bd_timer_scope(self):
        """(calendars, first date_from, last date_to) these leaves can move deadlines
        of: global leaves only (no resource). A leave of a calendar moves that
        calendar; one of no calendar moves the calendars of its company, or all
        calendars when it has no company (see ``_bd_leave_domain``)."""
        leaves = self.sudo().filtered(lambda leave: not leave.resource_id)
        if not leaves:
            return self.env["resource.calendar"], None, None
        calendars = leaves.calendar_id
        shared = leaves.filtered(lambda leave: not leave.calendar_id)
        if shared:
            domain = (
                Domain.TRUE
                if any(not leave.company_id for leave in shared)
                else Domain("company_id", "in", shared.company_id.ids)
            )
            calendars |= (
                self.env["resource.calendar"]
                .sudo()
                .with_context(active_test=False)
                .search(domain)
            )
        return (
            calendars,
            min(leaves.mapped("date_from")),
            max(leaves.mapped("date_to")),
        )

    @api.model
    def _bd_recompute_scopes(self, *scopes):
        """Recompute the timers of the union of (calendars, date_from, date_to)."""
        scopes = [scope for scope in scopes if scope[0]]
        if not scopes:
            return
        calendars = self.env["resource.calendar"].union(*(scope[0] for scope in scopes))
        calendars.exists()._bd_recompute_timers(
            min(scope[1] for scope in scopes), max(scope[2] for scope in scopes)
        )

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        self._bd_recompute_scopes(leaves._bd_timer_scope())
        return leaves

    def write(self, vals):
        if not set(vals) & _TIMER_FIELDS:
            return super().write(vals)
        before = self._bd_timer_scope()
        result = super().write(vals)
        self._bd_recompute_scopes(before, self._bd_timer_scope())
        return result

    def unlink(self):
        before = self._bd_timer_scope()
        result = super().unlink()
        self._bd_recompute_scopes(before)
        return result
