from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSupervisionUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["qt.spot.check.item"].search([]).active = False
        cls.inspector = new_test_user(
            cls.env,
            login="qt_tour_inspector",
            name="Tour Inspector",
            groups="quality_tracking.group_quality_tracking_user",
        )
        cls.outsider = new_test_user(
            cls.env,
            login="qt_rpc_outsider",
            password="qt_rpc_outsider_pw",
            groups="quality_tracking.group_quality_tracking_user",
        )
        cls.group = cls.env["qt.supervision.group"].create(
            {
                "name": "Tour group",
                "coordinator_id": cls.env.ref("base.user_admin").id,
                "executor_id": cls.inspector.id,
            }
        )
        cls.unit = cls.env["qt.supervised.unit"].create(
            {"name": "Tour Window", "group_id": cls.group.id}
        )
        # no ranking of this month may exist already (demo data)
        cls.env["qt.ranking"].search([]).filtered(
            lambda r: r.state == "draft"
        ).action_cancel()
        cls.env["qt.ranking"].search([("state", "=", "confirmed")]).write(
            {"state": "cancel"}
        )

    def test_tour_spot_check_and_ranking(self):
        """004/R3-2: in the browser, a spot check is recorded and the month's
        ranking generated from it and confirmed."""
        self.start_tour(
            "/odoo/action-quality_tracking.qt_spot_check_action",
            "qt_supervision_tour",
            login="admin",
            timeout=180,
        )
        check = self.env["qt.spot.check"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(check.state, "done")
        self.assertEqual(check.score_avg, 9.0)
        ranking = self.env["qt.ranking"].search([("state", "=", "confirmed")])
        self.assertEqual(ranking.line_ids.unit_id, self.unit)
        self.assertEqual(ranking.line_ids.label, "benchmark")

    def test_json_rpc_respects_rules(self):
        """Through JSON-RPC, a user outside the group reads no spot check."""
        check = self.env["qt.spot.check"].create(
            {
                "unit_id": self.unit.id,
                "inspector_ids": [Command.set(self.inspector.ids)],
            }
        )
        self.authenticate("qt_rpc_outsider", "qt_rpc_outsider_pw")
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw/qt.spot.check/search_read",
            {
                "model": "qt.spot.check",
                "method": "search_read",
                "args": [[("id", "=", check.id)], ["name"]],
                "kwargs": {},
            },
        )
        self.assertEqual(result, [])
