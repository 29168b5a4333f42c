from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_cr_gov import CrGovCommon


@tagged("post_install", "-at_install")
class TestCrGovChange(CrGovCommon):
    def _requirement(self, **vals):
        return (
            self.env["cr.requirement"]
            .with_user(self.slm)
            .create(
                {
                    "name": "Night support (test)",
                    "partner_id": self.client.id,
                    "agreement_id": self.agreement.id,
                    "om_status": "Office hours only",
                    "satisfaction_report": "2026 survey: 82 % satisfied",
                    "client_requirements": "Support from 18:00 to 22:00",
                    **vals,
                }
            )
        )

    def _change(self, **vals):
        return (
            self.env["cr.change.request"]
            .with_user(self.owner)
            .create(
                {
                    "name": "Evening support",
                    "partner_id": self.client.id,
                    "agreement_id": self.agreement.id,
                    "description": "Support from 18:00 to 22:00",
                    "mismatch": "The SLA covers 08:00-17:00 only",
                    **vals,
                }
            )
        )

    def test_two_triggers(self):
        """003/HR-D1-7: service level management starts on exactly two triggers."""
        field = self.env["cr.requirement"]._fields["trigger"]
        self.assertEqual(
            [value for value, __ in field.selection], ["new_service", "change"]
        )

    def test_three_inputs(self):
        """003/HR-D1-8: the analysis does not start without the current O&M
        service, the satisfaction survey report and the client's requirements."""
        for name in ("om_status", "satisfaction_report", "client_requirements"):
            requirement = self._requirement(**{name: False})
            with self.assertRaises(UserError):
                requirement.action_analyse()
            self.assertEqual(requirement.state, "draft")
        requirement = self._requirement()
        requirement.action_analyse()
        self.assertEqual(requirement.state, "analysis")

    def test_three_steps_and_baseline(self):
        """003/HR-D1-9: scope then refine, set a baseline, consider the change
        factors; no change request (hence no agreement) before the baseline."""
        requirement = self._requirement()
        requirement.action_analyse()
        with self.assertRaises(UserError):
            requirement.action_create_change_request()
        requirement.write({"scope": "Evening support", "refinement": "18-22 h"})
        with self.assertRaises(UserError):
            requirement.action_set_baseline()
        requirement.baseline = "Evening support v1"
        requirement.action_set_baseline()
        with self.assertRaises(UserError):
            requirement.action_done()
        requirement.change_factors = "Staffing in winter"
        requirement.action_done()
        self.assertEqual(requirement.state, "done")
        action = requirement.action_create_change_request()
        change = self.env["cr.change.request"].browse(action["res_id"])
        self.assertEqual(change.requirement_id, requirement)
        self.assertEqual(change.description, "Support from 18:00 to 22:00")
        self.assertEqual(requirement.change_request_count, 1)

    def test_agreement_kinds(self):
        """003/HR-D1-10: requirements are for client service levels, internal
        support or external suppliers, like the agreements (sla, ola, uc)."""
        kinds = [v for v, __ in self.env["cr.requirement"]._fields["kind"].selection]
        self.assertEqual(kinds, ["sla", "ola", "uc"])
        agreement_kinds = [
            v for v, __ in self.env["cr.agreement"]._fields["kind"].selection
        ]
        self.assertEqual(kinds, agreement_kinds)

    def test_sales_raises_change(self):
        """003/HR-D1-19: a sales person collects the client's requirement that
        differs from the signed agreement; it needs a description."""
        change = self._change(description=False, planner_id=self.desk.id)
        self.assertEqual(change.raised_by_id, self.owner)
        self.assertTrue(change.reference.startswith("SLB"))
        with self.assertRaises(UserError):
            change.action_plan()
        # another user does not see it
        self.assertFalse(
            self.env["cr.change.request"]
            .with_user(self.other_owner)
            .search([("id", "=", change.id)])
        )

    def test_toc_plans(self):
        """003/HR-D1-20: the Technical Operations Center plans the service: the
        planner must belong to it and gets an activity; the plan is needed to
        submit."""
        change = self._change()
        with self.assertRaises(UserError):
            change.action_plan()
        change.planner_id = self.other_owner
        with self.assertRaises(UserError):
            change.action_plan()
        change.planner_id = self.desk
        change.action_plan()
        self.assertEqual(change.state, "planning")
        self.assertEqual(change.activity_ids.user_id, self.desk)
        with self.assertRaises(UserError):
            change.action_submit()
        change.with_user(self.desk).planning = "Two engineers on an evening rota"
        change.action_submit()
        self.assertEqual(change.state, "submitted")

    def test_approval_and_supplementary_agreement(self):
        """003/HR-D1-21: the service level manager then the general manager
        approve (tier validation); only then is a supplementary agreement of
        the signed one drafted, with its targets."""
        self.env["cr.agreement.target"].create(
            {
                "agreement_id": self.agreement.id,
                "priority": "2",
                "first_response_hours": 1,
                "next_response_hours": 4,
                "resolution_hours": 8,
            }
        )
        change = self._change(planner_id=self.desk.id)
        change.action_plan()
        change.planning = "Evening rota"
        change.action_submit()
        self.assertEqual(len(change.review_ids), 2)
        slm_change = change.with_user(self.slm)
        with self.assertRaises(UserError):
            slm_change.action_create_agreement()
        with self.assertRaises(UserError):
            slm_change.action_approve()
        # the general manager reviews after the service level manager
        self.assertFalse(change.with_user(self.manager).can_review)
        slm_change.validate_tier()
        self.assertEqual(change.validation_status, "pending")
        change.with_user(self.manager).validate_tier()
        change.invalidate_recordset()
        self.assertEqual(change.validation_status, "validated")
        slm_change.action_approve()
        self.assertEqual(change.state, "approved")
        action = slm_change.action_create_agreement()
        supplement = self.env["cr.agreement"].browse(action["res_id"])
        self.assertEqual(supplement.cr_parent_agreement_id, self.agreement)
        self.assertEqual(supplement.cr_change_request_id, change)
        self.assertEqual(supplement.state, "draft")
        self.assertEqual(supplement.target_ids.resolution_hours, 8)
        self.assertEqual(change.new_agreement_id, supplement)
        self.assertEqual(change.state, "done")
        with self.assertRaises(UserError):
            slm_change.action_create_agreement()

    def test_new_agreement_and_rejection(self):
        """003/HR-D1-21: an approved change may lead to a new agreement of the
        requirement's kind; a rejected one leads to none and needs a reason."""
        change = self._change(planner_id=self.desk.id, result_kind="new")
        change.action_plan()
        change.planning = "Evening rota"
        change.action_submit()
        with self.assertRaises(UserError):
            change.with_user(self.slm).action_reject()
        change.with_user(self.slm).rejection_reason = "No budget"
        change.with_user(self.slm).action_reject()
        self.assertEqual(change.state, "rejected")
        with self.assertRaises(UserError):
            change.with_user(self.slm).action_create_agreement()
        change.action_reset_draft()
        change.action_plan()
        change.action_submit()
        change.with_user(self.slm).validate_tier()
        self.env.invalidate_all()
        change.with_user(self.manager).validate_tier()
        self.env.invalidate_all()
        change.with_user(self.slm).action_approve()
        action = change.with_user(self.slm).action_create_agreement()
        agreement = self.env["cr.agreement"].browse(action["res_id"])
        self.assertFalse(agreement.cr_parent_agreement_id)
        self.assertEqual(agreement.partner_id, self.client)
        self.assertEqual(agreement.kind, "sla")
