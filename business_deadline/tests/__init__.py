from . import test_groups
from . import test_ui
from . import test_calendar
from . import test_arithmetic
from . import test_arithmetic_properties
from . import test_holiday_import
