from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCoiReviewTour(HttpCase):
    def test_coi_review_tour(self):
        """002 W1 steps 4-11 in a browser: the review goes to the committee, which
        decides 'eliminate within 15 days' (002/R5, R6); the feedback is sent,
        the remediation verified and the form archived."""
        user = new_test_user(
            self.env,
            login="vc_tour_declarant",
            groups="vendor_counsel.group_vendor_counsel_user",
        )
        declarant = self.env["vc.coi.declarant"].create(
            {"partner_id": user.partner_id.id, "user_id": user.id, "role": "officer"}
        )
        declaration = self.env["vc.coi.declaration"].create(
            {
                "declarant_id": declarant.id,
                "kind": "event",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "kind": "holding",
                            "counterparty_name": "上海恒远贸易有限公司",
                        },
                    )
                ],
            }
        )
        declaration.write({"state": "submitted"})
        review = self.env["vc.coi.review"].create_from_declarations(declaration)
        self.start_tour(
            f"/odoo/action-vendor_counsel.vc_coi_review_action/{review.id}",
            "vc_coi_review_tour",
            login="admin",
            timeout=180,
        )
        self.assertEqual(review.state, "archived")
        self.assertEqual(review.decision_option, "eliminate")
        self.assertEqual(review.elimination_days, 15)
        self.assertEqual(review.remediation_state, "done")
        self.assertEqual(review.approver_ids, self.env.ref("base.user_admin"))
        self.assertEqual(declaration.state, "archived")
