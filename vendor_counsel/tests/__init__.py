from . import test_groups
from . import test_common_smoke

# --- vc_evaluations
from . import test_vc_evaluation
from . import test_vc_evaluation_cron
from . import test_vc_evaluation_security
from . import test_vc_portal
from . import test_vc_evaluations_tour
