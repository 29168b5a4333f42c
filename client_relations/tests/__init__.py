from . import test_groups
from . import test_common_smoke

# --- cr-return
from . import test_cr_return
from . import test_cr_return_cron
from . import test_cr_return_security
from . import test_cr_return_tour
