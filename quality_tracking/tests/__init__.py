from . import test_groups
from . import test_matter
from . import test_issue
from . import test_capa
from . import test_satisfaction_analysis
from . import test_issue_security
from . import test_issue_report
from . import test_issue_tour
