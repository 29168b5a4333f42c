from odoo import api, fields, models


class BusinessDeadlineStatutoryYear(models.Model):
    """A year whose statutory days were imported into a working calendar.

    Created by the statutory days import; tells which years a calendar covers (a
    deadline running into an uncovered year would count its public holidays as
    working days) and whether its make-up working days (调休) are complete.
    """

    _name = "business.deadline.statutory.year"
    _description = "Statutory Days Year"
    _order = "calendar_id, year desc, id"

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        ondelete="cascade",
        index=True,
    )
    year = fields.Integer(required=True)
    country_id = fields.Many2one("res.country", required=True)
    source = fields.Selection(
        [
            ("chinesecalendar", "chinesecalendar library"),
            ("holidays", "holidays library"),
            ("manual", "Entered by hand"),
        ],
        required=True,
        default="manual",
    )
    is_makeup_complete = fields.Boolean(
        string="Make-up Days Complete",
        default=True,
        help="Unchecked when the source knows no make-up working days (调休) for the "
        "year: enter them by hand from the official notice, then check this box.",
    )
    note = fields.Text()
    company_id = fields.Many2one(related="calendar_id.company_id", store=True)

    _calendar_country_year_unique = models.Constraint(
        "UNIQUE(calendar_id, country_id, year)",
        "A working schedule records each year of a country's statutory days once.",
    )

    @api.depends("year", "country_id")
    def _compute_display_name(self):
        for statutory_year in self:
            statutory_year.display_name = (
                f"{statutory_year.year} {statutory_year.country_id.name or ''}".strip()
            )
