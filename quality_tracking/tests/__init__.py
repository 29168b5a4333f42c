from . import test_groups
from . import test_matter
from . import test_evaluation
from . import test_evaluation_cron
from . import test_evaluation_security
from . import test_evaluation_ui
