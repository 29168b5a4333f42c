from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVcCoiCheckTour(HttpCase):
    def test_vc_coi_check_tour(self):
        """Compliance checks a typed name from the menu and sees the ranked
        matches, in a browser."""
        partner = self.env["res.partner"].create({"name": "赵立新"})
        declarant = self.env["vc.coi.declarant"].create(
            {"partner_id": partner.id, "role": "officer"}
        )
        self.env["vc.coi.declaration"].create(
            {
                "declarant_id": declarant.id,
                "state": "submitted",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "kind": "holding",
                            "counterparty_name": "上海恒通实业有限公司",
                        },
                    )
                ],
            }
        )
        self.start_tour(
            "/odoo/action-vendor_counsel.vc_coi_check_action",
            "vc_coi_check_tour",
            login="admin",
            timeout=120,
        )
        check = self.env["vc.coi.check"].search(
            [("query_names", "=", "上海恒通实业股份有限公司")]
        )
        self.assertEqual(check.result, "possible_conflict")
        self.assertEqual(check.match_ids[0].match_kind, "normalised")
