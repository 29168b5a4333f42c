from datetime import date

from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.business_deadline.tests.common import BusinessDeadlineCommon


@tagged("post_install", "-at_install")
class VendorCounselCommon(TransactionCase):
    """Mail off; China's 2026 calendar on the company; one user per role; a law firm
    with two lawyers; a requesting department."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env.company
        cls.calendar = BusinessDeadlineCommon._create_calendar.__func__(
            cls, "China 2026 (outside counsel)", "Asia/Shanghai"
        )
        cls.calendar._bd_import_statutory_days(cls.env.ref("base.cn"), 2026)
        cls.company.resource_calendar_id = cls.calendar
        group = "vendor_counsel.group_vendor_counsel_"
        cls.requester = new_test_user(
            cls.env, login="vc_requester", groups=group + "user"
        )
        cls.other_requester = new_test_user(
            cls.env, login="vc_requester2", groups=group + "user"
        )
        cls.finance = new_test_user(
            cls.env, login="vc_finance", groups=group + "finance"
        )
        cls.auditor = new_test_user(
            cls.env, login="vc_auditor", groups=group + "auditor"
        )
        cls.compliance = new_test_user(
            cls.env, login="vc_compliance", groups=group + "compliance"
        )
        cls.committee = new_test_user(
            cls.env, login="vc_committee", groups=group + "committee"
        )
        cls.legal = new_test_user(cls.env, login="vc_legal", groups=group + "legal")
        cls.general_counsel = new_test_user(
            cls.env, login="vc_gc", groups=group + "general_counsel"
        )
        cls.manager = new_test_user(
            cls.env, login="vc_manager", groups=group + "manager"
        )
        cls.plain_user = new_test_user(
            cls.env, login="vc_plain", groups="base.group_user"
        )
        cls.department = cls.env["hr.department"].create({"name": "Investment Dept"})
        cls.other_department = cls.env["hr.department"].create({"name": "Sales Dept"})
        cls.area = cls.env["vc.practice.area"].create({"name": "M&A (test)"})
        cls.firm = cls.env["res.partner"].create(
            {
                "name": "Zhonglun Test Law Firm",
                "is_company": True,
                "vc_is_law_firm": True,
                "vc_date_established": date(2010, 5, 1),
                "vc_practice_area_ids": [(6, 0, cls.area.ids)],
            }
        )
        cls.lawyer = cls.env["res.partner"].create(
            {
                "name": "Lawyer Zhang",
                "parent_id": cls.firm.id,
                "vc_is_lawyer": True,
                "vc_licence_number": "11101201010000001",
                "vc_licence_inspection_until": date(2027, 5, 31),
                "vc_practice_start_date": date(2012, 7, 1),
                "vc_is_main_partner": True,
            }
        )
        cls.lawyer2 = cls.env["res.partner"].create(
            {
                "name": "Lawyer Li",
                "parent_id": cls.firm.id,
                "vc_is_lawyer": True,
                "vc_licence_number": "11101201810000002",
                "vc_licence_inspection_until": date(2027, 5, 31),
                "vc_practice_start_date": date(2018, 7, 1),
            }
        )
        # --- vc_firms: the fixture firm is on an approved panel of the area, so that
        # the flows may engage it (000/R-VC-21)
        cls.firm_panel = cls.env["vc.panel"].create(
            {
                "name": "Fixture panel",
                "practice_area_id": cls.area.id,
                "date_from": date(2020, 1, 1),
                "date_to": date(2030, 12, 31),
                "line_ids": [(0, 0, {"firm_id": cls.firm.id, "rank": 1})],
            }
        )
        cls.firm_panel.state = "approved"

    @classmethod
    def _create_request(cls, **vals):
        values = {
            "description": "Due diligence for an acquisition",
            "date_service_start": date(2026, 10, 20),
            "department_id": cls.department.id,
            "user_id": cls.requester.id,
            "practice_area_id": cls.area.id,
        }
        values.update(vals)
        return cls.env["vc.request"].create(values)

    @classmethod
    def _create_engagement(cls, **vals):
        values = {
            "firm_id": cls.firm.id,
            "lawyer_ids": [(6, 0, cls.lawyer.ids)],
            "subject": "Due diligence for an acquisition",
            "department_id": cls.department.id,
            "practice_area_id": cls.area.id,
            "fee_amount": 100000,
            "user_id": cls.legal.id,
        }
        values.update(vals)
        return cls.env["vc.engagement"].create(values)
