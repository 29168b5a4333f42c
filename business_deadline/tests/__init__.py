from . import test_groups
from . import test_rule
from . import test_timer
from . import test_sweep
from . import test_security
