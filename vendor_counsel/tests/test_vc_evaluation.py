from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_vc_evaluations import VcEvaluationsCommon


@tagged("post_install", "-at_install")
class TestVcEvaluation(VcEvaluationsCommon):
    """The evaluation flow: scorecards, the weighted score, the outcome."""

    def test_seeded_criteria(self):
        """001/VC-1: the seven policy areas of a firm's quality control are seeded as
        scoring dimensions (inferred), with service quality, attitude and fees."""
        names = self.criteria.with_context(lang="en_US").mapped("name")
        for name in (
            "Professional Ethics",
            "Professional Competence",
            "Work Assignment",
            "Supervision",
            "Consultation",
            "Engagement Acceptance",
            "Monitoring",
            "Service Quality",
            "Work Attitude",
            "Fees",
        ):
            self.assertIn(name, names)
        inferred = self.criteria.filtered(lambda c: c.source == "001/VC-1 (inferred)")
        self.assertEqual(len(inferred), 7)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.criteria[0].weight = 0
            self.env.flush_all()

    def test_flow_and_weighted_score(self):
        """000/E-VC-9: each evaluator fills a scorecard; a card's score is the
        weighted average of its criteria; the evaluation's the average of the
        cards; closing sets the outcome."""
        first, second = self.criteria[:2]
        first.weight, second.weight = 3, 1
        (self.criteria - first - second).active = False
        evaluation = self._create_evaluation()
        self.assertEqual(evaluation.state, "draft")
        self.assertTrue(evaluation.name.startswith("WPPJ"))
        self.assertEqual(evaluation.department_id, self.department)
        evaluation.with_user(self.legal).action_start_scoring()
        self.assertEqual(evaluation.state, "scoring")
        cards = evaluation.evaluator_ids
        self.assertEqual(cards.mapped("line_ids.criterion_id"), first | second)
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "vc.evaluation.evaluator"), ("res_id", "in", cards.ids)]
        )
        self.assertEqual(activities.user_id, self.evaluator | self.evaluator2)
        self.assertEqual(len(activities), 2)
        card = self._score(evaluation, self.evaluator, {first: 100, second: 60})
        self.assertAlmostEqual(card.score, 90.0)  # (3*100 + 1*60) / 4
        self.assertAlmostEqual(evaluation.score, 90.0)
        self.assertFalse(card.activity_ids)
        self._score(evaluation, self.evaluator2, {first: 60, second: 80})  # 65
        self.assertAlmostEqual(evaluation.score, 77.5)
        evaluation.with_user(self.legal).action_close()
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(evaluation.outcome, "keep")
        self.assertFalse(evaluation.fee_reduction_proposed)
        self.assertEqual(evaluation.filing_id.filing_type, "evaluation")
        self.assertEqual(evaluation.filing_id.engagement_id, self.engagement)

    def test_outcome_boundaries(self):
        """000/E-VC-9: with the default thresholds 80 / 70 / 60, 80 proposes renewal
        and 79.99 does not; 69.99 warns and proposes a fee reduction, 70 does not;
        59.99 proposes dismissal and blocks the firm, 60 only warns."""
        company = self.env.company
        self.assertEqual(company.vc_eval_renew_threshold, 80)
        self.assertEqual(company.vc_eval_warn_threshold, 70)
        self.assertEqual(company.vc_eval_block_threshold, 60)
        self.assertEqual(company.vc_eval_score_max, 100)
        cases = [
            (80, "renew", False),
            (79.99, "keep", False),
            (70, "keep", False),
            (69.99, "warn", True),
            (60, "warn", True),
            (59.99, "dismiss", True),
        ]
        for score, outcome, reduction in cases:
            with self.subTest(score=score):
                evaluation = self._scored(score)
                self.assertAlmostEqual(evaluation.score, score)
                self.assertEqual(evaluation.outcome, outcome)
                self.assertEqual(evaluation.fee_reduction_proposed, reduction)
                self.assertEqual(self.firm.vc_evaluation_outcome, outcome)
                self.assertEqual(self.firm.vc_evaluation_block, outcome == "dismiss")
                self.assertAlmostEqual(self.firm.vc_evaluation_last_score, score)

    def test_changed_thresholds_take_effect(self):
        """000/E-VC-9: the thresholds are settings; raising them changes the
        outcome of the same score."""
        self.env.company.write(
            {
                "vc_eval_renew_threshold": 95,
                "vc_eval_warn_threshold": 90,
                "vc_eval_block_threshold": 85,
            }
        )
        self.assertEqual(self._scored(84).outcome, "dismiss")
        self.assertEqual(self._scored(95).outcome, "renew")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env.company.vc_eval_warn_threshold = 99
            self.env.flush_all()

    def test_score_range(self):
        """000/E-VC-9: scores run from 0 to the maximum setting (100 by default;
        changed to 10, 10.5 is refused)."""
        evaluation = self._create_evaluation(evaluators=self.evaluator)
        evaluation.with_user(self.legal).action_start_scoring()
        line = evaluation.evaluator_ids.line_ids[0].with_user(self.evaluator)
        line.score = 100
        with self.assertRaises(ValidationError):
            line.score = 100.01
        with self.assertRaises(ValidationError):
            line.score = -1
        self.env.company.write(
            {
                "vc_eval_score_max": 10,
                "vc_eval_renew_threshold": 8,
                "vc_eval_warn_threshold": 7,
                "vc_eval_block_threshold": 6,
            }
        )
        evaluation = self._create_evaluation(evaluators=self.evaluator2)
        evaluation.with_user(self.legal).action_start_scoring()
        self.assertEqual(evaluation.score_max, 10)
        line = evaluation.evaluator_ids.line_ids[0].with_user(self.evaluator2)
        line.score = 10
        with self.assertRaises(ValidationError):
            line.score = 10.5

    def test_minimum_evaluators_to_close_early(self):
        """000/E-VC-9: the legal department closes with the scorecards received when
        at least the minimum (default 1) arrived; with the minimum raised to 2, one
        of two is not enough; when every invited evaluator has scored it closes."""
        self.assertEqual(self.env.company.vc_eval_min_evaluators, 1)
        evaluation = self._create_evaluation()
        evaluation.with_user(self.legal).action_start_scoring()
        with self.assertRaises(UserError):
            evaluation.with_user(self.legal).action_close()
        self._score(evaluation, self.evaluator, 85)
        self.env.company.vc_eval_min_evaluators = 2
        with self.assertRaises(UserError):
            evaluation.with_user(self.legal).action_close()
        self.assertEqual(evaluation.state, "scoring")
        self.env.company.vc_eval_min_evaluators = 1
        evaluation.with_user(self.legal).action_close()
        self.assertEqual(evaluation.state, "done")
        skipped = evaluation.evaluator_ids.filtered(lambda c: c.state == "skipped")
        self.assertEqual(skipped.user_id, self.evaluator2)
        self.assertFalse(skipped.activity_ids)
        self.assertAlmostEqual(evaluation.score, 85)
        # all invited scored: closes even below the minimum
        self.env.company.vc_eval_min_evaluators = 2
        self.assertEqual(self._scored(75).state, "done")

    def test_guards(self):
        """Each transition refuses the wrong state or the wrong person and changes
        nothing."""
        evaluation = self._create_evaluation(evaluators=self.env["res.users"])
        with self.assertRaises(UserError):
            evaluation.with_user(self.legal).action_start_scoring()
        self.assertEqual(evaluation.state, "draft")
        evaluation = self._create_evaluation()
        with self.assertRaises(AccessError):
            evaluation.with_user(self.evaluator).action_start_scoring()
        with self.assertRaises(UserError):
            evaluation.with_user(self.legal).action_close()
        evaluation.with_user(self.legal).action_start_scoring()
        with self.assertRaises(UserError):
            evaluation.with_user(self.legal).action_start_scoring()
        card = evaluation.evaluator_ids.filtered(lambda c: c.user_id == self.evaluator)
        with self.assertRaises(AccessError):
            card.with_user(self.evaluator2).action_submit()
        self._score(evaluation, self.evaluator, 90)
        with self.assertRaises(UserError):
            card.with_user(self.evaluator).action_submit()
        with self.assertRaises(UserError):
            card.line_ids[0].with_user(self.evaluator).score = 10
        evaluation.with_user(self.legal).action_cancel()
        self.assertEqual(evaluation.state, "cancel")
        with self.assertRaises(UserError):
            evaluation.with_user(self.legal).action_close()
        evaluation.with_user(self.legal).action_reset_draft()
        self.assertEqual(evaluation.state, "draft")
        done = self._scored(90)
        with self.assertRaises(UserError):
            done.with_user(self.legal).action_cancel()
        with self.assertRaises(UserError):
            done.unlink()

    def test_lawyer_and_engagement_consistency(self):
        """The evaluated lawyer belongs to the firm; the firm is the engagement's."""
        other_lawyer = self.env["res.partner"].create(
            {"name": "Other", "parent_id": self.firm2.id, "vc_is_lawyer": True}
        )
        with self.assertRaises(ValidationError):
            self._create_evaluation(lawyer_id=other_lawyer.id)
        with self.assertRaises(ValidationError):
            self._create_evaluation(firm_id=self.firm2.id)
        evaluation = self._create_evaluation(lawyer_id=self.lawyer.id)
        self.assertEqual(evaluation.lawyer_id, self.lawyer)

    def test_filing_setting(self):
        """000/E-VC-9 (D8 第七条): a closed evaluation opens an evaluation filing
        unless the setting is off."""
        self.assertTrue(self.env.company.vc_eval_create_filing)
        self.env.company.vc_eval_create_filing = False
        self.assertFalse(self._scored(90).filing_id)

    def test_breaches_for_eligibility(self):
        """000/E-VC-9: a dismissal proposal blocks the firm for new engagements, a
        warning warns, in the structure of _vc_eligibility; a later good
        evaluation lifts it; an evaluation after on_date does not count; a lawyer
        is judged by their own evaluations."""
        partners = self.env["res.partner"]
        self.assertEqual(
            partners._vc_evaluation_breaches(self.firm | self.firm2),
            {self.firm.id: [], self.firm2.id: []},
        )
        poor = self._scored(59)
        breaches = partners._vc_evaluation_breaches(self.firm)
        self.assertEqual(
            [(rule, level) for rule, level, _m in breaches[self.firm.id]],
            [("000/E-VC-9", "block")],
        )
        self.assertEqual(
            partners._vc_evaluation_breaches(self.firm, date(2020, 1, 1)),
            {self.firm.id: []},
        )
        self._scored(65)
        breaches = partners._vc_evaluation_breaches(self.firm)
        self.assertEqual(breaches[self.firm.id][0][1], "warn")
        self._scored(85)
        self.assertEqual(partners._vc_evaluation_breaches(self.firm)[self.firm.id], [])
        self.assertFalse(self.firm.vc_evaluation_block)
        lawyer_eval = self._create_evaluation(
            evaluators=self.evaluator, lawyer_id=self.lawyer2.id
        )
        lawyer_eval.with_user(self.legal).action_start_scoring()
        self._score(lawyer_eval, self.evaluator, 40)
        lawyer_eval.with_user(self.legal).action_close()
        breaches = partners._vc_evaluation_breaches(self.lawyer2 | self.firm)
        self.assertEqual(breaches[self.lawyer2.id][0][1], "block")
        self.assertEqual(breaches[self.firm.id], [])
        self.assertTrue(poor.fee_reduction_proposed)

    def test_partner_history(self):
        """The firm's counsel history: engagements, evaluations, average and last
        score."""
        self._scored(90)
        self._scored(70)
        self._create_evaluation()  # a draft does not count
        self.firm.invalidate_recordset()
        self.assertEqual(self.firm.vc_engagement_count, 1)
        self.assertEqual(self.firm.vc_evaluation_count, 2)
        self.assertAlmostEqual(self.firm.vc_evaluation_avg_score, 80)
        self.assertAlmostEqual(self.firm.vc_evaluation_last_score, 70)
        self.assertEqual(self.firm2.vc_evaluation_count, 0)
        action = self.firm.action_vc_view_evaluations()
        self.assertEqual(action["domain"], [("firm_id", "=", self.firm.id)])
        self.assertEqual(self.engagement.evaluation_count, 3)
        # a user without outside-counsel access reads zeros, not an error
        firm = self.firm.with_user(self.plain_user)
        self.assertEqual((firm.vc_engagement_count, firm.vc_evaluation_count), (0, 0))

    def test_report_renders(self):
        """The evaluation form 《外聘律师评价表》 prints criteria by evaluator, the
        weighted score and the outcome."""
        evaluation = self._scored(90, 80)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("vendor_counsel.vc_evaluation_report", evaluation.ids)[0]
            .decode()
        )
        self.assertIn("《外聘律师评价表》", html)
        self.assertIn(self.evaluator.name, html)
        self.assertIn("85.00", html)
        self.assertIn("Renewal Proposed", html)

    def test_report_query_count_constant(self):
        """The scores-by-firm report (average score grouped by firm) costs the same
        queries with more evaluations."""
        self._scored(90)
        model = self.env["vc.evaluation"].with_user(self.legal)
        domain = [("state", "=", "done")]
        model.formatted_read_group(domain, ["firm_id"], ["score:avg", "__count"])
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            model.formatted_read_group(domain, ["firm_id"], ["score:avg", "__count"])
        self._scored(70)
        self._scored(50)
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            rows = model.formatted_read_group(
                domain, ["firm_id"], ["score:avg", "__count"]
            )
        self.assertEqual(rows[0]["__count"], 3)
        self.assertAlmostEqual(rows[0]["score:avg"], 70)

    def test_views_load_for_each_role(self):
        """The evaluation views, the scorecard views and the partner form open for a
        requesting unit's user and an evaluator."""
        for user in (self.requester, self.evaluator, self.legal, self.auditor):
            with self.subTest(user=user.login):
                views = (
                    self.env["vc.evaluation"]
                    .with_user(user)
                    .get_views(
                        [
                            (False, kind)
                            for kind in ("list", "form", "kanban", "pivot", "graph")
                        ],
                        {"load_filters": True},
                    )
                )
                self.assertIn("score", views["models"]["vc.evaluation"]["fields"])
                self.env["vc.evaluation.evaluator"].with_user(user).get_views(
                    [(False, "list"), (False, "form"), (False, "search")]
                )
                self.env["res.partner"].with_user(user).get_views([(False, "form")])
