from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common_vc_requests import VcRequestsCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-01")
class TestVcSelection(VcRequestsCommon):
    def _open_selection(self):
        selection = self._selection(expected_fee=300000)
        self.assertEqual(selection.procedure, "open")
        return selection

    def _invited(self, selection, *firms):
        candidates = self.env["vc.selection.candidate"]
        for firm in firms:
            candidates |= self._candidate(selection, firm)
        candidates.with_user(self.legal).action_invite()
        return candidates

    def _to_scoring(self, selection, candidates, quotes=(90000, 80000)):
        selection.with_user(self.legal).action_send_invitations()
        for candidate, quote in zip(candidates, quotes, strict=False):
            candidate.quote_amount = quote
            candidate.with_user(self.legal).action_record_bid()
        selection.evaluator_ids = self.legal | self.requester
        selection.with_user(self.legal).action_start_scoring()

    # ------------------------------------------------------------ R-VC-13
    def test_open_needs_two_invited(self):
        """000/R-VC-13: an open competitive selection invites at least 2 firms: 1 is
        refused, 2 pass."""
        selection = self._open_selection()
        self.assertEqual(selection.min_invited, 2)
        self._invited(selection, self.firm)
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_send_invitations()
        self.assertEqual(selection.state, "draft")
        self._invited(selection, self.firm2)
        selection.with_user(self.legal).action_send_invitations()
        self.assertEqual(selection.state, "invited")

    def test_min_invited_setting(self):
        """000/R-VC-13: default 2; set to 3, two invited firms are refused; an
        ordinary selection needs one."""
        self.assertEqual(self.company.vc_open_min_invited, 2)
        self.company.vc_open_min_invited = 3
        selection = self._open_selection()
        self._invited(selection, self.firm, self.firm2)
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_send_invitations()
        ordinary = self._selection()
        self.assertEqual(ordinary.procedure, "ordinary")
        self._invited(ordinary, self.firm)
        ordinary.with_user(self.legal).action_send_invitations()
        self.assertEqual(ordinary.state, "invited")

    # ------------------------------------------------------------ R-VC-14
    def test_retained_considers_three(self):
        """000/R-VC-14: a new retained counsel is chosen among at least 3 firms
        considered: 2 are refused, 3 pass."""
        selection = self._selection(engagement_type="retained")
        self.assertEqual(selection.min_considered, 3)
        self._invited(selection, self.firm, self.firm2)
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_send_invitations()
        self._candidate(selection, self.firm3)
        selection.with_user(self.legal).action_send_invitations()
        self.assertEqual(selection.state, "invited")

    def test_retained_shortlist_one_to_two(self):
        """000/R-VC-14: the leadership decides among 1 to 2 shortlisted firms: 0 or 3
        shortlisted are refused, 1 and 2 pass."""
        selection = self._selection(engagement_type="retained")
        candidates = self._invited(selection, self.firm, self.firm2, self.firm3)
        self._to_scoring(selection, candidates, quotes=(90000, 80000, 70000))
        selection.write({"winner_id": candidates[0].id, "award_reason": "Best score."})
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_request_award()
        candidates.write({"is_shortlisted": True})
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_request_award()
        candidates[2].is_shortlisted = False
        selection.with_user(self.legal).action_request_award()
        self.assertTrue(selection.review_ids)

    def test_retained_shortlist_settings(self):
        """000/R-VC-14: defaults 3 considered, shortlist 1..2; a maximum of 1
        refuses two shortlisted firms; a minimum of 2 considered lets 2 pass."""
        self.assertEqual(self.company.vc_retained_min_considered, 3)
        self.assertEqual(self.company.vc_retained_shortlist_min, 1)
        self.assertEqual(self.company.vc_retained_shortlist_max, 2)
        self.company.vc_retained_min_considered = 2
        self.company.vc_retained_shortlist_max = 1
        selection = self._selection(engagement_type="retained")
        candidates = self._invited(selection, self.firm, self.firm2)
        self._to_scoring(selection, candidates)
        candidates.write({"is_shortlisted": True})
        selection.write({"winner_id": candidates[0].id, "award_reason": "Best."})
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_request_award()
        candidates[1].is_shortlisted = False
        selection.with_user(self.legal).action_request_award()

    # ------------------------------------------------------------ R-VC-20 / 23
    def test_off_panel_candidate_needs_justification(self):
        """000/R-VC-20: an off-panel candidate is invited only with a justification;
        panel firms are listed first."""
        selection = self._open_selection()
        off = self._candidate(selection, self.off_panel_firm)
        self.assertFalse(off.is_on_panel)
        with self.assertRaises(UserError):
            off.with_user(self.legal).action_invite()
        self.assertEqual(off.state, "considered")
        off.off_panel_reason = "Only firm admitted in Hong Kong."
        off.with_user(self.legal).action_invite()
        self.assertEqual(off.state, "invited")
        panel = self.env["res.partner"]._vc_panel_firms(
            self.area, date(2026, 10, 20), self.company
        )
        if self.firm in panel:
            on = self._candidate(selection, self.firm)
            self.assertTrue(on.is_on_panel)
            self.assertEqual(selection.candidate_ids[0], on)

    def test_propose_panel_firms(self):
        """000/R-VC-20: the selection proposes the valid panel's firms for the
        practice area, not the others."""
        selection = self._open_selection()
        selection.with_user(self.legal).action_propose_candidates()
        panel = self.env["res.partner"]._vc_panel_firms(
            self.area, date(2026, 10, 20), self.company
        )
        self.assertEqual(selection.candidate_ids.firm_id, panel)
        self.assertNotIn(self.off_panel_firm, selection.candidate_ids.firm_id)

    def test_retained_counsel_preferred(self):
        """000/R-VC-23: for a special matter the company's active retained counsel
        is flagged preferred and listed first; not for a retained request, nor an
        engagement that is not active."""
        engagement = self._create_engagement(
            firm_id=self.off_panel_firm.id,
            engagement_type="retained",
            lawyer_ids=[(6, 0, [])],
        )
        selection = self._open_selection()
        other = self._candidate(selection, self.firm2)
        retained = self._candidate(
            selection, self.off_panel_firm, off_panel_reason="Our retained counsel."
        )
        self.assertFalse(retained.is_preferred)  # engagement still a draft
        engagement.state = "active"
        retained2 = self._candidate(
            self._open_selection(),
            self.off_panel_firm,
            off_panel_reason="Our retained counsel.",
        )
        self.assertTrue(retained2.is_preferred)
        self.assertEqual(retained2.selection_id.candidate_ids[0], retained2)
        self.assertFalse(other.is_preferred)
        # a retained request has no such preference
        retained_sel = self._selection(engagement_type="retained")
        cand = self._candidate(retained_sel, self.off_panel_firm, off_panel_reason="x")
        self.assertFalse(cand.is_preferred)
        # the proposal puts the retained counsel among the candidates
        sel = self._open_selection()
        sel.with_user(self.legal).action_propose_candidates()
        self.assertIn(self.off_panel_firm, sel.candidate_ids.firm_id)
        self.assertEqual(sel.candidate_ids[0].firm_id, self.off_panel_firm)

    # ------------------------------------------------------------ eligibility
    def test_eligibility_on_invite_and_award(self):
        """Invitation and award go through the firms' eligibility API: a blocking
        breach refuses them."""
        selection = self._open_selection()
        candidates = self._invited(selection, self.firm, self.firm2)
        self._to_scoring(selection, candidates)
        selection.write({"winner_id": candidates[0].id, "award_reason": "Best."})
        # a real breach: a penalty of each firm within the last 3 years (000/R-VC-02)
        self.env["vc.penalty"].create(
            [
                {
                    "partner_id": firm.id,
                    "date": date(2026, 3, 1),
                    "kind": "administrative",
                    "description": "Fined by the bureau of justice",
                }
                for firm in self.firm | self.firm3
            ]
        )
        with self.assertRaisesRegex(UserError, "R-VC-02"):
            selection.with_user(self.legal).action_award()
        extra = self._candidate(self._open_selection(), self.firm3)
        with self.assertRaisesRegex(UserError, "R-VC-02"):
            extra.with_user(self.legal).action_invite()
        self.assertEqual(selection.state, "scoring")

    # ------------------------------------------------------------ scoring
    def test_scores_weighted_and_ranked(self):
        """000/E-VC-5: two evaluators score each bidder on each weighted criterion;
        the weighted total averages them and ranks the bidders."""
        selection = self._open_selection()
        candidates = self._invited(selection, self.firm, self.firm2)
        self._to_scoring(selection, candidates)
        criteria = selection.criterion_ids
        self.assertEqual(len(criteria), 7)
        self.assertEqual(
            len(selection.score_ids), 2 * 2 * 7
        )  # evaluators × bidders × criteria
        fee = self.env.ref("vendor_counsel.vc_selection_criterion_fee")
        for line in selection.score_ids:
            if line.candidate_id == candidates[0]:
                line.score = 80
            else:
                line.score = 100 if line.criterion_id == fee else 70
        first, second = candidates
        self.assertAlmostEqual(first.score_total, 80)
        total_weight = sum(criteria.mapped("weight"))
        expected = (100 * fee.weight + 70 * (total_weight - fee.weight)) / total_weight
        self.assertAlmostEqual(second.score_total, expected, places=2)
        self.assertEqual(first.rank, 1)
        self.assertEqual(second.rank, 2)

    def test_score_bounds(self):
        """000/E-VC-5: a score lies between 0 and the maximum (default 100): 100
        passes, 100.01 and -1 are refused; a maximum of 10 refuses 10.01."""
        self.assertEqual(self.company.vc_score_max, 100)
        selection = self._open_selection()
        candidates = self._invited(selection, self.firm, self.firm2)
        self._to_scoring(selection, candidates)
        line = selection.score_ids[0]
        line.score = 100
        with self.assertRaises(ValidationError):
            line.score = 100.01
        with self.assertRaises(ValidationError):
            line.score = -1
        self.company.vc_score_max = 10
        line.score = 10
        with self.assertRaises(ValidationError):
            line.score = 10.01

    def test_evaluator_scores_only_own(self):
        """An evaluator enters only their own scores, and only while scoring."""
        selection = self._open_selection()
        candidates = self._invited(selection, self.firm, self.firm2)
        self._to_scoring(selection, candidates)
        mine = selection.score_ids.filtered(lambda s: s.evaluator_id == self.requester)
        mine[0].with_user(self.requester).score = 60
        legal_line = selection.score_ids.filtered(
            lambda s: s.evaluator_id == self.legal
        )[0]
        with self.assertRaises(UserError):
            legal_line.sudo().with_user(self.requester).write({"score": 50})

    # ------------------------------------------------------------ bids and award
    def test_bid_needs_quote(self):
        selection = self._open_selection()
        candidates = self._invited(selection, self.firm, self.firm2)
        selection.with_user(self.legal).action_send_invitations()
        with self.assertRaises(UserError):
            candidates[0].with_user(self.legal).action_record_bid()
        candidates[0].quote_amount = 90000
        candidates[0].with_user(self.legal).action_record_bid()
        self.assertTrue(candidates[0].date_bid)
        candidates[1].with_user(self.legal).action_decline()
        self.assertEqual(candidates[1].state, "declined")

    def test_scoring_needs_bid_and_evaluators(self):
        selection = self._open_selection()
        candidates = self._invited(selection, self.firm, self.firm2)
        selection.with_user(self.legal).action_send_invitations()
        selection.evaluator_ids = self.legal
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_start_scoring()
        candidates[0].quote_amount = 1
        candidates[0].with_user(self.legal).action_record_bid()
        selection.evaluator_ids = False
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_start_scoring()

    def test_award_flow_creates_engagement(self):
        """000/WF-VC-3: the award needs a reason and the general counsel's approval;
        the winner's engagement is created as a draft and the request is engaged."""
        selection = self._open_selection()
        candidates = self._invited(selection, self.firm, self.firm2)
        candidates[0].lawyer_ids = self.lawyer
        self._to_scoring(selection, candidates)
        candidates[0].with_user(self.legal).action_choose_winner()
        self.assertEqual(selection.winner_id, candidates[0])
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_request_award()
        selection.award_reason = "Best score and fair price."
        selection.with_user(self.legal).action_request_award()
        with self.assertRaises(ValidationError):
            selection.with_user(self.legal).action_award()
        selection.with_user(self.general_counsel).validate_tier()
        selection.with_user(self.legal).action_award()
        self.assertEqual(selection.state, "awarded")
        self.assertEqual(candidates[0].state, "awarded")
        self.assertEqual(candidates[1].state, "lost")
        selection.with_user(self.legal).action_create_engagement()
        engagement = selection.engagement_id
        self.assertEqual(engagement.state, "draft")
        self.assertEqual(engagement.firm_id, self.firm)
        self.assertEqual(engagement.lawyer_ids, self.lawyer)
        self.assertEqual(engagement.fee_amount, 90000)
        self.assertEqual(engagement.request_id, selection.request_id)
        self.assertEqual(selection.request_id.state, "engaged")
        self.assertEqual(selection.request_id.engagement_count, 1)
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_create_engagement()

    def test_requester_cannot_run_selection(self):
        selection = self._open_selection()
        candidate = self._candidate(selection, self.firm)
        with self.assertRaises(UserError):
            candidate.with_user(self.requester).sudo().with_user(
                self.requester
            ).action_invite()

    def test_cancel_selection(self):
        selection = self._open_selection()
        selection.with_user(self.legal).action_cancel()
        self.assertEqual(selection.state, "cancel")
        with self.assertRaises(UserError):
            selection.with_user(self.legal).action_cancel()
