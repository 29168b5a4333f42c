from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_vc_fees import VcFeesCommon


@tagged("post_install", "-at_install")
class TestVcFeesRules(VcFeesCommon):
    def test_first_payment_ratio_boundary(self):
        """000/R-VC-05: the first payment of a 100,000 fixed fee: 40 % (40,000) is
        accepted, 40.01 % (40,010) is refused and nothing is written."""
        payment = self._payment(amount=40000)
        self.assertTrue(payment.is_first)
        self.assertAlmostEqual(payment.fee_percent, 40.0)
        self.assertTrue(payment.check_ratio_ok)
        with self.assertRefused(ValidationError, "R-VC-05"):
            self._payment(amount=40010, sequence=1)
        with self.assertRefused(ValidationError, "R-VC-05"):
            payment.amount = 40010
        self.assertEqual(payment.amount, 40000)

    def test_first_payment_date_boundary(self):
        """000/R-VC-06: signed 2026-01-31, the first payment may fall on 2026-02-28
        (one calendar month later, A-7 'on or after'), not on 2026-02-27."""
        payment = self._payment(date_planned=date(2026, 2, 28))
        self.assertEqual(payment.first_earliest_date, date(2026, 2, 28))
        self.assertTrue(payment.check_date_ok)
        with self.assertRefused(ValidationError, "R-VC-06"):
            payment.date_planned = date(2026, 2, 27)
        self.assertEqual(payment.date_planned, date(2026, 2, 28))

    def test_later_installments_not_limited(self):
        """000/C-VC-3: only the first installment is guarded on save; an earlier
        installment added later becomes the first and is checked itself."""
        first = self._payment(amount=40000)
        second = self._payment(amount=50000, date_planned=date(2026, 6, 30))
        self.assertTrue(first.is_first)
        self.assertFalse(second.is_first)
        self.assertEqual(second.installment_no, 2)
        with self.assertRefused(ValidationError, "R-VC-06"):
            self._payment(amount=1000, date_planned=date(2026, 2, 1))
        # cancelling the first makes the second the first: 50 % is refused
        with self.assertRefused(ValidationError, "R-VC-05"):
            first.action_cancel()
        self.assertEqual(first.state, "draft")

    def test_settings_defaults_and_changes(self):
        """000/R-VC-05, 000/R-VC-06: the defaults are 40 % and one month; a changed
        setting takes effect."""
        company = self.engagement.company_id
        self.assertEqual(company.vc_first_payment_max_percent, 40.0)
        self.assertEqual(company.vc_first_payment_min_months, 1)
        self.assertEqual(company.vc_payment_gc_threshold, 100000.0)
        self.assertEqual(company.vc_payment_reminder_days, 5)
        company.vc_first_payment_max_percent = 50.0
        company.vc_first_payment_min_months = 2
        payment = self._payment(amount=50000, date_planned=date(2026, 3, 31))
        self.assertTrue(payment.check_ratio_ok)
        with self.assertRefused(ValidationError, "R-VC-05"):
            payment.amount = 50010
        with self.assertRefused(ValidationError, "R-VC-06"):
            payment.date_planned = date(2026, 3, 30)
        settings = self.env["res.config.settings"].create(
            {"vc_first_payment_max_percent": 30.0}
        )
        settings.execute()
        self.assertEqual(company.vc_first_payment_max_percent, 30.0)

    def test_override_by_legal(self):
        """000/R-VC-05: A-6, the legal department overrides a breach with a reason;
        without a reason the override is refused."""
        payment = self._payment(amount=40000).with_user(self.legal)
        with self.assertRefused(ValidationError, "reason"):
            payment.write({"first_payment_override": True, "amount": 50000})
        payment.write(
            {
                "first_payment_override": True,
                "override_reason": "Urgent due diligence",
                "amount": 50000,
            }
        )
        self.assertEqual(payment.amount, 50000)
        self.assertEqual(payment.override_user_id, self.legal)
        self.assertTrue(payment.override_date)

    def test_override_refused_to_plain_users(self):
        """000/R-VC-06: A-6, finance (not an authorised approver) cannot record the
        override."""
        payment = self._payment(amount=40000)
        with self.assertRefused(AccessError):
            payment.with_user(self.finance).write(
                {
                    "first_payment_override": True,
                    "override_reason": "Please",
                    "date_planned": date(2026, 2, 1),
                }
            )
        with self.assertRefused(AccessError):
            self.env["vc.payment"].with_user(self.finance).create(
                {
                    "engagement_id": self.engagement.id,
                    "amount": 90000,
                    "date_planned": date(2026, 2, 28),
                    "first_payment_override": True,
                    "override_reason": "Please",
                }
            )
        self.assertFalse(payment.first_payment_override)

    def test_over_scheduling_refused(self):
        """The installments of a fixed fee never exceed it; reductions free room."""
        self._payment(amount=40000)
        second = self._payment(amount=60000, date_planned=date(2026, 6, 30))
        with self.assertRefused(ValidationError, "exceed the fixed fee"):
            self._payment(amount=1, date_planned=date(2026, 9, 30))
        evaluation = self.env["vc.evaluation"].create(
            {"firm_id": self.firm.id, "engagement_id": self.engagement.id}
        )
        second.write(
            {
                "reduction_amount": 10000,
                "reduction_reason": "Poor work",
                "evaluation_id": evaluation.id,
            }
        )
        self.assertEqual(second.amount_net, 50000)
        self._payment(amount=10000, date_planned=date(2026, 9, 30))

    def test_reduction_guards(self):
        """D2 第十二条: a reduction needs the clause, a reason and the firm's
        evaluation."""
        evaluation = self.env["vc.evaluation"].create(
            {"firm_id": self.firm.id, "engagement_id": self.engagement.id}
        )
        payment = self._payment(amount=40000)
        with self.assertRefused(ValidationError, "reason"):
            payment.write({"reduction_amount": 5000})
        other_firm = self.env["res.partner"].create(
            {"name": "Other firm", "is_company": True, "vc_is_law_firm": True}
        )
        other_eval = self.env["vc.evaluation"].create({"firm_id": other_firm.id})
        with self.assertRefused(ValidationError, "not of the"):
            payment.write(
                {
                    "reduction_amount": 5000,
                    "reduction_reason": "x",
                    "evaluation_id": other_eval.id,
                }
            )
        self.engagement.fee_reduction_clause = False
        with self.assertRefused(ValidationError, "fee-reduction clause"):
            payment.write(
                {
                    "reduction_amount": 5000,
                    "reduction_reason": "x",
                    "evaluation_id": evaluation.id,
                }
            )
        self.assertFalse(payment.reduction_amount)

    def test_submit_needs_signature(self):
        """A payment is requested only once the contract is signed."""
        engagement = self._create_engagement()
        payment = self.env["vc.payment"].create(
            {
                "engagement_id": engagement.id,
                "amount": 1000,
                "date_planned": date(2026, 5, 1),
            }
        )
        with self.assertRefused(UserError, "signed"):
            payment.action_submit()
        self.assertEqual(payment.state, "draft")

    def test_amount_positive(self):
        """A payment's amount is positive."""
        with self.assertRefused(Exception):
            self._payment(amount=0)
