from . import test_groups
from . import test_common_smoke

# --- vc_coi_review
from . import test_coi_review
from . import test_coi_sanction
from . import test_coi_statement
from . import test_coi_review_security
from . import test_coi_review_reporting
from . import test_coi_review_tour
