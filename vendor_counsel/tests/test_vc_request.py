from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common_vc_requests import VcRequestsCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-01")
class TestVcRequest(VcRequestsCommon):
    # ------------------------------------------------------------ R-VC-08 / A-11
    def test_submit_by_engine_and_literal(self):
        """000/R-VC-08: the latest submission date is the 7th working day before the
        service start, across the National Day holiday and its make-up Saturday:
        2026-10-20 → 2026-10-10 (engine and literal agree)."""
        request = self._new_request(date_service_start=date(2026, 10, 20))
        expected = self.calendar._bd_working_days_before(date(2026, 10, 20), 7)[0]
        self.assertEqual(request.date_submit_by, expected)
        self.assertEqual(request.date_submit_by, date(2026, 10, 10))

    def test_submit_on_latest_date_ok(self):
        """000/R-VC-08: submitted exactly on the latest date (2026-10-10) → OK."""
        request = self._new_request(date_service_start=date(2026, 10, 20))
        with freeze_time("2026-10-10"):
            request.with_user(self.requester).action_submit()
        self.assertEqual(request.state, "submitted")
        self.assertFalse(request.is_late)
        self.assertEqual(request.date_submitted, date(2026, 10, 10))

    def test_submit_one_working_day_late_refused(self):
        """000/R-VC-08: one working day later (2026-10-12) → refused by default."""
        request = self._new_request(date_service_start=date(2026, 10, 20))
        with freeze_time("2026-10-12"), self.assertRaises(UserError):
            request.with_user(self.requester).action_submit()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.review_ids)

    def test_late_policy_warn(self):
        """000/R-VC-08, A-11: with the 'warn' setting a late request is accepted,
        marked late and noted in the chatter."""
        self.assertEqual(self.company.vc_request_late_policy, "block")
        self.company.vc_request_late_policy = "warn"
        request = self._new_request(date_service_start=date(2026, 10, 20))
        with freeze_time("2026-10-12"):
            request.with_user(self.requester).action_submit()
        self.assertEqual(request.state, "submitted")
        self.assertTrue(request.is_late)

    def test_lead_days_setting(self):
        """000/R-VC-08: default 7 working days; 8 moves the latest date to
        2026-10-09."""
        self.assertEqual(self.company.vc_request_lead_days, 7)
        self.company.vc_request_lead_days = 8
        request = self._new_request(date_service_start=date(2026, 10, 20))
        self.assertEqual(request.date_submit_by, date(2026, 10, 9))
        with freeze_time("2026-10-10"), self.assertRaises(UserError):
            request.with_user(self.requester).action_submit()

    # ------------------------------------------------------------ R-VC-10 / 11
    def test_subject_amount_threshold(self):
        """000/R-VC-10, A-9: a subject amount of 2,000,000.00 → ordinary;
        2,000,000.01 → open competitive."""
        request = self._new_request(subject_amount=2000000.00)
        self.assertFalse(request.selection_required)
        self.assertEqual(request.procedure, "ordinary")
        request.subject_amount = 2000000.01
        self.assertTrue(request.selection_required)
        self.assertEqual(request.procedure, "open")

    def test_fee_threshold(self):
        """000/R-VC-11, A-9: an expected fee of 100,000.00 → ordinary; 100,000.01 →
        open competitive."""
        request = self._new_request(expected_fee=100000.00)
        self.assertEqual(request.procedure, "ordinary")
        request.expected_fee = 100000.01
        self.assertEqual(request.procedure, "open")

    def test_threshold_settings(self):
        """000/R-VC-10, R-VC-11: defaults 2,000,000 and 100,000; changed values take
        effect."""
        self.assertEqual(self.company.vc_open_subject_threshold, 2000000)
        self.assertEqual(self.company.vc_open_fee_threshold, 100000)
        request = self._new_request(subject_amount=1500000, expected_fee=80000)
        self.assertEqual(request.procedure, "ordinary")
        self.company.vc_open_subject_threshold = 1000000
        self.assertEqual(request.procedure, "open")
        self.company.vc_open_subject_threshold = 2000000
        self.company.vc_open_fee_threshold = 50000
        self.assertEqual(request.procedure, "open")

    # ------------------------------------------------------------ R-VC-12
    def test_urgent_exception(self):
        """000/R-VC-12: urgent + above the threshold → ordinary procedure, with the
        executive's approval tier; not urgent → open competition, no executive."""
        request = self._new_request(expected_fee=100000.01)
        self.assertEqual(request.procedure, "open")
        self.assertFalse(request.needs_executive_approval)
        request.write({"is_urgent": True, "urgent_reason": "Hearing in two weeks."})
        self.assertEqual(request.procedure, "ordinary")
        self.assertTrue(request.is_urgent_exception)
        self.assertTrue(request.needs_executive_approval)
        request.with_user(self.requester).action_submit()
        reviewers = request.review_ids.mapped("reviewer_ids")
        self.assertIn(self.executive, reviewers)
        # the executive's tier is not done yet: the legal department cannot approve
        request.with_user(self.legal).validate_tier()
        request.with_user(self.general_counsel).validate_tier()
        with self.assertRaises(ValidationError):
            request.with_user(self.legal).action_approve()
        request.with_user(self.executive).validate_tier()
        request.with_user(self.legal).action_approve()
        self.assertEqual(request.state, "approved")

    def test_urgent_below_threshold_no_executive(self):
        """000/R-VC-12: an urgent matter below the thresholds is ordinary anyway: no
        executive approval."""
        request = self._new_request(expected_fee=100000.00, is_urgent=True)
        self.assertFalse(request.is_urgent_exception)
        self.assertFalse(request.needs_executive_approval)

    def test_urgent_needs_reason(self):
        """000/R-VC-12: the urgent exception says why it is urgent."""
        request = self._new_request(expected_fee=200000, is_urgent=True)
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_submit()
        self.assertEqual(request.state, "draft")

    def test_executive_setting(self):
        """000/R-VC-12, R-VC-19: without an executive in charge in the settings the
        exception cannot be submitted; the configured one is the reviewer."""
        self.company.vc_executive_user_id = False
        request = self._new_request(
            expected_fee=200000, is_urgent=True, urgent_reason="Court deadline."
        )
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_submit()
        self.company.vc_executive_user_id = self.general_counsel
        request.with_user(self.requester).action_submit()
        executive_review = request.review_ids.filtered(
            lambda r: r.definition_id
            == self.env.ref("vendor_counsel.tier_definition_vc_request_executive")
        )
        self.assertEqual(executive_review.reviewer_ids, self.general_counsel)

    # ------------------------------------------------------------ R-VC-17/18/19
    def test_units_in_scope(self):
        """000/R-VC-17: subsidiaries, branches and offices of the group request
        outside counsel for special matters like headquarters."""
        for kind in ("headquarters", "subsidiary", "branch", "office"):
            self.company.vc_unit_kind = kind
            request = self._new_request()
            request.with_user(self.requester).action_submit()
            self.assertEqual(request.state, "submitted", kind)
            self.assertFalse(request.needs_executive_approval, kind)

    def test_branch_no_retained(self):
        """000/R-VC-18, 000/WF-VC-6: a branch or a functional centre may not request
        retained counsel; headquarters may."""
        for kind in ("branch", "functional_centre"):
            self.company.vc_unit_kind = kind
            request = self._new_request(engagement_type="retained")
            with self.assertRaises(UserError):
                request.with_user(self.requester).action_submit()
            self.assertEqual(request.state, "draft")
        self.company.vc_unit_kind = "headquarters"
        request = self._new_request(engagement_type="retained")
        request.with_user(self.requester).action_submit()
        self.assertEqual(request.state, "submitted")

    def test_subsidiary_retained(self):
        """000/R-VC-19: a subsidiary's retained counsel needs the written request
        and the consent of the executive in charge (a tier)."""
        self.company.vc_unit_kind = "subsidiary"
        request = self._new_request(engagement_type="retained")
        self.assertTrue(request.needs_executive_approval)
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_submit()
        request.written_request_ids = self._attachment()
        request.with_user(self.requester).action_submit()
        self.assertIn(self.executive, request.review_ids.mapped("reviewer_ids"))
        self._approve(request)
        self.assertEqual(request.state, "approved")
        # headquarters' retained counsel: no executive tier
        self.company.vc_unit_kind = "headquarters"
        self.assertFalse(
            self._new_request(engagement_type="retained").needs_executive_approval
        )

    # ------------------------------------------------------------ R-VC-20 / 26
    def test_internal_first_required(self):
        """000/R-VC-26: no justification why internal counsel cannot handle it → the
        request is refused; blank text too; with it → submitted."""
        for reason in (False, "   "):
            request = self._new_request(internal_first_reason=reason)
            with self.assertRaises(UserError):
                request.with_user(self.requester).action_submit()
            self.assertEqual(request.state, "draft")
        request = self._new_request()
        request.with_user(self.requester).action_submit()
        self.assertEqual(request.state, "submitted")

    def test_off_panel_needs_justification(self):
        """000/R-VC-20: an off-panel proposed firm needs a justification; a panel
        firm does not."""
        request = self._new_request(proposed_firm_id=self.off_panel_firm.id)
        self.assertTrue(request.is_off_panel)
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_submit()
        request.off_panel_reason = "Only firm with a Luxembourg office."
        request.with_user(self.requester).action_submit()
        self.assertEqual(request.state, "submitted")
        panel = self.env["res.partner"]._vc_panel_firms(
            self.area, date(2026, 10, 20), self.company
        )
        if panel:
            on_panel = self._new_request(proposed_firm_id=panel[0].id)
            self.assertFalse(on_panel.is_off_panel)

    # ------------------------------------------------------------ guards
    def test_scenario_required(self):
        """000/E-VC-4: a request names its matter scenario."""
        request = self._new_request(scenario_id=False)
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_submit()

    def test_only_requester_submits(self):
        """Another requester cannot submit someone else's request."""
        request = self._new_request()
        with self.assertRaises(UserError):
            request.with_user(self.legal).with_user(self.requester).sudo(
                False
            ).with_user(self.other_requester).action_submit()

    def test_submit_twice_refused(self):
        request = self._new_request()
        request.with_user(self.requester).action_submit()
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_submit()

    def test_requester_cannot_approve(self):
        request = self._new_request()
        request.with_user(self.requester).action_submit()
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_approve()

    def test_approve_needs_all_tiers(self):
        """000/WF-VC-2: legal review then general counsel: approving before the
        general counsel's tier is refused."""
        request = self._new_request()
        request.with_user(self.requester).action_submit()
        self.assertEqual(len(request.review_ids), 2)
        request.with_user(self.legal).validate_tier()
        with self.assertRaises(ValidationError):
            request.with_user(self.legal).action_approve()
        request.with_user(self.general_counsel).validate_tier()
        request.with_user(self.legal).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.date_approved, date(2026, 9, 1))

    def test_reject_needs_reason(self):
        request = self._new_request()
        request.with_user(self.requester).action_submit()
        with self.assertRaises(UserError):
            request.with_user(self.legal).action_reject()
        request.with_user(self.legal).rejection_reason = "Internal counsel can do it."
        request.with_user(self.legal).action_reject()
        self.assertEqual(request.state, "rejected")
        request.with_user(self.requester).action_reset_draft()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.review_ids)

    def test_start_selection_needs_approval(self):
        request = self._new_request()
        with self.assertRaises(UserError):
            request.with_user(self.legal).action_start_selection()
        request.with_user(self.requester).action_submit()
        self._approve(request)
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_start_selection()
        request.with_user(self.legal).action_start_selection()
        self.assertEqual(request.state, "selection")
        self.assertEqual(request.selection_count, 1)

    def test_cancel(self):
        request = self._new_request()
        request.with_user(self.requester).action_cancel()
        self.assertEqual(request.state, "cancel")
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_cancel()

    def test_sequence_name(self):
        self.assertTrue(self._new_request().name.startswith("PQ"))
