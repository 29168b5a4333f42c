from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_timers import MONDAY, BusinessDeadlineTimerCommon


@tagged("post_install", "-at_install")
class TestDeadlineSecurity(BusinessDeadlineTimerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._create_rule()
        with freeze_time(MONDAY):
            cls.obligation = cls._create_obligation(date_start=MONDAY, state="open")
        cls.timer = cls.Timer.search(
            [
                ("res_model", "=", cls.obligation._name),
                ("res_id", "=", cls.obligation.id),
            ]
        )

    def _breach(self):
        with freeze_time(MONDAY + timedelta(hours=11)):
            self._sweep()
        self.assertEqual(self.timer.state, "breached")

    def test_user_sees_timers_of_readable_records(self):
        """The responsible, who can read the record, sees its timer."""
        timers = self.Timer.with_user(self.user).search([("id", "=", self.timer.id)])
        self.assertEqual(timers, self.timer)
        self.assertEqual(timers.due_time, MONDAY + timedelta(hours=10))

    def test_user_cannot_see_timers_of_unreadable_records(self):
        """A user who cannot read a record sees none of its timers."""
        timers = self.Timer.with_user(self.other_user)
        with self.assertRaises(AccessError):
            self.obligation.with_user(self.other_user).check_access("read")
        self.assertFalse(timers.search([("id", "=", self.timer.id)]))
        self.assertFalse(timers.search_count([("rule_id", "=", self.rule.id)]))
        with self.assertRaises(AccessError):
            timers.browse(self.timer.id).read(["due_time"])

    def test_user_reads_rules_manager_edits(self):
        """Users read the rules; only managers change them."""
        self.assertTrue(self.rule.with_user(self.user).name)
        with self.assertRaises(AccessError):
            self.rule.with_user(self.user).write({"amount": 3})
        with self.assertRaises(AccessError):
            self.timer.with_user(self.user).write({"state": "met"})
        self.rule.with_user(self.manager).write({"amount": 3})

    def test_multi_company_rule(self):
        """A user does not see the rules and timers of another company."""
        other_company = self.env["res.company"].create({"name": "Other Co"})
        rule = self._create_rule(name="Other", company_id=other_company.id)
        with freeze_time(MONDAY):
            obligation = self._create_obligation(
                date_start=MONDAY, company_id=other_company.id
            )
        timer = self._timer(obligation, rule)
        self.assertEqual(timer.company_id, other_company)
        self.assertFalse(
            self.env["business.deadline.rule"]
            .with_user(self.manager)
            .search([("id", "=", rule.id)])
        )
        with self.assertRaises(AccessError):
            self.Timer.with_user(self.manager).browse(timer.id).read(["state"])
        # a company rule only times the records of its company
        with freeze_time(MONDAY):
            here = self._create_obligation(date_start=MONDAY)
        self.assertFalse(self._timer(here, rule))

    def test_acknowledge_by_responsible(self):
        """The responsible acknowledges a breach with a reason; who and when are
        kept."""
        self._breach()
        with freeze_time(MONDAY + timedelta(hours=12)):
            wizard = (
                self.env["business.deadline.timer.acknowledge"]
                .with_user(self.user)
                .create({"timer_ids": [(6, 0, self.timer.ids)], "reason": "Ill"})
            )
            wizard.action_confirm()
        self.assertEqual(self.timer.breach_reason, "Ill")
        self.assertEqual(self.timer.acknowledged_by_id, self.user)
        self.assertEqual(self.timer.acknowledged_date, MONDAY + timedelta(hours=12))

    def test_acknowledge_needs_reason(self):
        """A breach cannot be acknowledged without a reason."""
        self._breach()
        with self.assertRaises(UserError):
            self.timer.with_user(self.user)._action_acknowledge("  ")
        self.assertFalse(self.timer.acknowledged_by_id)

    def test_acknowledge_refused_to_others(self):
        """A user who is neither the responsible nor a manager cannot acknowledge."""
        self._breach()
        self.obligation.message_subscribe(partner_ids=self.other_user.partner_id.ids)
        timer = self.timer.with_user(self.other_user)
        self.assertFalse(timer.can_acknowledge)
        with self.assertRaises(AccessError):
            timer._action_acknowledge("Not mine")
        self.timer.with_user(self.manager)._action_acknowledge("Workload")
        self.assertEqual(self.timer.acknowledged_by_id, self.manager)

    def test_acknowledge_only_breached(self):
        """Only a breached deadline can be acknowledged."""
        with self.assertRaises(UserError):
            self.timer.with_user(self.user).action_acknowledge()
