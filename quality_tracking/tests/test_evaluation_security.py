from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_evaluation import QualityEvaluationCommon


@tagged("post_install", "-at_install")
class TestEvaluationSecurity(QualityEvaluationCommon):
    """The committee scores and sees all evaluations; a department head runs the
    department's same-type evaluations and sees the department's entries; a handler
    reads the entries of their own matters; nobody else (000/R-QT-13)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.export_group = cls.env.ref("base.group_allow_export")
        (cls.handler | cls.head | cls.committee).group_ids = [(4, cls.export_group.id)]
        cls.mine = cls._scoring_evaluation(entries=1)
        cls.my_entry = cls.mine.entry_ids
        cls.my_entry.is_excellent = True
        cls.mine.action_close()
        cls.theirs = cls._evaluation(department_id=cls.other_department.id)
        cls.theirs.action_open()
        cls.their_entry = cls._entry(
            cls.theirs,
            cls._closed_matter(
                department_id=cls.other_department.id, user_id=cls.other_handler.id
            ),
        )
        cls.firm = cls.Evaluation.search(
            [("kind", "=", "half_year"), ("year", "=", 2026), ("half", "=", "1")]
        )

    def _visible(self, user, model="qt.evaluation.entry"):
        Model = self.env[model].with_user(user)
        records = Model.search([])
        groups = Model._read_group([], [], ["__count"])
        self.assertEqual(groups[0][0], len(records), "read_group sees the same")
        exported = Model.browse(records.ids).export_data(["id"])["datas"]
        self.assertEqual(len(exported), len(records))
        return records.sudo()

    def test_handler_reads_own_entries_only(self):
        """A handler reads the entries of their matters, in every evaluation they
        entered, and the evaluations themselves; nothing else, and writes nothing."""
        entries = self._visible(self.handler)
        self.assertEqual(entries.matter_id, self.my_entry.matter_id)
        self.assertEqual(len(entries), 3)  # department, half-year, year-end
        self.assertNotIn(self.their_entry, entries)
        self.my_entry.with_user(self.handler).read(["total", "rank"])
        with self.assertRaises(AccessError):
            self.their_entry.with_user(self.handler).read(["total"])
        with self.assertRaises(AccessError):
            self.firm.entry_ids.with_user(self.handler).write({"note": "mine"})
        evaluations = self._visible(self.handler, "qt.evaluation")
        self.assertIn(self.mine, evaluations)
        self.assertNotIn(self.theirs, evaluations)
        self.assertFalse(self._visible(self.handler, "qt.evaluation.score"))

    def test_others_see_nothing(self):
        """A user with no entry sees no evaluation, entry or score."""
        stranger = self.env["res.users"].create(
            {
                "name": "Stranger",
                "login": "qt_stranger",
                "group_ids": [
                    (
                        6,
                        0,
                        [
                            self.env.ref(
                                "quality_tracking.group_quality_tracking_user"
                            ).id,
                            self.export_group.id,
                        ],
                    )
                ],
            }
        )
        for model in ("qt.evaluation", "qt.evaluation.entry", "qt.evaluation.score"):
            self.assertFalse(self._visible(stranger, model), model)
        with self.assertRaises(AccessError):
            self.Evaluation.with_user(stranger).create(
                {"kind": "department", "department_id": self.department.id}
            )

    def test_department_head_runs_own_department(self):
        """A department head sees the department's entries (also in the firm-wide
        evaluations) and runs only the department's same-type evaluations."""
        entries = self._visible(self.head)
        self.assertIn(self.my_entry, entries)
        self.assertIn(self.firm.entry_ids, entries)
        self.assertNotIn(self.their_entry, entries)
        evaluations = self._visible(self.head, "qt.evaluation")
        self.assertIn(self.firm, evaluations)
        self.assertNotIn(self.theirs, evaluations)
        own = self.Evaluation.with_user(self.head).create(
            {"kind": "department", "department_id": self.department.id, "half": "2"}
        )
        own.action_open()
        self.assertEqual(own.state, "open")
        with self.assertRaises(AccessError):
            self.Evaluation.with_user(self.head).create(
                {"kind": "department", "department_id": self.other_department.id}
            )
        with self.assertRaises(AccessError):
            self.Evaluation.with_user(self.head).create(
                {"kind": "half_year", "year": 2027, "half": "1"}
            )
        with self.assertRaises(AccessError):
            self.firm.with_user(self.head).write({"note": "ours"})
        with self.assertRaises(AccessError):
            self.firm.entry_ids.with_user(self.head).write({"note": "ours"})

    def test_committee_sees_all(self):
        """The management committee sees and runs every evaluation and reads every
        score."""
        evaluations = self._visible(self.committee, "qt.evaluation")
        self.assertLessEqual(self.mine | self.theirs | self.firm, evaluations)
        entries = self._visible(self.committee)
        self.assertLessEqual(self.my_entry | self.their_entry, entries)
        scores = self._visible(self.committee, "qt.evaluation.score")
        self.assertEqual(scores, self.my_entry.score_ids)
        evaluation = self.Evaluation.with_user(self.committee).create(
            {"kind": "half_year", "year": 2027, "half": "1"}
        )
        self.assertEqual(evaluation.organiser, "committee")
        with self.assertRaises(UserError):  # published: frozen
            scores.with_user(self.committee).write({"score_skill": 1})

    def test_multi_company(self):
        """Evaluations of another company stay invisible."""
        other_company = self.env["res.company"].create({"name": "Other firm"})
        foreign = self.Evaluation.create(
            {
                "kind": "half_year",
                "year": 2030,
                "half": "1",
                "company_id": other_company.id,
                "scorer_ids": [(6, 0, [])],
            }
        )
        self.assertNotIn(foreign, self._visible(self.committee, "qt.evaluation"))
