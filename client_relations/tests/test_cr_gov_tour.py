from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase


@tagged("post_install", "-at_install")
class TestCrGovTour(HttpCase):
    def test_hold_review_and_send_minutes(self):
        """003/HR-D1-14 (workflow W3): in Chinese, the service level manager holds the
        annual review meeting and sends the minutes to every participant."""
        self.env["res.lang"]._activate_lang("zh_CN")
        group = "client_relations.group_client_relations_"
        slm = new_test_user(self.env, login="cr_gov_tour_slm", groups=group + "slm")
        slm.lang = "zh_CN"
        om = self.env["hr.department"].create({"name": "运维部"})
        mgmt = self.env["hr.department"].create({"name": "企业管理部"})
        self.env.company.write(
            {
                "cr_review_om_department_id": om.id,
                "cr_review_mgmt_department_id": mgmt.id,
            }
        )
        participants = self.env["res.users"]
        for login, department in (("cr_gov_tour_om", om), ("cr_gov_tour_mgmt", mgmt)):
            user = new_test_user(self.env, login=login, groups=group + "user")
            self.env["hr.employee"].create(
                {"name": login, "user_id": user.id, "department_id": department.id}
            )
            participants |= user
        client = self.env["res.partner"].create(
            {"name": "上海华信科技有限公司", "is_company": True}
        )
        agreement = self.env["cr.agreement"].create(
            {"name": "华信 SLA", "partner_id": client.id, "user_id": slm.id}
        )
        review = self.env["cr.review"].create(
            {
                "name": "2026 年度 SLA 审查会议",
                "agreement_ids": [Command.set(agreement.ids)],
                "user_id": slm.id,
                "participant_ids": [Command.set(participants.ids)],
                "agenda_performance": "按时解决率 96%",
                "agenda_issues": "夜间响应慢",
                "minutes": "<p>决定增设夜间值班。</p>",
            }
        )
        self.start_tour(
            f"/odoo/action-client_relations.cr_review_action/{review.id}",
            "cr_gov_review_tour",
            login="cr_gov_tour_slm",
            timeout=180,
        )
        self.assertEqual(review.state, "done")
        self.assertEqual(review.satisfaction, "satisfied")
        mail = self.env["mail.mail"].search(
            [("model", "=", "cr.review"), ("res_id", "=", review.id)]
        )
        self.assertEqual(mail.recipient_ids, (participants | slm).partner_id)


@tagged("post_install", "-at_install")
class TestCrGovJsonRpc(HttpCase, JsonRpcCase):
    def test_service_reports_over_json_rpc(self):
        """003/HR-D1-6: over JSON-RPC an account owner reads the service reports of
        his client's agreement and no other; he cannot send one."""
        group = "client_relations.group_client_relations_"
        owner = new_test_user(self.env, login="cr_gov_rpc_owner", groups=group + "user")
        other = new_test_user(self.env, login="cr_gov_rpc_other", groups=group + "user")
        client = self.env["res.partner"].create(
            {"name": "华信 RPC", "is_company": True, "cr_owner_id": owner.id}
        )
        agreement = self.env["cr.agreement"].create(
            {"name": "华信 RPC SLA", "partner_id": client.id}
        )
        report = self.env["cr.service.report"]._cr_generate(
            agreement, date(2026, 11, 1), date(2026, 11, 30)
        )
        domain = [["id", "=", report.id]]
        found = self._call(
            "cr_gov_rpc_owner", "cr.service.report", "search_read", [domain, ["name"]]
        )
        self.assertEqual([r["id"] for r in found["result"]], report.ids)
        found = self._call(
            "cr_gov_rpc_other", "cr.service.report", "search_read", [domain, ["name"]]
        )
        self.assertEqual(found["result"], [])
        sent = self._call(
            "cr_gov_rpc_owner", "cr.service.report", "action_send", [report.ids]
        )
        self.assertIn("error", sent)
        self.assertEqual(report.state, "draft")
        self.assertTrue(other)
