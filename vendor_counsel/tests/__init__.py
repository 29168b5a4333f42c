from . import test_groups
from . import test_common_smoke

# --- vc_engagements
from . import test_vc_engagement
from . import test_vc_filing
from . import test_vc_engagement_security
from . import test_vc_engagement_tour
