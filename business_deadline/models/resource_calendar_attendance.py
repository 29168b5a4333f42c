from odoo import api, models

# attendance fields that do not change working time
_NEUTRAL_FIELDS = {"name", "sequence"}


class ResourceCalendarAttendance(models.Model):
    """A change of a calendar's attendances recomputes its open deadline timers."""

    _inherit = "resource.calendar.attendance"

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances.calendar_id._bd_recompute_timers()
        return attendances

    def write(self, vals):
        if not set(vals) - _NEUTRAL_FIELDS:
            return super().write(vals)
        calendars = self.calendar_id
        result = super().write(vals)
        (calendars | self.calendar_id)._bd_recompute_timers()
        return result

    def unlink(self):
        calendars = self.calendar_id
        result = super().unlink()
        calendars.exists()._bd_recompute_timers()
        return result
