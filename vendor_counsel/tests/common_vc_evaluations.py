from datetime import date

from odoo.tests import new_test_user

from .common import VendorCounselCommon


class VcEvaluationsCommon(VendorCounselCommon):
    """Two evaluators of the using unit, an active engagement of the firm, a second
    firm; helpers to score and close an evaluation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "vendor_counsel.group_vendor_counsel_user"
        cls.evaluator = new_test_user(cls.env, login="vc_eval_1", groups=group)
        cls.evaluator2 = new_test_user(cls.env, login="vc_eval_2", groups=group)
        cls.env["hr.employee"].create(
            [
                {"name": "Evaluator One", "user_id": cls.evaluator.id},
                {"name": "Evaluator Two", "user_id": cls.evaluator2.id},
                {
                    "name": "Requester",
                    "user_id": cls.requester.id,
                    "department_id": cls.department.id,
                },
                {
                    "name": "Other Requester",
                    "user_id": cls.other_requester.id,
                    "department_id": cls.other_department.id,
                },
            ]
        )
        cls.engagement = cls._create_engagement(
            engagement_type="retained",
            date_signed=date(2026, 1, 5),
            date_start=date(2026, 1, 10),
            date_end=date(2027, 1, 9),
        )
        cls.engagement.write({"state": "active"})
        cls.firm2 = cls.env["res.partner"].create(
            {
                "name": "Hengxin Test Law Firm",
                "is_company": True,
                "vc_is_law_firm": True,
            }
        )
        cls.criteria = cls.env["vc.evaluation.criterion"].search([])

    @classmethod
    def _create_evaluation(cls, evaluators=None, **vals):
        evaluators = (
            cls.evaluator | cls.evaluator2 if evaluators is None else evaluators
        )
        values = {
            "engagement_id": cls.engagement.id,
            "firm_id": cls.engagement.firm_id.id,
            "user_id": cls.legal.id,
            "evaluator_ids": [(0, 0, {"user_id": user.id}) for user in evaluators],
        }
        values.update(vals)
        return cls.env["vc.evaluation"].with_user(cls.legal).create(values)

    def _score(self, evaluation, user, score, submit=True):
        """``user`` scores every criterion ``score`` (or ``{criterion: score}``) and
        submits."""
        card = evaluation.evaluator_ids.filtered(lambda c: c.user_id == user)
        card = card.with_user(user)
        for line in card.line_ids:
            value = (
                score.get(line.criterion_id, 0) if isinstance(score, dict) else score
            )
            line.score = value
        if submit:
            card.action_submit()
        return card

    def _scored(self, *scores, close=True):
        """An evaluation scored by as many evaluators as scores given, closed."""
        users = (self.evaluator | self.evaluator2)[: len(scores)]
        evaluation = self._create_evaluation(evaluators=users)
        evaluation.with_user(self.legal).action_start_scoring()
        for user, score in zip(users, scores, strict=True):
            self._score(evaluation, user, score)
        if close:
            evaluation.with_user(self.legal).action_close()
        return evaluation
