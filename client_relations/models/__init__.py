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
