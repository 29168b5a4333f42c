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

# --- cr-return
from . import cr_return_cadence
from . import cr_project
from . import cr_return_visit
from . import cr_return_week
from . import cr_payment_reminder
