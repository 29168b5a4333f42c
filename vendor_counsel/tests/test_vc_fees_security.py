from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_vc_fees import VcFeesCommon


@tagged("post_install", "-at_install")
class TestVcFeesSecurity(VcFeesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._payment()
        cls.other_engagement = cls._create_engagement(
            department_id=cls.other_department.id, date_signed=date(2026, 1, 31)
        )
        cls.theirs = cls.env["vc.payment"].create(
            {
                "engagement_id": cls.other_engagement.id,
                "amount": 30000,
                "date_planned": date(2026, 3, 1),
            }
        )
        cls.budget = cls.env["vc.budget"].create(
            {"year": 2026, "department_id": cls.department.id, "amount": 100000}
        )

    def test_requester_reads_own_unit_only(self):
        """A requesting user reads the payments of their unit's engagements only,
        by every route."""
        Payment = self.env["vc.payment"].with_user(self.requester)
        self.assertEqual(Payment.search([]), self.mine)
        self.mine.with_user(self.requester).read(["amount"])
        with self.assertRefused(AccessError):
            self.theirs.with_user(self.requester).read(["amount"])
        groups = Payment._read_group([], ["engagement_id"], ["amount:sum"])
        self.assertEqual(groups, [(self.engagement, 40000)])
        self.requester.group_ids += self.env.ref("base.group_allow_export")
        self.assertEqual(
            self.mine.with_user(self.requester).export_data(["amount"])["datas"],
            [[40000.0]],
        )
        with self.assertRefused(AccessError):
            self.theirs.with_user(self.requester).export_data(["amount"])
        with self.assertRefused(AccessError):
            self.mine.with_user(self.requester).write({"amount": 1})
        with self.assertRefused(AccessError):
            self.env["vc.budget"].with_user(self.requester).search([])

    def test_roles_read_all(self):
        """Finance, the legal department and audit read every payment; audit writes
        nothing; finance keeps the budgets."""
        for user in (self.finance, self.legal, self.auditor):
            self.assertEqual(
                self.env["vc.payment"]
                .with_user(user)
                .search(
                    [
                        (
                            "engagement_id",
                            "in",
                            (self.engagement | self.other_engagement).ids,
                        )
                    ]
                ),
                self.mine | self.theirs,
            )
        with self.assertRefused(AccessError):
            self.mine.with_user(self.auditor).write({"amount": 1})
        self.budget.with_user(self.finance).amount = 90000
        with self.assertRefused(AccessError):
            self.budget.with_user(self.legal).amount = 1

    def test_multi_company(self):
        """Payments and budgets of another company stay hidden."""
        other = self.env["res.company"].create({"name": "Subsidiary"})
        self.finance.company_ids = [(4, other.id)]
        budget = self.env["vc.budget"].create(
            {"year": 2026, "amount": 5, "company_id": other.id}
        )
        self.assertNotIn(
            budget,
            self.env["vc.budget"]
            .with_user(self.finance)
            .with_context(allowed_company_ids=[self.company.id])
            .search([]),
        )


@tagged("post_install", "-at_install")
class TestVcFeesRpc(JsonRpcCase, HttpCase, VcFeesCommon):
    def test_rpc_other_unit(self):
        """Through JSON-RPC a requester gets nothing of another unit's payment."""
        other_engagement = self._create_engagement(
            department_id=self.other_department.id, date_signed=date(2026, 1, 31)
        )
        theirs = self.env["vc.payment"].create(
            {
                "engagement_id": other_engagement.id,
                "amount": 30000,
                "date_planned": date(2026, 3, 1),
            }
        )
        found = self._call(
            "vc_requester", "vc.payment", "search_read", [[]], {"fields": ["name"]}
        )
        self.assertNotIn(theirs.id, [r["id"] for r in found["result"]])
        read = self._call("vc_requester", "vc.payment", "read", [[theirs.id], ["name"]])
        self.assertIn("error", read)
        export = self._call(
            "vc_requester", "vc.payment", "export_data", [[theirs.id], ["name"]]
        )
        self.assertIn("error", export)
        groups = self._call(
            "vc_requester",
            "vc.payment",
            "web_read_group",
            [[], ["engagement_id"]],
            {"aggregates": ["amount:sum"]},
        )
        self.assertNotIn(
            other_engagement.id,
            [g["engagement_id"][0] for g in groups["result"]["groups"]],
        )
        mine = self._call(
            "vc_requester2", "vc.payment", "search_read", [[]], {"fields": ["name"]}
        )
        self.assertEqual([r["id"] for r in mine["result"]], theirs.ids)
