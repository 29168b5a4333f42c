from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCrDeskTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env.ref("base.user_admin").lang = "zh_CN"
        cls.client = cls.env["res.partner"].create(
            {"name": "华信巡检科技有限公司", "is_company": True, "cr_is_client": True}
        )
        department = cls.env["hr.department"].create({"name": "巡检客户服务部"})
        cls.team = cls.env["cr.team"].create(
            {"name": "二线巡检组", "level": "second", "department_id": department.id}
        )

    def test_complaint_tour(self):
        """003/HR-D3-1, HR-D10-6 in a browser (zh_CN): a phone complaint received,
        registered, dispatched to the second line, decided, answered in writing,
        confirmed by the client and closed."""
        self.start_tour(
            "/odoo/action-client_relations.cr_request_action_complaints/new",
            "cr_desk_tour",
            login="admin",
            timeout=300,
        )
        request = self.env["cr.request"].search(
            [("subject", "=", "巡检工程师服务态度生硬")]
        )
        self.assertEqual(request.state, "closed")
        self.assertEqual(request.kind, "complaint")
        self.assertEqual(request.channel, "phone")
        self.assertEqual(request.team_id, self.team)
        self.assertTrue(request.client_confirmed)
        self.assertTrue(request.date_replied)
        self.assertEqual(request.complaint_category, "attitude")
