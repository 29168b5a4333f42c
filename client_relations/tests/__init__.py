from . import test_groups
from . import test_common_smoke

# --- cr-file
from . import test_cr_file
from . import test_cr_tiers
from . import test_cr_file_security
from . import test_cr_file_reporting
from . import test_cr_file_tour

# --- cr-visit
from . import test_cr_visit
from . import test_cr_visit_security
from . import test_cr_visit_tour

# --- cr-return
from . import test_cr_return
from . import test_cr_return_cron
from . import test_cr_return_security
from . import test_cr_return_tour

# --- cr-care
from . import test_cr_care_survey
from . import test_cr_care_gift
from . import test_cr_care_plan
from . import test_cr_care_security
from . import test_cr_care_tour

# --- cr-desk
from . import test_cr_desk_flow
from . import test_cr_desk_deadlines
from . import test_cr_desk_security
from . import test_cr_desk_cron
from . import test_cr_desk_mail
from . import test_cr_desk_report
from . import test_cr_desk_tour

# --- cr-sla
from . import test_cr_sla_agreement
from . import test_cr_sla_clock
from . import test_cr_sla_security
from . import test_cr_sla_tour

# --- cr-gov
from . import test_cr_gov_service_report
from . import test_cr_gov_review
from . import test_cr_gov_change
from . import test_cr_gov_periodic
from . import test_cr_gov_tour

# --- cr-portal
from . import test_cr_portal
from . import test_cr_portal_reporting
from . import test_cr_portal_tour
