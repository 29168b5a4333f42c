from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestVendorCounselGroups(TransactionCase):
    """The addon installs with its privilege and its user ⊂ manager groups."""

    def test_module_installed(self):
        """The addon is installed in the test database."""
        module = self.env["ir.module.module"].search([("name", "=", "vendor_counsel")])
        self.assertEqual(module.state, "installed")

    def test_privilege_and_groups(self):
        """One privilege holds the user and manager groups, under its app category."""
        privilege = self.env.ref("vendor_counsel.res_groups_privilege_vendor_counsel")
        user = self.env.ref("vendor_counsel.group_vendor_counsel_user")
        manager = self.env.ref("vendor_counsel.group_vendor_counsel_manager")
        self.assertEqual(
            privilege.category_id, self.env.ref("base.module_category_services")
        )
        self.assertEqual(user.privilege_id, privilege)
        self.assertEqual(manager.privilege_id, privilege)

    def test_implications(self):
        """Manager implies user, user implies internal user; admin is a manager."""
        user = self.env.ref("vendor_counsel.group_vendor_counsel_user")
        manager = self.env.ref("vendor_counsel.group_vendor_counsel_manager")
        self.assertIn(user, manager.implied_ids)
        self.assertIn(self.env.ref("base.group_user"), user.implied_ids)
        self.assertIn(self.env.ref("base.user_admin"), manager.user_ids)

    def test_manager_gets_user_rights(self):
        """A user given only the manager group also has the user group."""
        person = new_test_user(
            self.env,
            login="vendor_counsel_mgr",
            groups="vendor_counsel.group_vendor_counsel_manager",
        )
        self.assertTrue(person.has_group("vendor_counsel.group_vendor_counsel_user"))
        self.assertTrue(person.has_group("base.group_user"))
        plain = new_test_user(
            self.env, login="vendor_counsel_plain", groups="base.group_user"
        )
        self.assertFalse(plain.has_group("vendor_counsel.group_vendor_counsel_user"))

    def test_names_translated_to_chinese(self):
        """The privilege and group names load in Chinese with the zh_CN catalogue."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["vendor_counsel"], ["zh_CN"], overwrite=True
        )
        privilege = self.env.ref("vendor_counsel.res_groups_privilege_vendor_counsel")
        manager = self.env.ref("vendor_counsel.group_vendor_counsel_manager")
        self.assertEqual(privilege.with_context(lang="zh_CN").name, "外聘律师")
        self.assertEqual(manager.with_context(lang="zh_CN").name, "管理员")
