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

# --- cr-desk
from . import cr_priority_matrix
from . import cr_escalation_list
from . import cr_escalation_contact
from . import cr_offsite_application
from . import tier_definition
from . import mail_activity
