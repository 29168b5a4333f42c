from . import test_groups
from . import test_matter
from . import test_spot_check
from . import test_reward_penalty
from . import test_ranking
from . import test_supervision_order
from . import test_bulletin
from . import test_supervision_security
