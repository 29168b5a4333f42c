from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_cr_file import CrFileCommon


@tagged("post_install", "-at_install")
class TestCrFile(CrFileCommon):
    def test_completeness(self):
        """E-CR-1, WF-CR-1: the client-file completeness (%) and the missing
        items; the filter "incomplete files" finds the client until it is full."""
        client = self._client("Incomplete Co")
        self.assertLess(client.cr_file_completeness, 100)
        self.assertIn("introduction", client.cr_file_missing)
        incomplete = self.env["res.partner"].search(
            [("cr_file_completeness", "<", 100), ("id", "=", client.id)]
        )
        self.assertEqual(incomplete, client)
        self.env["res.partner"].create(
            {"name": "Contact", "parent_id": client.id, "phone": "1"}
        )
        client.write(
            {
                "cr_class": "c",
                "cr_client_type": "retailer",
                "industry_id": self.env.ref("base.res_partner_industry_J").id,
                "cr_introduction": "referral",
                "cr_service_owner_id": self.service.id,
                "phone": "021-1",
                "city": "上海",
                "cr_date_first_cooperation": "2024-01-01",
            }
        )
        self.assertEqual(client.cr_file_completeness, 100)
        self.assertFalse(client.cr_file_missing)
        self.assertFalse(
            self.env["res.partner"].search(
                [("cr_file_completeness", "<", 100), ("id", "=", client.id)]
            )
        )

    def test_member_needs_service_owner(self):
        """004/R16-3: every member client has a named customer-service owner."""
        with self.assertRaises(ValidationError):
            self._client("Member Co", cr_is_member=True)
        member = self._client(
            "Member Co", cr_is_member=True, cr_service_owner_id=self.service.id
        )
        with self.assertRaises(ValidationError):
            member.cr_service_owner_id = False

    def test_classes(self):
        """000/R-CR-08, 002/R21: exactly four client classes A/B/C/D."""
        selection = self.env["res.partner"]._fields["cr_class"].selection
        self.assertEqual([key for key, _label in selection], ["a", "b", "c", "d"])
        with self.assertRaises(ValueError):
            self.client.cr_class = "e"

    def test_only_authorised_edit_client_file(self):
        """003/HR-D18-3: client data is changed only with authority — the account
        owner (own clients), the customer service department and the general
        manager; not another owner, a supervisor or a plain user, even with the
        right to edit contacts."""
        # client-relations users edit contacts through their group; a plain
        # internal user is given the right here
        for user in (self.owner, self.other_owner, self.supervisor, self.manager):
            self.assertTrue(user.has_group("base.group_partner_manager"))
        self.env.ref("base.group_partner_manager").user_ids |= self.plain_user
        self.client.with_user(self.owner).write({"cr_class": "b"})
        self.assertEqual(self.client.cr_class, "b")
        for user in (self.other_owner, self.supervisor, self.plain_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.client.with_user(user).write({"cr_class": "c"})
        self.client.with_user(self.service).write({"cr_class": "c"})
        self.client.with_user(self.manager).write({"cr_head_name": "Zhao"})
        self.assertEqual(self.client.cr_class, "c")
        # other partner data stays editable as before
        self.client.with_user(self.other_owner).write({"comment": "note"})

    def test_revenue_ledger(self):
        """003/HR-D19-5: the client file keeps a revenue ledger per client and
        year (entered, imported, invoices) for traceability; imported lines say
        so; smart buttons count them."""
        line = self.env["cr.revenue"].create(
            {"partner_id": self.client.id, "date": "2025-06-30", "amount": 1000}
        )
        self.assertEqual(line.year, 2025)
        self.assertEqual(line.source, "entered")
        self.assertEqual(line.owner_id, self.owner)
        result = (
            self.env["cr.revenue"]
            .with_context(import_file=True)
            .load(
                ["partner_id/.id", "year", "amount"],
                [[str(self.client.id), "2024", "500"]],
            )
        )
        self.assertFalse(result["messages"])
        imported = self.env["cr.revenue"].browse(result["ids"])
        self.assertEqual(imported.source, "imported")
        self.assertEqual(self.client.cr_revenue_count, 2)
        action = self.client.action_cr_open_revenue()
        self.assertEqual(
            self.env["cr.revenue"].search(action["domain"]), line | imported
        )

    def test_client_card_report(self):
        """E-CR-1: the client card 《客户信息表》 prints the file."""
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "client_relations.cr_client_file_report_action", self.client.ids
            )[0],
            "utf-8",
        )
        self.assertIn("客户信息表", html)
        self.assertIn(self.client.name, html)
        self.assertIn("Wang Jianguo", html)

    def test_clients_action(self):
        """E-CR-1: the Clients menu lists the companies filed as clients."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.res_partner_action_cr_client"
        )
        found = self.env["res.partner"].search(safe_eval(action["domain"]))
        self.assertIn(self.client, found)
        self.assertNotIn(self.contact, found)
