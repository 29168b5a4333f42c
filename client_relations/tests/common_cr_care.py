from datetime import date

from .common import ClientRelationsCommon


class CrCareCommon(ClientRelationsCommon):
    """A Diamond key client, budgets for the department, the shipped
    questionnaires."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client.cr_tier_id = cls.tier_diamond
        cls.other_client.cr_tier_id = cls.tier_gold
        cls.survey = cls.env.ref("client_relations.survey_cr_satisfaction")
        cls.closure_survey = cls.env.ref("client_relations.survey_cr_return_visit")
        cls.company.cr_survey_satisfaction_id = cls.survey
        cls.company.cr_survey_closure_id = cls.closure_survey
        cls.company.cr_survey_new_year_id = cls.env.ref(
            "client_relations.survey_cr_new_year"
        )
        cls.budget = cls.env["cr.gift.budget"].create(
            {"year": 2026, "department_id": cls.department.id, "amount": 5000}
        )
        cls.other_budget = cls.env["cr.gift.budget"].create(
            {"year": 2026, "department_id": cls.other_department.id, "amount": 5000}
        )

    def _gift(self, user=None, **vals):
        values = {
            "partner_id": self.client.id,
            "recipient_id": self.contact.id,
            "kind": "gift",
            "description": "Tea set with the company logo",
            "value": 300,
            "date": date(2026, 9, 20),
            "budget_id": self.budget.id,
            "department_id": self.department.id,
        }
        values.update(vals)
        Gift = self.env["cr.gift"]
        if user:
            Gift = Gift.with_user(user)
        return Gift.create(values)

    def _answer(self, campaign_or_survey, client, contact, picks, when):
        """A completed answer: ``picks`` is the suggestion index per question."""
        survey = getattr(campaign_or_survey, "survey_id", campaign_or_survey)
        questions = survey.question_ids.filtered(
            lambda q: q.question_type == "simple_choice"
        )
        answer = (
            self.env["survey.user_input"]
            .sudo()
            .create(
                {
                    "survey_id": survey.id,
                    "partner_id": contact.id,
                    "cr_partner_id": client.id,
                    "cr_tier_id": client.cr_tier_id.id,
                    "cr_company_id": self.company.id,
                    "cr_campaign_id": campaign_or_survey.id
                    if campaign_or_survey._name == "cr.survey.campaign"
                    else False,
                    "cr_date_sent": when,
                    "predefined_question_ids": [(6, 0, survey.question_ids.ids)],
                }
            )
        )
        for question, pick in zip(questions, picks, strict=False):
            self.env["survey.user_input.line"].sudo().create(
                {
                    "user_input_id": answer.id,
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": question.suggested_answer_ids[pick].id,
                }
            )
        answer.write({"state": "done", "end_datetime": f"{when} 10:00:00"})
        return answer

    def _trigger(self, xmlid):
        cron = self.env.ref(xmlid)
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
