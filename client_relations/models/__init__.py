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

# --- cr-care
from . import survey_user_input
from . import cr_survey_campaign
from . import cr_csat_report
from . import cr_gift_budget
from . import cr_gift
from . import tier_definition
from . import cr_care_plan
from . import cr_care_team_member
from . import cr_care_action
