from . import test_groups
from . import test_common_smoke

# --- cr-portal
from . import test_cr_portal
from . import test_cr_portal_reporting
from . import test_cr_portal_tour
