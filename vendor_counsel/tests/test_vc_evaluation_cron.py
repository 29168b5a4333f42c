from datetime import date

from odoo.tests import freeze_time, tagged

from .common_vc_evaluations import VcEvaluationsCommon


@tagged("post_install", "-at_install")
class TestVcEvaluationCron(VcEvaluationsCommon):
    """The daily scheduled action creates the evaluations that fall due, once."""

    def _run(self, day):
        """Run the cron as the scheduler does (its own transaction) on ``day``."""
        cron = self.env.ref("vendor_counsel.ir_cron_vc_evaluation_create")
        with freeze_time(day), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
        return self.env["vc.evaluation"].search(
            [("engagement_id", "in", self._engagements().ids)]
        )

    def _engagements(self):
        firms = self.firm | self.firm2
        return self.env["vc.engagement"].search([("firm_id", "in", firms.ids)])

    def test_periodic_after_interval(self):
        """000/C-VC-5: an active engagement is evaluated when its last evaluation
        (or its start) is 12 months old (the default): 2027-01-09 is not due for a
        start on 2026-01-10, 2027-01-10 is; run again, nothing new; the next one is
        due 12 months after that evaluation."""
        self.assertEqual(self.env.company.vc_eval_interval_months, 12)
        self.engagement.write({"engagement_type": "special", "date_end": False})
        self.assertFalse(self._run(date(2027, 1, 9)))
        evaluations = self._run(date(2027, 1, 10))
        self.assertEqual(len(evaluations), 1)
        self.assertEqual(evaluations.kind, "periodic")
        self.assertEqual(evaluations.date, date(2027, 1, 10))
        self.assertEqual(evaluations.firm_id, self.firm)
        self.assertEqual(evaluations.activity_ids.user_id, self.legal)
        self.assertEqual(self._run(date(2027, 1, 11)), evaluations)
        self.assertEqual(self._run(date(2028, 1, 9)), evaluations)
        self.assertEqual(len(self._run(date(2028, 1, 10))), 2)

    def test_interval_setting(self):
        """000/C-VC-5: with the interval set to 6 months, the engagement started on
        2026-01-10 is due on 2026-07-10, not on 2026-07-09."""
        self.env.company.vc_eval_interval_months = 6
        self.engagement.write({"engagement_type": "special", "date_end": False})
        self.assertFalse(self._run(date(2026, 7, 9)))
        self.assertEqual(self._run(date(2026, 7, 10)).kind, "periodic")

    def test_before_renewal(self):
        """000/C-VC-2: a retained term ending within 30 days (the default) is
        evaluated before renewal: the term ends 2027-01-09, so 2026-12-10 is due and
        2026-12-09 is not; once, whatever the runs."""
        self.assertEqual(self.env.company.vc_eval_renewal_days, 30)
        self.assertFalse(self._run(date(2026, 12, 9)))
        evaluation = self._run(date(2026, 12, 10))
        self.assertEqual(evaluation.kind, "renewal")
        self.assertEqual(evaluation.period_key, "renewal:2027-01-09")
        self.assertEqual(self._run(date(2026, 12, 20)), evaluation)

    def test_renewal_days_setting(self):
        """000/C-VC-2: with 60 days, 2026-11-10 is due for a term ending
        2027-01-09."""
        self.env.company.vc_eval_renewal_days = 60
        self.assertFalse(self._run(date(2026, 11, 9)))
        self.assertEqual(self._run(date(2026, 11, 10)).kind, "renewal")

    def test_engagement_end(self):
        """000/C-VC-5: an engagement that ended without an end evaluation gets one,
        once; an ended one already evaluated before renewal does not."""
        self.engagement.write({"engagement_type": "special"})
        ended = self._create_engagement(
            firm_id=self.firm2.id,
            lawyer_ids=[],
            date_start=date(2026, 3, 1),
            date_end=date(2026, 9, 30),
        )
        ended.write({"state": "expired"})
        evaluations = self._run(date(2026, 10, 8))
        self.assertEqual(evaluations.engagement_id, ended)
        self.assertEqual(evaluations.kind, "engagement_end")
        self.assertEqual(self._run(date(2026, 10, 9)), evaluations)
        # a cancelled end evaluation is replaced
        evaluations.with_user(self.legal).action_cancel()
        self.assertEqual(len(self._run(date(2026, 10, 10))), 2)

    def test_retained_renewal_counts_as_end(self):
        """An expired retained engagement evaluated before renewal needs no second
        end evaluation."""
        self._run(date(2026, 12, 10))
        self.engagement.write({"state": "expired"})
        self.assertEqual(len(self._run(date(2027, 1, 12))), 1)

    def test_bad_record_skipped(self):
        """One engagement that cannot get its evaluation is logged and skipped; the
        others are created."""
        self.engagement.write({"engagement_type": "special", "date_end": False})
        other = self._create_engagement(
            firm_id=self.firm2.id, lawyer_ids=[], date_start=date(2026, 1, 10)
        )
        other.write({"state": "active"})
        # an evaluation of the same period already exists for the first one, made
        # by hand with the cron's key: the unique index refuses a second
        self.env["vc.evaluation"].create(
            {
                "engagement_id": self.engagement.id,
                "period_key": "periodic:2027-01",
                "date": date(2025, 1, 1),
            }
        )
        with self.assertLogs(
            "odoo.addons.vendor_counsel.models.vc_evaluation", "ERROR"
        ):
            evaluations = self._run(date(2027, 1, 10))
        self.assertEqual(
            evaluations.filtered(lambda e: e.date == date(2027, 1, 10)).engagement_id,
            other,
        )
