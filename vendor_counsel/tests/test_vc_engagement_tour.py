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
                "vc_licence_inspection_until": date(2030, 5, 31),
                "vc_practice_start_date": date(2009, 7, 1),
            }
        )
        # the firm is on an approved panel, so it may be engaged (000/R-VC-21)
        panel = cls.env["vc.panel"].create(
            {
                "name": "巡检优选名单",
                "practice_area_id": cls.env["vc.practice.area"].search([], limit=1).id,
                "date_from": date(2020, 1, 1),
                "date_to": date(2035, 12, 31),
                "line_ids": [(0, 0, {"firm_id": firm.id, "rank": 1})],
            }
        )
        panel.state = "approved"

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
