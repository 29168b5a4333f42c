from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestQualityTrackingGroups(TransactionCase):
    """The addon installs with its privilege and its user ⊂ manager groups."""

    def test_module_installed(self):
        """The addon is installed in the test database."""
        module = self.env["ir.module.module"].search(
            [("name", "=", "quality_tracking")]
        )
        self.assertEqual(module.state, "installed")

    def test_privilege_and_groups(self):
        """One privilege holds the user and manager groups, under its app category."""
        privilege = self.env.ref(
            "quality_tracking.res_groups_privilege_quality_tracking"
        )
        user = self.env.ref("quality_tracking.group_quality_tracking_user")
        manager = self.env.ref("quality_tracking.group_quality_tracking_manager")
        self.assertEqual(
            privilege.category_id, self.env.ref("base.module_category_services")
        )
        self.assertEqual(user.privilege_id, privilege)
        self.assertEqual(manager.privilege_id, privilege)

    def test_implications(self):
        """Manager implies user, user implies internal user; admin is a manager."""
        user = self.env.ref("quality_tracking.group_quality_tracking_user")
        manager = self.env.ref("quality_tracking.group_quality_tracking_manager")
        self.assertIn(user, manager.implied_ids)
        self.assertIn(self.env.ref("base.group_user"), user.implied_ids)
        self.assertIn(self.env.ref("base.user_admin"), manager.user_ids)

    def test_manager_gets_user_rights(self):
        """A user given only the manager group also has the user group."""
        person = new_test_user(
            self.env,
            login="quality_tracking_mgr",
            groups="quality_tracking.group_quality_tracking_manager",
        )
        self.assertTrue(
            person.has_group("quality_tracking.group_quality_tracking_user")
        )
        self.assertTrue(person.has_group("base.group_user"))
        plain = new_test_user(
            self.env, login="quality_tracking_plain", groups="base.group_user"
        )
        self.assertFalse(
            plain.has_group("quality_tracking.group_quality_tracking_user")
        )

    def test_names_translated_to_chinese(self):
        """The privilege and group names load in Chinese with the zh_CN catalogue."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["quality_tracking"], ["zh_CN"], overwrite=True
        )
        privilege = self.env.ref(
            "quality_tracking.res_groups_privilege_quality_tracking"
        )
        manager = self.env.ref("quality_tracking.group_quality_tracking_manager")
        self.assertEqual(privilege.with_context(lang="zh_CN").name, "质量跟踪")
        self.assertEqual(manager.with_context(lang="zh_CN").name, "管理员")
