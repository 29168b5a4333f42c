from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cr_tier_currency_id = fields.Many2one(
        related="company_id.cr_tier_currency_id", readonly=False
    )

    # --- cr-file
    cr_tier_recompute_month = fields.Integer(
        related="company_id.cr_tier_recompute_month", readonly=False
    )
    cr_tier_recompute_day = fields.Integer(
        related="company_id.cr_tier_recompute_day", readonly=False
    )
    cr_revenue_from_invoices = fields.Boolean(
        related="company_id.cr_revenue_from_invoices", readonly=False
    )

    # --- cr-visit
    cr_visit_record_days = fields.Integer(
        related="company_id.cr_visit_record_days", readonly=False
    )
    cr_visit_daily_report_days = fields.Integer(
        related="company_id.cr_visit_daily_report_days", readonly=False
    )
    cr_visit_report_lookback_days = fields.Integer(
        related="company_id.cr_visit_report_lookback_days", readonly=False
    )
    cr_visit_monthly_report_day = fields.Integer(
        related="company_id.cr_visit_monthly_report_day", readonly=False
    )
    cr_visit_technicians_min = fields.Integer(
        related="company_id.cr_visit_technicians_min", readonly=False
    )
    cr_visit_technicians_max = fields.Integer(
        related="company_id.cr_visit_technicians_max", readonly=False
    )
    cr_visit_hour = fields.Integer(related="company_id.cr_visit_hour", readonly=False)
    cr_visit_commercial_user_id = fields.Many2one(
        related="company_id.cr_visit_commercial_user_id", readonly=False
    )

    # --- cr-return
    cr_return_horizon_days = fields.Integer(
        related="company_id.cr_return_horizon_days", readonly=False
    )
    cr_return_cs_manager_id = fields.Many2one(
        related="company_id.cr_return_cs_manager_id", readonly=False
    )
    cr_return_weekly_phone_min = fields.Integer(
        related="company_id.cr_return_weekly_phone_min", readonly=False
    )
    cr_return_weekly_appointment_min = fields.Integer(
        related="company_id.cr_return_weekly_appointment_min", readonly=False
    )
    cr_return_week_start = fields.Selection(
        related="company_id.cr_return_week_start", readonly=False
    )
    cr_return_payment_lead_days = fields.Integer(
        related="company_id.cr_return_payment_lead_days", readonly=False
    )
    cr_return_report_days = fields.Integer(
        related="company_id.cr_return_report_days", readonly=False
    )
    cr_return_submit_days = fields.Integer(
        related="company_id.cr_return_submit_days", readonly=False
    )
    cr_return_submit_extended_days = fields.Integer(
        related="company_id.cr_return_submit_extended_days", readonly=False
    )
    cr_return_rectify_hours = fields.Integer(
        related="company_id.cr_return_rectify_hours", readonly=False
    )
    cr_return_rate_manager = fields.Float(
        related="company_id.cr_return_rate_manager", readonly=False
    )
    cr_return_rate_supervisor = fields.Float(
        related="company_id.cr_return_rate_supervisor", readonly=False
    )
    cr_return_rate_repair_lead = fields.Float(
        related="company_id.cr_return_rate_repair_lead", readonly=False
    )
    cr_return_complaint_rate_target = fields.Float(
        related="company_id.cr_return_complaint_rate_target", readonly=False
    )

    # --- cr-care
    cr_survey_satisfaction_id = fields.Many2one(
        related="company_id.cr_survey_satisfaction_id", readonly=False
    )
    cr_survey_closure_id = fields.Many2one(
        related="company_id.cr_survey_closure_id", readonly=False
    )
    cr_survey_new_year_id = fields.Many2one(
        related="company_id.cr_survey_new_year_id", readonly=False
    )
    cr_survey_new_year_month = fields.Integer(
        related="company_id.cr_survey_new_year_month", readonly=False
    )
    cr_survey_annual_month = fields.Integer(
        related="company_id.cr_survey_annual_month", readonly=False
    )
    cr_survey_quality_department_id = fields.Many2one(
        related="company_id.cr_survey_quality_department_id", readonly=False
    )
    cr_gift_approval_amount = fields.Monetary(
        related="company_id.cr_gift_approval_amount",
        currency_field="cr_tier_currency_id",
        readonly=False,
    )
    cr_care_action_days = fields.Integer(
        related="company_id.cr_care_action_days", readonly=False
    )

    # --- cr-desk
    cr_dispatch_minutes = fields.Integer(
        related="company_id.cr_dispatch_minutes", readonly=False
    )
    cr_fault_serious_minutes = fields.Integer(
        related="company_id.cr_fault_serious_minutes", readonly=False
    )
    cr_fault_registration_minutes = fields.Integer(
        related="company_id.cr_fault_registration_minutes", readonly=False
    )
    cr_dispatch_supervisor_id = fields.Many2one(
        related="company_id.cr_dispatch_supervisor_id", readonly=False
    )
    cr_email_receiver_id = fields.Many2one(
        related="company_id.cr_email_receiver_id", readonly=False
    )
    cr_complaint_phone = fields.Char(
        related="company_id.cr_complaint_phone", readonly=False
    )
    cr_complaint_email = fields.Char(
        related="company_id.cr_complaint_email", readonly=False
    )

    # --- cr-sla
    cr_agreement_renewal_days = fields.Integer(
        related="company_id.cr_agreement_renewal_days", readonly=False
    )

    # --- cr-gov
    cr_service_report_period = fields.Selection(
        related="company_id.cr_service_report_period", readonly=False
    )
    cr_review_interval_days = fields.Integer(
        related="company_id.cr_review_interval_days", readonly=False
    )
    cr_review_om_department_id = fields.Many2one(
        related="company_id.cr_review_om_department_id", readonly=False
    )
    cr_review_mgmt_department_id = fields.Many2one(
        related="company_id.cr_review_mgmt_department_id", readonly=False
    )
    cr_toc_department_id = fields.Many2one(
        related="company_id.cr_toc_department_id", readonly=False
    )
    cr_supervision_lead_days = fields.Integer(
        related="company_id.cr_supervision_lead_days", readonly=False
    )
    cr_weekly_report_weekday = fields.Selection(
        related="company_id.cr_weekly_report_weekday", readonly=False
    )
    cr_bulletin_due_day = fields.Integer(
        related="company_id.cr_bulletin_due_day", readonly=False
    )
