from datetime import date, datetime, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common_evaluation import QualityEvaluationCommon


@tagged("post_install", "-at_install")
class TestEvaluation(QualityEvaluationCommon):
    # --- 000/R-QT-09, R-QT-13: kinds, periods, organisers

    def test_three_kinds_and_periods(self):
        """000/R-QT-09: half-year (every 6 months), year-end (annual) and department
        same-type evaluations, with their periods."""
        kinds = dict(self.Evaluation._fields["kind"].selection)
        self.assertEqual(set(kinds), {"half_year", "year_end", "department"})
        first = self._evaluation("half_year")
        second = self._evaluation("half_year", half="2")
        year_end = self._evaluation("year_end")
        department = self._evaluation()
        self.assertEqual(
            (first.date_from, first.date_to), (date(2026, 1, 1), date(2026, 6, 30))
        )
        self.assertEqual(
            (second.date_from, second.date_to), (date(2026, 7, 1), date(2026, 12, 31))
        )
        self.assertEqual(
            (year_end.date_from, year_end.date_to),
            (date(2026, 1, 1), date(2026, 12, 31)),
        )
        self.assertEqual(department.date_to, date(2026, 6, 30))
        # one firm-wide evaluation of a kind per period
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._evaluation("half_year")
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._evaluation("year_end")

    def test_department_required_for_same_type(self):
        """000/R-QT-09: a same-type evaluation belongs to a department; the firm-wide
        ones to none."""
        with self.assertRaises(ValidationError):
            self._evaluation(department_id=False)
        with self.assertRaises(ValidationError):
            self._evaluation("half_year", department_id=self.department.id)
        with self.assertRaises(ValidationError):
            self._evaluation(half=False)

    def test_organiser_and_scorers(self):
        """000/R-QT-13: the committee organises and scores the half-year and year-end
        evaluations; a department its same-type one, scored by its people only."""
        self.assertEqual(self._evaluation("half_year").organiser, "committee")
        self.assertEqual(self._evaluation("year_end").organiser, "committee")
        department = self._evaluation()
        self.assertEqual(department.organiser, "department")
        self.assertEqual(department.scorer_ids, self.head)
        with self.assertRaises(ValidationError):
            department.scorer_ids = [Command.link(self.committee.id)]
        with self.assertRaises(ValidationError):
            self._evaluation(
                "half_year", half="2", scorer_ids=[Command.set([self.head.id])]
            )
        member = self.env["hr.employee"].create(
            {
                "name": "Member",
                "user_id": self.handler.id,
                "department_id": self.department.id,
            }
        )
        self.assertTrue(member)
        department.scorer_ids = [Command.link(self.handler.id)]
        self.assertEqual(department.scorer_ids, self.head | self.handler)

    # --- 000/E-QT-7: entries are matters already handled

    def test_only_handled_matters_enter(self):
        """000/E-QT-7 (D1 5.5): only matters already handled (closed or archived)."""
        evaluation = self._evaluation()
        with self.assertRaises(ValidationError):
            self._entry(evaluation, self._open_matter())
        self.assertTrue(self._entry(evaluation, self._closed_matter()))
        archived = self._closed_matter()
        archived.state = "archived"
        self.assertTrue(self._entry(evaluation, archived))

    def test_department_evaluation_takes_its_cases(self):
        """000/R-QT-09: a department evaluates its own cases of the same type."""
        other_category = self.env.ref("quality_tracking.qt_category_civil")
        evaluation = self._evaluation(category_id=self.category.id)
        with self.assertRaises(ValidationError):
            self._entry(
                evaluation,
                self._closed_matter(department_id=self.other_department.id),
            )
        with self.assertRaises(ValidationError):
            self._entry(evaluation, self._closed_matter(category_id=other_category.id))
        matter = self._closed_matter()
        entry = self._entry(evaluation, matter)
        self.assertEqual(entry.department_id, self.department)
        self.assertEqual(entry.user_id, self.handler)
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._entry(evaluation, matter)

    # --- 000/R-QT-10: five criteria, scale, weights, averages, ranks

    def test_score_scale_boundaries(self):
        """000/R-QT-10: each criterion within 0..scale; the scale is a setting (100
        by default) and a changed setting takes effect."""
        self.assertEqual(self.company.qt_eval_score_max, 100)
        evaluation = self._evaluation()
        evaluation.action_open()
        entry = self._entry(evaluation)
        evaluation.action_start_scoring()
        score = self._score(entry, value=100)
        score.score_influence = 0
        with self.assertRaises(ValidationError):
            score.score_skill = 100.01
        with self.assertRaises(ValidationError):
            score.score_ethics = -0.01
        self.assertEqual((score.score_skill, score.score_ethics), (100, 100))
        self.company.qt_eval_score_max = 10
        small = self._evaluation(half="2")
        self.assertEqual(small.score_max, 10)
        small.action_open()
        entry = self._entry(small)
        small.action_start_scoring()
        score = self._score(entry, value=10)
        with self.assertRaises(ValidationError):
            score.score_skill = 10.01

    def test_five_criteria_weights(self):
        """000/R-QT-10: the total weighs the five criteria, equally by default; a
        changed weight setting takes effect on the next evaluations."""
        for criterion in ("skill", "ethics", "files", "satisfaction", "influence"):
            self.assertEqual(self.company[f"qt_eval_weight_{criterion}"], 20)
        evaluation = self._evaluation()
        evaluation.action_open()
        entry = self._entry(evaluation)
        evaluation.action_start_scoring()
        self._score(
            entry,
            score_skill=100,
            score_ethics=50,
            score_files=50,
            score_satisfaction=50,
            score_influence=0,
        )
        self.assertEqual(entry.total, 50.0)
        self.company.write({"qt_eval_weight_skill": 60, "qt_eval_weight_influence": 0})
        weighted = self._evaluation(half="2")
        weighted.action_open()
        entry2 = self._entry(weighted)
        weighted.action_start_scoring()
        self._score(
            entry2,
            score_skill=100,
            score_ethics=50,
            score_files=50,
            score_satisfaction=50,
            score_influence=0,
        )
        # (60 * 100 + 20 * 50 * 3) / 120
        self.assertEqual(entry2.total, 75.0)
        self.assertEqual(entry.total, 50.0, "a running evaluation keeps its weights")

    def test_average_of_scorers(self):
        """000/R-QT-10, R-QT-13: each committee member scores; the entry shows the
        average of the scorers."""
        evaluation = self._evaluation(
            "half_year",
            scorer_ids=[Command.set([self.committee.id, self.committee2.id])],
        )
        evaluation.action_open()
        entry = self._entry(evaluation)
        evaluation.action_start_scoring()
        self._score(entry, self.committee, value=90)
        self._score(entry, self.committee2, value=70, score_influence=50)
        self.assertEqual(entry.score_count, 2)
        self.assertEqual(entry.score_skill, 80)
        self.assertEqual(entry.score_influence, 70)
        self.assertEqual(entry.total, 78)
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._score(entry, self.committee)

    def test_rank_with_ties(self):
        """Ranks by total within the evaluation; ties share a rank; unscored: 0."""
        evaluation = self._evaluation()
        evaluation.action_open()
        entries = [self._entry(evaluation) for __ in range(4)]
        evaluation.action_start_scoring()
        self._score(entries[0], value=70)
        self._score(entries[1], value=90)
        self._score(entries[2], value=90)
        self.assertEqual([e.rank for e in entries], [3, 1, 1, 0])
        entries[0].score_ids.score_skill = 100
        self._score(entries[3], value=95)
        self.assertEqual([e.rank for e in entries], [4, 2, 2, 1])

    def test_rank_query_count_constant(self):
        """The ranking (000/R-QT-10 evaluation KPI) costs the same number of
        queries whatever the number of entries."""

        def recompute_queries(count, half):
            evaluation = self._scoring_evaluation(entries=count, half=half)
            entries = evaluation.entry_ids
            self.assertEqual(set(entries.mapped("rank")), {1})
            self.env.flush_all()
            self.env.invalidate_all()
            self.env.add_to_compute(self.Entry._fields["rank"], entries)
            start = self.cr.sql_log_count
            entries.flush_recordset(["rank"])
            return self.cr.sql_log_count - start

        self.assertEqual(recompute_queries(3, "1"), recompute_queries(12, "2"))

    # --- guards of the state machine

    def test_state_guards(self):
        """Each action checks its state and facts; nothing changes when refused."""
        evaluation = self._evaluation()
        with self.assertRaises(UserError):
            evaluation.action_start_scoring()
        with self.assertRaises(UserError):
            evaluation.action_close()
        evaluation.action_open()
        with self.assertRaises(UserError):
            evaluation.action_open()
        with self.assertRaises(UserError):
            evaluation.action_start_scoring()  # no entry
        self.assertEqual(evaluation.state, "open")
        entry = self._entry(evaluation)
        evaluation.scorer_ids = False
        with self.assertRaises(UserError):
            evaluation.action_start_scoring()  # no scorer
        evaluation.scorer_ids = self.head
        evaluation.action_start_scoring()
        with self.assertRaises(UserError):
            self._entry(evaluation)  # no longer takes entries
        with self.assertRaises(UserError):
            evaluation.action_close()  # unscored entry
        self.assertEqual(evaluation.state, "scoring")
        self._score(entry)
        entry.is_excellent = True
        evaluation.action_close()
        self.assertEqual(evaluation.state, "closed")
        self.assertEqual(evaluation.date_closed, date.today())
        with self.assertRaises(UserError):
            evaluation.action_cancel()
        with self.assertRaises(UserError):
            entry.is_excellent = False
        with self.assertRaises(UserError):
            entry.unlink()
        with self.assertRaises(UserError):
            evaluation.unlink()
        other = self._evaluation(half="2")
        other.action_cancel()
        other.action_reset_draft()
        self.assertEqual(other.state, "draft")

    def test_can_booleans(self):
        evaluation = self._evaluation()
        self.assertTrue(evaluation.can_open)
        self.assertFalse(evaluation.can_close)
        evaluation.action_open()
        self.assertTrue(evaluation.can_start_scoring)
        self.assertTrue(evaluation.can_cancel)

    def test_excellent_chosen_while_scoring(self):
        """Excellent cases and awards are chosen while scoring, on scored entries."""
        evaluation = self._evaluation()
        evaluation.action_open()
        entry = self._entry(evaluation)
        with self.assertRaises(ValidationError):
            entry.is_excellent = True
        evaluation.action_start_scoring()
        with self.assertRaises(ValidationError):
            entry.award_level_id = self.env.ref("quality_tracking.qt_award_level_first")
        self._score(entry)
        entry.write(
            {
                "is_excellent": True,
                "award_level_id": self.env.ref(
                    "quality_tracking.qt_award_level_excellent"
                ).id,
            }
        )
        self.assertTrue(entry.is_excellent)

    def test_scores_only_by_scorers_while_scoring(self):
        """000/R-QT-13: only the organiser's people score, each their own lines, and
        only while the evaluation is scored."""
        evaluation = self._evaluation(
            "half_year",
            scorer_ids=[Command.set([self.committee.id, self.committee2.id])],
        )
        evaluation.action_open()
        entry = self._entry(evaluation)
        entry2 = self._entry(evaluation)
        with self.assertRaises(UserError):
            self._score(entry)  # not being scored yet
        evaluation.action_start_scoring()
        with self.assertRaises(ValidationError):
            self._score(entry, self.head)  # not a scorer
        score = self.Score.with_user(self.committee).create(
            {"entry_id": entry.id, "score_skill": 80}
        )
        self.assertEqual(score.scorer_id, self.committee)
        with self.assertRaises(AccessError):
            score.with_user(self.committee2).write({"score_skill": 10})
        with self.assertRaises(AccessError):
            self.Score.with_user(self.committee2).create(
                {"entry_id": entry2.id, "scorer_id": self.committee.id}
            )
        self.assertEqual(score.score_skill, 80)

    # --- 000/R-QT-11: at least one excellent case per department and half

    def test_excellent_minimum_boundary(self):
        """000/R-QT-11 (A-1 "至" = at least): a department evaluation cannot close
        with 0 excellent cases and closes with 1; a changed minimum takes effect."""
        self.assertEqual(self.company.qt_excellent_cases_per_half, 1)
        evaluation = self._scoring_evaluation(entries=2)
        with self.assertRaises(UserError):
            evaluation.action_close()
        self.assertEqual(evaluation.state, "scoring")
        evaluation.entry_ids[0].is_excellent = True
        evaluation.action_close()
        self.assertEqual(evaluation.state, "closed")

        self.company.qt_excellent_cases_per_half = 2
        second = self._scoring_evaluation(entries=2, half="2")
        second.entry_ids[0].is_excellent = True
        with self.assertRaises(UserError):
            second.action_close()
        second.entry_ids[1].is_excellent = True
        second.action_close()
        self.assertEqual(second.state, "closed")

    def test_firm_wide_needs_no_excellent(self):
        """000/R-QT-11 concerns departments: a firm-wide evaluation closes without."""
        evaluation = self._scoring_evaluation("half_year")
        evaluation.with_user(self.committee).action_close()
        self.assertEqual(evaluation.state, "closed")

    # --- 000/R-QT-12: excellent cases enter the firm-wide evaluations

    def test_excellent_cases_enter_firm_wide(self):
        """000/R-QT-12: closing a department evaluation enters its excellent cases in
        the firm-wide half-year and year-end evaluations of the period, created when
        missing, without re-entry and never twice."""
        evaluation = self._scoring_evaluation(entries=2)
        excellent = evaluation.entry_ids[0]
        excellent.is_excellent = True
        year_end = self._evaluation("year_end")  # already announced
        evaluation.with_user(self.head).action_close()
        half_year = self.Evaluation.search(
            [("kind", "=", "half_year"), ("year", "=", 2026), ("half", "=", "1")]
        )
        self.assertEqual(len(half_year), 1)
        for target in half_year | year_end:
            self.assertEqual(target.entry_ids.matter_id, excellent.matter_id)
            self.assertEqual(target.entry_ids.source_entry_id, excellent)
            self.assertEqual(target.entry_ids.department_id, self.department)
        self.assertEqual(
            self.Evaluation.search_count(
                [("kind", "=", "year_end"), ("year", "=", 2026)]
            ),
            1,
        )
        evaluation._carry_over_excellent()
        self.assertEqual(len(half_year.entry_ids), 1)
        self.assertEqual(len(year_end.entry_ids), 1)
        # the matter's smart button shows both evaluations
        matter = excellent.matter_id
        self.assertEqual(matter.evaluation_entry_count, 3)
        action = matter.action_view_evaluation_entries()
        self.assertEqual(
            self.Entry.search(action["domain"]), matter.evaluation_entry_ids
        )

    def test_excellent_cases_join_firm_wide_being_scored(self):
        """000/R-QT-12: a firm-wide evaluation already being scored still receives
        the excellent cases; a closed one refuses them and the closing fails."""
        firm = self._scoring_evaluation("half_year")
        department = self._scoring_evaluation()
        department.entry_ids.is_excellent = True
        department.action_close()
        self.assertIn(department.entry_ids.matter_id, firm.entry_ids.matter_id)

        firm2 = self._scoring_evaluation("half_year", half="2")
        firm2.with_user(self.committee).action_close()
        late = self._scoring_evaluation(half="2")
        late.entry_ids.is_excellent = True
        with self.assertRaises(UserError):
            late.action_close()
        self.assertEqual(late.state, "scoring")

    # --- publishing the awards: tier validation by the management committee

    def test_awards_published_through_tier_validation(self):
        """000/R-QT-13: the management committee validates the publication of a
        firm-wide evaluation (tier validation); department evaluations need none."""
        definition = self.env.ref(
            "quality_tracking.tier_definition_qt_evaluation_committee"
        )
        firm = self._scoring_evaluation("half_year")
        self.assertTrue(firm.need_validation)
        firm.with_user(self.committee).action_close()
        self.assertEqual(firm.validation_status, "validated")
        self.assertEqual(firm.review_ids.done_by, self.committee)
        department = self._scoring_evaluation()
        self.assertFalse(department.need_validation)

        # routed to one reviewer: the others must request the validation
        definition.write(
            {"review_type": "individual", "reviewer_id": self.committee2.id}
        )
        firm2 = self._scoring_evaluation("half_year", half="2")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            firm2.with_user(self.committee).action_close()
        self.env.invalidate_all()
        self.assertEqual(firm2.state, "scoring")
        # each step is a request of its own (need_validation is not recomputed
        # within one transaction)
        firm2.with_user(self.committee).request_validation()
        self.env.invalidate_all()
        firm2.with_user(self.committee2).validate_tier()
        self.env.invalidate_all()
        self.assertEqual(firm2.validation_status, "validated")
        firm2.with_user(self.committee).action_close()
        self.assertEqual(firm2.state, "closed")

    # --- client satisfaction prefilled from the feedback card

    def test_satisfaction_prefilled_from_feedback_card(self):
        """000/R-QT-10: the returned feedback card feeds the criterion "client
        satisfaction with the result" on the evaluation's scale."""
        matter = self._open_matter()
        matter.action_close()
        card = matter.feedback_card_ids
        card.write({"state": "returned", "date_returned": date(2026, 3, 5)})
        # without a rating on the card, nothing is prefilled
        self.assertEqual(self.Entry._get_feedback_satisfaction_ratios(matter), {})
        # "satisfied" is 3 of the card's 4 levels: 75 on a scale of 100
        card.rating_result = "3"
        evaluation = self._evaluation()
        evaluation.action_open()
        entry = self._entry(evaluation, matter)
        self.assertEqual(entry.feedback_satisfaction, 75.0)
        evaluation.action_start_scoring()
        score = self.Score.create({"entry_id": entry.id, "scorer_id": self.head.id})
        self.assertEqual(score.score_satisfaction, 75.0)

    # --- scoring deadline (engine rule)

    def test_scoring_deadline_from_setting(self):
        """000/E-QT-7: an opened evaluation must close within the scoring period (30
        calendar days by default); a changed setting takes effect; closing meets it."""
        self.assertEqual(self.company.qt_eval_scoring_days, 30)
        with freeze_time("2026-06-01 08:00:00"):
            evaluation = self._evaluation()
            evaluation.action_open()
            self.assertTrue(evaluation.scoring_due)
            self.assertGreaterEqual(
                evaluation.scoring_due, datetime(2026, 6, 1, 8) + timedelta(days=29)
            )
            self.assertLessEqual(
                evaluation.scoring_due, datetime(2026, 6, 1, 8) + timedelta(days=31)
            )
            self.company.qt_eval_scoring_days = 10
            short = self._evaluation(half="2")
            short.action_open()
            self.assertLessEqual(
                short.scoring_due, datetime(2026, 6, 1, 8) + timedelta(days=11)
            )
            entry = self._entry(evaluation)
            evaluation.action_start_scoring()
            self._score(entry)
            entry.is_excellent = True
            evaluation.action_close()
            self.assertEqual(evaluation.deadline_timer_ids.state, "met")

    # --- the evaluation sheet (评比表)

    def test_evaluation_sheet_renders(self):
        """The evaluation sheet lists the entries with the five criteria columns."""
        evaluation = self._scoring_evaluation(entries=2)
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "quality_tracking.qt_evaluation_report", evaluation.ids
        )
        html = html.decode()
        self.assertIn("Quality Evaluation Sheet", html)
        for label in ("Professional Ethics", "Influence in the Industry or Society"):
            self.assertIn(label, html)
        for entry in evaluation.entry_ids:
            self.assertIn(entry.matter_id.name, html)
        self.assertIn("80.00", html)
