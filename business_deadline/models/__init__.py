from . import business_deadline_makeup_day
from . import resource_calendar
from . import business_deadline_rule
from . import business_deadline_rule_escalation
from . import business_deadline_timer
from . import business_deadline_mixin
from . import business_deadline_obligation
