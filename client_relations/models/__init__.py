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

# --- cr-sla
from . import cr_agreement_indicator
from . import cr_report_spec
from . import cr_agreement_adjustment_wizard
