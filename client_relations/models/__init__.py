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

# --- cr-portal
from . import cr_sla_compliance_report
from . import cr_request_backlog_report
