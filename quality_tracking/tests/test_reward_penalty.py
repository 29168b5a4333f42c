from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_supervision import SupervisionCommon


@tagged("post_install", "-at_install")
class TestRewardPenalty(SupervisionCommon):
    def _penalty(self, rule, amount, **vals):
        values = {
            "user_id": self.handler.id,
            "rule_id": rule.id,
            "unit_amount": amount,
        }
        values.update(vals)
        return self.env["qt.reward.penalty"].create(values)

    def test_d1_range_boundaries(self):
        """004/R1-3: a D1 fine is 30 to 100 CNY per occurrence: 30 and 100
        accepted, 29 and 101 refused (29.99 too)."""
        self.assertEqual(self._penalty(self.rule_d1, 30).amount, 30)
        self.assertEqual(self._penalty(self.rule_d1, 100).amount, 100)
        for amount in (29, 29.99, 100.01, 101):
            with self.assertRaises(ValidationError):
                self._penalty(self.rule_d1, amount)

    def test_d1_default_amount_and_occurrences(self):
        """004/R1-3: the amount defaults to the minimum; per occurrence, three
        occurrences of 50 make 150."""
        penalty = self._penalty(self.rule_d1, 50, quantity=3)
        self.assertEqual(penalty.per, "occurrence")
        self.assertEqual(penalty.amount, 150)
        fresh = self.env["qt.reward.penalty"].create(
            {"user_id": self.handler.id, "rule_id": self.rule_d1.id}
        )
        self.assertEqual(fresh.unit_amount, 30)
        self.assertEqual(fresh.kind, "penalty")

    def test_d9_fixed_amounts(self):
        """004/R9-1: 20 CNY per time for the responsible person: 20 accepted, 19
        and 21 refused."""
        self.assertEqual(self._penalty(self.rule_d9_reception, 20).amount, 20)
        for amount in (19, 21):
            with self.assertRaises(ValidationError):
                self._penalty(self.rule_d9_reception, amount)

    def test_d9_two_penalty_lines(self):
        """004/R9-2: a reception that causes a complaint fines the responsible
        person 50 and the dispatch supervisor 20; each line has its role."""
        rule = self.env.ref("quality_tracking.qt_rp_rule_d9_complaint")
        rule_dispatch = self.env.ref(
            "quality_tracking.qt_rp_rule_d9_complaint_dispatch"
        )
        self.assertEqual((rule.amount_min, rule.amount_max), (50, 50))
        self.assertEqual((rule_dispatch.amount_min, rule_dispatch.amount_max), (20, 20))
        self._penalty(rule, 50)
        self._penalty(rule_dispatch, 20, role_in_case="dispatch_supervisor")
        with self.assertRaises(ValidationError):
            self._penalty(rule_dispatch, 20, role_in_case="responsible")

    def test_d9_per_item(self):
        """004/R9-5: 30 CNY per missing or inaccurate item: three items make 90;
        31 per item is refused."""
        penalty = self._penalty(self.rule_d9_item, 30, quantity=3)
        self.assertEqual(penalty.per, "item")
        self.assertEqual(penalty.amount, 90)
        with self.assertRaises(ValidationError):
            self._penalty(self.rule_d9_item, 31, quantity=3)

    def test_d9_other_fixed_rules(self):
        """004/R9-6, 004/R9-7, 004/R9-8, 004/R9-9, 004/R9-11, 004/R9-12: the
        seed's fixed amounts are the rules' data."""
        expected = {
            "qt_rp_rule_d9_record_late": 100,
            "qt_rp_rule_d9_record_late_sup": 50,
            "qt_rp_rule_d9_review": 50,
            "qt_rp_rule_d9_phone": 20,
            "qt_rp_rule_d9_explanation": 50,
            "qt_rp_rule_d9_dispatch": 30,
            "qt_rp_rule_d9_ignored": 100,
            "qt_rp_rule_d9_ignored_dispatch": 50,
        }
        for xmlid, amount in expected.items():
            rule = self.env.ref(f"quality_tracking.{xmlid}")
            self.assertEqual((rule.amount_min, rule.amount_max), (amount, amount))
            record = self._penalty(rule, amount, role_in_case=rule.role)
            self.assertEqual(record.amount, amount)
            with self.assertRaises(ValidationError):
                self._penalty(rule, amount + 1, role_in_case=rule.role)

    def test_changed_rule_range_takes_effect(self):
        """004/R1-3: the range is data: raised to 200, 150 is accepted."""
        self.rule_d1.amount_max = 200
        self.assertEqual(self._penalty(self.rule_d1, 150).amount, 150)

    def test_rule_kind_must_match(self):
        """A reward cannot apply a penalty rule."""
        with self.assertRaises(ValidationError):
            record = self._penalty(self.rule_d1, 30)
            record.kind = "reward"

    def test_negative_amount_refused(self):
        """An amount cannot be negative, nor the count below 1."""
        with mute_logger("odoo.sql_db"):
            with self.assertRaises(IntegrityError), self.cr.savepoint():
                self.env["qt.reward.penalty"].create(
                    {"user_id": self.handler.id, "kind": "reward", "unit_amount": -5}
                )
            with self.assertRaises(IntegrityError), self.cr.savepoint():
                self._penalty(self.rule_d1, 30, quantity=0)

    def test_confirmed_by_quality_manager(self):
        """W8: only the quality manager confirms; the proposal is tracked."""
        penalty = self._penalty(self.rule_d1, 40)
        with self.assertRaises(AccessError):
            penalty.with_user(self.officer).action_confirm()
        self.assertEqual(penalty.state, "draft")
        penalty.with_user(self.manager).action_confirm()
        self.assertEqual(penalty.state, "confirmed")
        self.assertEqual(penalty.confirmed_by_id, self.manager)

    def test_no_confirming_oneself(self):
        """A manager does not confirm their own reward or penalty."""
        reward = self.env["qt.reward.penalty"].create(
            {"user_id": self.manager.id, "kind": "reward", "points": 5}
        )
        with self.assertRaises(UserError):
            reward.with_user(self.manager).action_confirm()
        self.assertEqual(reward.state, "draft")

    def test_confirm_needs_amount_or_points(self):
        """A record without amount nor points is not confirmed."""
        reward = self.env["qt.reward.penalty"].create(
            {"user_id": self.handler.id, "kind": "reward"}
        )
        with self.assertRaises(UserError):
            reward.with_user(self.manager).action_confirm()
        reward.points = 10
        reward.with_user(self.manager).action_confirm()
        self.assertEqual(reward.state, "confirmed")

    def test_cancel_and_reset(self):
        """Confirmed records are cancelled by the manager and reset to draft."""
        penalty = self._penalty(self.rule_d1, 40)
        penalty.with_user(self.manager).action_confirm()
        penalty.with_user(self.manager).action_cancel()
        self.assertEqual(penalty.state, "cancel")
        with self.assertRaises(UserError):
            penalty.with_user(self.manager).action_confirm()
        penalty.with_user(self.manager).action_reset_draft()
        self.assertEqual(penalty.state, "draft")

    def test_d3_appendices(self):
        """004/R3-5: the units publish their service commitment (appendix 1); the
        reward/penalty rules of appendix 2 are cut off in the seed, so the D3 rules
        carry no amount range and the manager sets the amount."""
        self.unit.commitment = "<p>文明装车,先到先装</p>"
        self.assertIn("先到先装", self.unit.commitment)
        benchmark = self.env.ref("quality_tracking.qt_rp_rule_d3_benchmark")
        self.assertFalse(benchmark.check_amount)
        reward = self.env["qt.reward.penalty"].create(
            {
                "user_id": self.head.id,
                "rule_id": benchmark.id,
                "role_in_case": "unit_head",
                "unit_amount": 500,
            }
        )
        self.assertEqual((reward.kind, reward.amount), ("reward", 500))
        self.assertEqual(self.company.qt_ranking_reward_rule_id, benchmark)
