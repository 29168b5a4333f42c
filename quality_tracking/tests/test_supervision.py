from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_prereview import PrereviewCommon


@tagged("post_install", "-at_install")
class TestSupervision(PrereviewCommon):
    def test_supervision_raises_issue(self):
        """A supervision's finding raises a quality issue prefilled from it."""
        matter = self._open_matter()
        supervision = self.env["qt.supervision"].create(
            {
                "matter_id": matter.id,
                "kind": "inquiry",
                "supervisor_id": self.head.id,
                "findings": "Evidence list incomplete\nsecond line",
            }
        )
        action = supervision.action_raise_issue()
        self.assertEqual(action["res_model"], "qt.issue")
        ctx = action["context"]
        self.assertEqual(ctx["default_origin_kind"], "supervision")
        self.assertEqual(ctx["default_matter_id"], matter.id)
        self.assertEqual(ctx["default_title"], "Evidence list incomplete")
        issue = self.env["qt.issue"].with_context(**ctx).create({})
        self.assertEqual(issue.origin_ref, supervision)
        self.assertEqual(issue.department_id, self.department)
        self.assertEqual(supervision.issue_count, 1)
        self.assertIn(
            ("qt.supervision", "In-process Supervision"),
            self.env["qt.issue"]._selection_origin_ref(),
        )


@tagged("post_install", "-at_install")
class TestDeliveryCheck(PrereviewCommon):
    def _check(self, assignment, ticket, **vals):
        return self.env["qt.delivery.check"].create(
            {
                "assignment_id": assignment.id,
                "name": ticket,
                "ticket_part": "3F slab",
                "actual_part": "3F slab",
                "ticket_grade_id": self.c30.id,
                **vals,
            }
        )

    def test_lower_grade_refused(self):
        """001/R-05: C25 into a part requiring C30 is refused (button and write);
        C30 into C30 and C35 into C30 are accepted (C35 with its remark)."""
        assignment = self._site_assignment()
        low = self._check(assignment, "T-001", ticket_grade_id=self.c25.id)
        self.assertEqual(low.required_grade_id, self.c30)
        self.assertTrue(low.is_low_grade)
        self.assertFalse(low.can_accept)
        with self.assertRaises(UserError):
            low.action_accept()
        with self.assertRaises(ValidationError):
            low.write({"state": "accepted"})
        self.assertEqual(low.state, "draft")
        low.action_refuse()
        self.assertEqual(low.state, "refused")

        same = self._check(assignment, "T-002")
        self.assertFalse(same.is_low_grade)
        self.assertTrue(same.is_consistent)
        same.action_accept()
        self.assertEqual(same.state, "accepted")

        higher = self._check(assignment, "T-003", ticket_grade_id=self.c35.id)
        self.assertFalse(higher.is_low_grade)
        self.assertFalse(higher.is_consistent)
        with self.assertRaises(UserError):
            higher.action_accept()
        higher.remark = "C35 accepted into the C30 slab by the engineer."
        higher.action_accept()
        self.assertEqual(higher.state, "accepted")

    def test_missing_ticket_grade_is_low(self):
        """001/R-05: an ungraded ticket for a graded part cannot be accepted."""
        assignment = self._site_assignment()
        check = self._check(assignment, "T-010", ticket_grade_id=False)
        self.assertTrue(check.is_low_grade)

    def test_part_mismatch_needs_remark(self):
        """001/R-04: a ticket whose part differs from the actual part is refused
        or explained; the comparison ignores case and spacing."""
        assignment = self._site_assignment()
        spaced = self._check(assignment, "T-020", actual_part=" 3f   SLAB ")
        self.assertTrue(spaced.is_consistent)
        other = self._check(assignment, "T-021", actual_part="4F columns")
        self.assertFalse(other.is_consistent)
        with self.assertRaises(UserError):
            other.action_accept()
        with self.assertRaises(UserError):
            other.action_refuse()
        other.remark = "Ticket made out for the slab, truck sent to the columns."
        other.action_refuse()
        self.assertEqual(other.state, "refused")

    def test_generic_product_without_grades(self):
        """Products without grades check the part only (001 §8 item 25)."""
        assignment = self._site_assignment(required_grade_id=False)
        check = self._check(assignment, "T-030", ticket_grade_id=False)
        self.assertFalse(check.is_low_grade)
        self.assertTrue(check.is_consistent)
        check.action_accept()

    def test_ticket_once_per_assignment(self):
        assignment = self._site_assignment()
        self._check(assignment, "T-040")
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._check(assignment, "T-040")

    def test_check_rate_target_default(self):
        """001/R-04: every delivery is checked: the target defaults to 100 %; 2 of
        2 checked meets it, 1 of 2 (50 %) does not."""
        self.assertEqual(self.company.qt_delivery_check_target, 100.0)
        assignment = self._site_assignment()
        first = self._check(assignment, "T-050")
        self._check(assignment, "T-051")
        first.action_accept()
        self.assertEqual(assignment.delivery_count, 2)
        self.assertEqual(assignment.checked_count, 1)
        self.assertAlmostEqual(assignment.check_rate, 50.0)
        self.assertFalse(assignment.meets_check_target)
        assignment.delivery_check_ids[1].action_accept()
        self.assertAlmostEqual(assignment.check_rate, 100.0)
        self.assertTrue(assignment.meets_check_target)

    def test_check_rate_target_setting(self):
        """001/R-04: a changed target takes effect: 19 of 20 (95 %) meets a 95 %
        target, 18 of 20 (90 %) does not; 19 of 20 misses the default 100 %."""
        assignment = self._site_assignment()
        checks = self.env["qt.delivery.check"]
        for n in range(20):
            checks |= self._check(assignment, f"T-{100 + n}")
        checks[:19].action_accept()
        self.assertAlmostEqual(assignment.check_rate, 95.0)
        self.assertFalse(assignment.meets_check_target)
        settings = self.env["res.config.settings"].create(
            {"qt_delivery_check_target": 95.0}
        )
        settings.execute()
        assignment.invalidate_recordset(["meets_check_target"])
        self.assertTrue(assignment.meets_check_target)
        other = self._site_assignment()
        more = self.env["qt.delivery.check"]
        for n in range(20):
            more |= self._check(other, f"U-{n}")
        more[:18].action_accept()
        self.assertAlmostEqual(other.check_rate, 90.0)
        self.assertFalse(other.meets_check_target)

    def test_target_out_of_range(self):
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.company.qt_delivery_check_target = 100.01
            self.env.flush_all()
        self.company.qt_delivery_check_target = 100.0
        self.env.flush_all()

    def test_check_rate_query_count_flat(self):
        """001/R-04 KPI: the rate of many assignments is one grouped query."""
        assignments = self.env["qt.site.assignment"]
        for n in range(2):
            assignments |= self._site_assignment(name=f"Part {n}")
            self._check(assignments[-1:], f"Q-{n}")
        assignments.invalidate_recordset(["check_rate"])
        with self.assertQueryCount(2):
            assignments._compute_check_rate()
        for n in range(2, 8):
            assignments |= self._site_assignment(name=f"Part {n}")
            self._check(assignments[-1:], f"Q-{n}")
        assignments.invalidate_recordset(["check_rate"])
        with self.assertQueryCount(2):
            assignments._compute_check_rate()


