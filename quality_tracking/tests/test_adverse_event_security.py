from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_ae import AdverseEventCommon


@tagged("post_install", "-at_install")
class TestAdverseEventSecurity(AdverseEventCommon):
    """000/R-QT-28, 001/R-26: adverse events, their submissions and controls are
    read by the quality managers and the people named only; exported by the
    quality managers only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, login="qt_ae_portal", groups="base.group_portal"
        )
        cls.event = cls._event(is_criterion_hospitalisation=True)
        cls._submit(
            cls.event, "serious", ["local_regulator"], cls._sh(2026, 9, 30, 12, 0)
        )
        cls.event.write({"state": "reported"})
        cls.event.action_confirm_regulator()
        cls.outsiders = (cls.other_handler, cls.head, cls.officer, cls.committee)

    def test_outsiders_read_nothing(self):
        """000/R-QT-28: officer, department head, committee and another handler: no
        read, no search hit, no group, for events, submissions and controls."""
        for user in self.outsiders:
            for records in (
                self.event,
                self.event.submission_ids,
                self.event.control_ids,
            ):
                with self.assertRaises(AccessError):
                    records.with_user(user).read(["id"])
                model = self.env[records._name].with_user(user)
                self.assertFalse(model.search([]), (user.login, records._name))
                self.assertEqual(model.search_count([]), 0)
                self.assertFalse(model._read_group([], [], ["__count"])[0][0])
            groups = self.Event.with_user(user)._read_group(
                [], ["product_id"], ["__count"]
            )
            self.assertFalse(groups)

    def test_portal_reads_nothing(self):
        """000/R-QT-28: a portal user has no access at all."""
        for records in (self.event, self.event.submission_ids, self.event.control_ids):
            with self.assertRaises(AccessError):
                records.with_user(self.portal).read(["id"])
            with self.assertRaises(AccessError):
                self.env[records._name].with_user(self.portal).search([])

    def test_reporter_and_named_read(self):
        """000/R-QT-28: the reporter and the people named read the event and what
        hangs on it; the quality managers read everything."""
        for user in (self.handler, self.manager):
            self.assertEqual(self.Event.with_user(user).search([]), self.event)
            self.assertTrue(self.event.submission_ids.with_user(user).read(["route"]))
            self.assertEqual(
                len(self.event.control_ids.with_user(user).read(["action"])), 3
            )
        self.event.person_ids = self.officer
        self.assertEqual(self.Event.with_user(self.officer).search([]), self.event)
        self.assertEqual(
            self.Submission.with_user(self.officer).search([]),
            self.event.submission_ids,
        )

    def test_export_only_managers(self):
        """000/R-QT-28, 001/R-26: no export but by the quality managers, not even by
        the reporter or a person named, whatever Odoo's export right."""
        self.event.person_ids = self.officer
        allow_export = self.env.ref("base.group_allow_export")
        (self.handler | self.officer | self.manager).write(
            {"group_ids": [(4, allow_export.id)]}
        )
        for user in (self.handler, self.officer):
            for records in (
                self.event,
                self.event.submission_ids,
                self.event.control_ids,
            ):
                with self.assertRaises(AccessError):
                    records.with_user(user).export_data(["id"])
        data = self.event.with_user(self.manager).export_data(["name", "product_id"])
        self.assertEqual(data["datas"][0][0], self.event.name)
        self.assertTrue(
            self.event.submission_ids.with_user(self.manager).export_data(["route"])
        )


@tagged("post_install", "-at_install")
class TestAdverseEventRpc(JsonRpcCase, HttpCase):
    """000/R-QT-28: the same holds through JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reporter = new_test_user(
            cls.env,
            login="ae_rpc_reporter",
            groups="quality_tracking.group_quality_tracking_user",
        )
        cls.officer = new_test_user(
            cls.env,
            login="ae_rpc_officer",
            groups="quality_tracking.group_quality_tracking_officer",
        )
        cls.head = new_test_user(
            cls.env,
            login="ae_rpc_head",
            groups="quality_tracking.group_quality_tracking_department_head",
        )
        cls.portal = new_test_user(
            cls.env, login="ae_rpc_portal", groups="base.group_portal"
        )
        device = cls.env["product.product"].create({"name": "Pump"})
        cls.event = cls.env["qt.adverse.event"].create(
            {"product_id": device.id, "reporter_id": cls.reporter.id}
        )

    def test_rpc_outsiders(self):
        """Officer, department head and portal user: nothing through call_kw."""
        for login in ("ae_rpc_officer", "ae_rpc_head", "ae_rpc_portal"):
            found = self._call(
                login, "qt.adverse.event", "search_read", [[]], {"fields": ["name"]}
            )
            self.assertFalse(found.get("result"), login)
            read = self._call(
                login, "qt.adverse.event", "read", [[self.event.id], ["name"]]
            )
            self.assertIn("error", read, login)
            groups = self._call(
                login,
                "qt.adverse.event",
                "web_read_group",
                [[], ["state"]],
                {"aggregates": ["__count"]},
            )
            self.assertFalse((groups.get("result") or {}).get("groups"), login)
            export = self._call(
                login, "qt.adverse.event", "export_data", [[self.event.id], ["name"]]
            )
            self.assertIn("error", export, login)

    def test_rpc_reporter(self):
        """The reporter reads the event through call_kw but may not export it."""
        found = self._call(
            "ae_rpc_reporter",
            "qt.adverse.event",
            "search_read",
            [[]],
            {"fields": ["name"]},
        )
        self.assertEqual([row["id"] for row in found["result"]], [self.event.id])
        export = self._call(
            "ae_rpc_reporter",
            "qt.adverse.event",
            "export_data",
            [[self.event.id], ["name"]],
        )
        self.assertIn("error", export)
        self.assertIn("AccessError", export["error"]["data"]["name"])
