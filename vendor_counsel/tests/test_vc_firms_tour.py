from datetime import date

from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase


@tagged("post_install", "-at_install")
class TestVcFirmsTour(JsonRpcCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        area = cls.env.ref("vendor_counsel.vc_practice_area_litigation")
        cls.firm = cls.env["res.partner"].create(
            {
                "name": "巡回测试律师事务所",
                "is_company": True,
                "vc_is_law_firm": True,
                "vc_date_established": date(2010, 1, 1),
                **dict.fromkeys(
                    (
                        "vc_vet_business_licence",
                        "vc_vet_organisation_code",
                        "vc_vet_identity",
                        "vc_vet_asset_proof",
                        "vc_vet_credit_record",
                        "vc_vet_size_condition",
                        "vc_vet_qualification",
                    ),
                    True,
                ),
                "vc_vetted_on": date(2025, 1, 1),
            }
        )
        today = date.today()
        cls.valid = cls.env["vc.panel"].create(
            {
                "name": "巡回测试有效名单",
                "practice_area_id": area.id,
                "date_from": date(2020, 1, 1),
                "date_to": date(today.year + 2, 12, 31),
                "line_ids": [Command.create({"firm_id": cls.firm.id})],
            }
        )
        cls.valid.state = "approved"
        cls.submitted = cls.env["vc.panel"].create(
            {
                "name": "巡回测试名单",
                "practice_area_id": area.id,
                "date_from": date(2020, 1, 1),
                "date_to": date(today.year + 2, 12, 31),
                "line_ids": [Command.create({"firm_id": cls.firm.id})],
            }
        )
        cls.submitted.action_submit()

    def test_vc_firms_tour(self):
        """000/R-VC-02, WF-VC-1 in a browser: a penalty makes an eligible firm not
        eligible; the general counsel (administrator) approves a panel."""
        self.start_tour(
            "/odoo/action-vendor_counsel.vc_firm_action",
            "vc_firms_tour",
            login="admin",
            timeout=180,
        )
        self.env.invalidate_all()
        self.assertEqual(len(self.firm.vc_penalty_ids), 1)
        # the penalty is dated today in the administrator's time zone
        on = self.firm.vc_penalty_ids.date
        breaches = self.env["res.partner"]._vc_eligibility(self.firm, on)[self.firm.id]
        self.assertEqual([rule for rule, _level, _msg in breaches], ["000/R-VC-02"])
        self.assertEqual(self.submitted.state, "approved")
        self.assertEqual(self.submitted.validation_status, "validated")

    def test_json_rpc_multi_company(self):
        """Panels over JSON-RPC: a user of another company gets nothing; a
        requesting user reads but cannot write."""
        other = self.env["res.company"].create({"name": "Other Co (RPC)"})
        new_test_user(
            self.env,
            login="vc_rpc_other",
            password="vc_rpc_other_pw",
            groups="vendor_counsel.group_vendor_counsel_user",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        new_test_user(
            self.env,
            login="vc_rpc_user",
            password="vc_rpc_user_pw",
            groups="vendor_counsel.group_vendor_counsel_user",
        )

        def call(login, method, args, kwargs=None):
            return self._call(
                login, "vc.panel", method, args, kwargs, password=f"{login}_pw"
            )

        found = call("vc_rpc_other", "search_read", [[]], {"fields": ["name"]})
        self.assertEqual(found["result"], [])
        found = call("vc_rpc_user", "search_read", [[]], {"fields": ["name"]})
        self.assertIn("巡回测试名单", [row["name"] for row in found["result"]])
        denied = call("vc_rpc_user", "write", [self.valid.ids, {"name": "x"}])
        self.assertIn("error", denied)
