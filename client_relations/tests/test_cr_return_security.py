from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_cr_return import CrReturnCommon


@tagged("post_install", "-at_install")
class TestCrReturnSecurity(CrReturnCommon):
    """Return visits, projects and reminders: own (user), department (supervisor),
    all (customer service); companies walled; through every route."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._visit()
        cls.theirs = cls._visit(
            partner_id=cls.other_client.id,
            user_id=cls.other_owner.id,
            department_id=cls.other_department.id,
        )
        cls.colleague = cls._visit(user_id=cls.desk.id)
        cls.project = cls._project()
        cls.other_project = cls._project(
            user_id=cls.other_owner.id, department_id=cls.other_department.id
        )

    def test_owner_sees_own(self):
        self.owner.group_ids |= self.env.ref("base.group_allow_export")
        Visit = self.Visit.with_user(self.owner)
        self.assertEqual(Visit.search([("id", "in", self._all().ids)]), self.mine)
        self.assertEqual(
            self.mine.with_user(self.owner).read(["name"])[0]["id"], self.mine.id
        )
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.owner).read(["name"])
        groups = Visit._read_group(
            [("id", "in", self._all().ids)], ["user_id"], ["__count"]
        )
        self.assertEqual(groups, [(self.owner, 1)])
        exported = Visit.search([("id", "in", self._all().ids)]).export_data(["name"])
        self.assertEqual(len(exported["datas"]), 1)
        self.assertEqual(
            self.Project.with_user(self.owner).search(
                [("id", "in", (self.project | self.other_project).ids)]
            ),
            self.project,
        )
        with self.assertRaises(AccessError):
            self.mine.with_user(self.owner).unlink()
        with self.assertRaises(AccessError):
            self.cadence_project.with_user(self.owner).write({"allowed_days": 3})

    def test_supervisor_sees_department(self):
        found = self.Visit.with_user(self.supervisor).search(
            [("id", "in", self._all().ids)]
        )
        self.assertEqual(found, self.mine | self.colleague)
        groups = self.Visit.with_user(self.supervisor)._read_group(
            [("id", "in", self._all().ids)], ["department_id"], ["__count"]
        )
        self.assertEqual(groups, [(self.department, 2)])

    def test_service_sees_all(self):
        found = self.Visit.with_user(self.service).search(
            [("id", "in", self._all().ids)]
        )
        self.assertEqual(found, self._all())

    def test_plain_user_nothing(self):
        with self.assertRaises(AccessError):
            self.Visit.with_user(self.plain_user).search([])

    def test_multi_company(self):
        other_company = self.env["res.company"].create({"name": "Other Co (test)"})
        foreign = self.Visit.create(
            {
                "partner_id": self.client.id,
                "company_id": other_company.id,
                "cadence_id": self.cadence_request.id,
                "date_planned": "2026-06-10",
            }
        )
        self.assertNotIn(foreign, self.Visit.with_user(self.manager).search([]))

    def _all(self):
        return self.mine | self.theirs | self.colleague


@tagged("post_install", "-at_install")
class TestCrReturnJsonRpc(HttpCase, JsonRpcCase):
    """The JSON-RPC route as an account owner: own return visits only."""

    def test_json_rpc_own_only(self):
        cadence = self.env.ref("client_relations.cr_return_cadence_request")
        user = new_test_user(
            self.env,
            login="cr_rpc_owner",
            groups="client_relations.group_client_relations_user",
        )
        partner = self.env["res.partner"].create(
            {"name": "RPC client", "is_company": True}
        )
        Visit = self.env["cr.return.visit"]
        mine, theirs = (
            Visit.create(
                {
                    "partner_id": partner.id,
                    "user_id": visitor.id,
                    "cadence_id": cadence.id,
                    "date_planned": "2026-06-10",
                }
            )
            for visitor in (user, self.env.ref("base.user_admin"))
        )
        result = self._call(
            "cr_rpc_owner",
            "cr.return.visit",
            "search_read",
            [[("id", "in", (mine | theirs).ids)]],
            {"fields": ["name"]},
        )
        self.assertEqual([row["id"] for row in result["result"]], mine.ids)
        denied = self._call(
            "cr_rpc_owner", "cr.return.visit", "read", [theirs.ids, ["name"]]
        )
        self.assertIn("error", denied)


@tagged("post_install", "-at_install")
class TestCrReturnWeekSecurity(CrReturnCommon):
    """Weekly statistics: a department's staff read their department's, customer
    service reads all; nobody but the manager writes them."""

    def test_week_by_department(self):
        Week = self.env["cr.return.week"]
        mine = Week.create(
            {
                "department_id": self.department.id,
                "week_start": "2026-06-06",
                "week_end": "2026-06-12",
            }
        )
        theirs = Week.create(
            {
                "department_id": self.other_department.id,
                "week_start": "2026-06-06",
                "week_end": "2026-06-12",
            }
        )
        both = mine | theirs
        self.assertEqual(
            Week.with_user(self.owner).search([("id", "in", both.ids)]), mine
        )
        self.assertEqual(
            Week.with_user(self.other_owner).search([("id", "in", both.ids)]), theirs
        )
        self.assertEqual(
            Week.with_user(self.service).search([("id", "in", both.ids)]), both
        )
        groups = Week.with_user(self.supervisor)._read_group(
            [("id", "in", both.ids)], ["department_id"], ["__count"]
        )
        self.assertEqual(groups, [(self.department, 1)])
        with self.assertRaises(AccessError):
            mine.with_user(self.supervisor).write({"visits_done": 3})
        with self.assertRaises(AccessError):
            theirs.with_user(self.owner).read(["name"])

    def test_payment_reminder_own(self):
        Reminder = self.env["cr.payment.reminder"]
        mine, theirs = (
            Reminder.create(
                {
                    "name": f"Contract {user.login}",
                    "partner_id": self.client.id,
                    "user_id": user.id,
                    "date_due": "2026-06-12",
                }
            )
            for user in (self.owner, self.other_owner)
        )
        self.assertEqual(
            Reminder.with_user(self.owner).search([("id", "in", (mine | theirs).ids)]),
            mine,
        )
        with self.assertRaises(AccessError):
            theirs.with_user(self.owner).read(["name"])
