from datetime import datetime

from odoo.tests import new_test_user, tagged

from .common import BusinessDeadlineCase

# Monday 2 March 2026, 08:00 UTC: the start of a working day of the test calendar
MONDAY = datetime(2026, 3, 2, 8, 0)


@tagged("post_install", "-at_install")
class BusinessDeadlineTimerCommon(BusinessDeadlineCase):
    """Deadline rules on compliance obligations, with a UTC 8-12/13-17 calendar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Deadline test calendar", "tz": "UTC", "company_id": False}
        )
        cls.other_user = new_test_user(
            cls.env,
            login="bd_timer_other",
            groups="business_deadline.group_business_deadline_user",
        )
        cls.obligation_model = cls.env["ir.model"]._get("business.deadline.obligation")
        cls.date_start_field = cls.env["ir.model.fields"]._get(
            "business.deadline.obligation", "date_start"
        )
        cls.priority_field = cls.env["ir.model.fields"]._get(
            "business.deadline.obligation", "priority"
        )
        cls.user_field = cls.env["ir.model.fields"]._get(
            "business.deadline.obligation", "user_id"
        )
        cls.Timer = cls.env["business.deadline.timer"]

    @classmethod
    def _create_rule(cls, **vals):
        return cls.env["business.deadline.rule"].create(
            {
                "name": "Filing",
                "model_id": cls.obligation_model.id,
                "start_field_id": cls.date_start_field.id,
                "amount": 10,
                "unit": "calendar_hours",
                "calendar_id": cls.calendar.id,
                "met_states": "done",
                "pause_states": "waiting",
                "cancel_states": "cancel",
                "company_id": False,
                **vals,
            }
        )

    @classmethod
    def _create_obligation(cls, **vals):
        return cls.env["business.deadline.obligation"].create(
            {"name": "Yearly filing", "user_id": cls.user.id, **vals}
        )

    def _timer(self, record, rule):
        return self.Timer.search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("rule_id", "=", rule.id),
            ]
        )

    def _sweep(self):
        """Run the sweep cron as the scheduler does (committing each batch)."""
        cron = self.env.ref("business_deadline.ir_cron_business_deadline_timer_sweep")
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
