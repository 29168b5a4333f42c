from . import resource_calendar_standin
from . import business_deadline_rule
from . import business_deadline_timer
from . import business_deadline_mixin
from . import business_deadline_obligation
