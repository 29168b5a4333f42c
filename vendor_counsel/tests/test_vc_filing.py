from datetime import date, datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common_vc_engagements import VcEngagementsCommon


@tagged("post_install", "-at_install")
class TestVcFiling(VcEngagementsCommon):
    def _due(self, engagement):
        engagement.invalidate_recordset(["filing_due", "renewal_due"])
        return engagement.filing_due

    def test_r_vc_09_filing_due_across_national_day(self):
        """000/R-VC-09: signed 2026-09-29, the filing is due 12 working days later
        on China's 2026 calendar, across National Day and its make-up Saturday:
        2026-10-21 17:00 in Shanghai (09:00 UTC)."""
        engagement = self._sign(self._complete_engagement(), date(2026, 9, 29))
        self.assertEqual(self._due(engagement), datetime(2026, 10, 21, 9, 0))
        self.assertEqual(engagement.filing_working_days, 12)

    def test_r_vc_09_setting_changes_due(self):
        """000/R-VC-09: the working days come from the company setting."""
        self.company.vc_filing_working_days = 5
        engagement = self._sign(self._complete_engagement(), date(2026, 9, 29))
        self.assertEqual(engagement.filing_working_days, 5)
        # 9-30, 10-8, 10-9, 10-10 (make-up Saturday), 10-12
        self.assertEqual(self._due(engagement), datetime(2026, 10, 12, 9, 0))

    def test_r_vc_09_on_time_and_late(self):
        """000/R-VC-09, 000/C-VC-1: a filing submitted on the due day is on time and
        meets the deadline; one day later it is flagged late."""
        with freeze_time("2026-09-29 06:00:00"):
            on_time = self._sign(self._complete_engagement(), date(2026, 9, 29))
            late = self._sign(self._complete_engagement(), date(2026, 9, 29))
        with freeze_time("2026-10-21 08:00:00"):
            filing = self._file(on_time)
            self.env.flush_all()
        with freeze_time("2026-10-22 08:00:00"):
            late_filing = self._file(late)
            self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(filing.timeliness, "on_time")
        self.assertFalse(filing.is_late)
        self.assertEqual(on_time.date_filed, date(2026, 10, 21))
        self.assertEqual(late_filing.timeliness, "late")
        self.assertTrue(late_filing.is_late)
        timer = on_time.deadline_timer_ids.filtered(
            lambda t: t.rule_id
            == self.env.ref("vendor_counsel.rule_vc_engagement_filing")
        )
        self.assertEqual(timer.state, "met")

    def _file(self, engagement, user=None):
        user = user or self.requester
        action = engagement.with_user(user).action_create_filing()
        filing = self.env["vc.filing"].browse(action["res_id"])
        filing.with_user(user).action_submit()
        return filing

    def test_a_13_filing_required_by_company(self):
        """000/A-13: a subsidiary always files; the parent only when its setting
        says so (no filing timer otherwise)."""
        self.company.vc_filing_required_parent = False
        parent_engagement = self._sign(self._complete_engagement())
        self.assertFalse(parent_engagement.filing_required)
        self.assertFalse(self._due(parent_engagement))
        subsidiary = self.env["res.company"].create(
            {"name": "Subsidiary Co", "parent_id": self.company.id}
        )
        sub_engagement = self._create_engagement(company_id=subsidiary.id)
        self.assertTrue(sub_engagement.filing_required)
        self.company.vc_filing_required_parent = True
        self.assertTrue(parent_engagement.filing_required)

    def test_r_vc_25_six_items_prefilled(self):
        """000/R-VC-25: the form is prefilled with the six items; fee amount or
        charging ratio, exactly one."""
        engagement = self._sign(self._complete_engagement())
        action = engagement.with_user(self.requester).action_create_filing()
        filing = self.env["vc.filing"].browse(action["res_id"])
        self.assertEqual(filing.company_id, self.company)
        self.assertEqual(filing.firm_id, self.firm)
        self.assertEqual(filing.lawyer_ids, self.lawyer)
        self.assertEqual(filing.subject, engagement.subject)
        self.assertEqual(filing.fee_amount, 20000)
        self.assertFalse(filing.fee_ratio)
        self.assertEqual(
            (filing.date_start, filing.date_end),
            (date(2026, 10, 1), date(2026, 12, 31)),
        )
        with self.assertRaisesRegex(ValidationError, "R-VC-25"):
            self.env["vc.filing"].create(
                dict(engagement._prepare_filing_vals(), fee_ratio=5)
            )
        filing.fee_amount = 0
        with self.assertRaisesRegex(UserError, "Fee amount or charging ratio"):
            filing.with_user(self.requester).action_submit()
        filing.fee_ratio = 5
        filing.with_user(self.requester).action_submit()
        self.assertEqual(filing.state, "submitted")
        contingency = self._complete_engagement(
            fee_type="contingency", fee_ratio=8, fee_amount=0
        )
        self._sign(contingency)
        values = contingency._prepare_filing_vals()
        self.assertEqual((values["fee_amount"], values["fee_ratio"]), (0.0, 8))

    def test_filing_guards(self):
        """Submit, accept, return: each refuses the wrong state or user; a return
        needs its reason; a returned filing is submitted again."""
        engagement = self._sign(self._complete_engagement())
        filing = self._file(engagement)
        with self.assertRaises(UserError):
            filing.with_user(self.requester).action_submit()
        with self.assertRaises(ValidationError):
            filing.with_user(self.requester).action_accept()
        with self.assertRaisesRegex(UserError, "reason"):
            filing.with_user(self.legal).action_return()
        filing.with_user(self.legal).return_reason = "Lawyer licence missing"
        filing.with_user(self.legal).action_return()
        self.assertEqual(filing.state, "returned")
        with self.assertRaises(UserError):
            filing.with_user(self.legal).action_accept()
        filing.with_user(self.requester).action_submit()
        filing.with_user(self.legal).action_accept()
        self.assertEqual(filing.state, "accepted")
        self.assertEqual(filing.accepted_by_id, self.legal)
        draft = self._complete_engagement()
        with self.assertRaises(UserError):
            draft.action_create_filing()

    def test_c_vc_2_renewal_notice(self):
        """000/C-VC-2: a retained counsel's renewal decision is due N calendar days
        (setting, 30) before its term ends; renewing meets it."""
        engagement = self._sign(
            self._complete_engagement(
                engagement_type="retained", date_start=date(2026, 10, 1)
            )
        )
        self.assertEqual(engagement.renewal_notice_date, date(2027, 8, 31))
        engagement.invalidate_recordset(["renewal_due"])
        # the end of 2027-08-31 in Shanghai
        self.assertEqual(engagement.renewal_due, datetime(2027, 8, 31, 16, 0))
        rule = self.env.ref("vendor_counsel.rule_vc_engagement_renewal")
        timer = engagement.deadline_timer_ids.filtered(lambda t: t.rule_id == rule)
        self.assertEqual(timer.state, "running")
        engagement.with_user(self.legal).action_renew()
        self.env.flush_all()
        self.assertEqual(timer.state, "met")
        self.company.vc_renewal_notice_days = 60
        other = self._complete_engagement(
            engagement_type="retained", date_start=date(2026, 10, 1)
        )
        self.assertEqual(other.renewal_notice_date, date(2027, 8, 1))
        special = self._complete_engagement(engagement_type="special")
        self.assertFalse(special.renewal_notice_date)

    def test_c_vc_2_no_renewal_meets(self):
        """000/C-VC-2: deciding not to renew also closes the reminder."""
        engagement = self._sign(
            self._complete_engagement(
                engagement_type="retained", date_start=date(2026, 10, 1)
            )
        )
        rule = self.env.ref("vendor_counsel.rule_vc_engagement_renewal")
        engagement.with_user(self.legal).no_renewal = True
        self.env.flush_all()
        timer = engagement.deadline_timer_ids.filtered(lambda t: t.rule_id == rule)
        self.assertEqual(timer.state, "met")

    def test_timeliness_report_query_count(self):
        """003/HR-D15-8: the on-time report (by month and unit) is one grouped
        query whatever the number of filings."""
        engagement = self._sign(self._complete_engagement())
        self._file(engagement)
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            small = self.env["vc.filing"]._vc_filing_timeliness()
        for _i in range(4):
            self._file(self._sign(self._complete_engagement()))
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            large = self.env["vc.filing"]._vc_filing_timeliness()
        self.assertEqual(sum(small.values()), 1)
        self.assertEqual(sum(large.values()), 5)

    def test_report_renders(self):
        """The 《外聘律师备案登记表》 prints with its six items."""
        engagement = self._sign(self._complete_engagement())
        filing = self._file(engagement)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "vendor_counsel.action_report_vc_filing", filing.ids
        )
        html = html.decode()
        self.assertIn("外聘律师备案登记表", html)
        self.assertIn(self.firm.name, html)
        self.assertIn(self.lawyer.vc_licence_number, html)

    def test_c_vc_1_overdue_escalation(self):
        """000/C-VC-1: the day after the due time with no filing, the sweep schedules
        an activity for the responsible (legal) and notes the legal department;
        a second sweep adds nothing."""
        with freeze_time("2026-09-29 06:00:00"):
            engagement = self._sign(self._complete_engagement(), date(2026, 9, 29))
        cron = self.env.ref("business_deadline.ir_cron_business_deadline_timer_sweep")
        with freeze_time("2026-10-21 08:00:00"):
            self._trigger(cron)
        self.assertFalse(engagement.activity_ids)
        with freeze_time("2026-10-22 02:00:00"):
            self._trigger(cron)
            self._trigger(cron)
        self.assertEqual(len(engagement.activity_ids), 1)
        self.assertEqual(engagement.activity_ids.user_id, self.legal)
        self.assertEqual(engagement.deadline_state, "breached")

    def test_c_vc_2_renewal_reminder_fires(self):
        """000/C-VC-2: at the end of the notice day (30 days before the term ends)
        the responsible gets the renewal activity, once; not the day before."""
        self.company.vc_filing_required_parent = False
        with freeze_time("2026-09-29 06:00:00"):
            engagement = self._sign(
                self._complete_engagement(
                    engagement_type="retained", date_start=date(2026, 10, 1)
                )
            )
        cron = self.env.ref("business_deadline.ir_cron_business_deadline_timer_sweep")
        with freeze_time("2027-08-31 10:00:00"):
            self._trigger(cron)
        self.assertFalse(engagement.activity_ids)
        with freeze_time("2027-09-01 02:00:00"):
            self._trigger(cron)
            self._trigger(cron)
        self.assertEqual(len(engagement.activity_ids), 1)
        self.assertEqual(engagement.activity_ids.user_id, self.legal)
