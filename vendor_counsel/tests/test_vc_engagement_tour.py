from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVcEngagementTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        admin = cls.env.ref("base.user_admin")
        admin.group_ids |= cls.env.ref("vendor_counsel.group_vendor_counsel_manager")
        cls.env.company.vc_gm_user_id = admin
        firm = cls.env["res.partner"].create(
            {
                "name": "北京市恒信巡检律师事务所",
                "is_company": True,
                "vc_is_law_firm": True,
                "vc_date_established": date(2008, 3, 1),
            }
        )
        cls.env["res.partner"].create(
            {
                "name": "周律师",
                "parent_id": firm.id,
                "vc_is_lawyer": True,
                "vc_licence_number": "11101200810000009",
            }
        )

    def test_engagement_tour(self):
        """A legal user creates an engagement, completes the missing elements,
        signs it, files it and prints the filing form, in a browser."""
        self.start_tour(
            "/odoo/action-vendor_counsel.vc_engagement_action/new",
            "vc_engagements_tour",
            login="admin",
            timeout=240,
        )
        engagement = self.env["vc.engagement"].search(
            [("subject", "=", "收购项目法律尽职调查")]
        )
        self.assertEqual(engagement.state, "signed")
        self.assertEqual(engagement.date_signed, date(2026, 9, 29))
        self.assertEqual(engagement.date_start, date(2026, 10, 1))
        self.assertEqual(engagement.filing_ids.state, "submitted")
