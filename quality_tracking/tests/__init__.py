from . import test_groups
from . import test_matter
from . import test_feedback_card
from . import test_feedback_coverage
from . import test_feedback_security
from . import test_feedback_ui
from . import test_return_visit
from . import test_tracking_record
