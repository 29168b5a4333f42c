from .common import ClientRelationsCommon


class TestCommonSmoke(ClientRelationsCommon):
    def test_fixtures(self):
        """The shared fixtures load: four tiers in order, roles, clients."""
        tiers = self.env["cr.tier"].search([("code", "!=", False)])
        self.assertEqual(
            tiers.filtered(lambda t: not t.company_id).mapped("code")[:4],
            ["diamond", "platinum", "gold", "vip"],
        )
        self.assertTrue(
            self.manager.has_group("client_relations.group_client_relations_service")
        )
        self.assertTrue(
            self.service.has_group("client_relations.group_client_relations_desk")
        )
        self.assertFalse(
            self.desk.has_group("client_relations.group_client_relations_supervisor")
        )
        request = self.env["cr.request"].create(
            {"subject": "Printer down", "partner_id": self.client.id}
        )
        self.assertNotEqual(request.name, "/")
        self.assertEqual(request.state, "new")
