from . import test_groups
from . import test_common_smoke

# --- vc_coi_check
from . import test_vc_coi_normalize
from . import test_vc_coi_check
from . import test_vc_coi_waiver
from . import test_vc_coi_check_security
from . import test_vc_coi_check_tour
