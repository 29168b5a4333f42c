from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_issues import QualityIssueCommon


@tagged("post_install", "-at_install")
class TestCapa(QualityIssueCommon):
    def _done_capa(self, **vals):
        capa = self.Capa.create(
            {
                "title": "Recalibrate",
                "user_id": self.handler.id,
                "measures": "Calibrate weekly",
                **vals,
            }
        )
        capa.action_start()
        capa.execution_result = "Calibrated"
        capa.action_done()
        return capa

    def _verify(self, capa, **vals):
        capa.write(
            {
                "effectiveness": "effective",
                "verified_by_id": self.manager.id,
                "date_verified": fields.Date.today(),
                "reevaluation": "No recurrence",
                **vals,
            }
        )

    def test_default_period_pinned_and_changed(self):
        """The allowed period (seed 001, QT-10) defaults to the company setting
        (20 working days) and a changed setting applies to new actions."""
        self.assertEqual(self.company.qt_capa_allowed_days, 20)
        self.assertEqual(self.Capa.create({"title": "A"}).allowed_days, 20)
        self.company.qt_capa_allowed_days = 5
        self.assertEqual(self.Capa.create({"title": "B"}).allowed_days, 5)

    def test_due_from_start(self):
        """The engine counts the allowed working days from the start."""
        capa = self.Capa.create({"title": "A", "measures": "M", "allowed_days": 5})
        self.assertFalse(capa.date_due)
        capa.action_start()
        self.env.flush_all()
        calendar = self.env["resource.calendar"]._bd_default_calendar(self.company)
        self.assertEqual(
            capa.date_due, calendar._bd_add(capa.date_start, 5, "working_days")
        )

    def test_start_and_done_guards(self):
        capa = self.Capa.create({"title": "A"})
        with self.assertRaises(UserError):
            capa.action_start()
        self.assertEqual(capa.state, "draft")
        capa.measures = "M"
        capa.action_start()
        with self.assertRaises(UserError):
            capa.action_done()
        self.assertEqual(capa.state, "in_progress")
        with self.assertRaises(UserError):
            capa.action_close()

    def test_close_guards(self):
        """Closing needs effectiveness verified and re-evaluated, the result fed back
        to the customer and the staff trained when needed."""
        capa = self._done_capa(partner_id=self.client.id, needs_training=True)
        manager_capa = capa.with_user(self.manager)
        with self.assertRaisesRegex(UserError, "effectiveness"):
            manager_capa.action_close()
        self._verify(capa, effectiveness="not_effective")
        with self.assertRaisesRegex(UserError, "not effective"):
            manager_capa.action_close()
        capa.effectiveness = "effective"
        with self.assertRaisesRegex(UserError, "customer"):
            manager_capa.action_close()
        capa.date_customer_informed = fields.Date.today()
        with self.assertRaisesRegex(UserError, "train"):
            manager_capa.action_close()
        self.assertEqual(capa.state, "done")
        capa.is_training_done = True
        manager_capa.action_close()
        self.assertEqual(capa.state, "closed")

    def test_tier_validation_by_quality_manager(self):
        """The quality manager validates the closing (base_tier_validation)."""
        definition = self.env.ref("quality_tracking.tier_definition_qt_capa_close")
        self.assertEqual(
            definition.reviewer_group_id,
            self.env.ref("quality_tracking.group_quality_tracking_manager"),
        )
        capa = self._done_capa()
        self._verify(capa)
        owner_capa = capa.with_user(self.handler)
        with self.assertRaises(ValidationError):
            owner_capa.action_close()
        self.assertEqual(capa.state, "done")
        owner_capa.request_validation()
        self.assertEqual(capa.validation_status, "pending")
        self.assertTrue(capa.with_user(self.manager).can_review)
        capa.with_user(self.manager).validate_tier()
        self.assertEqual(capa.validation_status, "validated")
        owner_capa.action_close()
        self.assertEqual(capa.state, "closed")

    def test_reopen_and_cancel(self):
        capa = self._done_capa()
        capa.action_reopen()
        self.assertEqual(capa.state, "in_progress")
        capa.action_cancel()
        self.assertEqual(capa.state, "cancel")
        capa.action_reset_draft()
        self.assertEqual(capa.state, "draft")

    def test_improvement_and_anomaly(self):
        """An improvement carries one of the four reasons (seed 003, E28); a no-loss
        anomaly is an anomaly handling sheet (seed 004, QT-7)."""
        reasons = dict(self.Capa._fields["improvement_reason"].selection)
        self.assertEqual(
            set(reasons),
            {
                "execution_gap",
                "self_check_gap",
                "audit_nonconformity",
                "management_review",
            },
        )
        sheet = self.Capa.create(
            {
                "title": "Label smudged",
                "capa_type": "anomaly",
                "partner_id": self.client.id,
                "notified_department_ids": [(6, 0, self.department.ids)],
            }
        )
        self.assertEqual(sheet.origin_kind, "issue")
        self.assertTrue(sheet.name.startswith("CA"))

    def test_origin_from_issue(self):
        issue = self._create_issue()
        capa = self.Capa.create({"title": "A", "issue_id": issue.id})
        self.assertEqual(capa.origin_ref, issue)
        self.assertEqual(issue.capa_count, 1)
        self.assertEqual(self.Capa._count_by_origin(issue), {issue.id: 1})
