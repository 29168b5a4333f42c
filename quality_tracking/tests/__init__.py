from . import test_groups
from . import test_matter
from . import test_evaluation
