from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_cr_care import CrCareCommon


class CrCareSecurityCommon(CrCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_client.cr_tier_id = cls.tier_platinum
        cls.mine = cls.env["cr.gift"].create(
            {
                "partner_id": cls.client.id,
                "recipient_id": cls.contact.id,
                "description": "Tea",
                "value": 100,
                "budget_id": cls.budget.id,
                "department_id": cls.department.id,
                "user_id": cls.owner.id,
            }
        )
        cls.theirs = cls.env["cr.gift"].create(
            {
                "partner_id": cls.other_client.id,
                "recipient_id": cls.other_contact.id,
                "description": "Dinner",
                "kind": "meal",
                "value": 200,
                "budget_id": cls.other_budget.id,
                "department_id": cls.other_department.id,
                "user_id": cls.other_owner.id,
            }
        )
        Plan = cls.env["cr.care.plan"]
        cls.my_plan = Plan.create(
            {
                "partner_id": cls.client.id,
                "user_id": cls.owner.id,
                "department_id": cls.department.id,
            }
        )
        cls.their_plan = Plan.create(
            {
                "partner_id": cls.other_client.id,
                "user_id": cls.other_owner.id,
                "department_id": cls.other_department.id,
            }
        )


@tagged("post_install", "-at_install")
class TestCrCareSecurity(CrCareSecurityCommon):
    def test_owner_sees_own_gifts(self):
        """Owners see their own clients' gifts, by search, read, grouping and
        export; not another department's."""
        self.owner.write(
            {"group_ids": [(4, self.env.ref("base.group_allow_export").id)]}
        )
        Gift = self.env["cr.gift"].with_user(self.owner)
        self.assertEqual(Gift.search([]), self.mine)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.owner).read(["description"])
        groups = Gift._read_group([], ["partner_id"], ["value:sum"])
        self.assertEqual([p for p, _v in groups], [self.client])
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.owner).export_data(["description"])

    def test_supervisor_department_service_all(self):
        """Supervisors see their department's gifts and plans; customer service and
        the general manager see all."""
        self.assertEqual(
            self.env["cr.gift"].with_user(self.supervisor).search([]), self.mine
        )
        self.assertEqual(
            self.env["cr.care.plan"].with_user(self.supervisor).search([]),
            self.my_plan,
        )
        for user in (self.service, self.manager):
            gifts = self.env["cr.gift"].with_user(user).search([])
            self.assertLessEqual(self.mine | self.theirs, gifts)
            plans = self.env["cr.care.plan"].with_user(user).search([])
            self.assertLessEqual(self.my_plan | self.their_plan, plans)

    def test_owner_plans_and_csat(self):
        """Owners see their own clients' plans and satisfaction only; users outside
        client relations see nothing."""
        self.assertEqual(
            self.env["cr.care.plan"].with_user(self.owner).search([]), self.my_plan
        )
        self._answer(self.survey, self.client, self.contact, [0] * 7, "2026-03-02")
        self._answer(
            self.survey, self.other_client, self.other_contact, [0] * 7, "2026-03-02"
        )
        Report = self.env["cr.csat.report"]
        self.assertEqual(
            Report.with_user(self.owner).search([]).partner_id, self.client
        )
        self.assertLessEqual(
            self.client | self.other_client,
            Report.with_user(self.service).search([]).partner_id,
        )
        with self.assertRaises(AccessError):
            self.env["cr.gift"].with_user(self.plain_user).search([])

    def test_multi_company(self):
        """A gift of another company is invisible."""
        other_company = self.env["res.company"].create({"name": "Other Co (care)"})
        self.theirs.company_id = other_company
        self.assertNotIn(
            self.theirs, self.env["cr.gift"].with_user(self.manager).search([])
        )


@tagged("post_install", "-at_install")
class TestCrCareRpc(JsonRpcCase, HttpCase, CrCareSecurityCommon):
    def test_rpc_owner(self):
        """Through JSON-RPC an owner gets nothing of another department's gifts."""
        found = self._call(
            "cr_owner", "cr.gift", "search_read", [[]], {"fields": ["description"]}
        )
        self.assertEqual([r["id"] for r in found["result"]], [self.mine.id])
        read = self._call("cr_owner", "cr.gift", "read", [[self.theirs.id], ["name"]])
        self.assertIn("error", read)
        export = self._call(
            "cr_owner", "cr.gift", "export_data", [[self.theirs.id], ["name"]]
        )
        self.assertIn("error", export)
        groups = self._call(
            "cr_owner",
            "cr.gift",
            "web_read_group",
            [[], ["partner_id"]],
            {"aggregates": ["value:sum"]},
        )
        self.assertEqual(
            [g["partner_id"][0] for g in groups["result"]["groups"]], [self.client.id]
        )
