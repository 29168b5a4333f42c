import re

from freezegun import freeze_time

from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged

from .common_feedback import MONDAY


@tagged("post_install", "-at_install")
class TestFeedbackPortal(HttpCase):
    """The client's card through the token link and /my (000/R-QT-06, R-QT-07)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.env["res.partner"].create(
            {
                "name": "门户客户有限公司",
                "email": "client@example.com",
                "is_company": True,
            }
        )
        cls.other_client = cls.env["res.partner"].create(
            {"name": "其他客户", "email": "other@example.com", "is_company": True}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="qt_portal_ui",
            password="qt_portal_ui_pw",
            groups="base.group_portal",
        )
        cls.portal_user.partner_id.parent_id = cls.client
        cls.other_portal_user = new_test_user(
            cls.env,
            login="qt_portal_ui2",
            password="qt_portal_ui2_pw",
            groups="base.group_portal",
        )
        cls.other_portal_user.partner_id.parent_id = cls.other_client
        category = cls.env.ref("quality_tracking.qt_category_soe_restructuring")
        matters = cls.env["qt.matter"].create(
            [
                {"name": "门户测试案件", "category_id": category.id, "partner_id": p.id}
                for p in (cls.client, cls.other_client)
            ]
        )
        matters.write({"state": "open"})
        with freeze_time(MONDAY):
            matters.action_close()
        cls.card = matters[0].feedback_card_ids
        cls.other_card = matters[1].feedback_card_ids
        cls.card._portal_ensure_token()

    def _card_url(self, card, token=None):
        url = card.get_portal_url() if token is None else card.access_url
        return url if token is None else f"{url}?access_token={token}"

    def test_token_link_without_login(self):
        """The token link opens the card for anyone; a wrong token or none gets
        nothing (redirected to the login)."""
        response = self.url_open(self._card_url(self.card))
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_qt_feedback_form", response.text)
        self.assertIn(self.card.name, response.text)
        for token in ("", "wrong-token"):
            response = self.url_open(self._card_url(self.card, token))
            self.assertNotIn(self.card.name, response.text)
            self.assertNotIn("o_qt_feedback_form", response.text)

    def test_post_needs_csrf_and_returns_once(self):
        """The answers are posted with the page's CSRF token; without it the post is
        refused; a returned card cannot be filled in again."""
        url = self._card_url(self.card)
        page = self.url_open(url).text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        answers = {
            "rating_skill": "4",
            "rating_ethics": "4",
            "rating_communication": "3",
            "rating_result": "3",
            "rating_overall": "4",
            "comments": "很好",
            "access_token": self.card.access_token,
        }
        response = self.url_open(url, data=answers)
        self.assertEqual(response.status_code, 400)
        self.card.invalidate_recordset()
        self.assertEqual(self.card.state, "issued")
        response = self.url_open(
            url, data=dict(answers, rating_overall="", csrf_token=csrf)
        )
        self.assertIn("o_qt_feedback_error", response.text)
        self.card.invalidate_recordset()
        self.assertEqual(self.card.state, "issued")
        response = self.url_open(url, data=dict(answers, csrf_token=csrf))
        self.assertIn("o_qt_feedback_thanks", response.text)
        self.card.invalidate_recordset()
        self.assertEqual(self.card.state, "returned")
        self.assertEqual(self.card.channel, "portal")
        response = self.url_open(
            url, data=dict(answers, rating_overall="1", csrf_token=csrf)
        )
        self.assertIn("o_qt_feedback_returned", response.text)
        self.card.invalidate_recordset()
        self.assertEqual(self.card.rating_overall, "4")

    def test_my_cards_only_own(self):
        """/my lists a portal client's own cards; another portal client sees none of
        them and cannot open them without the token."""
        self.authenticate("qt_portal_ui", "qt_portal_ui_pw")
        response = self.url_open("/my/quality/feedback")
        self.assertIn(self.card.name, response.text)
        self.assertNotIn(self.other_card.name, response.text)
        response = self.url_open(self.card.access_url)
        self.assertIn("o_qt_feedback_form", response.text)
        self.authenticate("qt_portal_ui2", "qt_portal_ui2_pw")
        response = self.url_open("/my/quality/feedback")
        self.assertNotIn(self.card.name, response.text)
        self.assertIn(self.other_card.name, response.text)
        response = self.url_open(self.card.access_url)
        self.assertNotIn(self.card.name, response.text)
        self.assertNotIn("o_qt_feedback_form", response.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["qt_feedback_card_count"]}
        )
        self.assertEqual(counters["qt_feedback_card_count"], 1)

    def test_tour_client_fills_card(self):
        """Tour (a): the client fills in the card through the token link, no login."""
        self.start_tour(
            self._card_url(self.card), "qt_feedback_card_portal_tour", timeout=120
        )
        self.card.invalidate_recordset()
        self.assertEqual(self.card.state, "returned")
        self.assertEqual(self.card.rating_communication, "3")
        self.assertTrue(self.card.may_publish)
        self.assertEqual(self.card.comments, "律师团队专业高效，沟通及时。")

    def test_json_rpc_portal_gets_own_cards_only(self):
        """Through JSON-RPC a portal client lists only its own cards and cannot
        read another client's."""
        self.authenticate("qt_portal_ui2", "qt_portal_ui2_pw")
        found = self.make_jsonrpc_request(
            "/web/dataset/call_kw/qt.feedback.card/search_read",
            {
                "model": "qt.feedback.card",
                "method": "search_read",
                "args": [[]],
                "kwargs": {"fields": ["name"]},
            },
        )
        self.assertEqual([row["id"] for row in found], self.other_card.ids)
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/qt.feedback.card/read",
                {
                    "model": "qt.feedback.card",
                    "method": "read",
                    "args": [self.card.ids, ["name"]],
                    "kwargs": {},
                },
            )


@tagged("post_install", "-at_install")
class TestTrackingRecordUi(HttpCase):
    def test_tour_record_and_forward(self):
        """Tour (b): staff record a quality tracking record and forward it; the
        quality department's 15-working-day clock starts (000/R-QT-20)."""
        admin = self.env.ref("base.user_admin")
        head = self.env["hr.employee"].search(
            [("user_id", "=", admin.id)], limit=1
        ) or self.env["hr.employee"].create({"name": "巡检部长", "user_id": admin.id})
        self.env["hr.department"].create({"name": "巡检销售部", "manager_id": head.id})
        customer = self.env["res.partner"].create({"name": "巡检客户"})
        self.start_tour(
            "/odoo/action-quality_tracking.qt_tracking_record_action/new",
            "qt_tracking_record_tour",
            login="admin",
            timeout=120,
        )
        record = self.env["qt.tracking.record"].search(
            [("partner_id", "=", customer.id)]
        )
        self.assertEqual(record.state, "forwarded")
        self.assertEqual(record.sales_head_id, admin)
        self.assertTrue(record.resolve_due)
