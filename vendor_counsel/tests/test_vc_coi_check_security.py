from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_vc_coi_check import VcCoiCheckCommon

CONFIDENTIAL = ("vc.coi.check", "vc.coi.check.match", "vc.coi.name", "vc.coi.waiver")


@tagged("post_install", "-at_install")
class TestVcCoiCheckSecurity(VcCoiCheckCommon):
    """Issue 10 item 8: the matches reveal declarations. Only compliance, internal
    audit and the audit committee read checks, matches, the name index and waivers;
    the requester and the legal department see the request's conflict state."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, login="vc_coi_portal", groups="base.group_portal"
        )
        cls.request = cls._create_request(
            coi_counterparty_names="上海恒通实业股份有限公司"
        )
        cls.request.with_user(cls.requester).action_coi_check()
        cls.check = cls.request.coi_check_id
        export = cls.env.ref("base.group_allow_export")
        for user in (cls.requester, cls.legal, cls.general_counsel, cls.plain_user):
            user.group_ids = [(4, export.id)]

    def test_outsiders_see_only_the_state(self):
        for user in (self.requester, self.legal, self.general_counsel):
            request = self.request.with_user(user)
            self.assertEqual(
                request.read(["coi_check_state"])[0]["coi_check_state"],
                "possible_conflict",
            )
            for fname in ("coi_check_id", "coi_waiver_id", "coi_clear_reason"):
                with self.assertRaises(AccessError, msg=f"{user.login} {fname}"):
                    request.read([fname])
            with self.assertRaises(AccessError):
                request.export_data(["coi_check_id/name"])
            self.assertEqual(
                request.export_data(["coi_check_state"])["datas"],
                [["Possible Conflict"]],
            )
            groups = (
                self.env["vc.request"]
                .with_user(user)
                ._read_group(
                    [("id", "=", self.request.id)], ["coi_check_state"], ["__count"]
                )
            )
            self.assertEqual(groups, [("possible_conflict", 1)])
        for user in (self.requester, self.legal, self.plain_user, self.portal):
            for model in CONFIDENTIAL:
                Model = self.env[model].with_user(user)
                with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                    Model.search([])
                with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                    Model._read_group([], ["create_uid"], ["__count"])
            with self.assertRaises(AccessError):
                self.check.with_user(user).read(["result"])
            with self.assertRaises(UserError):
                # AccessError, or (portal) no right to export at all
                self.check.match_ids.with_user(user).export_data(["matched_name"])

    def test_compliance_audit_committee_read(self):
        for user in (self.compliance, self.auditor, self.committee, self.manager):
            check = (
                self.env["vc.coi.check"]
                .with_user(user)
                .search([("id", "=", self.check.id)])
            )
            self.assertEqual(check.result, "possible_conflict", user.login)
            self.assertTrue(check.match_ids.mapped("matched_name"))
            self.assertEqual(
                self.request.with_user(user).coi_check_id, self.check, user.login
            )
            self.assertTrue(self.env["vc.coi.name"].with_user(user).search_count([]))
        with self.assertRaises(AccessError):
            self.check.with_user(self.auditor).write({"threshold": 0.9})
        with self.assertRaises(AccessError):
            self.env["vc.coi.name"].with_user(self.compliance).search(
                [], limit=1
            ).write({"name": "x"})

    def test_requester_runs_the_check_without_reading_it(self):
        """The requester triggers the check; the result is written though the
        requester may not read the check."""
        request = self._create_request(coi_counterparty_names="苏州新星材料有限公司")
        self.assertTrue(request.with_user(self.requester).action_coi_check())
        self.assertEqual(request.with_user(self.requester).coi_check_state, "clear")
        self.assertEqual(
            request.coi_check_id.create_uid, self.requester, "run by the requester"
        )
        action = request.with_user(self.compliance).action_coi_check()
        self.assertEqual(action["res_model"], "vc.coi.check")

    def test_other_company_checks_hidden(self):
        other = self.env["res.company"].create({"name": "Other Co (COI)"})
        self.compliance.company_ids = [(4, other.id)]
        check = self.env["vc.coi.check"].create(
            {"query_names": "x", "company_id": other.id}
        )
        found = (
            self.env["vc.coi.check"]
            .with_user(self.compliance)
            .with_context(allowed_company_ids=[self.company.id])
            .search([])
        )
        self.assertNotIn(check, found)
        found = (
            self.env["vc.coi.check"]
            .with_user(self.compliance)
            .with_context(allowed_company_ids=[self.company.id, other.id])
            .search([])
        )
        self.assertIn(check, found)


@tagged("post_install", "-at_install")
class TestVcCoiCheckRpc(JsonRpcCase, VcCoiCheckCommon, HttpCase):
    """The same through JSON-RPC (call_kw), as the web client would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, login="vc_coi_rpc_portal", groups="base.group_portal"
        )
        cls.request = cls._create_request(
            coi_counterparty_names="上海恒通实业股份有限公司"
        )
        cls.request.action_coi_check()

    def test_rpc(self):
        for login in ("vc_requester", "vc_legal", "vc_plain", "vc_coi_rpc_portal"):
            for model in ("vc.coi.check", "vc.coi.check.match", "vc.coi.name"):
                found = self._call(
                    login, model, "search_read", [[]], {"fields": ["id"]}
                )
                self.assertIn("error", found, f"{login} {model}")
                self.assertIn("AccessError", found["error"]["data"]["name"])
        for login in ("vc_requester", "vc_legal"):
            state = self._call(
                login,
                "vc.request",
                "read",
                [[self.request.id], ["coi_check_state"]],
            )
            self.assertEqual(state["result"][0]["coi_check_state"], "possible_conflict")
            hidden = self._call(
                login, "vc.request", "read", [[self.request.id], ["coi_check_id"]]
            )
            self.assertIn("error", hidden, login)
        found = self._call(
            "vc_compliance", "vc.coi.check", "search_read", [[]], {"fields": ["result"]}
        )
        self.assertIn(self.request.coi_check_id.id, [r["id"] for r in found["result"]])
