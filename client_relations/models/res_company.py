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

    # --- cr-return
    cr_return_horizon_days = fields.Integer(
        string="Return Visit Horizon (days)",
        default=365,
        help="000/R-CR-16/17: how far ahead the return visits of served projects are "
        "generated (a year).",
    )
    cr_return_cs_manager_id = fields.Many2one(
        "res.users",
        string="Customer Service Manager",
        domain=[("share", "=", False)],
        help="Second escalation of an overdue return visit, after the supervisor.",
    )
    cr_return_weekly_phone_min = fields.Integer(
        string="Weekly Phone Visits per Person",
        default=18,
        help="001/R-13: at least 18 clients visited by phone a week per staff member.",
    )
    cr_return_weekly_appointment_min = fields.Integer(
        string="Weekly Appointments per Person",
        default=1,
        help="001/R-34: at least 1 client appointment a week per salesperson.",
    )
    cr_return_week_start = fields.Selection(
        [
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        string="Statistics Week Starts On",
        default="5",
        help="001/R-34: the appointment week runs from Saturday to Friday; 001/R-10: "
        "the weekly statistics are made on Saturday.",
    )
    cr_return_payment_lead_days = fields.Integer(
        string="Payment Reminder Lead (days)",
        default=3,
        help="001/R-14: remind the client to pay 3 days before the contractual due "
        "date.",
    )
    cr_return_report_days = fields.Integer(
        string="Return Visit Report (days)",
        default=1,
        help="001/R-36: the return-visit report is due the day after the visit.",
    )
    cr_return_submit_days = fields.Integer(
        string="Materials to the Supervisor (days)",
        default=3,
        help="001/R-37: materials submitted to the supervisor within 3 days.",
    )
    cr_return_submit_extended_days = fields.Integer(
        string="Extended Submission (days)",
        default=7,
        help="001/R-38: within 1 week, only with the supervisor's approval.",
    )
    cr_return_rectify_hours = fields.Integer(
        string="Rectification Notice (hours)",
        default=24,
        help="001/R-50: problems found at a repair visit are notified in writing to "
        "the repair staff within 24 hours.",
    )
    cr_return_rate_manager = fields.Float(
        string="Manager Repair Visit Rate (%)",
        default=10.0,
        help="001/R-44: the manager visits at least 10 % of the repairs.",
    )
    cr_return_rate_supervisor = fields.Float(
        string="Supervisor Repair Visit Rate (%)",
        default=30.0,
        help="001/R-45: the supervisor visits at least 30 % of the repairs.",
    )
    cr_return_rate_repair_lead = fields.Float(
        string="Repair Lead Visit Rate (%)",
        default=60.0,
        help="001/R-46: the repair lead visits at least 60 % of the repairs.",
    )
    cr_return_complaint_rate_target = fields.Float(
        string="Complaint Rate Target (%)",
        default=1.0,
        help="001/R-52: strive to keep complaints below 1 % of the clients served "
        "(a target, not blocking).",
    )
