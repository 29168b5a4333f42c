from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_vc_requests import VcRequestsCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-01")
class TestVcRequestsSecurity(VcRequestsCommon):
    """Requests: own → department (its manager) → legal all; selections are the
    legal department's, read by the requester; multi-company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = new_test_user(
            cls.env,
            login="vc_dept_head",
            groups="vendor_counsel.group_vendor_counsel_user",
        )
        employee = cls.env["hr.employee"].create(
            {"name": "Head of Investment", "user_id": cls.head.id}
        )
        cls.department.manager_id = employee
        cls.mine = cls._new_request()
        cls.others = cls._new_request(
            user_id=cls.other_requester.id, department_id=cls.other_department.id
        )

    def test_requester_sees_own(self):
        """A requester reads, searches, groups and exports their own requests only."""
        self.requester.group_ids += self.env.ref("base.group_allow_export")
        Request = self.env["vc.request"].with_user(self.requester)
        self.assertEqual(Request.search([]), self.mine)
        self.mine.with_user(self.requester).read(["name"])
        with self.assertRaises(AccessError):
            self.others.with_user(self.requester).read(["name"])
        groups = Request._read_group([], ["state"], ["__count"])
        self.assertEqual(sum(count for _state, count in groups), 1)
        with self.assertRaises(AccessError):
            self.others.with_user(self.requester).export_data(["name"])
        self.assertEqual(
            self.mine.with_user(self.requester).export_data(["name"])["datas"],
            [[self.mine.name]],
        )

    def test_requester_creates_own(self):
        request = (
            self.env["vc.request"]
            .with_user(self.requester)
            .create(
                self._request_vals(
                    description="Trademark filing", date_service_start=date(2026, 11, 2)
                )
            )
        )
        self.assertEqual(request.user_id, self.requester)

    def test_department_head_sees_department(self):
        """The head of the requesting unit reads its requests, not another unit's."""
        Request = self.env["vc.request"].with_user(self.head)
        self.assertEqual(Request.search([]), self.mine)

    def test_legal_sees_all(self):
        Request = self.env["vc.request"].with_user(self.legal)
        self.assertLessEqual(self.mine | self.others, Request.search([]))

    def test_selection_read_only_for_requester(self):
        """Selections are the legal department's; the requester reads theirs and
        may not change them; another requester sees nothing."""
        selection = self._selection()
        selection.with_user(self.requester).read(["name", "state"])
        with self.assertRaises(AccessError):
            selection.with_user(self.requester).write({"date_bid_deadline": False})
        with self.assertRaises(AccessError):
            selection.with_user(self.other_requester).read(["name"])
        self.assertFalse(
            self.env["vc.selection"].with_user(self.other_requester).search([])
        )
        candidate = self._candidate(selection, self.firm)
        with self.assertRaises(AccessError):
            candidate.with_user(self.other_requester).read(["firm_id"])
        with self.assertRaises(AccessError):
            candidate.with_user(self.requester).write({"quote_amount": 1})

    def test_multi_company_selection(self):
        """A selection of another company is invisible, even to the legal
        department of this one."""
        other_company = self.env["res.company"].create({"name": "Subsidiary Co"})
        request = self._new_request(company_id=other_company.id, department_id=False)
        selection = self.env["vc.selection"].create({"request_id": request.id})
        self._candidate(selection, self.firm)
        self.assertFalse(
            self.env["vc.selection"]
            .with_user(self.legal)
            .search([("id", "=", selection.id)])
        )
        self.assertFalse(
            self.env["vc.selection.candidate"]
            .with_user(self.legal)
            .search([("selection_id", "=", selection.id)])
        )


@tagged("post_install", "-at_install")
class TestVcRequestsRpc(JsonRpcCase, HttpCase):
    """The same ladder through JSON-RPC (call_kw)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "vendor_counsel.group_vendor_counsel_"
        cls.owner = new_test_user(cls.env, login="vc_rpc_owner", groups=group + "user")
        cls.stranger = new_test_user(
            cls.env, login="vc_rpc_stranger", groups=group + "user"
        )
        cls.request = cls.env["vc.request"].create(
            {
                "description": "Arbitration in Singapore",
                "date_service_start": date(2026, 12, 1),
                "user_id": cls.owner.id,
            }
        )

    def test_rpc_ladder(self):
        """Search, read and export through call_kw follow the ladder."""
        self.stranger.group_ids += self.env.ref("base.group_allow_export")
        found = self._call(
            "vc_rpc_owner", "vc.request", "search_read", [[]], {"fields": ["name"]}
        )
        self.assertEqual([r["id"] for r in found["result"]], self.request.ids)
        found = self._call(
            "vc_rpc_stranger", "vc.request", "search_read", [[]], {"fields": ["name"]}
        )
        self.assertFalse(found["result"])
        read = self._call(
            "vc_rpc_stranger", "vc.request", "read", [self.request.ids, ["name"]]
        )
        self.assertIn("error", read)
        export = self._call(
            "vc_rpc_stranger", "vc.request", "export_data", [self.request.ids, ["name"]]
        )
        self.assertIn("error", export)
