from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPrereviewUi(HttpCase):
    def test_prereview_tour(self):
        """000/R-QT-05, 001/R-01 in the browser: a department head creates a matter,
        fills the intake review, submits it, approves the contract review, signs
        the contract and registers the matter."""
        head = new_test_user(
            self.env,
            login="qt_tour_head",
            password="qt_tour_head_pw",
            groups="quality_tracking.group_quality_tracking_department_head",
        )
        employee = self.env["hr.employee"].create(
            {"name": "Tour Head", "user_id": head.id}
        )
        department = self.env["hr.department"].create(
            {"name": "Tour Department", "manager_id": employee.id}
        )
        self.env["qt.category"].create({"name": "Tour category", "kind": "legal"})
        self.env["res.partner"].create({"name": "Tour Client", "is_company": True})
        self.start_tour(
            "/odoo/action-quality_tracking.qt_matter_action/new",
            "qt_prereview_tour",
            login="qt_tour_head",
            timeout=180,
        )
        matter = self.env["qt.matter"].search([("name", "=", "Tour matter")])
        self.assertEqual(matter.state, "open")
        self.assertEqual(matter.department_id, department)
        self.assertTrue(matter.contract_signed)
        self.assertEqual(matter.contract_review_id.state, "approved")
        self.assertEqual(matter.contract_review_id.reviewer_id, head)
        self.assertEqual(matter.contract_review_id.validation_status, "validated")
