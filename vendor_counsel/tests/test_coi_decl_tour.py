from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCoiDeclTour(HttpCase):
    def test_declarant_submits_compliance_sees(self):
        """002 W1: a director fills in and signs the annual declaration from My
        Declarations in a browser; the compliance officer then finds it."""
        user = new_test_user(
            self.env, login="coi_tour_director", groups="base.group_user"
        )
        user.partner_id.name = "Tour Director"
        new_test_user(
            self.env,
            login="coi_tour_compliance",
            groups="vendor_counsel.group_vendor_counsel_compliance",
        )
        declarant = self.env["vc.coi.declarant"].create(
            {"partner_id": user.partner_id.id, "user_id": user.id, "role": "director"}
        )
        declaration = self.env["vc.coi.declaration"].create(
            {"declarant_id": declarant.id, "kind": "annual", "year": 2026}
        )
        self.start_tour(
            "/odoo/action-vendor_counsel.vc_coi_declaration_action_mine",
            "vc_coi_decl_tour",
            login="coi_tour_director",
            timeout=180,
        )
        self.assertEqual(declaration.state, "submitted")
        self.assertEqual(declaration.signed_by_id, user)
        self.assertTrue(declaration.line_ids.is_exempt)
        self.start_tour(
            "/odoo/action-vendor_counsel.vc_coi_declaration_action",
            "vc_coi_decl_compliance_tour",
            login="coi_tour_compliance",
            timeout=120,
        )
