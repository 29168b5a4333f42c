from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCrReturnTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        admin = cls.env.ref("base.user_admin")
        admin.group_ids |= cls.env.ref(
            "client_relations.group_client_relations_manager"
        )
        admin.lang = "zh_CN"
        client = cls.env["res.partner"].create(
            {"name": "华信巡检科技有限公司", "is_company": True, "cr_is_client": True}
        )
        cls.project = cls.env["cr.project"].create(
            {
                "name": "机房改造回访巡检项目",
                "partner_id": client.id,
                "user_id": admin.id,
                "date_delivery": date(2026, 1, 15),
            }
        )

    def test_return_tour(self):
        """000/R-CR-16: a user opens a project, generates its return visits and
        records one, in Chinese, in a browser."""
        self.start_tour(
            "/odoo/action-client_relations.action_cr_project",
            "cr_return_tour",
            login="admin",
            timeout=240,
        )
        visits = self.project.return_visit_ids
        self.assertTrue(visits)
        done = visits.filtered(lambda v: v.state == "done")
        self.assertEqual(len(done), 1)
        self.assertEqual(done.content, "客户反馈机房运行正常,空调温度稳定。")
