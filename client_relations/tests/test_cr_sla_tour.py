from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCrSlaTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        admin = cls.env.ref("base.user_admin")
        admin.lang = "zh_CN"
        admin.group_ids |= cls.env.ref("client_relations.group_client_relations_slm")
        cls.client = cls.env["res.partner"].create(
            {"name": "巡游科技有限公司", "is_company": True, "cr_is_client": True}
        )
        cls.service = cls.env["cr.service"].create({"name": "巡游运维服务"})

    def test_agreement_tour(self):
        """The service level manager creates an agreement with its services,
        targets, indicator and report specification and activates it, in
        Chinese, in a browser (003/HR-D1-2)."""
        self.start_tour(
            "/odoo/action-client_relations.cr_agreement_action/new",
            "cr_sla_tour",
            login="admin",
            timeout=240,
        )
        agreement = self.env["cr.agreement"].search(
            [("name", "=", "巡游科技服务级别协议")]
        )
        self.assertEqual(agreement.state, "active")
        self.assertEqual(agreement.partner_id, self.client)
        self.assertEqual(agreement.service_ids, self.service)
        self.assertEqual(agreement.target_ids.resolution_hours, 8)
        self.assertEqual(agreement.report_spec_ids.indicator_ids.name, "问题解决及时率")
