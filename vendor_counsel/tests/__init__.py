from . import test_groups
from . import test_common_smoke

# --- vc_coi_decl
from . import test_coi_declaration
from . import test_coi_decl_security
from . import test_coi_decl_tour
