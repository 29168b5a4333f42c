from datetime import date

from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import QualityTrackingCommon


@tagged("post_install", "-at_install")
class QualityEvaluationCommon(QualityTrackingCommon):
    """Matters already handled in the head's department and in another department
    with its own head; a second committee member; evaluations of 2026 H1."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee2 = new_test_user(
            cls.env,
            login="qt_committee2",
            groups="quality_tracking.group_quality_tracking_committee",
        )
        cls.other_head = new_test_user(
            cls.env,
            login="qt_other_head",
            groups="quality_tracking.group_quality_tracking_department_head",
        )
        cls.other_department.manager_id = cls.env["hr.employee"].create(
            {"name": "Other head", "user_id": cls.other_head.id}
        )
        cls.Evaluation = cls.env["qt.evaluation"]
        cls.Entry = cls.env["qt.evaluation.entry"]
        cls.Score = cls.env["qt.evaluation.score"]

    @classmethod
    def _closed_matter(cls, **vals):
        matter = cls._create_matter(**vals)
        matter.write({"state": "closed", "date_closed": date(2026, 3, 1)})
        return matter

    @classmethod
    def _evaluation(cls, kind="department", **vals):
        values = {"kind": kind, "year": 2026, "half": "1"}
        if kind == "department":
            values["department_id"] = cls.department.id
        elif kind == "year_end":
            values["half"] = False
        if kind != "department":
            values["scorer_ids"] = [Command.set([cls.committee.id])]
        values.update(vals)
        return cls.Evaluation.create(values)

    @classmethod
    def _entry(cls, evaluation, matter=None):
        return cls.Entry.create(
            {
                "evaluation_id": evaluation.id,
                "matter_id": (matter or cls._closed_matter()).id,
            }
        )

    @classmethod
    def _score(cls, entry, scorer=None, value=80.0, **vals):
        values = {
            "entry_id": entry.id,
            "scorer_id": (scorer or entry.evaluation_id.scorer_ids[:1]).id,
            "score_skill": value,
            "score_ethics": value,
            "score_files": value,
            "score_satisfaction": value,
            "score_influence": value,
        }
        values.update(vals)
        return cls.Score.create(values)

    @classmethod
    def _scoring_evaluation(cls, kind="department", entries=1, **vals):
        """An evaluation being scored, with ``entries`` entries scored 80."""
        evaluation = cls._evaluation(kind, **vals)
        evaluation.action_open()
        items = cls.Entry
        for __ in range(entries):
            items |= cls._entry(evaluation)
        evaluation.action_start_scoring()
        for entry in items:
            cls._score(entry)
        return evaluation
