import re
from datetime import date, timedelta

from odoo import fields
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged


@tagged("post_install", "-at_install")
class VcPortalCommon(HttpCase):
    """Two firms, each with a portal user, an active engagement, a payment, a
    filing, a done evaluation and an invitation to bid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.firms = cls.env["res.partner"].create(
            [
                {"name": name, "is_company": True, "vc_is_law_firm": True}
                for name in ("上海市明衡测试律师事务所", "广东华正测试律师事务所")
            ]
        )
        cls.lawyer = cls.env["res.partner"].create(
            {"name": "陈律师", "parent_id": cls.firms[0].id, "vc_is_lawyer": True}
        )
        cls.portal_users = cls.env["res.users"]
        for index, firm in enumerate(cls.firms):
            login = f"vc_portal_{index}"
            user = new_test_user(
                cls.env, login=login, password=login + "_pw", groups="base.group_portal"
            )
            user.partner_id.parent_id = firm
            cls.portal_users |= user
        cls.engagements = cls.env["vc.engagement"].create(
            [
                {
                    "firm_id": firm.id,
                    "lawyer_ids": [(6, 0, cls.lawyer.ids)] if not index else [],
                    "name": f"ENG-PORTAL-{index}",
                    "subject": f"门户测试服务事项 {index}",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                    "fee_amount": 120000 + index,
                }
                for index, firm in enumerate(cls.firms)
            ]
        )
        cls.engagements.write({"state": "active"})
        cls.draft_engagement = cls.env["vc.engagement"].create(
            {"firm_id": cls.firms[0].id, "subject": "草稿合同不对外"}
        )
        cls.payments = cls.env["vc.payment"].create(
            [
                {
                    "engagement_id": engagement.id,
                    "amount": 30000,
                    "date_planned": date(2026, 3, 1),
                    "name": f"PAY-PORTAL-{index}",
                }
                for index, engagement in enumerate(cls.engagements)
            ]
        )
        cls.payments.write({"state": "approved"})
        cls.filings = cls.env["vc.filing"].create(
            [
                {"engagement_id": engagement.id, "name": f"FIL-PORTAL-{index}"}
                for index, engagement in enumerate(cls.engagements)
            ]
        )
        cls.evaluations = cls.env["vc.evaluation"].create(
            [
                {"engagement_id": engagement.id, "firm_id": engagement.firm_id.id}
                for engagement in cls.engagements
            ]
        )
        cls.evaluations.write({"state": "done"})
        request = cls.env["vc.request"].create(
            {"description": "门户选聘测试", "date_service_start": date(2026, 12, 1)}
        )
        cls.selection = cls.env["vc.selection"].create(
            {"name": "SEL-PORTAL", "request_id": request.id, "state": "invited"}
        )
        cls.candidates = cls.env["vc.selection.candidate"].create(
            [
                {
                    "selection_id": cls.selection.id,
                    "firm_id": firm.id,
                    "state": "invited",
                }
                for firm in cls.firms
            ]
        )

    def _login(self, index):
        login = f"vc_portal_{index}"
        self.authenticate(login, login + "_pw")

    def _csrf(self, url):
        page = self.url_open(url).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@tagged("post_install", "-at_install")
class TestVcPortal(VcPortalCommon):
    def test_each_route_shows_own_firm_only(self):
        """A firm's portal user sees its own engagements, invitations, payments,
        filings and evaluation results under /my; the other firm's user sees none
        of them, and their detail pages answer 404."""
        own = {
            "/my/counsel/engagements": self.engagements[0].name,
            "/my/counsel/payments": "PAY-PORTAL-0",
            "/my/counsel/filings": "FIL-PORTAL-0",
            "/my/counsel/evaluations": self.evaluations[0].name,
            "/my/counsel/bids": f"/my/counsel/bids/{self.candidates[0].id}",
        }
        other = {
            "/my/counsel/engagements": self.engagements[1].name,
            "/my/counsel/payments": "PAY-PORTAL-1",
            "/my/counsel/filings": "FIL-PORTAL-1",
            "/my/counsel/evaluations": self.evaluations[1].name,
            "/my/counsel/bids": f"/my/counsel/bids/{self.candidates[1].id}",
        }
        self._login(0)
        for url, text in own.items():
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(text, response.text)
                self.assertNotIn(other[url], response.text)
        self.assertNotIn(
            self.draft_engagement.subject, self.url_open("/my/counsel/engagements").text
        )
        detail = self.url_open(f"/my/counsel/engagements/{self.engagements[0].id}")
        self.assertIn("门户测试服务事项 0", detail.text)
        self.assertIn("陈律师", detail.text)
        self.assertIn("FIL-PORTAL-0", detail.text)
        for url in (
            f"/my/counsel/engagements/{self.engagements[1].id}",
            f"/my/counsel/engagements/{self.draft_engagement.id}",
            f"/my/counsel/bids/{self.candidates[1].id}",
            "/my/counsel/engagements/999999",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {
                "counters": [
                    "vc_engagement_count",
                    "vc_bid_count",
                    "vc_payment_count",
                    "vc_filing_count",
                    "vc_evaluation_count",
                ]
            },
        )
        self.assertEqual(set(counters.values()), {1})
        self._login(1)
        response = self.url_open("/my/counsel/engagements")
        self.assertIn(self.engagements[1].name, response.text)
        self.assertNotIn(self.engagements[0].name, response.text)
        self.assertEqual(
            self.url_open(
                f"/my/counsel/engagements/{self.engagements[0].id}"
            ).status_code,
            404,
        )

    def test_orm_search_as_portal(self):
        """Through the ORM a portal user finds only its own firm's records."""
        user_b = self.portal_users[1]
        for model, records in (
            ("vc.engagement", self.engagements),
            ("vc.payment", self.payments),
            ("vc.filing", self.filings),
            ("vc.evaluation", self.evaluations),
            ("vc.selection.candidate", self.candidates),
        ):
            with self.subTest(model=model):
                found = self.env[model].with_user(user_b).search([])
                self.assertEqual(found, records[1])

    def test_json_rpc_portal(self):
        """Through JSON-RPC the second firm lists only its own engagements and
        cannot read the first firm's."""
        self._login(1)
        found = self.make_jsonrpc_request(
            "/web/dataset/call_kw/vc.engagement/search_read",
            {
                "model": "vc.engagement",
                "method": "search_read",
                "args": [[]],
                "kwargs": {"fields": ["name"]},
            },
        )
        self.assertEqual([row["id"] for row in found], self.engagements[1].ids)
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/vc.engagement/read",
                {
                    "model": "vc.engagement",
                    "method": "read",
                    "args": [self.engagements[0].ids, ["name"]],
                    "kwargs": {},
                },
            )
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/vc.selection.candidate/write",
                {
                    "model": "vc.selection.candidate",
                    "method": "write",
                    "args": [self.candidates[1].ids, {"quote_amount": 1}],
                    "kwargs": {},
                },
            )

    def test_bid_submission(self):
        """The invited firm submits a quote and a note while the selection is open;
        after it closes (or past the deadline) the bid is refused; the other
        firm cannot post on it."""
        candidate = self.candidates[0]
        url = f"/my/counsel/bids/{candidate.id}"
        self._login(1)
        csrf = self._csrf(f"/my/counsel/bids/{self.candidates[1].id}")
        response = self.url_open(
            url, data={"csrf_token": csrf, "quote_amount": "1", "bid_note": "x"}
        )
        self.assertEqual(response.status_code, 404)
        self._login(0)
        csrf = self._csrf(url)
        response = self.url_open(
            url, data={"csrf_token": csrf, "quote_amount": "-5", "bid_note": "x"}
        )
        self.assertIn("o_vc_bid_error", response.text)
        self.assertEqual(candidate.state, "invited")
        before = fields.Datetime.now()
        response = self.url_open(
            url,
            data={
                "csrf_token": csrf,
                "quote_amount": "85000",
                "bid_note": "团队三人，四周完成尽调。",
            },
        )
        self.assertIn("o_vc_bid_thanks", response.text)
        candidate.invalidate_recordset()
        self.assertEqual(candidate.state, "bid")
        self.assertEqual(candidate.quote_amount, 85000)
        self.assertEqual(candidate.bid_note, "团队三人，四周完成尽调。")
        self.assertGreaterEqual(candidate.date_bid, before - timedelta(seconds=1))
        # past the deadline: refused
        self.selection.date_bid_deadline = fields.Date.today() - timedelta(days=1)
        response = self.url_open(
            url, data={"csrf_token": csrf, "quote_amount": "70000", "bid_note": ""}
        )
        self.assertIn("o_vc_bid_error", response.text)
        self.assertNotIn("o_vc_bid_form", response.text)
        # the selection closed: refused
        self.selection.write({"date_bid_deadline": False, "state": "scoring"})
        response = self.url_open(
            url, data={"csrf_token": csrf, "quote_amount": "70000", "bid_note": ""}
        )
        self.assertIn("o_vc_bid_error", response.text)
        candidate.invalidate_recordset()
        self.assertEqual(candidate.quote_amount, 85000)
        self.assertIn("o_vc_bid_closed", self.url_open(url).text)

    def test_invoice_upload(self):
        """The firm uploads an invoice on its own payment; the other firm cannot."""
        payment = self.payments[0]
        self._login(1)
        csrf = self._csrf("/my/counsel/payments")
        response = self.url_open(
            f"/my/counsel/payments/{payment.id}/invoice",
            data={"csrf_token": csrf},
            files={"invoice": ("fapiao.pdf", b"%PDF-1.4 other", "application/pdf")},
        )
        self.assertEqual(response.status_code, 404)
        self._login(0)
        csrf = self._csrf("/my/counsel/payments")
        response = self.url_open(
            f"/my/counsel/payments/{payment.id}/invoice",
            data={"csrf_token": csrf},
            files={"invoice": ("fapiao.pdf", b"%PDF-1.4 own", "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "vc.payment"), ("res_id", "in", self.payments.ids)]
        )
        self.assertEqual(attachments.mapped("name"), ["fapiao.pdf"])
        self.assertEqual(attachments.res_id, payment.id)
        self.assertEqual(attachments.raw, b"%PDF-1.4 own")
