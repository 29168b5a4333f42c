from odoo import api, fields, models


class SurveyUserInput(models.Model):
    """An answer to a client-relations questionnaire is linked to the client, and to
    the desk request or the campaign that sent it (issue 11 item 5)."""

    _inherit = "survey.user_input"

    cr_partner_id = fields.Many2one(
        "res.partner", string="Client", index="btree_not_null", readonly=True
    )
    cr_request_id = fields.Many2one(
        "cr.request", string="Service Request", index="btree_not_null", readonly=True
    )
    cr_campaign_id = fields.Many2one(
        "cr.survey.campaign",
        string="Survey Campaign",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
    )
    cr_company_id = fields.Many2one("res.company", string="Company")
    cr_tier_id = fields.Many2one(
        "cr.tier",
        string="Tier When Sent",
        readonly=True,
        help="The client's revenue tier when the survey was sent.",
    )
    cr_department_id = fields.Many2one(
        related="cr_partner_id.cr_department_id", store=True, string="Department"
    )
    cr_owner_id = fields.Many2one(
        related="cr_partner_id.cr_owner_id", store=True, string="Account Owner"
    )
    cr_date_sent = fields.Date(string="Sent On", readonly=True)
    cr_date = fields.Date(
        string="Survey Date",
        compute="_compute_cr_date",
        store=True,
        help="The day the client answered, else the day the survey was sent.",
    )
    cr_csat = fields.Float(
        string="CSAT (%)",
        compute="_compute_cr_csat",
        store=True,
        aggregator="avg",
        help="The answer's score in percent (completed answers only).",
    )

    @api.depends("end_datetime", "cr_date_sent", "create_date")
    def _compute_cr_date(self):
        for answer in self:
            if answer.end_datetime:
                answer.cr_date = answer.end_datetime.date()
            elif answer.cr_date_sent:
                answer.cr_date = answer.cr_date_sent
            else:
                answer.cr_date = answer.create_date and answer.create_date.date()

    @api.depends("state", "scoring_percentage")
    def _compute_cr_csat(self):
        for answer in self:
            answer.cr_csat = answer.scoring_percentage if answer.state == "done" else 0
