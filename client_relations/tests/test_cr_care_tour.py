from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCrCareTour(HttpCase):
    def test_cr_care_tour(self):
        """An owner records a gift and submits it for a supervisor's approval, in
        Chinese (000/E-CR-14)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        admin = self.env.ref("base.user_admin")
        admin.lang = "zh_CN"
        department = self.env["hr.department"].create({"name": "客服部（测试）"})
        client = self.env["res.partner"].create(
            {"name": "杭州云帆科技有限公司", "is_company": True, "cr_is_client": True}
        )
        self.env["res.partner"].create({"name": "周敏", "parent_id": client.id})
        self.env["cr.gift.budget"].create(
            {
                "year": fields.Date.today().year,
                "department_id": department.id,
                "amount": 10000,
            }
        )
        self.start_tour(
            "/odoo/action-client_relations.cr_gift_action",
            "cr_care_tour",
            login="admin",
            timeout=120,
        )
        gift = self.env["cr.gift"].search([("partner_id", "=", client.id)])
        self.assertEqual(gift.state, "submitted")
        self.assertEqual(gift.value, 260)
        self.assertTrue(gift.review_ids)
