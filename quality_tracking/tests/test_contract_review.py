from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_prereview import PrereviewCommon


@tagged("post_install", "-at_install")
class TestContractReview(PrereviewCommon):
    def test_reviewer_defaults_to_department_head(self):
        """000/R-QT-05: the matter's department head reviews by default."""
        matter = self._review_matter()
        review = self._new_review(matter)
        self.assertEqual(review.reviewer_id, self.head)
        self.assertTrue(review.name.startswith("CR"))

    def test_reviewer_must_be_department_head(self):
        """000/R-QT-05: a handler cannot be the contract's reviewer."""
        matter = self._review_matter()
        with self.assertRaises(ValidationError):
            self._new_review(matter, reviewer_id=self.other_handler.id)

    def test_review_only_in_contract_review(self):
        matter = self._create_matter()
        with self.assertRaises(UserError):
            self._new_review(matter)

    def test_head_approves_through_tier_validation(self):
        """000/R-QT-05, 001/R-01: the head's approval goes through the default tier
        definition: a tier review of the head, validated, the review approved."""
        definition = self.env.ref(
            "quality_tracking.tier_definition_contract_review_head"
        )
        matter = self._review_matter()
        review = self._approved_review(matter)
        self.assertEqual(review.state, "approved")
        self.assertEqual(review.review_ids.definition_id, definition)
        self.assertEqual(review.validation_status, "validated")
        self.assertEqual(review.review_ids.done_by, self.head)
        self.assertTrue(review.date_approved)

    def test_requested_validation_then_head_approves(self):
        """The handler requests the validation; the head's approve validates it."""
        matter = self._review_matter()
        review = self._new_review(
            matter,
            materials_result="met",
            quality_result="met",
            inspection_result="met",
        )
        review.with_user(self.handler).request_validation()
        self.assertEqual(review.validation_status, "pending")
        self.assertTrue(review.with_user(self.head).can_review)
        review.with_user(self.head).action_approve()
        self.assertEqual(review.state, "approved")
        self.assertEqual(review.validation_status, "validated")

    def test_only_the_reviewer_decides(self):
        """000/R-QT-05: neither the handler nor the quality manager approves in the
        head's place; nothing changes."""
        matter = self._review_matter()
        review = self._new_review(
            matter,
            materials_result="met",
            quality_result="met",
            inspection_result="met",
        )
        for user in (self.handler, self.manager):
            self.assertFalse(review.with_user(user).can_approve)
            with self.assertRaises(UserError):
                review.with_user(user).action_approve()
        self.assertEqual(review.state, "draft")

    def test_direct_write_needs_tier_validation(self):
        """base_tier_validation stops a direct write to approved by a non-reviewer."""
        matter = self._review_matter()
        review = self._new_review(
            matter,
            materials_result="met",
            quality_result="met",
            inspection_result="met",
        )
        with self.assertRaises(ValidationError):
            review.with_user(self.handler).write({"state": "approved"})
        self.assertEqual(review.state, "draft")

    def test_approval_needs_every_criterion_met(self):
        """001/R-01: materials, quality requirements and inspection standards all
        met: one not met (or not assessed) refuses the approval."""
        matter = self._review_matter()
        for criterion in ("materials_result", "quality_result", "inspection_result"):
            for value in ("not_met", False):
                vals = {
                    "materials_result": "met",
                    "quality_result": "met",
                    "inspection_result": "met",
                    criterion: value,
                }
                review = self._new_review(matter, **vals)
                with self.assertRaises(UserError):
                    review.with_user(self.head).action_approve()
                self.assertEqual(review.state, "draft")
                self.assertEqual(review.validation_status, "no")

    def test_approved_review_keeps_criteria_met(self):
        """001/R-01: a criterion of an approved review cannot turn not met."""
        matter = self._review_matter()
        review = self._approved_review(matter)
        with self.assertRaises(ValidationError):
            review.write({"quality_result": "not_met"})

    def test_reject_needs_reason(self):
        """A rejection gives its reason; then the review is rejected, once."""
        matter = self._review_matter()
        review = self._new_review(matter, materials_result="not_met")
        with self.assertRaises(UserError):
            review.with_user(self.head).action_reject()
        self.assertEqual(review.state, "draft")
        review.notes = "Aggregate supply not secured."
        review.with_user(self.head).action_reject()
        self.assertEqual(review.state, "rejected")
        with self.assertRaises(UserError):
            review.with_user(self.head).action_approve()

    def test_reject_pending_tier(self):
        """A requested validation is rejected with the review."""
        matter = self._review_matter()
        review = self._new_review(matter, notes="Inspection standard unclear.")
        review.with_user(self.handler).request_validation()
        review.with_user(self.head).action_reject()
        self.assertEqual(review.state, "rejected")
        self.assertEqual(review.validation_status, "rejected")
