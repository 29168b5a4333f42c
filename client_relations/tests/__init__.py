from . import test_groups
from . import test_common_smoke

# --- cr-visit
from . import test_cr_visit
from . import test_cr_visit_security
from . import test_cr_visit_tour
