from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common_vc_engagements import VcEngagementsCommon


@tagged("post_install", "-at_install")
class TestVcEngagement(VcEngagementsCommon):
    def test_settings_defaults(self):
        """Every number of the rules is a company setting with the seed's default."""
        company = self.env["res.company"].create({"name": "Fresh Co"})
        self.assertEqual(company.vc_retained_term_months, 12)
        self.assertEqual(company.vc_filing_working_days, 12)
        self.assertFalse(company.vc_filing_required_parent)
        self.assertEqual(company.vc_renewal_notice_days, 30)
        self.assertEqual(company.vc_chairman_threshold, 30000)
        self.assertFalse(company.vc_company_assets)
        self.assertEqual(company.vc_board_asset_divisor, 3)
        self.assertEqual(company.vc_selfcheck_months, 3)

    def test_r_vc_03_missing_elements_block_signing(self):
        """000/R-VC-03: signing is refused while a mandatory element is missing, and
        the error lists them; with all of them the contract signs."""
        engagement = self._complete_engagement(
            dispute_resolution=False, confidentiality_clause=""
        )
        self.assertFalse(engagement.elements_complete)
        self.assertIn("Dispute resolution", engagement.missing_elements)
        self._to_review(engagement)
        self._approve(engagement)
        engagement.with_user(self.legal).date_signed = date(2026, 9, 29)
        with self.assertRaisesRegex(UserError, "Confidentiality clause") as error:
            engagement.with_user(self.legal).action_sign()
        self.assertIn("Dispute resolution", str(error.exception))
        self.assertEqual(engagement.state, "review")
        # the approved content is locked: back to draft to complete it
        with self.assertRaises(ValidationError):
            engagement.with_user(self.legal).write(
                {"confidentiality_clause": "Keep secrets"}
            )
        engagement.with_user(self.legal).action_reset_draft()
        engagement.with_user(self.legal).write(
            {"confidentiality_clause": "Keep secrets"}
        )
        # one element missing is enough to refuse
        self._to_review(engagement)
        self._approve(engagement)
        with self.assertRaisesRegex(UserError, "Dispute resolution"):
            engagement.with_user(self.legal).action_sign()
        engagement.with_user(self.legal).action_reset_draft()
        engagement.with_user(self.legal).write({"dispute_resolution": "Court"})
        self._to_review(engagement)
        self._approve(engagement)
        engagement.with_user(self.legal).action_sign()
        self.assertEqual(engagement.state, "signed")

    def test_r_vc_03_lawyer_licence_and_fees(self):
        """000/R-VC-03 (D7 第十二条): lawyers with their licence numbers and the fee
        (amount, or ratio for a contingency fee) are elements too."""
        self.lawyer2.vc_licence_number = False
        engagement = self._complete_engagement(
            lawyer_ids=[(6, 0, (self.lawyer | self.lawyer2).ids)]
        )
        self.assertIn("licence", engagement.missing_elements)
        engagement.lawyer_ids = self.lawyer
        self.assertTrue(engagement.elements_complete)
        engagement.write({"fee_type": "contingency", "fee_amount": 0})
        self.assertIn("Fee ratio", engagement.missing_elements)
        engagement.fee_ratio = 8
        self.assertTrue(engagement.elements_complete)
        engagement.write({"fee_type": "fixed", "fee_amount": 0})
        self.assertIn("Fee amount", engagement.missing_elements)

    def test_r_vc_04_a_5_r_vc_16_retained_term(self):
        """000/R-VC-04, 000/A-5, 000/R-VC-16: a retained counsel's term defaults to 12
        months from its start; a longer term (R-VC-16: more than a year) only
        warns and still signs; the setting changes the default."""
        engagement = self._complete_engagement(
            engagement_type="retained", date_start=date(2026, 10, 1)
        )
        self.assertEqual(engagement.date_end, date(2027, 9, 30))
        self.assertFalse(engagement.term_warning)
        engagement.date_end = date(2027, 10, 1)  # one day past a year
        self.assertIn("12 months", engagement.term_warning)
        self._sign(engagement)
        self.assertEqual(engagement.state, "signed")
        self.company.vc_retained_term_months = 24
        other = self._complete_engagement(
            engagement_type="retained", date_start=date(2026, 10, 1)
        )
        self.assertEqual(other.date_end, date(2028, 9, 30))
        other.date_end = date(2028, 10, 1)
        self.assertIn("24 months", other.term_warning)

    def test_r_vc_07_fixed_fee_for_retained(self):
        """000/R-VC-07: a retained counsel is paid a fixed fee by default; another fee
        type needs a reason; a special matter needs none."""
        engagement = self._complete_engagement(engagement_type="retained")
        self.assertEqual(engagement.fee_type, "fixed")
        with self.assertRaisesRegex(ValidationError, "R-VC-07"):
            engagement.fee_type = "hourly"
        engagement.write({"fee_type": "hourly", "fee_type_reason": "Litigation load"})
        self.assertEqual(engagement.fee_type, "hourly")
        special = self._complete_engagement(engagement_type="special")
        special.fee_type = "contingency"
        self.assertEqual(special.fee_type, "contingency")

    def test_hr_d12_1_2_chairman_threshold(self):
        """003/HR-D12-1, 003/HR-D12-2: up to 30,000 the general manager approves; above
        it the chairman too; the threshold is a setting."""
        at = self._complete_engagement(fee_amount=30000)
        above = self._complete_engagement(fee_amount=30000.01)
        below = self._complete_engagement(fee_amount=29999)
        self.assertEqual(at.approval_level, "gm")
        self.assertEqual(below.approval_level, "gm")
        self.assertEqual(above.approval_level, "chairman")
        self._to_review(above)
        above.with_user(self.legal).request_validation()
        self.assertEqual(
            above.review_ids.sorted("sequence").mapped("reviewer_ids"),
            self.gm | self.chairman,
        )
        self.company.vc_chairman_threshold = 50000
        later = self._complete_engagement(fee_amount=30000.01)
        self.assertEqual(later.approval_level, "gm")

    def test_hr_d12_3_board_above_asset_fraction(self):
        """003/HR-D12-3: above 1/3 of the company's assets the board approves; no
        board tier while the assets are not set."""
        self.assertEqual(
            self._complete_engagement(fee_amount=10**9).approval_level, "chairman"
        )
        self.company.vc_company_assets = 90000
        self.assertEqual(
            self._complete_engagement(fee_amount=30000).approval_level, "gm"
        )
        board = self._complete_engagement(fee_amount=30000.01)
        self.assertEqual(board.approval_level, "board")
        self._to_review(board)
        board.with_user(self.legal).request_validation()
        self.assertEqual(len(board.review_ids), 3)
        self.company.vc_board_asset_divisor = 2
        self.assertEqual(
            self._complete_engagement(fee_amount=45000).approval_level, "chairman"
        )

    def test_hr_d12_4_7_gm_always_first(self):
        """003/HR-D12-4, 003/HR-D12-7: every contract passes the general manager, who
        reviews before the chairman; signing waits for the approval."""
        engagement = self._complete_engagement(fee_amount=1000)
        self._to_review(engagement)
        engagement.with_user(self.legal).date_signed = date(2026, 9, 29)
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_sign()
        engagement.with_user(self.legal).request_validation()
        self.assertEqual(engagement.review_ids.reviewer_ids, self.gm)
        big = self._complete_engagement(fee_amount=40000)
        self._to_review(big)
        big.with_user(self.legal).request_validation()
        first, second = big.review_ids.sorted("sequence")
        self.assertEqual(first.reviewer_ids, self.gm)
        self.assertEqual(second.reviewer_ids, self.chairman)
        self.assertFalse(big.with_user(self.chairman).can_review)
        self.assertTrue(big.with_user(self.gm).can_review)

    def test_hr_d12_4_gm_must_be_configured(self):
        """003/HR-D12-4: without a general manager set, the approval is refused."""
        self.company.vc_gm_user_id = False
        engagement = self._complete_engagement()
        self._to_review(engagement)
        with self.assertRaisesRegex(UserError, "General Manager"):
            engagement.with_user(self.legal).request_validation()

    def test_hr_d12_5_only_legal_signs(self):
        """003/HR-D12-5: only the legal department (the company) handles and signs
        the contracts; a unit's user cannot."""
        engagement = self._complete_engagement()
        with self.assertRaisesRegex(UserError, "HR-D12-5"):
            engagement.with_user(self.requester).action_submit_review()
        self._to_review(engagement)
        self._approve(engagement)
        engagement.with_user(self.legal).date_signed = date(2026, 9, 29)
        with self.assertRaisesRegex(UserError, "HR-D12-5"):
            engagement.with_user(self.requester).action_sign()
        self.assertFalse(engagement.with_user(self.requester).can_sign)
        self.assertTrue(engagement.with_user(self.legal).can_sign)

    def test_hr_d12_6_vetting_before_review(self):
        """003/HR-D12-6: the counterparty is vetted (eligibility) before the
        contract goes to review; a blocking breach refuses it."""
        engagement = self._complete_engagement()
        # a real breach: a penalty of the firm within the last 3 years (000/R-VC-02)
        penalty = self.env["vc.penalty"].create(
            {
                "partner_id": self.firm.id,
                "date": date(2026, 3, 1),
                "kind": "administrative",
                "description": "Fined by the bureau of justice",
            }
        )
        with self.assertRaisesRegex(UserError, "R-VC-02"):
            engagement.with_user(self.legal).action_submit_review()
        penalty.unlink()
        self.assertEqual(engagement.state, "draft")
        engagement.with_user(self.legal).action_submit_review()
        self.assertEqual(engagement.state, "review")

    def test_hr_d12_8_three_criteria(self):
        """003/HR-D12-8: the legal review confirms legality, rigor and feasibility;
        missing ones are listed."""
        engagement = self._complete_engagement()
        engagement.with_user(self.legal).action_submit_review()
        engagement.with_user(self.legal).write(
            {"review_legality": True, "review_rigor": True}
        )
        with self.assertRaisesRegex(UserError, "Feasibility"):
            engagement.with_user(self.legal).action_legal_validate()
        engagement.with_user(self.legal).review_feasibility = True
        engagement.with_user(self.legal).action_legal_validate()
        self.assertEqual(engagement.legal_reviewer_id, self.legal)

    def test_hr_d12_9_supplements(self):
        """003/HR-D12-9: a supplementary agreement belongs to a signed original of
        the same firm, inherits its parties and follows the same rules."""
        original = self._complete_engagement()
        supplement = self._complete_engagement(parent_id=original.id)
        with self.assertRaisesRegex(UserError, "HR-D12-9"):
            supplement.with_user(self.legal).action_submit_review()
        self._sign(original)
        self.assertEqual(supplement.department_id, original.department_id)
        supplement.with_user(self.legal).write({"dispute_resolution": False})
        self._sign_refused_for_missing(supplement)
        other_firm = self.firm.copy({"name": "Other Firm"})
        with self.assertRaisesRegex(ValidationError, "HR-D12-9"):
            self._complete_engagement(parent_id=original.id, firm_id=other_firm.id)
        with self.assertRaisesRegex(ValidationError, "HR-D12-9"):
            self._complete_engagement(parent_id=supplement.id)

    def _sign_refused_for_missing(self, engagement):
        self._to_review(engagement)
        self._approve(engagement)
        engagement.with_user(self.legal).date_signed = date(2026, 10, 9)
        with self.assertRaisesRegex(UserError, "R-VC-03"):
            engagement.with_user(self.legal).action_sign()

    def test_hr_d15_3_counterparty_text_needs_legal_validation(self):
        """003/HR-D15-3: a counterparty's text cannot be signed without the legal
        department's validation; the model text can."""
        engagement = self._complete_engagement(text_source="counterparty")
        self._to_review(engagement)
        self._approve(engagement)
        engagement.with_user(self.legal).date_signed = date(2026, 9, 29)
        with self.assertRaisesRegex(UserError, "HR-D15-3"):
            engagement.with_user(self.legal).action_sign()
        engagement.with_user(self.legal).action_legal_validate()
        engagement.with_user(self.legal).action_sign()
        self.assertEqual(engagement.state, "signed")
        model_text = self._sign(self._complete_engagement(text_source="model"))
        self.assertEqual(model_text.state, "signed")

    def test_hr_d15_4_sequential_number(self):
        """003/HR-D15-4: the legal department numbers the contracts in sequence, at
        its validation (or the signature); drafts have none."""
        first = self._complete_engagement()
        second = self._complete_engagement()
        self.assertEqual(first.name, "/")
        self._to_review(first)
        first.with_user(self.legal).action_legal_validate()
        self._sign(second)
        self.assertTrue(first.name.startswith("WPHT"))
        self.assertGreater(second.name, first.name)
        number = first.name
        self._approve(first)
        first.with_user(self.legal).date_signed = date(2026, 9, 29)
        first.with_user(self.legal).action_sign()
        self.assertEqual(first.name, number)

    def test_hr_d15_5_signatory_authorised(self):
        """003/HR-D15-5: an agent signs only with a power of attorney."""
        engagement = self._complete_engagement(
            signatory_kind="agent", signatory_name="Deputy Li"
        )
        self._to_review(engagement)
        self._approve(engagement)
        engagement.with_user(self.legal).date_signed = date(2026, 9, 29)
        with self.assertRaisesRegex(UserError, "HR-D15-5"):
            engagement.with_user(self.legal).action_sign()
        engagement.with_user(self.legal).power_of_attorney = "POA-2026-07"
        engagement.with_user(self.legal).action_sign()
        self.assertEqual(engagement.state, "signed")

    def test_hr_d15_6_major_contract_joint_review(self):
        """003/HR-D15-6: a major contract gets the joint review tier (general
        counsel) before the general manager; a plain one does not."""
        major = self._complete_engagement(is_major=True)
        self._to_review(major)
        major.with_user(self.legal).request_validation()
        first = major.review_ids.sorted("sequence")[0]
        self.assertEqual(
            first.definition_id,
            self.env.ref("vendor_counsel.tier_definition_engagement_joint"),
        )
        plain = self._complete_engagement()
        self._to_review(plain)
        plain.with_user(self.legal).request_validation()
        self.assertEqual(len(plain.review_ids), 1)

    def test_hr_d8_1_original_custody(self):
        """003/HR-D8-1: the originals' custodian and location default from the
        company's setting."""
        self.company.write(
            {"vc_archive_custodian_id": self.manager.id, "vc_archive_location": "A-3"}
        )
        engagement = self._complete_engagement()
        self.assertEqual(engagement.archive_custodian_id, self.manager)
        self.assertEqual(engagement.archive_location, "A-3")

    def test_guards(self):
        """Each action refuses the wrong state, nothing written."""
        engagement = self._complete_engagement()
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_sign()
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_legal_validate()
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_activate()
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_terminate()
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_renew()
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_create_filing()
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_reset_draft()
        self._to_review(engagement)
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_submit_review()
        self._approve(engagement)
        with self.assertRaisesRegex(UserError, "signing date"):
            engagement.with_user(self.legal).action_sign()
        engagement.with_user(self.legal).date_signed = date(2026, 9, 29)
        engagement.with_user(self.legal).action_sign()
        with self.assertRaises(UserError):
            engagement.with_user(self.legal).action_cancel()
        with self.assertRaisesRegex(UserError, "reason"):
            engagement.with_user(self.legal).action_terminate()
        engagement.with_user(self.legal).terminate_reason = "Firm dissolved"
        engagement.with_user(self.legal).action_terminate()
        self.assertEqual(engagement.state, "terminated")

    def test_cancel_and_reset(self):
        engagement = self._complete_engagement()
        self._to_review(engagement)
        engagement.with_user(self.legal).request_validation()
        engagement.with_user(self.legal).action_reset_draft()
        self.assertEqual(engagement.state, "draft")
        self.assertFalse(engagement.review_ids)
        engagement.with_user(self.legal).action_cancel()
        self.assertEqual(engagement.state, "cancel")

    @freeze_time("2026-10-01 03:00:00")
    def test_cron_terms(self):
        """000/WF-VC-4: the daily cron activates the engagements whose term started
        and expires those whose term ended; a second run changes nothing."""
        starting = self._sign(self._complete_engagement(date_start=date(2026, 10, 1)))
        future = self._sign(self._complete_engagement(date_start=date(2026, 11, 1)))
        ended = self._sign(
            self._complete_engagement(
                date_start=date(2026, 1, 1), date_end=date(2026, 9, 30)
            )
        )
        cron = self.env.ref("vendor_counsel.ir_cron_vc_engagement_terms")
        self._trigger(cron)
        self.assertEqual(starting.state, "active")
        self.assertEqual(future.state, "signed")
        self.assertEqual(ended.state, "expired")
        self._trigger(cron)
        self.assertEqual(
            (starting | future | ended).mapped("state"),
            ["active", "signed", "expired"],
        )

    @freeze_time("2026-10-01 03:00:00")
    def test_hr_d15_7_selfcheck_reminder(self):
        """003/HR-D15-7: active engagements get a self-check reminder every N months
        (setting), never twice in a period; 0 disables it."""
        engagement = self._sign(self._complete_engagement(liaison_user_id=self.gm.id))
        engagement.with_user(self.legal).action_activate()
        cron = self.env.ref("vendor_counsel.ir_cron_vc_engagement_selfcheck")
        self._trigger(cron)
        self.assertEqual(len(engagement.activity_ids), 1)
        self.assertEqual(engagement.activity_ids.user_id, self.gm)
        self._trigger(cron)
        self.assertEqual(len(engagement.activity_ids), 1)
        with freeze_time("2026-12-31 03:00:00"):
            self._trigger(cron)
        self.assertEqual(len(engagement.activity_ids), 1)
        with freeze_time("2027-01-01 03:00:00"):
            self._trigger(cron)
        self.assertEqual(len(engagement.activity_ids), 2)
        self.company.vc_selfcheck_months = 0
        with freeze_time("2027-06-01 03:00:00"):
            self._trigger(cron)
        self.assertEqual(len(engagement.activity_ids), 2)

    def test_renew(self):
        """000/R-VC-04 (一年一签): renewing creates next year's draft, linked."""
        engagement = self._sign(
            self._complete_engagement(
                engagement_type="retained", date_start=date(2026, 10, 1)
            )
        )
        with self.assertRaisesRegex(UserError, "HR-D12-5"):
            engagement.with_user(self.requester).action_renew()
        action = engagement.with_user(self.legal).action_renew()
        renewal = self.env["vc.engagement"].browse(action["res_id"])
        self.assertEqual(renewal.renewed_from_id, engagement)
        self.assertEqual(renewal.state, "draft")
        self.assertEqual(renewal.date_start, date(2027, 10, 1))
        self.assertEqual(renewal.date_end, date(2028, 9, 30))
        self.assertTrue(engagement.is_renewed)
        with self.assertRaisesRegex(UserError, "already renewed"):
            engagement.with_user(self.legal).action_renew()

    def test_partner_and_deliverable_counts(self):
        """Smart buttons: the firm's engagements; the engagement's deliverables
        (000/E-VC-10)."""
        engagement = self._complete_engagement()
        self._complete_engagement()
        self.assertEqual(self.firm.vc_engagement_count, 2)
        self.assertEqual(
            self.firm.action_vc_view_engagements()["domain"],
            [("firm_id", "=", self.firm.id)],
        )
        self.env["vc.deliverable"].create(
            {
                "engagement_id": engagement.id,
                "name": "收购项目法律尽职调查报告",
                "kind": "due_diligence",
            }
        )
        self.assertEqual(engagement.deliverable_count, 1)
        self.assertEqual(
            engagement.action_view_deliverables()["domain"],
            [("engagement_id", "=", engagement.id)],
        )

    def test_practice_area_report_query_count(self):
        """003/HR-D15-8: the engagements by practice area and unit (the pivot's
        grouping) cost the same queries whatever the number of engagements."""
        Engagement = self.env["vc.engagement"]
        groupby = ["practice_area_id", "department_id"]
        self._complete_engagement()
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            small = Engagement._read_group([], groupby, ["__count", "fee_amount:sum"])
        for _i in range(5):
            self._complete_engagement(department_id=self.other_department.id)
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            large = Engagement._read_group([], groupby, ["__count", "fee_amount:sum"])
        self.assertEqual(sum(count for *_g, count, _s in small), 1)
        self.assertEqual(sum(count for *_g, count, _s in large), 6)
