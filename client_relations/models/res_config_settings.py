from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cr_tier_currency_id = fields.Many2one(
        related="company_id.cr_tier_currency_id", readonly=False
    )

    # --- cr-care
    cr_survey_satisfaction_id = fields.Many2one(
        related="company_id.cr_survey_satisfaction_id", readonly=False
    )
    cr_survey_closure_id = fields.Many2one(
        related="company_id.cr_survey_closure_id", readonly=False
    )
    cr_survey_new_year_id = fields.Many2one(
        related="company_id.cr_survey_new_year_id", readonly=False
    )
    cr_survey_new_year_month = fields.Integer(
        related="company_id.cr_survey_new_year_month", readonly=False
    )
    cr_survey_annual_month = fields.Integer(
        related="company_id.cr_survey_annual_month", readonly=False
    )
    cr_survey_quality_department_id = fields.Many2one(
        related="company_id.cr_survey_quality_department_id", readonly=False
    )
    cr_gift_approval_amount = fields.Monetary(
        related="company_id.cr_gift_approval_amount",
        currency_field="cr_tier_currency_id",
        readonly=False,
    )
    cr_care_action_days = fields.Integer(
        related="company_id.cr_care_action_days", readonly=False
    )
