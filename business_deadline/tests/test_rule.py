from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_timers import BusinessDeadlineTimerCommon


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
        with self.assertRaises(ValidationError):
            self._create_rule(met_states="done, archived")

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

    def test_available_states(self):
        """The rule shows the states of its model to help fill the state lists."""
        rule = self._create_rule()
        self.assertIn("done: Done", rule.available_states)
        self.assertIn("waiting: Waiting", rule.available_states)
