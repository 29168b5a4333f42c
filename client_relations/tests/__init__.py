from . import test_groups
from . import test_common_smoke

# --- cr-desk
from . import test_cr_desk_flow
from . import test_cr_desk_deadlines
from . import test_cr_desk_security
from . import test_cr_desk_cron
from . import test_cr_desk_mail
from . import test_cr_desk_report
from . import test_cr_desk_tour
