from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestVcEvaluationsTour(HttpCase):
    """Browser tours of the evaluation flow and the law-firm portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "vendor_counsel.group_vendor_counsel_"
        cls.legal = new_test_user(
            cls.env,
            login="vc_tour_legal",
            password="vc_tour_legal_pw",
            name="评价人甲",
            groups=group + "legal",
        )
        cls.evaluator = new_test_user(
            cls.env,
            login="vc_tour_eval",
            password="vc_tour_eval_pw",
            name="评价人乙",
            groups=group + "user",
        )
        cls.firm = cls.env["res.partner"].create(
            {"name": "评价测试律师事务所", "is_company": True, "vc_is_law_firm": True}
        )
        cls.engagement = cls.env["vc.engagement"].create(
            {
                "name": "TOUR-ENG",
                "firm_id": cls.firm.id,
                "subject": "门户巡检服务事项",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "fee_amount": 50000,
            }
        )
        cls.engagement.write({"state": "active"})
        # two criteria keep the scorecards short in the browser
        criteria = cls.env["vc.evaluation.criterion"].search([])
        criteria[2:].active = False

    def test_evaluation_tour(self):
        """000/E-VC-9: in the browser the legal department creates an evaluation and
        invites two evaluators; each scores and submits; the legal department
        closes it and sees renewal proposed."""
        self.start_tour(
            "/odoo/action-vendor_counsel.vc_evaluation_action",
            "vc_evaluation_create_tour",
            login="vc_tour_legal",
            timeout=180,
        )
        evaluation = self.env["vc.evaluation"].search(
            [("engagement_id", "=", self.engagement.id)]
        )
        self.assertEqual(evaluation.state, "scoring")
        self.assertEqual(evaluation.evaluator_ids.user_id, self.legal | self.evaluator)
        for login in ("vc_tour_eval", "vc_tour_legal"):
            self.start_tour(
                "/odoo/action-vendor_counsel.vc_evaluation_evaluator_action_my",
                "vc_evaluation_score_tour",
                login=login,
                timeout=180,
            )
        self.assertEqual(set(evaluation.evaluator_ids.mapped("state")), {"submitted"})
        self.start_tour(
            "/odoo/action-vendor_counsel.vc_evaluation_action",
            "vc_evaluation_close_tour",
            login="vc_tour_legal",
            timeout=180,
        )
        self.assertEqual(evaluation.state, "done")
        self.assertAlmostEqual(evaluation.score, 90)
        self.assertEqual(evaluation.outcome, "renew")

    def test_portal_tour(self):
        """The firm's portal user opens /my, sees the engagement and submits a bid
        on the selection it is invited to."""
        portal = new_test_user(
            self.env,
            login="vc_tour_portal",
            password="vc_tour_portal_pw",
            groups="base.group_portal",
        )
        portal.partner_id.parent_id = self.firm
        request = self.env["vc.request"].create(
            {"description": "门户选聘", "date_service_start": date(2026, 12, 1)}
        )
        selection = self.env["vc.selection"].create(
            {"name": "TOUR-SEL", "request_id": request.id, "state": "invited"}
        )
        candidate = self.env["vc.selection.candidate"].create(
            {"selection_id": selection.id, "firm_id": self.firm.id, "state": "invited"}
        )
        self.start_tour("/my", "vc_portal_tour", login="vc_tour_portal", timeout=180)
        self.assertEqual(candidate.state, "bid")
        self.assertEqual(candidate.quote_amount, 88000)
        self.assertEqual(candidate.bid_note, "由三名合伙人组成团队，四周内完成。")
