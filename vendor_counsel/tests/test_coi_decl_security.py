from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_coi_decl import CoiDeclCommon


@tagged("post_install", "-at_install")
class TestCoiDeclarationConfidential(CoiDeclCommon):
    """Issue item 8 (002 section 5): a declaration, its interests, the related
    persons and the gifts are read by the declarant and by compliance, internal
    audit, the audit committee and the administrator only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "vendor_counsel.group_vendor_counsel_"
        # the declarant's manager: a vc user who manages the declarant's department
        cls.dept_manager = new_test_user(
            cls.env, login="vc_coi_dept_manager", groups=group + "user"
        )
        manager_employee = cls.env["hr.employee"].create(
            {"name": "Dept Head", "user_id": cls.dept_manager.id}
        )
        cls.department.manager_id = manager_employee
        employee = cls.env["hr.employee"].create(
            {
                "name": "Director employee",
                "user_id": cls.declarant_user.id,
                "department_id": cls.department.id,
            }
        )
        cls.director.employee_id = employee
        cls.hr_manager = new_test_user(
            cls.env,
            login="vc_coi_hr",
            groups=group + "user,hr.group_hr_manager",
        )
        cls.portal = new_test_user(
            cls.env, login="vc_coi_portal", groups="base.group_portal"
        )
        cls.declaration = cls._declaration(acknowledgement=True)
        cls.line = cls._line(cls.declaration, holding_pct=6)
        cls.gift = cls.Gift.create(
            {
                "declarant_id": cls.director.id,
                "giver_name": "Rival Precision Co.",
                "description": "Tea set",
                "value": 500,
                "disposition": "refused",
                "date": date(2026, 2, 10),
            }
        )
        allow_export = cls.env.ref("base.group_allow_export")
        (
            cls.dept_manager
            | cls.hr_manager
            | cls.legal
            | cls.declarant_user
            | cls.compliance
        ).write({"group_ids": [(4, allow_export.id)]})

    _FIELDS = {
        "vc.coi.declarant": "name",
        "vc.coi.declaration": "name",
        "vc.coi.declaration.line": "counterparty_name",
        "vc.coi.related.person": "name",
        "vc.coi.gift": "giver_name",
    }

    def _records(self):
        return (
            self.director,
            self.declaration,
            self.line,
            self.spouse,
            self.gift,
        )

    def test_outsiders_with_app_role_see_nothing(self):
        """The declarant's department manager, an HR manager and the legal
        department: no read, no search hit, no group, no export."""
        for user in (self.dept_manager, self.hr_manager, self.legal):
            for records in self._records():
                model = self.env[records._name].with_user(user)
                with self.assertRaises(AccessError):
                    records.with_user(user).read(["id"])
                self.assertFalse(model.search([]), (user.login, records._name))
                self.assertEqual(model.search_count([]), 0)
                self.assertFalse(model._read_group([], [], ["__count"])[0][0])
                with self.assertRaises(AccessError):
                    records.with_user(user).export_data([self._FIELDS[records._name]])

    def test_plain_and_portal_users_no_access(self):
        """A plain internal user and a portal user have no access at all."""
        for user in (self.plain_user, self.portal):
            for records in self._records():
                with self.assertRaises(AccessError):
                    records.with_user(user).read(["id"])
                with self.assertRaises(AccessError):
                    self.env[records._name].with_user(user).search([])

    def test_declarant_and_officers_read(self):
        """The declarant reads and exports their own; compliance, internal audit,
        the committee and the administrator read everything."""
        for user in (
            self.declarant_user,
            self.compliance,
            self.auditor,
            self.committee,
            self.manager,
        ):
            for records in self._records():
                model = self.env[records._name].with_user(user)
                self.assertIn(records, model.search([]), (user.login, records._name))
                self.assertTrue(records.with_user(user).read(["id"]))
        data = self.declaration.with_user(self.declarant_user).export_data(["name"])
        self.assertEqual(data["datas"][0][0], self.declaration.name)

    def test_declarant_sees_only_own(self):
        """Another declarant's declaration is invisible to the declarant."""
        other = self._declaration(declarant_id=self.officer.id)
        with self.assertRaises(AccessError):
            other.with_user(self.declarant_user).read(["name"])
        found = self.Declaration.with_user(self.declarant_user).search([])
        self.assertNotIn(other, found)
        self.assertIn(self.declaration, found)


@tagged("post_install", "-at_install")
class TestCoiDeclarationRpc(JsonRpcCase, HttpCase):
    """Issue item 8: the same holds through JSON-RPC (/web/dataset/call_kw)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "vendor_counsel.group_vendor_counsel_"
        cls.declarant_user = new_test_user(
            cls.env, login="coi_rpc_declarant", groups="base.group_user"
        )
        cls.dept_manager = new_test_user(
            cls.env, login="coi_rpc_head", groups=group + "user"
        )
        cls.compliance = new_test_user(
            cls.env, login="coi_rpc_compliance", groups=group + "compliance"
        )
        new_test_user(cls.env, login="coi_rpc_plain", groups="base.group_user")
        new_test_user(cls.env, login="coi_rpc_portal", groups="base.group_portal")
        department = cls.env["hr.department"].create(
            {
                "name": "Board office",
                "manager_id": cls.env["hr.employee"]
                .create({"name": "Head", "user_id": cls.dept_manager.id})
                .id,
            }
        )
        cls.env["hr.employee"].create(
            {
                "name": "Declarant",
                "user_id": cls.declarant_user.id,
                "department_id": department.id,
            }
        )
        declarant = cls.env["vc.coi.declarant"].create(
            {
                "partner_id": cls.declarant_user.partner_id.id,
                "user_id": cls.declarant_user.id,
                "role": "director",
            }
        )
        cls.declaration = cls.env["vc.coi.declaration"].create(
            {
                "declarant_id": declarant.id,
                "kind": "event",
                "date_known": date(2026, 3, 6),
            }
        )

    def test_rpc_outsiders(self):
        """The declarant's manager gets an empty list; a plain internal user and a
        portal user an access error; reading the record by id fails for all."""
        for model in (
            "vc.coi.declaration",
            "vc.coi.declaration.line",
            "vc.coi.related.person",
            "vc.coi.gift",
        ):
            found = self._call(
                "coi_rpc_head", model, "search_read", [[]], {"fields": ["id"]}
            )
            self.assertEqual(found.get("result"), [], model)
        for login in ("coi_rpc_plain", "coi_rpc_portal"):
            found = self._call(
                login, "vc.coi.declaration", "search_read", [[]], {"fields": ["id"]}
            )
            self.assertIn("error", found, login)
        for login in ("coi_rpc_head", "coi_rpc_plain", "coi_rpc_portal"):
            found = self._call(
                login, "vc.coi.declaration", "read", [self.declaration.ids, ["name"]]
            )
            self.assertIn("error", found, login)

    def test_rpc_declarant_and_compliance(self):
        """The declarant and compliance read the declaration through call_kw."""
        for login in ("coi_rpc_declarant", "coi_rpc_compliance"):
            found = self._call(
                login,
                "vc.coi.declaration",
                "search_read",
                [[("id", "=", self.declaration.id)]],
                {"fields": ["name"]},
            )
            self.assertEqual(
                [row["id"] for row in found["result"]], self.declaration.ids, login
            )
