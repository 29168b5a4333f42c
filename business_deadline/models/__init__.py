from . import business_deadline_makeup_day
from . import resource_calendar
from . import resource_calendar_attendance
from . import resource_calendar_leaves
from . import business_deadline_rule
from . import business_deadline_timer
from . import business_deadline_mixin
from . import business_deadline_obligation
