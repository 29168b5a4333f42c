from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCrPortalTour(HttpCase):
    """Browser tour of the client portal, in Chinese."""

    def test_portal_tour(self):
        """A client's contact submits a complaint from the portal and finds it in
        the list of the company's requests."""
        self.env["res.lang"]._activate_lang("zh_CN")
        client = self.env["res.partner"].create(
            {
                "name": "上海华信测试科技有限公司",
                "is_company": True,
                "cr_is_client": True,
            }
        )
        portal = new_test_user(
            self.env,
            login="cr_tour_portal",
            password="cr_tour_portal_pw",
            name="王建国",
            groups="base.group_portal",
            lang="zh_CN",
        )
        portal.partner_id.parent_id = client
        self.start_tour("/my", "cr_portal_tour", login="cr_tour_portal", timeout=180)
        request = self.env["cr.request"].search(
            [("subject", "=", "会议室投影仪无法开机")]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(request.partner_id, client)
        self.assertEqual(request.kind, "complaint")
        self.assertEqual(request.channel, "portal")
        self.assertIn("影响明天的客户会议", request.description)
