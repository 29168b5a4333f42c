from . import test_groups
from . import test_matter
from . import test_contract_review
from . import test_supervision
from . import test_prereview_security
from . import test_prereview_ui
