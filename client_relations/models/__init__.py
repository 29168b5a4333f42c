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

# --- cr-gov
from . import cr_service_report_line
from . import cr_review
from . import cr_review_action
from . import cr_requirement
from . import cr_change_request
from . import cr_supervision_report
from . import cr_weekly_report
from . import cr_bulletin
