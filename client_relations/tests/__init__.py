from . import test_groups
from . import test_common_smoke

# --- cr-file
from . import test_cr_file
from . import test_cr_tiers
from . import test_cr_file_security
from . import test_cr_file_reporting
from . import test_cr_file_tour
