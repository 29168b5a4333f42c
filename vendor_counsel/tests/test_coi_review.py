from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_coi_review import CoiReviewCommon


@tagged("post_install", "-at_install")
class TestCoiReview(CoiReviewCommon):
    # --- W1 steps 3-4: the review opens from the submitted declaration

    def test_create_from_declarations_idempotent(self):
        """002 W1 step 4: a submitted declaration gets one review, addressed to
        internal audit; a draft one none; asking again creates nothing."""
        submitted = self._declaration()
        draft = self._declaration(state="draft")
        reviews = self.Review.create_from_declarations(submitted | draft)
        self.assertEqual(reviews.declaration_id, submitted)
        self.assertEqual(reviews.state, "review")
        self.assertTrue(reviews.name.startswith("LYSP"))
        self.assertEqual(submitted.state, "review")
        self.assertEqual(draft.state, "draft")
        self.assertFalse(self.Review.create_from_declarations(submitted | draft))
        self.assertEqual(
            self.Review.search_count([("declaration_id", "=", submitted.id)]), 1
        )

    def test_cron_opens_missing_reviews(self):
        """The hourly cron opens the review of every submitted declaration without
        one, and only once."""
        first, second = self._declaration(), self._declaration()
        self._trigger("vendor_counsel.ir_cron_vc_coi_review_open")
        self._trigger("vendor_counsel.ir_cron_vc_coi_review_open")
        reviews = self.Review.search([("declaration_id", "in", (first | second).ids)])
        self.assertEqual(len(reviews), 2)
        self.assertEqual(set((first | second).mapped("state")), {"review"})

    def test_open_for_declarations_action(self):
        declaration = self._declaration()
        action = self.Review.action_open_for_declarations(declaration)
        self.assertEqual(action["res_model"], "vc.coi.review")
        self.assertEqual(
            action["res_id"],
            declaration
            and self.Review.search([("declaration_id", "=", declaration.id)]).id,
        )

    # --- the whole cycle (W1 steps 4-11)

    def test_full_cycle_keeps_declaration_in_sync(self):
        """002 W1: review -> investigation -> decision (committee) -> feedback ->
        remediation -> archived; the declaration follows each step."""
        review = self._review()
        declaration = review.declaration_id
        compliance = review.with_user(self.compliance)
        compliance.action_investigate()
        self.assertEqual((review.state, declaration.state), ("investigation",) * 2)
        review.with_user(self.committee).write(
            {
                "investigation_findings": "Holding confirmed with the registry",
                "cooperating_department_ids": [(6, 0, self.department.ids)],
            }
        )
        compliance.action_to_decision()
        self.assertEqual((review.state, declaration.state), ("decision",) * 2)
        self.assertEqual(review.validation_status, "pending")
        committee = review.with_user(self.committee)
        committee.write({"decision_option": "eliminate", "elimination_days": 15})
        committee.action_decide()
        self.assertEqual(review.validation_status, "validated")
        self.assertEqual(review.approver_ids, self.committee)
        self.assertTrue(review.decision_date)
        compliance.action_send_feedback()
        self.assertEqual(review.state, "feedback")
        self.assertEqual(declaration.state, "decision")
        self.assertTrue(review.feedback_date)
        activity = review.activity_ids.filtered(
            lambda a: a.user_id == self.declarant_user
        )
        self.assertEqual(len(activity), 1)
        compliance.action_start_remediation()
        self.assertEqual(
            (review.state, review.remediation_state), ("remediation", "pending")
        )
        self.assertEqual(declaration.state, "remediation")
        review.with_user(self.compliance).remediation_evidence = "Shares transferred"
        compliance.action_verify_remediation()
        self.assertEqual(review.remediation_state, "done")
        self.assertEqual(review.remediation_verified_by_id, self.compliance)
        self.assertEqual(review.remediation_outcome, "on_time")
        compliance.action_archive_review()
        self.assertEqual((review.state, declaration.state), ("archived",) * 2)
        self.assertTrue(review.archive_date)

    def test_accept_archives_without_remediation(self):
        """002 W1 step 10: only an elimination (or 'other' with actions) is
        followed by a remediation; an accepted conflict is archived after the
        feedback."""
        review = self._fed_back("accept", 0)
        self.assertFalse(review.needs_remediation)
        self.assertFalse(review.remediation_due)
        self.assertFalse(review.can_start_remediation)
        with self.assertRaisesRegex(UserError, "only an elimination"):
            review.with_user(self.compliance).action_start_remediation()
        review.with_user(self.compliance).action_archive_review()
        self.assertEqual(review.state, "archived")

    def test_other_with_actions_is_followed_up(self):
        """An 'other' decision with actions and days is remediated and timed."""
        review = self._fed_back(
            "other",
            10,
            decision_other_text="Step down from the supplier's board",
            other_needs_remediation=True,
        )
        self.assertTrue(review.needs_remediation)
        self.assertTrue(review.remediation_due)
        with self.assertRaisesRegex(UserError, "start and verify"):
            review.with_user(self.compliance).action_archive_review()

    # --- guards

    def test_guard_investigate_state(self):
        review = self._decided()
        with self.assertRaises(UserError):
            review.with_user(self.compliance).action_investigate()
        self.assertEqual(review.state, "decision")

    def test_guard_to_decision_state(self):
        review = self._fed_back()
        with self.assertRaises(UserError):
            review.with_user(self.compliance).action_to_decision()
        self.assertEqual(review.state, "feedback")

    def test_guard_decide_committee_only(self):
        """002/R6: the audit committee decides; compliance cannot."""
        review = self._review()
        review.with_user(self.compliance).action_to_decision()
        review.with_user(self.committee).write({"decision_option": "accept"})
        with self.assertRaisesRegex(UserError, "Audit Committee"):
            review.with_user(self.compliance).action_decide()
        self.assertEqual(review.validation_status, "pending")
        self.assertFalse(review.with_user(self.compliance).can_decide)
        self.assertTrue(review.with_user(self.committee).can_decide)

    def test_guard_decide_needs_option(self):
        review = self._review()
        review.with_user(self.compliance).action_to_decision()
        with self.assertRaisesRegex(UserError, "three decisions"):
            review.with_user(self.committee).action_decide()
        self.assertFalse(review.decision_date)

    def test_guard_declarant_cannot_decide_own(self):
        """002 section 5: a declarant cannot approve their own declaration."""
        self.declarant_user.group_ids += self.env.ref(
            "vendor_counsel.group_vendor_counsel_committee"
        )
        review = self._review()
        review.with_user(self.compliance).action_to_decision()
        review.with_user(self.committee).write({"decision_option": "accept"})
        with self.assertRaisesRegex(UserError, "own declaration"):
            review.with_user(self.declarant_user).action_decide()
        self.assertNotEqual(review.validation_status, "validated")

    def test_guard_feedback_needs_decision(self):
        review = self._review()
        review.with_user(self.compliance).action_to_decision()
        review.with_user(self.committee).write({"decision_option": "accept"})
        with self.assertRaisesRegex(UserError, "not decided yet"):
            review.with_user(self.compliance).action_send_feedback()
        self.assertEqual(review.state, "decision")
        self.assertFalse(review.feedback_date)

    def test_guard_compliance_cannot_write_under_validation(self):
        """Under the committee's validation only the committee writes the
        decision (base_tier_validation)."""
        review = self._review()
        review.with_user(self.compliance).action_to_decision()
        with self.assertRaises(ValidationError):
            review.with_user(self.compliance).write({"decision_option": "accept"})

    def test_guard_verify_needs_evidence_and_compliance(self):
        review = self._in_remediation()
        with self.assertRaisesRegex(UserError, "evidence"):
            review.with_user(self.compliance).action_verify_remediation()
        review.with_user(self.compliance).remediation_evidence = "Transferred"
        with self.assertRaisesRegex(UserError, "Compliance Officer"):
            review.with_user(self.committee).action_verify_remediation()
        self.assertEqual(review.remediation_state, "pending")

    def test_guard_archive_before_verified(self):
        review = self._in_remediation()
        with self.assertRaisesRegex(UserError, "not verified"):
            review.with_user(self.compliance).action_archive_review()
        self.assertEqual(review.state, "remediation")

    def test_return_to_review_restarts_validation(self):
        """The committee may send the review back; deciding again asks for a new
        validation."""
        review = self._decided("accept", 0)
        review.with_user(self.committee).action_return_to_review()
        self.assertEqual(review.state, "review")
        self.assertEqual(review.declaration_id.state, "review")
        review.with_user(self.compliance).action_to_decision()
        self.assertEqual(review.validation_status, "pending")

    def test_tier_definition_is_the_committee(self):
        """002/R6: the default tier definition asks the audit committee: its
        members, implied ones (the administrator) included, the declarant
        excepted."""
        definition = self.env.ref(
            "vendor_counsel.tier_definition_vc_coi_review_committee"
        )
        self.assertEqual(definition.reviewer_field_id.name, "committee_user_ids")
        review = self._review()
        self.assertIn(self.committee, review.committee_user_ids)
        self.assertIn(self.manager, review.committee_user_ids)
        self.assertNotIn(self.compliance, review.committee_user_ids)
        self.declarant_user.group_ids += self.env.ref(
            "vendor_counsel.group_vendor_counsel_committee"
        )
        review.invalidate_recordset(["committee_user_ids"])
        self.assertNotIn(self.declarant_user, review.committee_user_ids)
        self.assertIn(
            "vc.coi.review",
            self.env["tier.definition"]._get_tier_validation_model_names(),
        )

    # --- 002/R5 and R6

    def test_r6_exactly_three_options(self):
        """002/R6: exactly three decisions: eliminate within N days, accept with no
        change, other (explained)."""
        options = [
            key for key, _label in self.Review._fields["decision_option"].selection
        ]
        self.assertEqual(options, ["eliminate", "accept", "other"])
        review = self._review()
        review.with_user(self.compliance).action_to_decision()
        committee = review.with_user(self.committee)
        with self.assertRaises(ValidationError):
            committee.write({"decision_option": "other", "decision_other_text": " "})
        with self.assertRaises(ValueError):
            committee.write({"decision_option": "postpone"})
        committee.write(
            {"decision_option": "other", "decision_other_text": "Recuse from tenders"}
        )
        committee.action_decide()
        self.assertEqual(review.validation_status, "validated")

    def test_r5_days_boundaries(self):
        """002/R5: an elimination needs a positive number of days: 0 and -1 are
        refused, 1 is accepted."""
        review = self._review()
        review.with_user(self.compliance).action_to_decision()
        committee = review.with_user(self.committee)
        for days in (0, -1):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                committee.write(
                    {"decision_option": "eliminate", "elimination_days": days}
                )
                self.env.flush_all()
        committee.write({"decision_option": "eliminate", "elimination_days": 1})
        committee.action_decide()
        self.assertEqual(review.elimination_days, 1)
        self.assertEqual(review.validation_status, "validated")

    def test_r5_due_is_feedback_plus_n_calendar_days(self):
        """002/R5: the remediation is due at the end of the N-th calendar day (天)
        after the feedback, holidays included: feedback Mon 2 March 2026 10:00
        (Shanghai), N = 15 -> due 17 March 24:00 (16:00 UTC); with N = 1 -> 3
        March 24:00. Changing N moves the due."""
        with freeze_time("2026-03-02 02:00:00"):
            review = self._fed_back("eliminate", 15)
        self.assertEqual(review.feedback_date, datetime(2026, 3, 2, 2, 0))
        self.assertEqual(review.remediation_due, datetime(2026, 3, 17, 16, 0))
        self.assertEqual(
            review.remediation_due,
            self.calendar._bd_add(review.feedback_date, 15, "calendar_days"),
        )
        with freeze_time("2026-03-02 02:00:00"):
            other = self._fed_back("eliminate", 1)
        self.assertEqual(other.remediation_due, datetime(2026, 3, 3, 16, 0))

    def test_r5_overdue_the_day_after(self):
        """002/R5: on the due day the remediation is still pending; the day after,
        the engine's sweep breaches the timer and the daily cron flags it overdue
        and opens one sanction proposal (refusal to resolve, 002/R7), once."""
        with freeze_time("2026-03-02 02:00:00"):
            review = self._in_remediation(15)
        cron = "vendor_counsel.ir_cron_vc_coi_review_overdue"
        with freeze_time("2026-03-17 15:59:00"):
            self._sweep()
            self._trigger(cron)
        self.assertEqual(review.remediation_state, "pending")
        self.assertFalse(review.sanction_ids)
        with freeze_time("2026-03-18 01:00:00"):
            self._sweep()
            self._trigger(cron)
            self._trigger(cron)
        self.assertEqual(review.deadline_state, "breached")
        self.assertEqual(review.remediation_state, "overdue")
        self.assertEqual(len(review.sanction_ids), 1)
        self.assertEqual(review.sanction_ids.trigger, "refusal_to_resolve")
        self.assertEqual(review.sanction_ids.state, "proposed")
        self.assertEqual(review.sanction_ids.declarant_id, self.declarant)
        # verified late: the timer is met late, the outcome says so
        review.with_user(self.compliance).remediation_evidence = "Transferred late"
        with freeze_time("2026-03-20 01:00:00"):
            review.with_user(self.compliance).action_verify_remediation()
        self.assertEqual(review.remediation_outcome, "late")
        timer = review._vc_remediation_timers()
        self.assertEqual(timer.state, "met")
        self.assertTrue(timer.is_late)

    def test_refusal_opens_sanction_once(self):
        """002/R7: a refusal to resolve opens a sanction proposal, only once."""
        review = self._in_remediation()
        with self.assertRaisesRegex(UserError, "refusal"):
            review.with_user(self.compliance).action_record_refusal()
        review.with_user(self.compliance).refusal_note = "Will not sell the shares"
        review.with_user(self.compliance).action_record_refusal()
        review.with_user(self.compliance).action_record_refusal()
        self.assertEqual(len(review.sanction_ids), 1)
        self.assertEqual(review.sanction_count, 1)