@tagged("post_install", "-at_install")
class TestSiteViolation(PrereviewCommon):
    def test_water_addition_reported_before_closing(self):
        """001/R-06: water addition closes only once reported to the contractor's
        technical lead (who and when); the evidence has its custodian."""
        matter = self._open_matter(category_id=self.product_category.id)
        lead = self.env["res.partner"].create({"name": "Contractor tech lead"})
        violation = self.env["qt.site.violation"].create(
            {
                "matter_id": matter.id,
                "name": "Water added at the pump",
                "violation_type": "water_addition",
            }
        )
        with self.assertRaises(UserError):
            violation.action_close()
        violation.custodian_id = self.head
        with self.assertRaises(UserError):
            violation.action_close()
        violation.contractor_lead_id = lead
        with self.assertRaises(UserError):
            violation.action_close()
        self.assertEqual(violation.state, "open")
        violation.date_reported = "2026-03-02 10:00:00"
        violation.action_close()
        self.assertEqual(violation.state, "closed")
        with self.assertRaises(UserError):
            violation.action_close()

    def test_other_violation_needs_no_report(self):
        """001/R-06 concerns water addition only: a curing lapse closes with its
        custodian alone."""
        matter = self._open_matter(category_id=self.product_category.id)
        violation = self.env["qt.site.violation"].create(
            {
                "matter_id": matter.id,
                "name": "No curing",
                "violation_type": "curing",
                "custodian_id": self.head.id,
            }
        )
        violation.action_close()
        self.assertEqual(violation.state, "closed")


@tagged("post_install", "-at_install")
class TestPolicy(PrereviewCommon):
    def test_two_levels(self):
        """000/R-QT-01: firm-wide and per-matter policies, exactly two levels; a
        per-matter one names its matter, a firm-wide one none."""
        Policy = self.env["qt.policy"]
        levels = [v for v, _label in Policy._fields["level"].selection]
        self.assertEqual(levels, ["firm", "matter"])
        matter = self._create_matter()
        Policy.create({"name": "Ethics", "level": "firm", "area": "ethics"})
        Policy.create(
            {
                "name": "Plan",
                "level": "matter",
                "area": "supervision",
                "matter_id": matter.id,
            }
        )
        with self.assertRaises(ValidationError):
            Policy.create({"name": "No matter", "level": "matter", "area": "ethics"})
        with self.assertRaises(ValidationError):
            Policy.create(
                {
                    "name": "Firm on a matter",
                    "level": "firm",
                    "area": "ethics",
                    "matter_id": matter.id,
                }
            )

    def test_seven_areas(self):
        """000/R-QT-02: exactly the seven policy areas of D1 3.3."""
        areas = [v for v, _label in self.env["qt.policy"]._fields["area"].selection]
        self.assertEqual(
            areas,
            [
                "ethics",
                "competence",
                "assignment",
                "supervision",
                "consultation",
                "acceptance",
                "monitoring",
            ],
        )
