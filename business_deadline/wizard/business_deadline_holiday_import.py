from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date


class BusinessDeadlineHolidayImport(models.TransientModel):
    """Fill a working calendar with a year's statutory days (public holidays, 调休)."""

    _name = "business.deadline.holiday.import"
    _description = "Import Statutory Days"

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        default=lambda self: self.env["resource.calendar"]._bd_default_calendar(),
    )
    country_id = fields.Many2one(
        "res.country",
        required=True,
        default=lambda self: self.env.ref("base.cn", raise_if_not_found=False),
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    preview_html = fields.Html(
        string="Preview",
        compute="_compute_preview_html",
        sanitize=False,
        help="What the import adds; days already in the calendar are skipped.",
    )

    @api.depends("calendar_id", "country_id", "year")
    def _compute_preview_html(self):
        for wizard in self:
            if not (wizard.calendar_id and wizard.country_id and wizard.year):
                wizard.preview_html = False
                continue
            try:
                plan = wizard.calendar_id._bd_statutory_days_plan(
                    wizard.country_id, wizard.year
                )
            except UserError as error:
                wizard.preview_html = Markup("<p>%s</p>") % error.args[0]
                continue
            wizard.preview_html = wizard._render_preview(plan)

    def _render_preview(self, plan):
        rows = [
            (
                self.env._("Public holiday"),
                format_date(self.env, first)
                if first == last
                else f"{format_date(self.env, first)} – {format_date(self.env, last)}",
                name,
            )
            for first, last, name in plan["leaves"]
        ] + [
            (self.env._("Make-up working day"), format_date(self.env, day), name)
            for day, name in plan["makeup_days"]
        ]
        note = (
            Markup('<div class="alert alert-warning" role="alert">%s</div>')
            % plan["note"]
            if plan.get("note")
            else Markup("")
        )
        if not rows:
            return note + Markup("<p>%s</p>") % self.env._(
                "Nothing to add: the calendar already has these statutory days."
            )
        body = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (escape(kind), escape(when), escape(name))
            for kind, when, name in rows
        )
        return note + Markup(
            '<table class="table table-sm"><thead><tr><th>%s</th><th>%s</th><th>%s</th>'
            "</tr></thead><tbody>%s</tbody></table>"
        ) % (self.env._("Kind"), self.env._("Dates"), self.env._("Name"), body)

    def action_apply(self):
        """Import the statutory days into the calendar, then close."""
        self.ensure_one()
        created = self.calendar_id._bd_import_statutory_days(self.country_id, self.year)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(leaves)s public holiday periods and %(makeup)s make-up working "
                    "days added to %(calendar)s.",
                    leaves=len(created["leaves"]),
                    makeup=len(created["makeup_days"]),
                    calendar=self.calendar_id.display_name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
