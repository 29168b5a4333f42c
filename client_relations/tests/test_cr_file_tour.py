from odoo.tests import HttpCase, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_cr_file import CrFileCommon


@tagged("post_install", "-at_install")
class TestCrFileTour(JsonRpcCase, CrFileCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["client_relations"], ["zh_CN"], overwrite=True
        )
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.lang = "zh_CN"
        cls.tour_client = cls.env["res.partner"].create(
            {
                "name": "巡回测试客户有限公司",
                "is_company": True,
                "cr_is_client": True,
                "cr_class": "a",
                "cr_owner_id": cls.admin.id,
            }
        )
        cls.tour_client.sudo().cr_tier_id = cls.tier_gold

    def test_cr_file_tour(self):
        """WF-CR-1, R-CR-06 in a browser (zh_CN): open a client, see the Client
        File tab, request a tier change and approve it at the provincial level."""
        self.start_tour(
            "/odoo/action-client_relations.res_partner_action_cr_client",
            "cr_file_tour",
            login="admin",
            timeout=180,
        )
        self.env.invalidate_all()
        self.assertEqual(self.tour_client.cr_tier_id, self.tier_diamond)
        change = self.tour_client.cr_tier_change_ids
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.approved_by_id, self.admin)
        self.assertEqual(
            self.tour_client.cr_tier_history_ids.to_tier_id, self.tier_diamond
        )

    def test_json_rpc(self):
        """003/HR-D18-3 over JSON-RPC: the owner reads only their clients' revenue
        and cannot change another client's file."""
        self.env["cr.revenue"].create(
            {"partner_id": self.client.id, "year": 2025, "amount": 1}
        )
        self.env["cr.revenue"].create(
            {"partner_id": self.other_client.id, "year": 2025, "amount": 2}
        )
        found = self._call(
            "cr_owner", "cr.revenue", "search_read", [[]], {"fields": ["partner_id"]}
        )
        self.assertEqual(
            {row["partner_id"][0] for row in found["result"]}, {self.client.id}
        )
        denied = self._call(
            "cr_owner",
            "res.partner",
            "write",
            [self.other_client.ids, {"cr_class": "d"}],
        )
        self.assertIn("error", denied)
        self.assertEqual(self.other_client.cr_class, "b")
