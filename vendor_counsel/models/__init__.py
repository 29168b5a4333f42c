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
from . import vc_coi_gift
from . import vc_coi_consultation
from . import tier_definition

# --- vc_evaluations
from . import vc_evaluation_criterion

# --- vc_coi_review
from . import vc_coi_sanction
from . import vc_coi_statement
from . import vc_coi_conflict_report
from . import tier_definition
