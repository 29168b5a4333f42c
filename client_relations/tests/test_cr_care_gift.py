from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_cr_care import CrCareCommon


@tagged("post_install", "-at_install")
class TestCrCareGift(CrCareCommon):
    def test_no_cash_ever(self):
        """000/A-19, PRODUCT.md section 9: cash and cash equivalents are refused at
        any amount, flagged or named in the description."""
        with self.assertRaisesRegex(ValidationError, "No cash"):
            self._gift(is_cash_equivalent=True, value=1)
        with self.assertRaisesRegex(ValidationError, "购物卡"):
            self._gift(description="超市购物卡", value=1)
        with self.assertRaisesRegex(ValidationError, "red envelope"):
            self._gift(description="A red envelope for the New Year", value=88)
        gift = self._gift()
        with self.assertRaises(ValidationError):
            gift.write({"occasion": "预付卡 top-up"})

    def test_recipient_belongs_to_client(self):
        """000/E-CR-14: the recipient is a contact of the client."""
        with self.assertRaises(ValidationError):
            self._gift(recipient_id=self.other_contact.id)

    def test_default_amount_every_gift_reviewed(self):
        """000/E-CR-14, 002/E35: with the default amount (0) every gift goes to a
        supervisor through the tier validation; the applicant cannot approve."""
        gift = self._gift(user=self.owner)
        gift.with_user(self.owner).action_submit()
        self.assertEqual(gift.state, "submitted")
        self.assertTrue(gift.needs_approval)
        self.assertTrue(gift.review_ids)
        self.assertEqual(
            gift.coi_state, "clear" if "vc.coi.check" in self.env else "unavailable"
        )
        with self.assertRaises(UserError):
            gift.with_user(self.owner).action_approve()
        self.assertFalse(gift.with_user(self.supervisor).can_approve)
        gift.with_user(self.supervisor).validate_tier()
        gift.invalidate_recordset()
        self.assertEqual(gift.validation_status, "validated")
        gift.with_user(self.supervisor).action_approve()
        self.assertEqual(gift.state, "approved")
        self.assertEqual(self.budget.committed, 300)
        # what was approved does not change afterwards
        with self.assertRaisesRegex(UserError, "Only a draft"):
            gift.with_user(self.owner).write({"value": 3000})
        self.assertEqual(gift.value, 300)

    def test_below_amount_auto_approved(self):
        """000/E-CR-14: at or below the company's approval amount the gift is
        approved on submission; above it, reviewed."""
        self.company.cr_gift_approval_amount = 500
        small = self._gift(user=self.owner)
        small.with_user(self.owner).action_submit()
        self.assertEqual(small.state, "approved")
        self.assertFalse(small.review_ids)
        big = self._gift(user=self.owner, value=800)
        big.with_user(self.owner).action_submit()
        self.assertEqual(big.state, "submitted")
        self.assertTrue(big.review_ids)

    def test_budget_checked(self):
        """002/E35: a gift needs a budget line of its year and fits what is left."""
        with self.assertRaisesRegex(UserError, "budget line"):
            self._gift(budget_id=False).action_submit()
        with self.assertRaisesRegex(UserError, "exceeds"):
            self._gift(value=6000).action_submit()
        with self.assertRaisesRegex(UserError, "not for this year"):
            self._gift(date=date(2027, 1, 5)).action_submit()
        first = self._gift(value=4000)
        first.action_submit()
        with self.assertRaisesRegex(UserError, "exceeds"):
            self._gift(value=1500).action_submit()
        self.assertEqual(self.budget.remaining, 1000)

    def test_reject_needs_reason_and_reset(self):
        """000/E-CR-14: a supervisor rejects with a reason; the applicant may start
        again."""
        gift = self._gift(user=self.owner)
        gift.with_user(self.owner).action_submit()
        with self.assertRaises(UserError):
            gift.with_user(self.supervisor).action_reject()
        gift.rejection_reason = "Too expensive"
        with self.assertRaises(UserError):
            gift.with_user(self.owner).action_reject()
        gift.with_user(self.supervisor).action_reject()
        self.assertEqual(gift.state, "rejected")
        with self.assertRaises(UserError):
            gift.with_user(self.supervisor).action_approve()
        gift.with_user(self.owner).action_reset_draft()
        self.assertEqual(gift.state, "draft")
        self.assertFalse(gift.review_ids)

    def test_tier_definition_data(self):
        """000/E-CR-14: the supervisor tier is data, asked when approval is needed."""
        definition = self.env.ref("client_relations.tier_definition_cr_gift_supervisor")
        self.assertEqual(definition.model, "cr.gift")
        self.assertEqual(
            definition.reviewer_group_id,
            self.env.ref("client_relations.group_client_relations_supervisor"),
        )
        self.assertIn("cr.gift", definition._get_tier_validation_model_names())

    def test_conflict_check_absent(self):
        """Without vendor_counsel, the gift records that no conflict register was
        available and is not blocked."""
        if "vc.coi.check" in self.env:
            self.skipTest("vendor_counsel is installed")
        gift = self._gift()
        gift._cr_check_conflicts()
        self.assertEqual(gift.coi_state, "unavailable")
        self.assertFalse(gift.coi_hits)

    def test_conflict_check_present(self):
        """With vendor_counsel, the recipient's and client's names are checked
        against the declarations: a possible conflict forces the review, whatever
        the amount, and blocks the approval."""
        if "vc.coi.check" not in self.env:
            self.skipTest("vendor_counsel is not installed")
        self.company.cr_gift_approval_amount = 10000
        clear = self._gift()
        clear.action_submit()
        self.assertEqual(clear.coi_state, "clear")
        self.assertEqual(clear.state, "approved")
        person = self.env["res.partner"].create({"name": "Sun Declarant"})
        declarant = self.env["vc.coi.declarant"].create(
            {"partner_id": person.id, "role": "officer"}
        )
        self.env["vc.coi.declaration"].create(
            {
                "declarant_id": declarant.id,
                "state": "submitted",
                "line_ids": [
                    (0, 0, {"kind": "holding", "counterparty_name": self.client.name})
                ],
            }
        )
        # vendor_counsel's name index is refreshed by its cron: refresh it now
        self.env["vc.coi.name"]._vc_refresh_index()
        gift = self._gift()
        gift.action_submit()
        self.assertEqual(gift.coi_state, "hit")
        self.assertIn(self.client.name, gift.coi_hits)
        self.assertTrue(gift.needs_approval)
        self.assertEqual(gift.state, "submitted")
        gift.with_user(self.supervisor).validate_tier()
        with self.assertRaisesRegex(UserError, "conflict of interest"):
            gift.with_user(self.supervisor).action_approve()
