from odoo.tests import freeze_time, tagged

from .common_vc_requests import VcRequestsCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-01")
class TestVcRequestsReport(VcRequestsCommon):
    def _scored_selection(self, firms):
        selection = self._selection(expected_fee=300000)
        candidates = self.env["vc.selection.candidate"]
        for firm in firms:
            candidates |= self._candidate(selection, firm)
        candidates.with_user(self.legal).action_invite()
        selection.with_user(self.legal).action_send_invitations()
        for candidate in candidates:
            candidate.quote_amount = 88000
            candidate.with_user(self.legal).action_record_bid()
        selection.evaluator_ids = self.legal | self.general_counsel
        selection.with_user(self.legal).action_start_scoring()
        for line in selection.score_ids:
            line.score = 75
        return selection

    def test_request_form_report(self):
        """000/E-VC-4: 《公司聘用社会律师申请单》 prints the unit, matter, amounts,
        dates, the internal-first reason and the approvals with their reviewers."""
        request = self._submitted_approved(goal="A clean legal opinion.")
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "vendor_counsel.report_vc_request", request.ids
        )
        html = html.decode()
        self.assertIn("公司聘用社会律师申请单", html)
        self.assertIn(request.name, html)
        self.assertIn("A clean legal opinion.", html)
        self.assertIn("Cross-border due diligence", html)
        self.assertIn(self.general_counsel.name, html)
        self.assertIn(self.legal.name, html)

    def test_score_sheet_report(self):
        """000/E-VC-5: 《律师事务所选聘评分表》 prints each bidder's mean score per
        criterion, the weighted total and the rank."""
        selection = self._scored_selection(self.firm | self.firm2)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "vendor_counsel.report_vc_selection_scores", selection.ids
        )
        html = html.decode()
        self.assertIn("律师事务所选聘评分表", html)
        self.assertIn(self.firm.name, html)
        self.assertIn(self.firm2.name, html)
        self.assertIn("75.00", html)

    def test_score_sheet_query_count_flat(self):
        """The score sheet's matrix costs the same queries for 2 or 3 bidders."""
        small = self._scored_selection(self.firm | self.firm2)
        large = self._scored_selection(self.firm | self.firm2 | self.firm3)
        counts = []
        for selection in (small, large):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            selection._score_sheet()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
