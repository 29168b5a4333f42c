from . import test_groups
from . import test_common_smoke

# --- vc_firms
from . import test_vc_eligibility
from . import test_vc_panel
from . import test_vc_firms_cron
from . import test_vc_legal_qualification
from . import test_vc_firms_security
from . import test_vc_firms_tour

# --- vc_requests
from . import test_vc_request
from . import test_vc_selection
from . import test_vc_requests_security
from . import test_vc_requests_report
from . import test_vc_requests_tour

# --- vc_engagements
from . import test_vc_engagement
from . import test_vc_filing
from . import test_vc_engagement_security
from . import test_vc_engagement_tour

# --- vc_fees
from . import test_vc_fees_rules
from . import test_vc_fees_flow
from . import test_vc_fees_security
from . import test_vc_fees_report
from . import test_vc_fees_tour

# --- vc_evaluations
from . import test_vc_evaluation
from . import test_vc_evaluation_cron
from . import test_vc_evaluation_security
from . import test_vc_portal
from . import test_vc_evaluations_tour

# --- vc_coi_decl
from . import test_coi_declaration
from . import test_coi_decl_security
from . import test_coi_decl_tour

# --- vc_coi_review
from . import test_coi_review
from . import test_coi_sanction
from . import test_coi_statement
from . import test_coi_review_security
from . import test_coi_review_reporting
from . import test_coi_review_tour

# --- vc_coi_check
from . import test_vc_coi_normalize
from . import test_vc_coi_check
from . import test_vc_coi_waiver
from . import test_vc_coi_check_security
from . import test_vc_coi_check_tour
