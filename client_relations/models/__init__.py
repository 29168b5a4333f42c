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

# --- cr-visit
from . import cr_visit_plan
from . import cr_visit
from . import cr_visit_daily_report
from . import cr_visit_monthly_report
from . import cr_visit_urgent_report
