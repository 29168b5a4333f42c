from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_cr_visit import CrVisitCommon


@tagged("post_install", "-at_install")
class TestCrVisitSecurity(CrVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._visit()
        cls.other = cls._visit(
            partner_id=cls.other_client.id,
            user_id=cls.other_owner.id,
            department_id=cls.other_department.id,
        )
        cls.daily_mine = cls.Daily.create(
            {"user_id": cls.owner.id, "date": "2026-06-10"}
        )
        cls.daily_other = cls.Daily.create(
            {"user_id": cls.other_owner.id, "date": "2026-06-10"}
        )

    def test_visitor_sees_own_visits(self):
        """A visitor reads, searches, groups and exports their own visits only."""
        self.owner.group_ids |= self.env.ref("base.group_allow_export")
        Visit = self.Visit.with_user(self.owner)
        self.assertEqual(Visit.search([]), self.mine)
        self.mine.with_user(self.owner).read(["name"])
        with self.assertRaises(AccessError):
            self.other.with_user(self.owner).read(["name"])
        groups = Visit._read_group([], ["user_id"], ["__count"])
        self.assertEqual(groups, [(self.owner, 1)])
        exported = Visit.search([]).export_data(["name"])["datas"]
        self.assertEqual(exported, [[self.mine.name]])
        self.assertEqual(self.Daily.with_user(self.owner).search([]), self.daily_mine)

    def test_visitor_completes_and_reports(self):
        """A visitor completes their visit's record and submits the daily report
        with their own rights; the supervisor reviews it."""
        with freeze_time("2026-06-10 08:00:00"):
            visit = self.mine.with_user(self.owner)
            visit.outcome = "Trained the operators"
            visit.action_done()
            daily = self.daily_mine.with_user(self.owner)
            daily.action_collect()
            daily.action_submit()
        self.assertEqual(self.mine.state, "done")
        self.assertEqual(self.daily_mine.visit_ids, self.mine)
        self.daily_mine.with_user(self.supervisor).action_review()
        self.assertEqual(self.daily_mine.state, "reviewed")

    def test_technician_sees_visit(self):
        """The technical staff of a visit see it."""
        self.other.technician_ids = self.owner
        self.assertEqual(
            self.Visit.with_user(self.owner).search([]), self.mine | self.other
        )

    def test_supervisor_sees_department(self):
        """A supervisor sees the visits and daily reports of their department."""
        self.assertEqual(self.Visit.with_user(self.supervisor).search([]), self.mine)
        self.assertEqual(
            self.Daily.with_user(self.supervisor).search([]), self.daily_mine
        )
        with self.assertRaises(AccessError):
            self.daily_other.with_user(self.supervisor).read(["name"])

    def test_service_and_manager_see_all(self):
        """The customer service department and the general manager see all."""
        for user in (self.service, self.manager):
            found = self.Visit.with_user(user).search([])
            self.assertIn(self.mine, found)
            self.assertIn(self.other, found)

    def test_monthly_reports_not_for_visitors(self):
        """Monthly and urgent reports belong to unit heads and above."""
        report = self.Monthly.create(
            {"department_id": self.department.id, "date_month": "2026-06-01"}
        )
        with self.assertRaises(AccessError):
            report.with_user(self.owner).read(["name"])
        report.with_user(self.supervisor).read(["name"])
        with self.assertRaises(AccessError):
            self.env["cr.visit.urgent.report"].with_user(self.owner).search([])

    def test_multi_company(self):
        """Another company's visits are invisible, even to the general manager."""
        company = self.env["res.company"].create({"name": "Other Co (visit)"})
        foreign = self.Visit.create(
            {
                "company_id": company.id,
                "partner_id": self.client.id,
                "region_id": False,
                "department_id": False,
                "user_id": self.manager.id,
                "date_planned": datetime(2026, 6, 10, 1, 0),
            }
        )
        self.assertNotIn(foreign, self.Visit.with_user(self.manager).search([]))


@tagged("post_install", "-at_install")
class TestCrVisitRpc(JsonRpcCase, HttpCase):
    """The same through JSON-RPC (/web/dataset/call_kw)."""

    def test_rpc_visitor(self):
        """A visitor gets only their own visit; a plain user an access error."""
        group = "client_relations.group_client_relations_user"
        mine = new_test_user(self.env, login="cr_visit_rpc1", groups=group)
        other = new_test_user(self.env, login="cr_visit_rpc2", groups=group)
        new_test_user(self.env, login="cr_visit_rpc3", groups="base.group_user")
        client = self.env["res.partner"].create(
            {"name": "RPC client", "cr_is_client": True}
        )
        visits = self.env["cr.visit"].create(
            [
                {
                    "partner_id": client.id,
                    "user_id": user.id,
                    "date_planned": datetime(2026, 6, 10, 1, 0),
                }
                for user in (mine, other)
            ]
        )
        found = self._call(
            "cr_visit_rpc1", "cr.visit", "search_read", [[]], {"fields": ["id"]}
        )
        self.assertEqual(found.get("result"), [{"id": visits[0].id}])
        found = self._call(
            "cr_visit_rpc3", "cr.visit", "search_read", [[]], {"fields": ["id"]}
        )
        self.assertIn("error", found)
