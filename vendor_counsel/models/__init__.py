from . import res_company
from . import res_config_settings
from . import vc_practice_area
from . import res_partner
from . import vc_request
from . import vc_engagement
from . import vc_coi_declarant
from . import vc_coi_declaration
