from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install")
class QualityTrackingCommon(TransactionCase):
    """Mail off; a department with its head; a handler, a quality officer, a committee
    member and a quality manager; a client and a registered (open) matter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env.company
        cls.handler = new_test_user(
            cls.env,
            login="qt_handler",
            groups="quality_tracking.group_quality_tracking_user",
        )
        cls.other_handler = new_test_user(
            cls.env,
            login="qt_handler2",
            groups="quality_tracking.group_quality_tracking_user",
        )
        cls.head = new_test_user(
            cls.env,
            login="qt_head",
            groups="quality_tracking.group_quality_tracking_department_head",
        )
        cls.officer = new_test_user(
            cls.env,
            login="qt_officer",
            groups="quality_tracking.group_quality_tracking_officer",
        )
        cls.committee = new_test_user(
            cls.env,
            login="qt_committee",
            groups="quality_tracking.group_quality_tracking_committee",
        )
        cls.manager = new_test_user(
            cls.env,
            login="qt_manager",
            groups="quality_tracking.group_quality_tracking_manager",
        )
        head_employee = cls.env["hr.employee"].create(
            {"name": "Head", "user_id": cls.head.id}
        )
        cls.department = cls.env["hr.department"].create(
            {"name": "Litigation", "manager_id": head_employee.id}
        )
        cls.other_department = cls.env["hr.department"].create({"name": "Corporate"})
        cls.client = cls.env["res.partner"].create(
            {"name": "Client Co.", "email": "client@example.com", "is_company": True}
        )
        cls.category = cls.env.ref("quality_tracking.qt_category_soe_restructuring")

    @classmethod
    def _create_matter(cls, **vals):
        return cls.env["qt.matter"].create(
            {
                "name": "Restructuring",
                "category_id": cls.category.id,
                "partner_id": cls.client.id,
                "department_id": cls.department.id,
                "user_id": cls.handler.id,
                **vals,
            }
        )

    @classmethod
    def _open_matter(cls, **vals):
        """A matter moved to In Progress as the engine would see it (state written)."""
        matter = cls._create_matter(**vals)
        matter.write({"state": "open"})
        return matter
