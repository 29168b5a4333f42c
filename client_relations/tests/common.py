from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.business_deadline.tests.common import BusinessDeadlineCommon


@tagged("post_install", "-at_install")
class ClientRelationsCommon(TransactionCase):
    """Mail off; China's 2026 calendar on the company; one user per role, each an
    employee of a department; two regions; two clients with a contact each; a desk
    team and a second line; two catalogue services."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env.company
        cls.calendar = BusinessDeadlineCommon._create_calendar.__func__(
            cls, "China 2026 (client relations)", "Asia/Shanghai"
        )
        cls.calendar._bd_import_statutory_days(cls.env.ref("base.cn"), 2026)
        cls.company.resource_calendar_id = cls.calendar
        cls.department = cls.env["hr.department"].create({"name": "Service Dept"})
        cls.other_department = cls.env["hr.department"].create({"name": "Sales Dept"})
        group = "client_relations.group_client_relations_"

        def user(login, role, department):
            person = new_test_user(cls.env, login=login, groups=group + role)
            cls.env["hr.employee"].create(
                {
                    "name": login,
                    "user_id": person.id,
                    "department_id": department.id,
                    "company_id": cls.company.id,
                }
            )
            return person

        cls.owner = user("cr_owner", "user", cls.department)
        cls.other_owner = user("cr_owner2", "user", cls.other_department)
        cls.supervisor = user("cr_supervisor", "supervisor", cls.department)
        cls.desk = user("cr_desk", "desk", cls.department)
        cls.slm = user("cr_slm", "slm", cls.department)
        cls.service = user("cr_service", "service", cls.department)
        cls.manager = user("cr_manager", "manager", cls.department)
        cls.plain_user = new_test_user(
            cls.env, login="cr_plain", groups="base.group_user"
        )
        cls.region = cls.env["cr.region"].create({"name": "East (test)"})
        cls.region_group3 = cls.env["cr.region"].create(
            {"name": "West (test)", "revenue_group": "3", "tier_coefficient": 0.8}
        )
        cls.client = cls.env["res.partner"].create(
            {
                "name": "Huaxin Test Technology Co., Ltd.",
                "is_company": True,
                "cr_is_client": True,
                "cr_class": "a",
                "cr_owner_id": cls.owner.id,
                "cr_department_id": cls.department.id,
                "cr_region_id": cls.region.id,
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Wang Jianguo", "parent_id": cls.client.id, "email": "w@hx.test"}
        )
        cls.other_client = cls.env["res.partner"].create(
            {
                "name": "Jinshan Test Logistics Co., Ltd.",
                "is_company": True,
                "cr_is_client": True,
                "cr_class": "b",
                "cr_owner_id": cls.other_owner.id,
                "cr_department_id": cls.other_department.id,
                "cr_region_id": cls.region_group3.id,
            }
        )
        cls.other_contact = cls.env["res.partner"].create(
            {
                "name": "Li Xiaoyan",
                "parent_id": cls.other_client.id,
                "email": "l@js.test",
            }
        )
        cls.team_desk = cls.env["cr.team"].create(
            {
                "name": "Desk (test)",
                "level": "desk",
                "member_ids": [(6, 0, cls.desk.ids)],
            }
        )
        cls.team_second = cls.env["cr.team"].create(
            {
                "name": "2nd line (test)",
                "level": "second",
                "department_id": cls.department.id,
                "leader_id": cls.supervisor.id,
                "member_ids": [(6, 0, cls.owner.ids)],
            }
        )
        cls.service_ops = cls.env["cr.service"].create({"name": "Operations (test)"})
        cls.service_repair = cls.env["cr.service"].create({"name": "Repair (test)"})
        cls.tier_diamond = cls.env.ref("client_relations.tier_diamond")
        cls.tier_platinum = cls.env.ref("client_relations.tier_platinum")
        cls.tier_gold = cls.env.ref("client_relations.tier_gold")
        cls.tier_vip = cls.env.ref("client_relations.tier_vip")
