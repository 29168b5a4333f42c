from . import business_deadline_holiday_import
from . import business_deadline_timer_acknowledge
