from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Policy of the regulations: one block per slice, each field with its rule ID in
    # the help and the seed's value as default.
    cr_tier_currency_id = fields.Many2one(
        "res.currency",
        string="Tier Currency",
        default=lambda self: self.env.ref("base.CNY", raise_if_not_found=False),
        help="000/R-CR-01..04: the currency of the tier bands (yuan).",
    )

    # --- cr-visit
    cr_visit_record_days = fields.Integer(
        string="Visit Record Days",
        default=0,
        help="001/R-12: calendar days after the visit day by which the visit record "
        "is completed (0: the same day, 日清日结).",
    )
    cr_visit_daily_report_days = fields.Integer(
        string="Daily Visit Report Days",
        default=0,
        help="000/R-CR-12: calendar days after the visit day by which the daily visit "
        "report is submitted (0: the same day).",
    )
    cr_visit_report_lookback_days = fields.Integer(
        string="Daily Report Reminder Look-back",
        default=7,
        help="000/R-CR-12: the daily reminder looks for visits without a daily report "
        "this many days back.",
    )
    cr_visit_monthly_report_day = fields.Integer(
        string="Monthly Visit Report Day",
        default=1,
        help="000/R-CR-13: from this day of the month, last month's monthly visit "
        "report is drafted for each business unit.",
    )
    cr_visit_technicians_min = fields.Integer(
        string="Least Technical Staff per Region",
        default=1,
        help="000/R-CR-11: 1–2 technical staff per region (least).",
    )
    cr_visit_technicians_max = fields.Integer(
        string="Most Technical Staff per Region",
        default=2,
        help="000/R-CR-11: 1–2 technical staff per region (most).",
    )
    cr_visit_hour = fields.Integer(
        string="Planned Visit Hour",
        default=9,
        help="The local hour at which generated visits are planned.",
    )

    cr_visit_commercial_user_id = fields.Many2one(
        "res.users",
        string="Answers Price and Policy Questions",
        domain=[("share", "=", False)],
        help="001/R-71: the person (the marketing director) to whom visitors escalate "
        "price, sales policy and commitment questions.",
    )

    _cr_visit_settings_valid = models.Constraint(
        "CHECK (cr_visit_record_days >= 0 AND cr_visit_daily_report_days >= 0 "
        "AND cr_visit_report_lookback_days >= 0 AND cr_visit_technicians_min >= 0 "
        "AND cr_visit_technicians_max >= cr_visit_technicians_min "
        "AND cr_visit_monthly_report_day BETWEEN 1 AND 28 "
        "AND cr_visit_hour BETWEEN 0 AND 23)",
        "Visit settings: days cannot be negative, the most technical staff per "
        "region is at least the least, the report day is between 1 and 28 and the "
        "hour between 0 and 23.",
    )
