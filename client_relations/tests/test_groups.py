from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestClientRelationsGroups(TransactionCase):
    """The addon installs with its privilege and its user ⊂ manager groups."""

    def test_module_installed(self):
        """The addon is installed in the test database."""
        module = self.env["ir.module.module"].search(
            [("name", "=", "client_relations")]
        )
        self.assertEqual(module.state, "installed")

    def test_privilege_and_groups(self):
        """One privilege holds the user and manager groups, under its app category."""
        privilege = self.env.ref(
            "client_relations.res_groups_privilege_client_relations"
        )
        user = self.env.ref("client_relations.group_client_relations_user")
        manager = self.env.ref("client_relations.group_client_relations_manager")
        self.assertEqual(
            privilege.category_id, self.env.ref("base.module_category_sales")
        )
        self.assertEqual(user.privilege_id, privilege)
        self.assertEqual(manager.privilege_id, privilege)

    def test_implications(self):
        """Manager implies user, user implies internal user; admin is a manager."""
        user = self.env.ref("client_relations.group_client_relations_user")
        manager = self.env.ref("client_relations.group_client_relations_manager")
        self.assertIn(user, manager.implied_ids)
        self.assertIn(self.env.ref("base.group_user"), user.implied_ids)
        self.assertIn(self.env.ref("base.user_admin"), manager.user_ids)

    def test_manager_gets_user_rights(self):
        """A user given only the manager group also has the user group."""
        person = new_test_user(
            self.env,
            login="client_relations_mgr",
            groups="client_relations.group_client_relations_manager",
        )
        self.assertTrue(
            person.has_group("client_relations.group_client_relations_user")
        )
        self.assertTrue(person.has_group("base.group_user"))
        plain = new_test_user(
            self.env, login="client_relations_plain", groups="base.group_user"
        )
        self.assertFalse(
            plain.has_group("client_relations.group_client_relations_user")
        )

    def test_names_translated_to_chinese(self):
        """The privilege and group names load in Chinese with the zh_CN catalogue."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["client_relations"], ["zh_CN"], overwrite=True
        )
        privilege = self.env.ref(
            "client_relations.res_groups_privilege_client_relations"
        )
        manager = self.env.ref("client_relations.group_client_relations_manager")
        self.assertEqual(privilege.with_context(lang="zh_CN").name, "客户关系")
        self.assertEqual(manager.with_context(lang="zh_CN").name, "管理员")
