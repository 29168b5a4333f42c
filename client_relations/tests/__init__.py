from . import test_groups
from . import test_common_smoke

# --- cr-care
from . import test_cr_care_survey
from . import test_cr_care_gift
from . import test_cr_care_plan
from . import test_cr_care_security
from . import test_cr_care_tour
