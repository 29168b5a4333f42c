from . import test_groups
from . import test_common_smoke

# --- cr-sla
from . import test_cr_sla_agreement
from . import test_cr_sla_clock
from . import test_cr_sla_security
from . import test_cr_sla_tour
