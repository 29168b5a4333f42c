from . import test_groups
from . import test_common_smoke

# --- vc_firms
from . import test_vc_eligibility
from . import test_vc_panel
from . import test_vc_firms_cron
from . import test_vc_legal_qualification
from . import test_vc_firms_security
from . import test_vc_firms_tour
