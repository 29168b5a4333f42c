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

    # --- cr-gov
    cr_service_report_period = fields.Selection(
        [("month", "Monthly"), ("quarter", "Quarterly"), ("year", "Yearly")],
        string="Service Report Period",
        default="month",
        required=True,
        help="003/HR-D1-6, E5b: the period of the service reports the scheduled "
        "action generates for each active agreement (monthly by default).",
    )
    cr_review_interval_days = fields.Integer(
        string="SLA Review Interval (days)",
        default=365,
        help="003/HR-D1-1: an SLA review meeting is held at least once a year; the "
        "next review is due this many calendar days after the last one.",
    )
    cr_review_om_department_id = fields.Many2one(
        "hr.department",
        string="O&M Department",
        help="003/HR-D1-12: a review meeting needs a participant from the operations "
        "and maintenance department.",
    )
    cr_review_mgmt_department_id = fields.Many2one(
        "hr.department",
        string="Management Department",
        help="003/HR-D1-12: a review meeting needs a participant from the enterprise "
        "management department.",
    )
    cr_toc_department_id = fields.Many2one(
        "hr.department",
        string="Technical Operations Center",
        help="003/HR-D1-20: the department that plans new or changed services; the "
        "planner of a change request belongs to it.",
    )
    cr_supervision_lead_days = fields.Integer(
        string="Supervision Report Lead (days)",
        default=0,
        help="000/R-CR-18: the monthly service supervision report is created this "
        "many days before the last day of the month (0: on the last day).",
    )
    cr_weekly_report_weekday = fields.Selection(
        [
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        string="Weekly Report Day",
        default="4",
        required=True,
        help="000/R-CR-19: the weekly reports of the technical service staff are "
        "drafted on this day for the Friday-afternoon department meeting.",
    )
    cr_bulletin_due_day = fields.Integer(
        string="Bulletin Due Before Day",
        default=20,
        help="002/R20: the customer-service information bulletin of a month is "
        "published before this day of the month.",
    )
