from . import res_company
from . import res_config_settings
from . import cr_region
from . import cr_tier
from . import res_partner
from . import cr_team
from . import cr_service
from . import cr_agreement
from . import cr_request
from . import cr_service_report

# --- cr-file
from . import cr_revenue
from . import cr_tier_history
from . import cr_tier_change
from . import tier_definition

# --- cr-visit
from . import cr_visit_plan
from . import cr_visit
from . import cr_visit_daily_report
from . import cr_visit_monthly_report
from . import cr_visit_urgent_report

# --- cr-return
from . import cr_return_cadence
from . import cr_project
from . import cr_return_visit
from . import cr_return_week
from . import cr_payment_reminder

# --- cr-care
from . import survey_user_input
from . import cr_survey_campaign
from . import cr_csat_report
from . import cr_gift_budget
from . import cr_gift
from . import cr_care_plan
from . import cr_care_team_member
from . import cr_care_action

# --- cr-desk
from . import cr_priority_matrix
from . import cr_escalation_list
from . import cr_escalation_contact
from . import cr_offsite_application
from . import mail_activity

# --- cr-sla
from . import cr_agreement_indicator
from . import cr_report_spec
from . import cr_agreement_adjustment_wizard

# --- cr-gov
from . import cr_service_report_line
from . import cr_review
from . import cr_review_action
from . import cr_requirement
from . import cr_change_request
from . import cr_supervision_report
from . import cr_weekly_report
from . import cr_bulletin

# --- cr-portal
from . import cr_sla_compliance_report
from . import cr_request_backlog_report
