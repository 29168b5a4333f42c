from datetime import datetime

from odoo.fields import Command
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
    def _states(cls, values, model="business.deadline.obligation"):
        """The selection values of a model's state, as the rule's many2many takes
        them (``values``: comma-separated technical values, or False)."""
        field = cls.env["ir.model.fields"]._get(model, "state")
        wanted = [value.strip() for value in (values or "").split(",") if value]
        selections = field.selection_ids.filtered(lambda s: s.value in wanted)
        return [Command.set(selections.ids)]

    @classmethod
    def _create_rule(cls, **vals):
        """A rule on obligations; ``start_state``, ``met_states``,
        ``pause_states`` and ``cancel_states`` are given as technical values."""
        shorthands = {
            "start_state": "start_state_ids",
            "met_states": "met_state_ids",
            "pause_states": "pause_state_ids",
            "cancel_states": "cancel_state_ids",
        }
        states = {
            "met_states": "done",
            "pause_states": "waiting",
            "cancel_states": "cancel",
        }
        states.update({key: vals.pop(key) for key in shorthands if key in vals})
        values = {
            "name": "Filing",
            "model_id": cls.obligation_model.id,
            "start_field_id": cls.date_start_field.id,
            "amount": 10,
            "unit": "calendar_hours",
            "calendar_id": cls.calendar.id,
            "company_id": False,
        }
        for key, value in states.items():
            values[shorthands[key]] = cls._states(value)
        values.update(vals)
        return cls.env["business.deadline.rule"].create(values)

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
