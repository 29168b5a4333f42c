from . import business_deadline_holiday_import
