from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common_vc_fees import VcFeesCommon


@tagged("post_install", "-at_install")
class TestVcFeesFlow(VcFeesCommon):
    def _reviewers(self, payment):
        return [
            review.definition_id for review in payment.review_ids.sorted("sequence")
        ]

    def test_sequence_number(self):
        """Payments are numbered by ir.sequence."""
        payment = self._payment()
        self.assertTrue(payment.name.startswith("LSF"))

    @freeze_time("2026-03-02")
    def test_full_flow(self):
        """000/WF-VC-5: draft → to approve (legal, then finance) → approved → paid by
        finance; every step tracked."""
        payment = self._payment().with_user(self.finance)
        payment.action_submit()
        self.assertEqual(payment.state, "to_approve")
        self.assertEqual(
            self._reviewers(payment),
            [
                self.env.ref("vendor_counsel.tier_definition_vc_payment_legal"),
                self.env.ref("vendor_counsel.tier_definition_vc_payment_finance"),
            ],
        )
        self.assertFalse(payment.can_approve)
        with self.assertRefused(ValidationError):
            payment.action_approve()
        # finance cannot review before the legal department (sequence)
        self.assertFalse(payment.with_user(self.finance).can_review)
        payment.with_user(self.legal).validate_tier()
        self.assertEqual(payment.state, "to_approve")
        payment.with_user(self.finance).validate_tier()
        self.assertEqual(payment.state, "approved")
        with self.assertRefused(AccessError):
            payment.with_user(self.legal).action_pay()
        payment.action_pay()
        self.assertEqual(payment.state, "paid")
        self.assertEqual(payment.date_paid, date(2026, 3, 2))
        self.assertEqual(payment.paid_by_id, self.finance)
        self.assertTrue(payment._fields["state"].tracking)

    def test_general_counsel_above_threshold(self):
        """000/WF-VC-5: above the threshold (setting, default 100,000) the general
        counsel also approves; a changed threshold takes effect."""
        engagement = self._create_engagement(
            fee_amount=500000, date_signed=date(2026, 1, 31)
        )
        big = self.env["vc.payment"].create(
            {
                "engagement_id": engagement.id,
                "amount": 100010,
                "date_planned": date(2026, 3, 1),
            }
        )
        small = self.env["vc.payment"].create(
            {
                "engagement_id": engagement.id,
                "amount": 100000,
                "date_planned": date(2026, 6, 1),
            }
        )
        self.assertTrue(big.needs_gc_approval)
        self.assertFalse(small.needs_gc_approval)
        (big | small).action_submit()
        gc_tier = self.env.ref("vendor_counsel.tier_definition_vc_payment_gc")
        self.assertIn(gc_tier, big.review_ids.definition_id)
        self.assertNotIn(gc_tier, small.review_ids.definition_id)
        self.assertIn(gc_tier, self._reviewers(big)[1:2])
        engagement.company_id.vc_payment_gc_threshold = 50000
        self.assertTrue(small.needs_gc_approval)
        self.assertIn(
            small,
            self.env["vc.payment"].search([("needs_gc_approval", "=", True)]),
        )
        big.with_user(self.legal).validate_tier()
        big.with_user(self.general_counsel).validate_tier()
        big.with_user(self.finance).validate_tier()
        self.assertEqual(big.state, "approved")

    def test_guards(self):
        """Each action refuses the wrong state and writes nothing."""
        payment = self._payment()
        with self.assertRefused(UserError):
            payment.action_pay()
        with self.assertRefused(UserError):
            payment.action_approve()
        with self.assertRefused(UserError):
            payment.action_reset_draft()
        payment.action_submit()
        with self.assertRefused(UserError):
            payment.action_submit()
        payment.with_user(self.legal).reject_tier()
        self.assertEqual(payment.validation_status, "rejected")
        payment.action_reset_draft()
        self.assertEqual(payment.state, "draft")
        self.assertFalse(payment.review_ids)
        payment.amount = 30000
        payment.action_submit()
        self.assertEqual(payment.validation_status, "pending")
        payment.action_cancel()
        self.assertEqual(payment.state, "cancel")
        with self.assertRefused(UserError):
            payment.action_cancel()

    def test_locked_under_validation(self):
        """The amount cannot change while the request is reviewed; the legal
        department may record an override then."""
        payment = self._payment()
        payment.action_submit()
        with self.assertRefused(ValidationError):
            payment.amount = 30000
        payment.with_user(self.legal).write(
            {"first_payment_override": True, "override_reason": "Known breach"}
        )
        self.assertTrue(payment.first_payment_override)

    def test_approval_rechecks_first_payment(self):
        """000/R-VC-06: a first payment that breaks the rule after the signing date
        moved is refused at approval."""
        payment = self._payment()
        payment.action_submit()
        payment.with_user(self.legal).validate_tier()
        self.engagement.date_signed = date(2026, 2, 15)
        with self.assertRefused(ValidationError, "R-VC-06"):
            payment.with_user(self.finance).validate_tier()
        self.assertEqual(payment.state, "to_approve")

    def test_engagement_spend_and_action(self):
        """000/E-VC-7: the engagement's budget against committed and paid amounts;
        the smart buttons of the engagement and the firm list its payments."""
        self.engagement.fee_budget = 120000
        first = self._payment(amount=40000)
        second = self._payment(amount=30000, date_planned=date(2026, 6, 30))
        self._payment(amount=30000, date_planned=date(2026, 9, 30))
        first.action_submit()
        first.with_user(self.legal).validate_tier()
        first.with_user(self.finance).validate_tier()
        first.with_user(self.finance).action_pay()
        second.action_submit()
        engagement = self.engagement
        engagement.invalidate_recordset()
        self.assertEqual(engagement.fee_paid, 40000)
        self.assertEqual(engagement.fee_committed, 30000)
        self.assertEqual(engagement.fee_scheduled, 30000)
        self.assertEqual(engagement.fee_budget_remaining, 50000)
        self.assertEqual(engagement.payment_count, 3)
        action = engagement.action_view_payments()
        self.assertEqual(
            self.env["vc.payment"].search(action["domain"]),
            first | second | (engagement.payment_ids - first - second),
        )
        self.assertEqual(self.firm.vc_spend_paid, 40000)
        self.assertEqual(self.firm.vc_payment_count, 3)
        self.assertIn(
            ("firm_id", "=", self.firm.id),
            self.firm.action_vc_view_payments()["domain"],
        )

    def test_cron_reminds_once(self):
        """000/WF-VC-5: draft payments planned within 5 days (setting) get one
        activity for the legal responsible; the second run adds nothing."""
        soon = self._payment(date_planned=date(2026, 3, 5))
        later = self._payment(amount=10000, date_planned=date(2026, 3, 6))
        cron = self.env.ref("vendor_counsel.ir_cron_vc_payment_reminder")
        with freeze_time("2026-02-28"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        self.env["vc.payment"].invalidate_model(["activity_ids"])
        self.assertEqual(len(soon.activity_ids), 1)
        self.assertEqual(soon.activity_ids.user_id, self.legal)
        self.assertFalse(later.activity_ids)
        self.engagement.company_id.vc_payment_reminder_days = 6
        with freeze_time("2026-02-28"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env["vc.payment"].invalidate_model(["activity_ids"])
        self.assertEqual(len(later.activity_ids), 1)
        self.assertEqual(len(soon.activity_ids), 1)
