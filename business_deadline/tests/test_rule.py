from datetime import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_timers import MONDAY, BusinessDeadlineTimerCommon


@tagged("post_install", "-at_install")
class TestDeadlineRule(BusinessDeadlineTimerCommon):
    def test_model_must_use_mixin(self):
        """A rule can only target a model that inherits the deadline mixin."""
        partner_model = self.env["ir.model"]._get("res.partner")
        with self.assertRaises(ValidationError):
            self._create_rule(
                model_id=partner_model.id,
                start_field_id=False,
                start_state=False,
                met_states=False,
            )

    def test_model_domain_offers_mixin_models(self):
        """The model choice offers the models using the engine."""
        names = self.env["business.deadline.rule"]._get_deadline_model_names()
        self.assertIn("business.deadline.obligation", names)
        self.assertNotIn("res.partner", names)

    @mute_logger("odoo.sql_db")
    def test_amount_positive(self):
        """The allowed time must be positive."""
        with self.assertRaises(IntegrityError):
            self._create_rule(amount=-1)

    @mute_logger("odoo.sql_db")
    def test_amount_zero_only_in_days(self):
        """Zero days is the same day (e.g. an internal report due the day an event
        is known); zero calendar hours is due at the start (a promised time);
        zero working hours is refused."""
        rule = self._create_rule(amount=0, unit="calendar_days")
        obligation = self._create_obligation(date_start=MONDAY)
        self.assertEqual(
            self._timer(obligation, rule).due_time, datetime(2026, 3, 3, 0, 0)
        )
        at_start = self._create_rule(amount=0, unit="calendar_hours")
        other = self._create_obligation(date_start=MONDAY)
        self.assertEqual(self._timer(other, at_start).due_time, MONDAY)
        with self.assertRaises(IntegrityError):
            self._create_rule(amount=0, unit="working_hours")

    @mute_logger("odoo.sql_db")
    def test_warning_percent_range(self):
        """The warning percentage lies between 0 and 100."""
        with self.assertRaises(IntegrityError):
            self._create_rule(warning_mode="percent", warning_percent=120)

    @mute_logger("odoo.sql_db")
    def test_escalation_offset_positive(self):
        """An escalation offset cannot be negative (use before/after instead)."""
        rule = self._create_rule()
        with self.assertRaises(IntegrityError):
            self.env["business.deadline.rule.escalation"].create(
                {"rule_id": rule.id, "name": "Bad", "offset_amount": -1}
            )

    def test_start_field_or_state(self):
        """A rule starts either on a field or on a state, not both, not none."""
        with self.assertRaises(ValidationError):
            self._create_rule(start_state="open")
        with self.assertRaises(ValidationError):
            self._create_rule(start_field_id=False)

    def test_states_exist(self):
        """The states of a rule must be states of its model."""
        other_state = self.env["ir.model.fields"]._get("res.partner", "type")
        with self.assertRaises(ValidationError):
            self._create_rule(
                met_state_ids=[Command.set(other_state.selection_ids[:1].ids)]
            )

    def test_met_condition_required(self):
        """A rule says when its deadline is met."""
        with self.assertRaises(ValidationError):
            self._create_rule(met_states=False)

    def test_lead_needs_amount(self):
        """A fixed warning lead needs an amount."""
        with self.assertRaises(ValidationError):
            self._create_rule(warning_mode="lead", warning_amount=0)

    def test_bad_domain(self):
        """A rule's filter must be a valid domain of its model."""
        with self.assertRaises(ValidationError):
            self._create_rule(domain="[('no_such_field', '=', 1)]")

    def test_escalation_field_of_model(self):
        """An escalation's priority field belongs to the rule's model."""
        rule = self._create_rule()
        partner_field = self.env["ir.model.fields"]._get("res.partner", "color")
        with self.assertRaises(ValidationError):
            self.env["business.deadline.rule.escalation"].create(
                {
                    "rule_id": rule.id,
                    "name": "Bad",
                    "priority_field_id": partner_field.id,
                    "priority_value": "1",
                }
            )

    def test_states_offered_by_label(self):
        """The rule offers its model's states by their labels, in the user's
        language, for each event."""
        rule = self._create_rule()
        self.assertEqual(
            rule.state_field_id,
            self.env["ir.model.fields"]._get("business.deadline.obligation", "state"),
        )
        self.assertEqual(rule.met_state_ids.mapped("name"), ["Done"])
        self.assertEqual(
            rule.with_context(lang="zh_CN").met_state_ids.mapped("value"), ["done"]
        )
