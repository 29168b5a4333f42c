from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_vc_engagements import VcEngagementsCommon


@tagged("post_install", "-at_install")
class TestVcEngagementSecurity(VcEngagementsCommon):
    """Using units read their unit's engagements and file them; legal writes;
    finance and audit read all; companies are walled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._complete_engagement()
        cls.theirs = cls._complete_engagement(department_id=cls.other_department.id)

    def test_requester_reads_own_unit(self):
        self.requester.group_ids |= self.env.ref("base.group_allow_export")
        Engagement = self.env["vc.engagement"].with_user(self.requester)
        self.assertEqual(Engagement.search([]), self.mine)
        self.assertEqual(
            self.mine.with_user(self.requester).read(["name"])[0]["id"], self.mine.id
        )
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.requester).read(["name"])
        groups = Engagement._read_group([], ["department_id"], ["__count"])
        self.assertEqual(groups, [(self.department, 1)])
        exported = self.mine.with_user(self.requester).export_data(["subject"])
        self.assertEqual(len(exported["datas"]), 1)
        with self.assertRaises(AccessError):
            self.mine.with_user(self.requester).write({"subject": "changed"})

    def test_requester_reads_engagement_of_own_request(self):
        """The requester of a request reads the engagement made from it, even for
        another unit."""
        request = self._create_request(department_id=self.other_department.id)
        engagement = self._complete_engagement(
            department_id=self.other_department.id, request_id=request.id
        )
        found = self.env["vc.engagement"].with_user(self.requester).search([])
        self.assertEqual(found, self.mine | engagement)
        self.assertNotIn(self.theirs, found)

    def test_finance_and_auditor_read_all(self):
        for user in (self.finance, self.auditor):
            found = self.env["vc.engagement"].with_user(user).search([])
            self.assertEqual(found, self.mine | self.theirs)
            with self.assertRaises(AccessError):
                self.mine.with_user(user).write({"subject": "changed"})

    def test_requester_files_own_unit_only(self):
        """The using unit creates the filing of its own engagement only."""
        self._sign(self.mine)
        self._sign(self.theirs)
        self.mine.with_user(self.requester).action_create_filing()
        self.assertEqual(
            self.env["vc.filing"].with_user(self.requester).search([]).engagement_id,
            self.mine,
        )
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.requester).action_create_filing()
        with self.assertRaises(AccessError):
            self.env["vc.filing"].with_user(self.requester).create(
                self.theirs._prepare_filing_vals()
            )
        self.assertFalse(
            self.env["vc.filing"]
            .with_user(self.other_requester)
            .search([("engagement_id", "=", self.mine.id)])
        )

    def test_multi_company(self):
        """A user of another company sees none of this company's engagements."""
        other = self.env["res.company"].create({"name": "Other Co"})
        outsider = new_test_user(
            self.env,
            login="vc_legal_other",
            groups="vendor_counsel.group_vendor_counsel_legal",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        self.assertFalse(self.env["vc.engagement"].with_user(outsider).search([]))


@tagged("post_install", "-at_install")
class TestVcEngagementRpc(JsonRpcCase, HttpCase):
    """The same walls through JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "vendor_counsel.group_vendor_counsel_"
        cls.unit_user = new_test_user(
            cls.env, login="vc_rpc_unit", groups=group + "user"
        )
        cls.portal = new_test_user(
            cls.env, login="vc_rpc_portal", groups="base.group_portal"
        )
        department = cls.env["hr.department"].create({"name": "RPC Dept"})
        other_department = cls.env["hr.department"].create({"name": "RPC Other"})
        cls.env["hr.employee"].create(
            {"name": "RPC", "user_id": cls.unit_user.id, "department_id": department.id}
        )
        firm = cls.env["res.partner"].create(
            {"name": "RPC Firm", "is_company": True, "vc_is_law_firm": True}
        )
        Engagement = cls.env["vc.engagement"]
        cls.mine = Engagement.create(
            {"firm_id": firm.id, "subject": "Mine", "department_id": department.id}
        )
        cls.theirs = Engagement.create(
            {
                "firm_id": firm.id,
                "subject": "Theirs",
                "department_id": other_department.id,
            }
        )

    def test_rpc_unit_user(self):
        found = self._call(
            "vc_rpc_unit", "vc.engagement", "search_read", [[]], {"fields": ["subject"]}
        )
        self.assertEqual([r["id"] for r in found["result"]], self.mine.ids)
        read = self._call(
            "vc_rpc_unit", "vc.engagement", "read", [self.theirs.ids, ["subject"]]
        )
        self.assertIn("error", read)
        export = self._call(
            "vc_rpc_unit",
            "vc.engagement",
            "export_data",
            [self.theirs.ids, ["subject"]],
        )
        self.assertIn("error", export)

    def test_rpc_portal_nothing(self):
        found = self._call(
            "vc_rpc_portal",
            "vc.engagement",
            "search_read",
            [[]],
            {"fields": ["subject"]},
        )
        self.assertFalse(found.get("result"))
