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

# --- vc_coi_check
from . import vc_coi_name
from . import vc_coi_check
from . import vc_coi_waiver
from . import tier_definition
