from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

    # --- cr-file
    cr_tier_recompute_month = fields.Integer(
        string="Tier Recompute Month",
        default=1,
        help="000/R-CR-01..04, WF-CR-1: from this month and day of each year the "
        "scheduled action recomputes the previous year's tiers from the annual "
        "revenue and proposes the tier changes (seed: after year end, 1 January).",
    )
    cr_tier_recompute_day = fields.Integer(
        string="Tier Recompute Day",
        default=1,
        help="000/R-CR-01..04: the day of the recompute month (see the month).",
    )
    cr_revenue_from_invoices = fields.Boolean(
        string="Revenue from Invoices",
        default=True,
        help="000/R-CR-01..04 (annual business revenue): when Invoicing is installed, "
        "the yearly recompute first sums the posted customer invoices of each client "
        "into an 'invoice' revenue line of the year.",
    )
    cr_tier_recomputed_year = fields.Integer(
        string="Tiers Recomputed For",
        readonly=True,
        help="Technical: the last revenue year whose tiers were recomputed.",
    )

    @api.constrains("cr_tier_recompute_month", "cr_tier_recompute_day")
    def _check_cr_tier_recompute_date(self):
        for company in self:
            month, day = company.cr_tier_recompute_month, company.cr_tier_recompute_day
            if not 1 <= month <= 12 or not 1 <= day <= 28:
                raise ValidationError(
                    self.env._(
                        "The tier recompute date needs a month from 1 to 12 and a "
                        "day from 1 to 28."
                    )
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

    # --- cr-care
    cr_survey_satisfaction_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction Questionnaire",
        help="003/HR-D19-1, 004/R10-8: the questionnaire (《顾客满意度调查表》) of "
        "periodic, annual and ad hoc satisfaction surveys.",
    )
    cr_survey_closure_id = fields.Many2one(
        "survey.survey",
        string="After-Closure Questionnaire",
        help="004 W7, CR-6: the return-visit questionnaire sent to the client's "
        "contact once a desk request is closed; empty: none is sent.",
    )
    cr_survey_new_year_id = fields.Many2one(
        "survey.survey",
        string="Next-Year Demand Questionnaire",
        help="000/R-CR-20: the next-year demand survey sent with the New-Year "
        "greetings to every client, new and old.",
    )
    cr_survey_new_year_month = fields.Integer(
        string="New-Year Survey Month",
        default=12,
        help="000/R-CR-20: every December the customer service department sends "
        "New-Year greetings to all clients and asks their next-year demand plan.",
    )
    cr_survey_annual_month = fields.Integer(
        string="Annual Satisfaction Survey Month",
        default=12,
        help="003/HR-D19-1: the satisfaction survey is run once a year (the seed "
        "gives no month); the campaign is created in this month.",
    )
    cr_survey_quality_department_id = fields.Many2one(
        "hr.department",
        string="Quality Management Department",
        help="003/HR-D19-1: the annual survey summary is reported to the general "
        "manager with a copy to this department.",
    )
    cr_gift_approval_amount = fields.Monetary(
        string="Gift Approval Above",
        currency_field="cr_tier_currency_id",
        default=0.0,
        help="000/E-CR-14, 002/E35: a gift or hospitality worth more than this is "
        "approved by a supervisor; at or below it, it is approved on submission "
        "(the seeds give no amount: 0 sends every gift to approval). Cash and cash "
        "equivalents are refused at any amount.",
    )
    cr_care_action_days = fields.Integer(
        string="Care Action Days",
        default=5,
        help="004 CR-7, S14: the working days after its planned date within which a "
        "key-client care action is done (the seeds give no period).",
    )

    def _cr_care_default_surveys(self):
        """Give every company without them the shipped questionnaires."""
        defaults = {
            "cr_survey_satisfaction_id": "client_relations.survey_cr_satisfaction",
            "cr_survey_closure_id": "client_relations.survey_cr_return_visit",
            "cr_survey_new_year_id": "client_relations.survey_cr_new_year",
        }
        for field, xmlid in defaults.items():
            survey = self.env.ref(xmlid, raise_if_not_found=False)
            if survey:
                self.search([(field, "=", False)]).write({field: survey.id})

    # --- cr-desk
    cr_dispatch_minutes = fields.Integer(
        string="Dispatch Limit (minutes)",
        default=5,
        help="004/R9-10: a request is dispatched within these minutes of the first "
        "report; later dispatches are marked late.",
    )
    cr_fault_serious_minutes = fields.Integer(
        string="Serious Fault Outage (minutes)",
        default=60,
        help="002/R43: a service type or a province fully down this long makes a "
        "serious fault.",
    )
    cr_fault_registration_minutes = fields.Integer(
        string="Serious Registration Outage (minutes)",
        default=240,
        help="002/R43: user registration and business acceptance fully down this "
        "long make a serious fault.",
    )
    cr_dispatch_supervisor_id = fields.Many2one(
        "res.users",
        string="Dispatch Supervisor",
        help="004/R9-4: reviews and signs the complaint records every day.",
    )
    cr_email_receiver_id = fields.Many2one(
        "res.users",
        string="Receiver of Written Requests",
        help="004/R18-5: written requests and e-mails are received by this person.",
    )
    cr_complaint_phone = fields.Char(
        string="Complaint Phone",
        help="004/R1-4: a direct line, or the HR/admin manager's extension; printed "
        "on the complaint record (004/R1-5).",
    )
    cr_complaint_email = fields.Char(
        string="Complaint E-mail",
        help="004/R1-5: the complaint mailbox printed with the complaint phone.",
    )

    # --- cr-sla
    cr_agreement_renewal_days = fields.Integer(
        string="Agreement Renewal Warning (days)",
        default=30,
        help="003/HR-D1-5: an active agreement ending within this many days gets a "
        "renewal activity for its service level manager (the seed gives no number; "
        "30 days).",
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
