from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_supervision import SupervisionCommon


@tagged("post_install", "-at_install")
class TestRanking(SupervisionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.units = cls.env["qt.supervised.unit"].create(
            [
                {
                    "name": f"窗口{index:02d}",
                    "group_id": cls.group.id,
                    "department_id": cls.department.id,
                }
                for index in range(1, 9)
            ]
        )
        cls.all_units = cls.unit | cls.other_unit | cls.units

    def _ranking(self, month=date(2026, 3, 1)):
        ranking = self.env["qt.ranking"].create({"date_month": month})
        ranking.action_generate()
        return ranking

    def _line(self, ranking, unit):
        return ranking.line_ids.filtered(lambda line: line.unit_id == unit)

    def _ten_units_scored(self):
        """Ten units with distinct scores 10, 9, ..., 1 (unit order)."""
        for index, unit in enumerate(self.all_units):
            score = 10 - index
            self._done_check(unit, scores=(score,) * 4)

    def test_label_defaults(self):
        """004/R3-2: 1 benchmark, top 30 % advanced, bottom 10 % laggard."""
        self.assertEqual(self.company.qt_ranking_benchmark_count, 1)
        self.assertEqual(self.company.qt_ranking_advanced_percent, 30)
        self.assertEqual(self.company.qt_ranking_laggard_percent, 10)

    def test_ranking_labels_boundaries(self):
        """004/R3-2: of ten units, rank 1 is the benchmark, ranks 2-3 advanced
        (30 %), rank 4 not; rank 10 is the laggard (10 %), rank 9 not."""
        self._ten_units_scored()
        ranking = self._ranking()
        self.assertEqual(len(ranking.line_ids), 10)
        labels = {line.rank: line.label for line in ranking.line_ids}
        self.assertEqual(labels[1], "benchmark")
        self.assertEqual(labels[2], "advanced")
        self.assertEqual(labels[3], "advanced")
        self.assertEqual(labels[4], "normal")
        self.assertEqual(labels[9], "normal")
        self.assertEqual(labels[10], "laggard")
        self.assertEqual(self._line(ranking, self.unit).score_avg, 10)

    def test_changed_settings_take_effect(self):
        """004/R3-2: with 2 benchmarks, 40 % advanced and 20 % laggards, ranks 1-2
        are benchmarks, 3-4 advanced, 9-10 laggards."""
        self.company.write(
            {
                "qt_ranking_benchmark_count": 2,
                "qt_ranking_advanced_percent": 40,
                "qt_ranking_laggard_percent": 20,
            }
        )
        self._ten_units_scored()
        labels = {line.rank: line.label for line in self._ranking().line_ids}
        self.assertEqual([labels[r] for r in (1, 2)], ["benchmark"] * 2)
        self.assertEqual([labels[r] for r in (3, 4)], ["advanced"] * 2)
        self.assertEqual(labels[8], "normal")
        self.assertEqual([labels[r] for r in (9, 10)], ["laggard"] * 2)

    def test_average_per_unit_and_ties(self):
        """004/R3-2: a unit's score is the average of its done spot checks of the
        month; equal scores share a rank; cancelled, planned and other months'
        checks do not count."""
        self._done_check(self.unit, scores=(10, 10, 10, 10))
        self._done_check(self.unit, scores=(6, 6, 6, 6))
        self._done_check(self.other_unit, scores=(8, 8, 8, 8))
        self._create_check(self.units[0], scores=(10, 10, 10, 10))
        self._done_check(self.units[1], scores=(1, 1, 1, 1), date=date(2026, 2, 27))
        ranking = self._ranking()
        self.assertEqual(len(ranking.line_ids), 2)
        line = self._line(ranking, self.unit)
        self.assertEqual((line.score_avg, line.check_count, line.rank), (8, 2, 1))
        self.assertEqual(self._line(ranking, self.other_unit).rank, 1)

    def test_evaluations_not_ranked(self):
        """QT-20 evaluations are not part of the service-window ranking."""
        self._done_check(self.unit)
        self._done_check(
            kind="periodic", unit=self.other_unit, department_id=self.department.id
        )
        ranking = self._ranking()
        self.assertEqual(ranking.line_ids.unit_id, self.unit)

    def test_one_ranking_per_month(self):
        """004/R3-2: a company has one ranking per month."""
        self._ranking()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self._ranking(date(2026, 3, 15))

    def test_confirm_drafts_rewards_and_penalties(self):
        """QT-4, QT-5: confirming drafts a reward for the benchmark's head
        and a penalty for the laggard's, with their D3 rules, once."""
        self.unit.head_id = self.head
        self.all_units[-1].head_id = self.other_head
        self._ten_units_scored()
        ranking = self._ranking()
        ranking.with_user(self.coordinator).action_confirm()
        self.assertEqual(ranking.state, "confirmed")
        records = self.env["qt.reward.penalty"].search(
            [("source_ref", "=", f"qt.ranking,{ranking.id}")]
        )
        reward = records.filtered(lambda r: r.kind == "reward")
        penalty = records.filtered(lambda r: r.kind == "penalty")
        self.assertEqual(reward.user_id, self.head)
        self.assertEqual(
            reward.rule_id, self.env.ref("quality_tracking.qt_rp_rule_d3_benchmark")
        )
        self.assertEqual(penalty.user_id, self.other_head)
        self.assertEqual(set(records.mapped("state")), {"draft"})
        self.assertEqual(ranking.reward_penalty_count, len(records))
        with self.assertRaises(UserError):
            ranking.action_confirm()

    def test_confirm_guards(self):
        """An empty ranking is not confirmed; nor by someone who is neither the
        coordinator nor the quality manager."""
        empty = self.env["qt.ranking"].create({"date_month": date(2026, 4, 1)})
        with self.assertRaises(UserError):
            empty.action_confirm()
        self._done_check()
        ranking = self._ranking()
        with self.assertRaises(UserError):
            ranking.with_user(self.officer).action_confirm()
        self.assertEqual(ranking.state, "draft")
        ranking.with_user(self.manager).action_confirm()
        self.assertEqual(ranking.state, "confirmed")

    def test_cron_generates_last_month_once(self):
        """004/R3-2: on 1 April the cron generates March's ranking, once."""
        self._done_check(self.unit, date=date(2026, 3, 10))
        cron = self.env.ref("quality_tracking.ir_cron_qt_ranking_generate")
        with freeze_time("2026-04-01 01:00:00"):
            self._trigger(cron)
            self._trigger(cron)
        rankings = self.env["qt.ranking"].search(
            [
                ("company_id", "=", self.company.id),
                ("date_month", "=", date(2026, 3, 1)),
            ]
        )
        self.assertEqual(len(rankings), 1)
        self.assertEqual(rankings.line_ids.unit_id, self.unit)

    def test_generation_query_count_constant(self):
        """The ranking's aggregate does not grow with the number of checks."""
        self._done_check(self.unit)
        ranking = self._ranking()
        ranking.invalidate_recordset()
        with self.assertQueryCount(__system__=13):
            ranking.action_generate()
        self._ten_units_scored()
        self._ten_units_scored()
        ranking.invalidate_recordset()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=13):
            ranking.action_generate()
