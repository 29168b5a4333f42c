import re
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common import ClientRelationsCommon

SERVICE_REPORT_ACTION = "client_relations.action_report_cr_service_report"


@tagged("post_install", "-at_install")
class CrPortalCommon(ClientRelationsCommon, HttpCase, JsonRpcCase):
    """Two clients, each with a portal user (a contact of the client), a request,
    an active SLA and a sent service report; the first client also has a draft
    SLA, an OLA and a draft report the portal must not show."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_users = cls.env["res.users"]
        for index, client in enumerate((cls.client, cls.other_client)):
            user = new_test_user(
                cls.env,
                login=f"cr_portal_{index}",
                name=("王建国", "李晓燕")[index],
                groups="base.group_portal",
            )
            user.partner_id.parent_id = client
            cls.portal_users |= user
        cls.complained_about = new_test_user(
            cls.env,
            login="cr_portal_subject",
            name="被投诉人赵六",
            groups="client_relations.group_client_relations_user",
        )
        cls.requests = cls.env["cr.request"].create(
            [
                {
                    "subject": f"门户测试请求 {index}",
                    "kind": "complaint",
                    "partner_id": client.id,
                    "contact_id": user.partner_id.id,
                    "description": f"<p>门户测试描述 {index}</p>",
                    "user_id": cls.owner.id,
                    "subject_user_ids": [(6, 0, cls.complained_about.ids)],
                }
                for index, (client, user) in enumerate(
                    zip((cls.client, cls.other_client), cls.portal_users, strict=True)
                )
            ]
        )
        cls.agreements = cls.env["cr.agreement"].create(
            [
                {
                    "name": f"SLA-PORTAL-{index}",
                    "partner_id": client.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                    "target_ids": [
                        (
                            0,
                            0,
                            {
                                "priority": "3",
                                "first_response_hours": 1,
                                "next_response_hours": 2,
                                "resolution_hours": 4 + index,
                            },
                        )
                    ],
                }
                for index, client in enumerate((cls.client, cls.other_client))
            ]
        )
        cls.agreements.write({"state": "active"})
        cls.hidden_agreements = cls.env["cr.agreement"].create(
            [
                {"name": "SLA-DRAFT-HIDDEN", "partner_id": cls.client.id},
                {"name": "OLA-HIDDEN", "kind": "ola", "partner_id": cls.client.id},
            ]
        )
        cls.hidden_agreements[1].state = "active"
        cls.reports = cls.env["cr.service.report"].create(
            [
                {
                    "name": f"REPORT-PORTAL-{index}",
                    "agreement_id": agreement.id,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 3, 31),
                }
                for index, agreement in enumerate(cls.agreements)
            ]
        )
        cls.reports.write({"state": "sent"})
        cls.draft_report = cls.env["cr.service.report"].create(
            {
                "name": "REPORT-DRAFT-HIDDEN",
                "agreement_id": cls.agreements[0].id,
                "date_from": date(2026, 4, 1),
                "date_to": date(2026, 6, 30),
            }
        )

    def _login(self, index):
        login = f"cr_portal_{index}"
        self.authenticate(login, login)

    def _csrf(self, url):
        page = self.url_open(url).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@tagged("post_install", "-at_install")
class TestCrPortal(CrPortalCommon):
    def test_submit_request(self):
        """A client's contact submits a request from the portal: channel portal,
        client = the user's commercial partner, the contact follows it; bad
        input shows the errors and creates nothing; no CSRF token, nothing."""
        Request = self.env["cr.request"]
        before = Request.search_count([])
        self._login(0)
        csrf = self._csrf("/my/cr_requests/new")
        response = self.url_open(
            "/my/cr_requests/new",
            data={
                "csrf_token": csrf,
                "subject": "  ",
                "kind": "bogus",
                "description": "",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_cr_request_errors", response.text)
        for message in (
            "Enter a subject.",
            "Choose the type of your request.",
            "Describe your request.",
        ):
            self.assertIn(message, response.text)
        response = self.url_open(
            "/my/cr_requests/new",
            data={
                "csrf_token": csrf,
                "subject": "x" * 201,
                "kind": "fault",
                "description": "打印机卡纸",
            },
        )
        self.assertIn("Keep the subject under 200 characters.", response.text)
        response = self.url_open(
            "/my/cr_requests/new",
            data={"subject": "无令牌", "kind": "fault", "description": "无令牌"},
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertEqual(Request.search_count([]), before)
        response = self.url_open(
            "/my/cr_requests/new",
            data={
                "csrf_token": csrf,
                "subject": "机房空调漏水",
                "kind": "fault",
                "description": "机房空调漏水<script>x</script>",
            },
        )
        self.assertEqual(response.status_code, 200)
        created = Request.search([("subject", "=", "机房空调漏水")])
        self.assertEqual(len(created), 1)
        self.assertIn(f"/my/cr_requests/{created.id}", response.url)
        self.assertIn("o_cr_request_submitted", response.text)
        self.assertEqual(created.channel, "portal")
        self.assertEqual(created.kind, "fault")
        self.assertEqual(created.partner_id, self.client)
        self.assertEqual(created.contact_id, self.portal_users[0].partner_id)
        self.assertFalse(created.receiver_id)
        self.assertFalse(created.user_id)
        self.assertNotIn("<script>", created.description)
        self.assertIn(self.portal_users[0].partner_id, created.message_partner_ids)
        listing = self.url_open("/my/cr_requests").text
        self.assertIn("机房空调漏水", listing)
        self.assertNotIn("门户测试请求 1", listing)

    def test_routes_own_client_only(self):
        """A client's portal user sees its own requests, active/expired SLAs and
        sent service reports; the other client's detail pages, and the draft or
        internal ones, answer 404; the home counters count its own only."""
        self._login(0)
        own = {
            "/my/cr_requests": "门户测试请求 0",
            "/my/cr_agreements": "SLA-PORTAL-0",
            "/my/cr_service_reports": "REPORT-PORTAL-0",
        }
        other = {
            "/my/cr_requests": "门户测试请求 1",
            "/my/cr_agreements": "SLA-PORTAL-1",
            "/my/cr_service_reports": "REPORT-PORTAL-1",
        }
        for url, text in own.items():
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(text, response.text)
                self.assertNotIn(other[url], response.text)
        page = self.url_open("/my/cr_agreements").text
        self.assertNotIn("SLA-DRAFT-HIDDEN", page)
        self.assertNotIn("OLA-HIDDEN", page)
        self.assertNotIn(
            "REPORT-DRAFT-HIDDEN", self.url_open("/my/cr_service_reports").text
        )
        detail = self.url_open(f"/my/cr_requests/{self.requests[0].id}")
        self.assertEqual(detail.status_code, 200)
        self.assertIn("门户测试描述 0", detail.text)
        self.assertIn("o_portal_chatter", detail.text)
        agreement = self.url_open(f"/my/cr_agreements/{self.agreements[0].id}")
        self.assertIn("o_cr_agreement_targets", agreement.text)
        report = self.url_open(self.reports[0].access_url)
        self.assertIn("REPORT-PORTAL-0", report.text)
        for url in (
            f"/my/cr_requests/{self.requests[1].id}",
            f"/my/cr_requests/{self.requests[1].id}/confirm",
            f"/my/cr_agreements/{self.agreements[1].id}",
            f"/my/cr_agreements/{self.hidden_agreements[0].id}",
            f"/my/cr_agreements/{self.hidden_agreements[1].id}",
            f"/my/cr_service_reports/{self.reports[1].id}",
            f"/my/cr_service_reports/{self.reports[1].id}/pdf",
            f"/my/cr_service_reports/{self.draft_report.id}",
            "/my/cr_requests/999999",
        ):
            with self.subTest(url=url):
                self.assertIn(self.url_open(url).status_code, (403, 404, 405))
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {
                "counters": [
                    "cr_request_count",
                    "cr_agreement_count",
                    "cr_service_report_count",
                ]
            },
        )
        self.assertEqual(
            counters,
            {
                "cr_request_count": 1,
                "cr_agreement_count": 1,
                "cr_service_report_count": 1,
            },
        )
        self._login(1)
        response = self.url_open("/my/cr_requests")
        self.assertIn("门户测试请求 1", response.text)
        self.assertNotIn("门户测试请求 0", response.text)
        self.assertEqual(
            self.url_open(f"/my/cr_requests/{self.requests[0].id}").status_code, 404
        )

    def test_internal_fields_never_shown(self):
        """The persons complained about and the handler never reach the portal:
        not on the pages, not through read or fields_get as the portal user."""
        self._login(0)
        for url in (
            "/my/cr_requests",
            f"/my/cr_requests/{self.requests[0].id}",
        ):
            with self.subTest(url=url):
                text = self.url_open(url).text
                self.assertNotIn("被投诉人赵六", text)
                self.assertNotIn(self.owner.name, text)
        as_portal = self.requests[0].with_user(self.portal_users[0])
        fields = as_portal.fields_get()
        self.assertIn("subject", fields)
        for name in ("subject_user_ids", "user_id", "receiver_id", "team_id"):
            with self.subTest(field=name):
                self.assertNotIn(name, fields)
                with self.assertRaises(Exception) as caught:
                    as_portal.read([name])
                self.assertEqual(type(caught.exception).__name__, "AccessError")
        self.assertEqual(as_portal.read(["subject"])[0]["subject"], "门户测试请求 0")
        # an internal user still reads them
        self.assertEqual(
            self.requests[0].with_user(self.manager).subject_user_ids,
            self.complained_about,
        )

    def test_list_pager_sort_filter(self):
        """The request list pages, sorts and filters (to confirm, complaints)."""
        self.env["cr.request"].create(
            [
                {
                    "subject": f"批量请求 {index:03d}",
                    "kind": "inquiry",
                    "partner_id": self.client.id,
                }
                for index in range(85)
            ]
        )
        resolved = self.env["cr.request"].create(
            {"subject": "待确认请求", "partner_id": self.client.id}
        )
        resolved.state = "resolved"
        self._login(0)
        first = self.url_open("/my/cr_requests").text
        self.assertIn("/my/cr_requests/page/2", first)
        second = self.url_open("/my/cr_requests/page/2")
        self.assertEqual(second.status_code, 200)
        self.assertIn("o_cr_request_link", second.text)
        page = self.url_open("/my/cr_requests?filterby=resolved").text
        self.assertIn("待确认请求", page)
        self.assertNotIn("批量请求", page)
        page = self.url_open("/my/cr_requests?filterby=complaint").text
        self.assertIn("门户测试请求 0", page)
        self.assertNotIn("批量请求", page)
        page = self.url_open("/my/cr_requests?sortby=name&filterby=all").text
        numbers = re.findall(r'class="o_cr_request_link"[^>]*>([^<]+)<', page)
        self.assertEqual(numbers, sorted(numbers, reverse=True))

    def test_chatter_message_reaches_request(self):
        """A message posted from the portal chatter lands on the request; the
        other client cannot post on it."""
        self._login(0)
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "cr.request",
                "thread_id": self.requests[0].id,
                "post_data": {"body": "请尽快安排工程师", "message_type": "comment"},
            },
        )
        messages = self.requests[0].message_ids.filtered(
            lambda m: "请尽快安排工程师" in (m.body or "")
        )
        self.assertEqual(messages.author_id, self.portal_users[0].partner_id)
        self._login(1)
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "cr.request",
                    "thread_id": self.requests[0].id,
                    "post_data": {"body": "越权留言", "message_type": "comment"},
                },
            )
        self.assertFalse(
            self.requests[0].message_ids.filtered(
                lambda m: "越权留言" in (m.body or "")
            )
        )

    def test_confirm_resolution(self):
        """The client confirms the resolution of a resolved request: the desk's
        ``action_client_confirm()`` (cr-desk) moves it to confirmed. Before it is
        resolved, the button is absent and a post is refused; the other client
        gets 404."""
        record = self.requests[0]
        url = f"/my/cr_requests/{record.id}/confirm"
        self._login(0)
        page = self.url_open(f"/my/cr_requests/{record.id}").text
        self.assertNotIn("o_cr_request_confirm_form", page)
        csrf = self._csrf("/my/cr_requests/new")
        response = self.url_open(url, data={"csrf_token": csrf})
        self.assertIn("Only a resolved request can be confirmed.", response.text)
        record.state = "resolved"
        self._login(1)
        csrf_other = self._csrf("/my/cr_requests/new")
        response = self.url_open(url, data={"csrf_token": csrf_other})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(record.state, "resolved")
        self._login(0)
        self.assertIn(
            "o_cr_request_confirm_form",
            self.url_open(f"/my/cr_requests/{record.id}").text,
        )
        csrf = self._csrf("/my/cr_requests/new")
        response = self.url_open(url, data={"csrf_token": csrf})
        self.assertEqual(response.status_code, 200)
        record.invalidate_recordset()
        self.assertEqual(record.state, "confirmed")
        self.assertIn("o_cr_request_confirmed", response.text)

    def test_service_report_pdf_link(self):
        """The PDF of a sent service report is linked and downloadable only when
        the service report's QWeb report exists."""
        self._login(0)
        report = self.reports[0]
        page = self.url_open(report.access_url).text
        response = self.url_open(f"{report.access_url}/pdf")
        if self.env.ref(SERVICE_REPORT_ACTION, raise_if_not_found=False):
            self.assertIn("o_cr_service_report_pdf", page)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.headers["Content-Type"], "application/pdf")
        else:
            self.assertNotIn("o_cr_service_report_pdf", page)
            self.assertEqual(response.status_code, 404)


