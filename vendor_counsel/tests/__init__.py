from . import test_groups
from . import test_common_smoke

# --- vc_requests
from . import test_vc_request
from . import test_vc_selection
from . import test_vc_requests_security
from . import test_vc_requests_report
from . import test_vc_requests_tour
