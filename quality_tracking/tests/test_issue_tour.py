from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestIssueTour(HttpCase):
    def test_issue_tour(self):
        """Report an issue, set the cause, add a corrective action, carry it out
        and close it, verify the issue's effectiveness and close it, in a browser."""
        self.start_tour(
            "/odoo/action-quality_tracking.qt_issue_action/new",
            "qt_issue_tour",
            login="admin",
            timeout=180,
        )
        issue = self.env["qt.issue"].search([("title", "=", "巡检发现焊缝气孔")])
        self.assertEqual(issue.state, "closed")
        self.assertEqual(issue.cause_kind, "process")
        self.assertEqual(issue.capa_ids.title, "每周校准焊机")
        self.assertEqual(issue.capa_ids.state, "closed")
        self.assertEqual(issue.effectiveness_user_id, self.env.ref("base.user_admin"))
