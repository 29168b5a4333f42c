from . import res_company
from . import res_config_settings
from . import qt_category
from . import qt_matter
from . import qt_feedback_card
from . import qt_issue
from . import tier_definition
