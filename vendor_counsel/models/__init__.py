from . import res_company
from . import res_config_settings
from . import vc_practice_area
from . import res_partner
from . import vc_coi_checked_mixin
from . import vc_request
from . import vc_engagement
from . import vc_coi_declarant
from . import vc_coi_declaration
from . import vc_selection
from . import vc_filing
from . import vc_payment
from . import vc_evaluation
from . import vc_coi_review
from . import vc_penalty
from . import vc_panel
from . import res_users
from . import vc_budget
from . import vc_spend_report
from . import vc_evaluation_criterion
from . import vc_coi_gift
from . import vc_coi_consultation
from . import vc_coi_sanction
from . import vc_coi_statement
from . import vc_coi_conflict_report

# --- vc_requests
from . import vc_matter_scenario
from . import vc_selection_criterion

# --- vc_engagements
from . import vc_deliverable
from . import tier_definition
