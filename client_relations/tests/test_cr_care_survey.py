from datetime import date

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common_cr_care import CrCareCommon


@tagged("post_install", "-at_install")
class TestCrCareSurvey(CrCareCommon):
    def test_settings_defaults(self):
        """The survey months default to December (000/R-CR-20, 003/HR-D19-1) and the
        shipped questionnaires are the company's."""
        company = self.env["res.company"].create({"name": "New Co (care)"})
        self.assertEqual(company.cr_survey_new_year_month, 12)
        self.assertEqual(company.cr_survey_annual_month, 12)
        self.assertEqual(company.cr_gift_approval_amount, 0)
        self.assertEqual(company.cr_care_action_days, 5)
        self.assertEqual(self.tier_diamond.survey_interval_months, 3)
        self.assertEqual(self.tier_gold.survey_interval_months, 12)
        self.assertEqual(self.survey.access_mode, "token")
        self.assertEqual(self.survey.scoring_type, "scoring_without_answers")

    @freeze_time("2026-03-10")
    def test_periodic_surveys_on_tier_cadence(self):
        """004/R10-8, 004/S11: the periodic survey goes to each client on its tier's
        cadence through a token link to the contact; the cron is idempotent and a
        changed cadence takes effect."""
        self._trigger("client_relations.ir_cron_cr_survey_periodic")
        Answer = self.env["survey.user_input"]
        answers = Answer.search([("cr_partner_id", "=", self.client.id)])
        self.assertEqual(answers.partner_id, self.contact)
        self.assertTrue(answers.access_token)
        self.assertTrue(answers.invite_token)
        self.assertEqual(answers.cr_tier_id, self.tier_diamond)
        self.assertEqual(answers.cr_campaign_id.kind, "periodic")
        self.assertEqual(answers.cr_campaign_id.state, "in_progress")
        self.assertIn("/survey/start/", answers.get_start_url())
        # idempotent: nothing new the same day
        self._trigger("client_relations.ir_cron_cr_survey_periodic")
        self.assertEqual(
            Answer.search_count([("cr_partner_id", "=", self.client.id)]), 1
        )
        # three months later (Diamond: every 3 months) the client is due again
        with freeze_time("2026-06-10"):
            self._trigger("client_relations.ir_cron_cr_survey_periodic")
        self.assertEqual(
            Answer.search_count([("cr_partner_id", "=", self.client.id)]), 2
        )
        # a tier without cadence gets no periodic survey
        self.tier_gold.survey_interval_months = 0
        with freeze_time("2027-06-10"):
            self._trigger("client_relations.ir_cron_cr_survey_periodic")
        self.assertEqual(
            Answer.search_count(
                [
                    ("cr_partner_id", "=", self.other_client.id),
                    ("cr_date", ">=", date(2027, 1, 1)),
                ]
            ),
            0,
        )

    def test_after_closure(self):
        """A closed desk request sends the return-visit questionnaire to its contact
        once (004/CR-6: the survey is mailed on the basis of the service register)."""
        request = self.env["cr.request"].create(
            {
                "subject": "Printer fault",
                "partner_id": self.client.id,
                "contact_id": self.contact.id,
            }
        )
        request.write({"state": "closed"})
        request._cr_after_close()
        answer = self.env["survey.user_input"].search(
            [("cr_request_id", "=", request.id)]
        )
        self.assertEqual(answer.survey_id, self.closure_survey)
        self.assertEqual(answer.cr_partner_id, self.client)
        self.assertEqual(answer.cr_campaign_id.kind, "closure")
        request._cr_after_close()
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("cr_request_id", "=", request.id)]
            ),
            1,
        )
        # no questionnaire set: nothing is sent
        self.company.cr_survey_closure_id = False
        other = self.env["cr.request"].create(
            {
                "subject": "Another fault",
                "partner_id": self.client.id,
                "contact_id": self.contact.id,
            }
        )
        other.write({"state": "closed"})
        other._cr_after_close()
        self.assertFalse(
            self.env["survey.user_input"].search([("cr_request_id", "=", other.id)])
        )

    @freeze_time("2026-12-01")
    def test_yearly_campaigns_once(self):
        """003/HR-D19-1, 003/S5 and 000/R-CR-20, 000/E-CR-13: in December the annual
        satisfaction survey
        and the New-Year greeting with the next-year demand survey are created once,
        for all clients, reported to the general manager with a copy to quality."""
        self.env["cr.survey.campaign"].search([]).unlink()
        quality = self.env["hr.department"].create({"name": "Quality (test)"})
        self.company.cr_survey_quality_department_id = quality
        self._trigger("client_relations.ir_cron_cr_survey_yearly")
        Campaign = self.env["cr.survey.campaign"]
        annual = Campaign.search([("kind", "=", "annual"), ("year", "=", 2026)])
        new_year = Campaign.search([("kind", "=", "new_year"), ("year", "=", 2026)])
        self.assertEqual(len(annual), 1)
        self.assertEqual(len(new_year), 1)
        self.assertIn(self.client, new_year.partner_ids)
        self.assertIn(self.other_client, new_year.partner_ids)
        self.assertEqual(annual.cc_department_id, quality)
        self.assertIn(self.manager, annual.report_user_ids)
        self.assertEqual(annual.state, "planned")
        self._trigger("client_relations.ir_cron_cr_survey_yearly")
        self.assertEqual(
            Campaign.search_count([("kind", "in", ("annual", "new_year"))]), 2
        )

    @freeze_time("2026-11-02")
    def test_yearly_campaign_month_setting(self):
        """003/HR-D19-1: the month of the annual survey is a company setting: none
        in November by default, created once it is set to November."""
        self.env["cr.survey.campaign"].search([]).unlink()
        self._trigger("client_relations.ir_cron_cr_survey_yearly")
        Campaign = self.env["cr.survey.campaign"]
        self.assertFalse(Campaign.search([("kind", "=", "annual")]))
        self.company.cr_survey_annual_month = 11
        self._trigger("client_relations.ir_cron_cr_survey_yearly")
        self.assertEqual(len(Campaign.search([("kind", "=", "annual")])), 1)
        self.assertFalse(Campaign.search([("kind", "=", "new_year")]))

    def test_campaign_flow(self):
        """003/W7, 004/W7: planned, in progress, summarized, reported to the general
        manager;
        004/R10-8: an ad hoc survey is run by customer service only."""
        campaign = self.env["cr.survey.campaign"].create(
            {
                "name": "Ad hoc opinion survey",
                "kind": "adhoc",
                "survey_id": self.survey.id,
                "partner_ids": [(6, 0, (self.client | self.other_client).ids)],
            }
        )
        with self.assertRaises(UserError):
            campaign.with_user(self.owner).action_start()
        with self.assertRaises(UserError):
            campaign.with_user(self.service).action_summarize()
        campaign.with_user(self.service).action_start()
        self.assertEqual(campaign.state, "in_progress")
        self.assertEqual(campaign.invited_count, 2)
        invitation = campaign.user_input_ids.filtered(
            lambda a: a.cr_partner_id == self.client
        )
        invitation.write({"state": "done"})
        self._answer(campaign, self.client, self.contact, [0] * 7, date(2026, 3, 2))
        campaign.invalidate_recordset()
        self.assertEqual(campaign.answered_count, 2)
        campaign.with_user(self.service).action_summarize()
        self.assertEqual(campaign.state, "summarized")
        self.assertIn("CSAT", campaign.summary)
        with self.assertRaises(UserError):
            campaign.with_user(self.service).action_report()
        campaign.report_user_ids = self.manager
        campaign.with_user(self.service).action_report()
        self.assertEqual(campaign.state, "reported")
        self.assertIn(
            self.manager.partner_id,
            campaign.message_ids[0].partner_ids,
        )

    def test_campaign_without_clients(self):
        """A campaign without clients cannot start (004/R10-8)."""
        campaign = self.env["cr.survey.campaign"].create(
            {"name": "Empty", "survey_id": self.survey.id}
        )
        with self.assertRaises(UserError):
            campaign.with_user(self.service).action_start()
        self.assertEqual(campaign.state, "planned")

    def test_csat_by_client_tier_month_and_trend(self):
        """CSAT per client, tier and month from the answers' scores, with the trend
        (004/CR-6, 002/E39: the satisfaction rate)."""
        self._answer(self.survey, self.client, self.contact, [3] * 7, date(2026, 1, 5))
        self._answer(self.survey, self.client, self.contact, [0] * 7, date(2026, 6, 5))
        self._answer(
            self.survey,
            self.other_client,
            self.other_contact,
            [1] * 7,
            date(2026, 6, 8),
        )
        Report = self.env["cr.csat.report"]
        rows = Report._read_group(
            [("partner_id", "in", (self.client | self.other_client).ids)],
            ["tier_id", "date:month"],
            ["csat:avg", "__count"],
        )
        by_key = {
            (tier, month.month): (csat, count) for tier, month, csat, count in rows
        }
        self.assertEqual(by_key[(self.tier_diamond, 1)], (0.0, 1))
        self.assertEqual(by_key[(self.tier_diamond, 6)], (100.0, 1))
        self.assertEqual(by_key[(self.tier_gold, 6)], (80.0, 1))
        trend = Report._cr_trend(self.client | self.other_client, date(2026, 7, 31))
        self.assertEqual(trend[self.client][2], "up")
        self.assertEqual(trend[self.other_client][2], "new")

    def test_csat_query_count_constant(self):
        """The CSAT trend of many clients costs the same queries as of a few."""
        Report = self.env["cr.csat.report"]
        clients = self.env["res.partner"].create(
            [
                {"name": f"Client {i}", "is_company": True, "cr_is_client": True}
                for i in range(6)
            ]
        )
        for client in clients:
            contact = self.env["res.partner"].create(
                {"name": f"Contact {client.name}", "parent_id": client.id}
            )
            self._answer(self.survey, client, contact, [1] * 7, date(2026, 5, 1))
        self.env.flush_all()
        Report._cr_trend(clients[:2], date(2026, 6, 30))
        with self.assertQueryCount(2):
            Report._cr_trend(clients[:2], date(2026, 6, 30))
        with self.assertQueryCount(2):
            Report._cr_trend(clients, date(2026, 6, 30))

    def test_reports_render_with_chinese_titles(self):
        """000/E-CR-9 《顾客满意度调查表》 and 000/E-CR-14 《赠送礼品预算申请表》 print
        with their Chinese titles."""
        campaign = self.env["cr.survey.campaign"].create(
            {"name": "Annual 2026", "kind": "adhoc", "survey_id": self.survey.id}
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "client_relations.report_cr_survey_campaign", campaign.ids
            )[0]
            .decode()
        )
        self.assertIn("顾客满意度调查表", html)
        self.assertIn("Annual 2026", html)
        # an owner prints it too, with their own clients' answers only
        campaign.partner_ids = self.client | self.other_client
        campaign.with_user(self.service).action_start()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.owner)
            ._render_qweb_html(
                "client_relations.report_cr_survey_campaign", campaign.ids
            )[0]
            .decode()
        )
        self.assertIn(self.client.name, html)
        self.assertNotIn(self.other_client.name, html)
        gift = self._gift()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("client_relations.report_cr_gift", gift.ids)[0]
            .decode()
        )
        self.assertIn("赠送礼品预算申请表", html)
        self.assertIn(gift.name, html)
