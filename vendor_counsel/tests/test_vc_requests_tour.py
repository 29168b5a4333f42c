from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVcRequestsTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.area = cls.env["vc.practice.area"].create({"name": "并购巡检"})
        firms = cls.env["res.partner"]
        for name in ("北京市恒信巡检律师事务所", "上海市君泽巡检律师事务所"):
            firms |= cls.env["res.partner"].create(
                {
                    "name": name,
                    "is_company": True,
                    "vc_is_law_firm": True,
                    "vc_date_established": date(2010, 1, 4),
                    "vc_practice_area_ids": [(6, 0, cls.area.ids)],
                }
            )
        # both firms are on the area's approved panel (000/R-VC-20, R-VC-21)
        panel = cls.env["vc.panel"].create(
            {
                "name": "并购巡检优选名单",
                "practice_area_id": cls.area.id,
                "date_from": date(2020, 1, 1),
                "date_to": date(2035, 12, 31),
                "line_ids": [
                    (0, 0, {"firm_id": firm.id, "rank": rank})
                    for rank, firm in enumerate(firms, start=1)
                ],
            }
        )
        panel.state = "approved"
        # one criterion keeps the tour's score sheet short
        fee = cls.env.ref("vendor_counsel.vc_selection_criterion_fee")
        (cls.env["vc.selection.criterion"].search([]) - fee).action_archive()

    def test_request_to_award_tour(self):
        """000/WF-VC-2, WF-VC-3 in a browser: request, submit-by date, approvals,
        selection, invitations, bids, scores, award, engagement."""
        self.start_tour(
            "/odoo/action-vendor_counsel.vc_request_action/new",
            "vc_requests_tour",
            login="admin",
            timeout=300,
        )
        request = self.env["vc.request"].search(
            [("description", "=", "收购华东新能源公司股权的法律尽职调查")]
        )
        self.assertEqual(request.state, "engaged")
        self.assertEqual(request.date_submit_by, date(2027, 3, 22))
        selection = request.selection_ids
        self.assertEqual(selection.state, "awarded")
        self.assertEqual(selection.invited_count, 2)
        self.assertEqual(selection.winner_id.rank, 1)
        self.assertEqual(selection.winner_id.score_total, 90)
        self.assertEqual(
            request.engagement_ids.fee_amount, selection.winner_id.quote_amount
        )
