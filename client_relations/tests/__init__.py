from . import test_groups
from . import test_common_smoke

# --- cr-gov
from . import test_cr_gov_service_report
from . import test_cr_gov_review
from . import test_cr_gov_change
from . import test_cr_gov_periodic
from . import test_cr_gov_tour
