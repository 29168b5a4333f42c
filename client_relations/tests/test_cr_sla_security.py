from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_cr_sla import CrSlaCommon


@tagged("post_install", "-at_install")
class TestCrSlaSecurity(JsonRpcCase, CrSlaCommon, HttpCase):
    """The service level manager manages the catalogue and the agreements; every
    client relations user reads them; other companies' agreements stay hidden."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement = cls._create_agreement()
        cls.other_company = cls.env["res.company"].create({"name": "Other Co (SLA)"})
        cls.foreign = cls.env["cr.agreement"].create(
            {
                "name": "Foreign SLA",
                "company_id": cls.other_company.id,
                "indicator_ids": [(0, 0, {"name": "On time", "metric": "resolution"})],
            }
        )
        cls.env["cr.report.spec"].create(
            {
                "agreement_id": cls.foreign.id,
                "name": "Foreign report",
                "submitter_id": cls.slm.id,
                "indicator_ids": [(6, 0, cls.foreign.indicator_ids.ids)],
            }
        )
        cls.owner.group_ids |= cls.env.ref("base.group_allow_export")

    def test_user_reads_agreements_of_the_company(self):
        """A user reads, searches, groups and exports the company's agreements and
        their lines, never another company's; he writes nothing."""
        Agreement = self.env["cr.agreement"].with_user(self.owner)
        mine = [("id", "in", (self.agreement | self.foreign).ids)]
        self.assertEqual(Agreement.search(mine), self.agreement)
        groups = Agreement._read_group(mine, ["kind"], ["__count"])
        self.assertEqual(groups, [("sla", 1)])
        exported = self.agreement.with_user(self.owner).export_data(["name"])
        self.assertEqual(exported["datas"], [["SLA (test)"]])
        lines = [("agreement_id", "in", (self.agreement | self.foreign).ids)]
        specs = self.env["cr.report.spec"].with_user(self.owner).search(lines)
        self.assertEqual(specs, self.agreement.report_spec_ids)
        self.assertEqual(
            self.env["cr.agreement.indicator"].with_user(self.owner).search(lines),
            self.agreement.indicator_ids,
        )
        with self.assertRaises(AccessError):
            self.foreign.with_user(self.owner).read(["name"])
        with self.assertRaises(AccessError):
            self.agreement.with_user(self.owner).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.service_ops.with_user(self.owner).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.agreement.report_spec_ids.with_user(self.owner).unlink()

    def test_slm_manages_catalogue_and_agreements(self):
        """The service level manager creates services, edits and activates
        agreements; a user may not activate one."""
        service = self.env["cr.service"].with_user(self.slm).create({"name": "New"})
        self.agreement.with_user(self.slm).write(
            {"service_ids": [(4, service.id)], "name": "Renamed"}
        )
        self.assertFalse(self.agreement.with_user(self.owner).can_activate)
        self.assertTrue(self.agreement.with_user(self.slm).can_activate)
        with self.assertRaises(AccessError):
            self.agreement.with_user(self.owner).action_activate()
        self.agreement.with_user(self.slm).action_activate()
        self.assertEqual(self.agreement.state, "active")

    def test_plain_user_sees_nothing(self):
        """An internal user outside client relations reads no agreement."""
        with self.assertRaises(AccessError):
            self.env["cr.agreement"].with_user(self.plain_user).search([])

    def test_json_rpc(self):
        """Through JSON-RPC the user reads the company's agreements only and
        cannot write; the service level manager can."""
        domain = [["id", "in", (self.agreement | self.foreign).ids]]
        result = self._call(
            "cr_owner", "cr.agreement", "search_read", [domain], {"fields": ["name"]}
        )["result"]
        self.assertEqual([row["id"] for row in result], self.agreement.ids)
        error = self._call(
            "cr_owner", "cr.agreement", "write", [self.agreement.ids, {"name": "X"}]
        )["error"]
        self.assertIn("AccessError", error["data"]["name"])
        self.assertTrue(
            self._call(
                "cr_slm", "cr.agreement", "write", [self.agreement.ids, {"name": "Y"}]
            )["result"]
        )
