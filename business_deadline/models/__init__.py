from . import business_deadline_makeup_day
from . import resource_calendar
