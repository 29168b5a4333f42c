from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Policy of the regulations: one block per slice, each field with its rule ID in
    # the help and the seed's value as default.
    cr_tier_currency_id = fields.Many2one(
        "res.currency",
        string="Tier Currency",
        default=lambda self: self.env.ref("base.CNY", raise_if_not_found=False),
        help="000/R-CR-01..04: the currency of the tier bands (yuan).",
    )

    # --- cr-care
    cr_survey_satisfaction_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction Questionnaire",
        help="003/HR-D19-1, 004/R10-8: the questionnaire (《顾客满意度调查表》) of "
        "periodic, annual and ad hoc satisfaction surveys.",
    )
    cr_survey_closure_id = fields.Many2one(
        "survey.survey",
        string="After-Closure Questionnaire",
        help="004 W7, CR-6: the return-visit questionnaire sent to the client's "
        "contact once a desk request is closed; empty: none is sent.",
    )
    cr_survey_new_year_id = fields.Many2one(
        "survey.survey",
        string="Next-Year Demand Questionnaire",
        help="000/R-CR-20: the next-year demand survey sent with the New-Year "
        "greetings to every client, new and old.",
    )
    cr_survey_new_year_month = fields.Integer(
        string="New-Year Survey Month",
        default=12,
        help="000/R-CR-20: every December the customer service department sends "
        "New-Year greetings to all clients and asks their next-year demand plan.",
    )
    cr_survey_annual_month = fields.Integer(
        string="Annual Satisfaction Survey Month",
        default=12,
        help="003/HR-D19-1: the satisfaction survey is run once a year (the seed "
        "gives no month); the campaign is created in this month.",
    )
    cr_survey_quality_department_id = fields.Many2one(
        "hr.department",
        string="Quality Management Department",
        help="003/HR-D19-1: the annual survey summary is reported to the general "
        "manager with a copy to this department.",
    )
    cr_gift_approval_amount = fields.Monetary(
        string="Gift Approval Above",
        currency_field="cr_tier_currency_id",
        default=0.0,
        help="000/E-CR-14, 002/E35: a gift or hospitality worth more than this is "
        "approved by a supervisor; at or below it, it is approved on submission "
        "(the seeds give no amount: 0 sends every gift to approval). Cash and cash "
        "equivalents are refused at any amount.",
    )
    cr_care_action_days = fields.Integer(
        string="Care Action Days",
        default=5,
        help="004 CR-7, S14: the working days after its planned date within which a "
        "key-client care action is done (the seeds give no period).",
    )

    def _cr_care_default_surveys(self):
        """Give every company without them the shipped questionnaires."""
        defaults = {
            "cr_survey_satisfaction_id": "client_relations.survey_cr_satisfaction",
            "cr_survey_closure_id": "client_relations.survey_cr_return_visit",
            "cr_survey_new_year_id": "client_relations.survey_cr_new_year",
        }
        for field, xmlid in defaults.items():
            survey = self.env.ref(xmlid, raise_if_not_found=False)
            if survey:
                self.search([(field, "=", False)]).write({field: survey.id})
