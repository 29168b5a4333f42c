from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCrVisitTour(HttpCase):
    def test_cr_visit_tour(self):
        """Create a monthly plan, generate its visits and record a visit's outcome,
        in a browser, in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        admin = self.env.ref("base.user_admin")
        admin.lang = "zh_CN"
        region = self.env["cr.region"].create({"name": "巡访测试区"})
        tier = self.env.ref("client_relations.tier_diamond")
        tier.visits_per_year = 12
        client = self.env["res.partner"].create(
            {
                "name": "杭州巡访测试有限公司",
                "is_company": True,
                "cr_is_client": True,
                "cr_region_id": region.id,
            }
        )
        client.sudo().cr_tier_id = tier
        self.start_tour(
            "/odoo/action-client_relations.cr_visit_plan_action",
            "cr_visit_tour",
            login="admin",
            timeout=180,
        )
        plan = self.env["cr.visit.plan"].search(
            [("region_ids", "in", region.ids)], limit=1
        )
        self.assertEqual(plan.state, "confirmed")
        self.assertEqual(plan.visit_ids.partner_id, client)
        self.assertEqual(plan.visit_ids.state, "done")
        self.assertEqual(plan.visit_ids.outcome, "客户同意试用新系统")
