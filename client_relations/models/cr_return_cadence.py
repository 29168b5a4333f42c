from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrReturnCadence(models.Model):
    """A return-visit regime of the regulations, as a policy record (001/CR-2, CR-9;
    000/WF-CR-4; 004/W4): how often, by which method, how long a visit may take."""

    _name = "cr.return.cadence"
    _description = "Return Visit Cadence"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical key of the regime.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to apply the cadence to every company."
    )
    regime = fields.Selection(
        [
            ("project", "Served Project"),
            ("client", "Client Interval"),
            ("lapsed", "Client Not Served"),
            ("repair", "Repair Return Visit"),
            ("request", "After a Closed Request"),
        ],
        required=True,
        default="project",
        help="Served project: from the delivery date, monthly then quarterly "
        "(000/R-CR-16/17). Client interval: every N days per client (001/R-11, "
        "R-33, R-54, R-55, R-57). Client not served: a client without a return visit "
        "for more than N days (001/R-09). Repair: within N days of the repair "
        "(001/R-47 to R-49). After a closed request: 004/R2-13.",
    )
    method = fields.Selection(
        [
            ("phone", "Phone"),
            ("sms", "SMS"),
            ("onsite", "On Site"),
            ("email", "E-mail"),
            ("letter", "Letter"),
        ],
        required=True,
        default="phone",
    )
    first_period_months = fields.Integer(
        default=12,
        help="000/R-CR-16: the first period after delivery (12 months = one year).",
    )
    first_interval_months = fields.Integer(
        default=1, help="000/R-CR-16: monthly return visits in the first period."
    )
    later_interval_months = fields.Integer(
        default=3, help="000/R-CR-17: quarterly return visits after the first period."
    )
    interval_days = fields.Integer(
        help="Client regimes: days between two return visits of a client (001/R-09: "
        "7; R-33: 2; R-54: 1; R-55: 7; R-57: 91)."
    )
    allowed_days = fields.Integer(
        default=7,
        help="Calendar days a return visit may take before it is overdue (001/R-47: "
        "7; R-48 safety facilities: 2; R-49 water leaks: 3).",
    )
    repair_category = fields.Selection(
        [
            ("safety", "Safety Facility"),
            ("leak", "Water Leak"),
            ("other", "Other Repair"),
        ],
        help="Repair regime: the repair category it applies to.",
    )
    weekly_minimum = fields.Integer(
        help="Minimum return visits of this method per staff member and week "
        "(001/R-13: 18 phone visits)."
    )
    move_before_holidays = fields.Boolean(
        default=True,
        help="001/R-35: a visit falling on a holiday is planned on the working day "
        "before it.",
    )
    requires_report = fields.Boolean(
        help="001/R-36 to R-38: a done visit needs a report the day after and its "
        "materials submitted to the supervisor within 3 days."
    )
    auto_generate = fields.Boolean(
        default=True,
        help="The daily scheduled action generates the return visits of this cadence.",
    )
    note = fields.Text(translate=True)

    _code_uniq = models.Constraint(
        "UNIQUE(code, company_id)", "A cadence code must be unique per company."
    )
    _positive = models.Constraint(
        "CHECK(first_period_months >= 0 AND first_interval_months >= 0 "
        "AND later_interval_months >= 0 AND COALESCE(interval_days, 0) >= 0 "
        "AND allowed_days >= 1 AND COALESCE(weekly_minimum, 0) >= 0)",
        "Cadence intervals must be positive and a visit needs at least one day.",
    )

    @api.constrains(
        "regime",
        "first_interval_months",
        "later_interval_months",
        "interval_days",
        "allowed_days",
    )
    def _check_project_intervals(self):
        for cadence in self:
            if cadence.regime == "project" and not (
                cadence.first_interval_months and cadence.later_interval_months
            ):
                raise ValidationError(
                    self.env._(
                        "A project cadence needs its monthly intervals "
                        "(000/R-CR-16/17)."
                    )
                )
            if cadence.allowed_days < 1:
                raise ValidationError(
                    self.env._("A return visit needs at least one day.")
                )
            if cadence.regime in ("client", "lapsed") and cadence.interval_days < 1:
                raise ValidationError(
                    self.env._("A client cadence needs an interval of days.")
                )
