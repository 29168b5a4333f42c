import json

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestEvaluationUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = new_test_user(
            cls.env,
            login="qt_tour_head",
            password="qt_tour_head_pw",
            groups="quality_tracking.group_quality_tracking_department_head",
        )
        cls.handler = new_test_user(
            cls.env,
            login="qt_tour_handler",
            password="qt_tour_handler_pw",
            groups="quality_tracking.group_quality_tracking_user",
        )
        cls.department = cls.env["hr.department"].create(
            {
                "name": "Tour Department",
                "manager_id": cls.env["hr.employee"]
                .create({"name": "Tour head", "user_id": cls.head.id})
                .id,
            }
        )
        client = cls.env["res.partner"].create({"name": "Tour client"})
        cls.matter = cls.env["qt.matter"].create(
            {
                "name": "Tour matter",
                "category_id": cls.env.ref("quality_tracking.qt_category_civil").id,
                "partner_id": client.id,
                "department_id": cls.department.id,
                "user_id": cls.handler.id,
            }
        )
        cls.matter.write({"state": "closed"})
        cls.evaluation = cls.env["qt.evaluation"].create(
            {
                "kind": "department",
                "year": 2026,
                "half": "1",
                "department_id": cls.department.id,
            }
        )

    def test_department_evaluation_tour(self):
        """000/WF-QT-4, R-QT-11, R-QT-12: in the browser a department head opens the
        evaluation, adds and scores an entry, marks it excellent and closes; the
        case is then an entry of the firm-wide half-year and year-end evaluations."""
        self.start_tour(
            "/odoo/action-quality_tracking.qt_evaluation_action",
            "qt_evaluation_tour",
            login="qt_tour_head",
            timeout=180,
        )
        self.assertEqual(self.evaluation.state, "closed")
        entry = self.evaluation.entry_ids
        self.assertEqual(entry.matter_id, self.matter)
        self.assertTrue(entry.is_excellent)
        self.assertEqual(entry.total, 90)
        firm = self.env["qt.evaluation"].search(
            [("year", "=", 2026), ("kind", "in", ("half_year", "year_end"))]
        )
        self.assertEqual(len(firm), 2)
        for evaluation in firm:
            self.assertEqual(evaluation.entry_ids.matter_id, self.matter)

    def test_json_rpc_handler_sees_own_entries(self):
        """Through JSON-RPC a handler reads the entries of their own matters only."""
        evaluation = self.evaluation
        evaluation.action_open()
        other = self.env["qt.matter"].create(
            {
                "name": "Not mine",
                "category_id": self.matter.category_id.id,
                "partner_id": self.matter.partner_id.id,
                "department_id": self.department.id,
                "user_id": self.head.id,
            }
        )
        other.write({"state": "closed"})
        entries = self.env["qt.evaluation.entry"].create(
            [
                {"evaluation_id": evaluation.id, "matter_id": self.matter.id},
                {"evaluation_id": evaluation.id, "matter_id": other.id},
            ]
        )
        self.authenticate("qt_tour_handler", "qt_tour_handler_pw")
        response = self.url_open(
            "/web/dataset/call_kw/qt.evaluation.entry/search_read",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": "qt.evaluation.entry",
                        "method": "search_read",
                        "args": [[]],
                        "kwargs": {"fields": ["matter_id", "total"]},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        result = response.json()["result"]
        self.assertEqual([row["id"] for row in result], entries[:1].ids)