@tagged("post_install", "-at_install")
class TestCrPortalAccess(CrPortalCommon):
    def test_orm_as_portal(self):
        """Through the ORM the second client's portal user finds and reads only
        its own client's requests, SLAs, targets and sent service reports, groups
        only its own, and exports nothing."""
        user = self.portal_users[1]
        for model, records in (
            ("cr.request", self.requests),
            ("cr.agreement", self.agreements),
            ("cr.agreement.target", self.agreements.target_ids),
            ("cr.service.report", self.reports),
        ):
            with self.subTest(model=model):
                as_portal = self.env[model].with_user(user)
                found = as_portal.search([])
                self.assertEqual(found, records[1])
                with self.assertRaises(Exception) as caught:
                    as_portal.browse(records[0].id).read(["display_name"])
                self.assertEqual(type(caught.exception).__name__, "AccessError")
        as_portal = self.env["cr.request"].with_user(user)
        # the portal exports nothing at all (no export right)
        for fields in (["subject"], ["subject_user_ids/name"]):
            with self.subTest(export=fields), self.assertRaises(UserError):
                as_portal.search([]).export_data(fields)
        groups = (
            self.env["cr.request"]
            .with_user(user)
            ._read_group([], ["partner_id"], ["__count"])
        )
        self.assertEqual(groups, [(self.other_client, 1)])

    def test_json_rpc_portal(self):
        """Through JSON-RPC the second client lists only its own requests, cannot
        read the first client's, cannot read the persons complained about on its
        own, cannot create a request for another client or set internal fields,
        and cannot write."""
        response = self._call(
            "cr_portal_1", "cr.request", "search_read", [[]], {"fields": ["subject"]}
        )
        self.assertEqual(
            [row["id"] for row in response["result"]], self.requests[1].ids
        )
        for model, records in (
            ("cr.request", self.requests),
            ("cr.agreement", self.agreements),
            ("cr.service.report", self.reports),
        ):
            with self.subTest(model=model):
                response = self._call(
                    "cr_portal_1", model, "read", [records[0].ids, ["display_name"]]
                )
                self.assertIn("AccessError", response["error"]["data"]["name"])
        response = self._call(
            "cr_portal_1",
            "cr.request",
            "read",
            [self.requests[1].ids, ["subject_user_ids"]],
        )
        self.assertIn("AccessError", response["error"]["data"]["name"])
        before = self.env["cr.request"].search_count([])
        for values in (
            {"subject": "冒名", "partner_id": self.client.id},
            {
                "subject": "指定处理人",
                "partner_id": self.other_client.id,
                "user_id": self.owner.id,
            },
        ):
            with self.subTest(values=values):
                response = self._call("cr_portal_1", "cr.request", "create", [values])
                self.assertIn("AccessError", response["error"]["data"]["name"])
        self.assertEqual(self.env["cr.request"].search_count([]), before)
        response = self._call(
            "cr_portal_1",
            "cr.request",
            "write",
            [self.requests[1].ids, {"subject": "改写"}],
        )
        self.assertIn("AccessError", response["error"]["data"]["name"])
        self.assertEqual(self.requests[1].subject, "门户测试请求 1")
