from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_vc_firms import ON, VcFirmsCommon

BLOCK = "block"


@tagged("post_install", "-at_install")
class TestVcEligibility(VcFirmsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.good = cls._firm("Good Firm", established=date(2010, 1, 1))
        cls.partner_lawyer = cls._lawyer(
            cls.good, "Main Partner", "L-1", vc_is_main_partner=True
        )
        cls.associate = cls._lawyer(cls.good, "Associate", "L-2")
        cls.panel = cls._approved_panel(cls.good)

    def test_defaults(self):
        """The seed's numbers and levels are the company defaults."""
        company = self.env["res.company"].create({"name": "Fresh Co"})
        self.assertEqual(company.vc_firm_min_age_years, 3)
        self.assertEqual(company.vc_penalty_window_years, 3)
        self.assertEqual(company.vc_retained_min_practice_years, 5)
        self.assertEqual(company.vc_inspection_notice_days, 30)
        self.assertEqual(company.vc_panel_review_notice_days, 30)
        for name in (
            "vc_level_firm_age",
            "vc_level_penalty",
            "vc_level_practice_years",
            "vc_level_inspection",
            "vc_level_panel",
        ):
            self.assertEqual(company[name], BLOCK, name)

    def test_eligible(self):
        """A firm on a valid panel, with its lawyers, has no breach."""
        result = self.Partner._vc_eligibility(
            self.good | self.partner_lawyer | self.associate, ON, "retained"
        )
        self.assertEqual(
            result,
            {self.good.id: [], self.partner_lawyer.id: [], self.associate.id: []},
        )

    def test_r_vc_01_firm_age_boundary(self):
        """000/R-VC-01, A-8: established exactly 3 years before the date is
        eligible; one day less is not; a changed setting takes effect."""
        self.good.vc_date_established = date(2023, 6, 15)
        self.assertNotIn(("000/R-VC-01", BLOCK), self._rules(self.good))
        self.good.vc_date_established = date(2023, 6, 16)
        self.assertIn(("000/R-VC-01", BLOCK), self._rules(self.good))
        self.company.vc_firm_min_age_years = 2
        self.assertNotIn(("000/R-VC-01", BLOCK), self._rules(self.good))
        self.good.vc_date_established = False
        self.assertIn(("000/R-VC-01", BLOCK), self._rules(self.good))

    def test_r_vc_02_penalty_window_boundary(self):
        """000/R-VC-02, A-8: a penalty exactly 3 years before the date is within
        the window (not eligible); 3 years and a day before is not."""
        penalty = self._penalty(self.good, date(2023, 6, 14))
        self.assertNotIn(("000/R-VC-02", BLOCK), self._rules(self.good))
        penalty.date = date(2023, 6, 15)
        self.assertIn(("000/R-VC-02", BLOCK), self._rules(self.good))
        penalty.date = ON
        self.assertIn(("000/R-VC-02", BLOCK), self._rules(self.good))
        # after the check date: not yet a penalty on that date
        penalty.date = ON + timedelta(days=1)
        self.assertNotIn(("000/R-VC-02", BLOCK), self._rules(self.good))
        # archived: does not count
        penalty.date = ON
        penalty.active = False
        self.assertNotIn(("000/R-VC-02", BLOCK), self._rules(self.good))

    def test_r_vc_02_setting(self):
        """000/R-VC-02: the window is the company's setting."""
        self._penalty(self.good, date(2024, 6, 1))
        self.assertIn(("000/R-VC-02", BLOCK), self._rules(self.good))
        self.company.vc_penalty_window_years = 1
        self.assertNotIn(("000/R-VC-02", BLOCK), self._rules(self.good))

    def test_r_vc_02_main_partners(self):
        """000/R-VC-02 (D15 第六条(三)): a main partner's penalty counts against the
        firm, an associate's only against the associate."""
        self._penalty(self.associate, date(2025, 1, 1), "bad_practice")
        self.assertNotIn(("000/R-VC-02", BLOCK), self._rules(self.good))
        self.assertIn(("000/R-VC-02", BLOCK), self._rules(self.associate))
        self._penalty(self.partner_lawyer, date(2025, 1, 1), "disciplinary")
        breaches = self.Partner._vc_eligibility(self.good, ON)[self.good.id]
        self.assertEqual([b[0] for b in breaches], ["000/R-VC-02"])
        self.assertIn("Main Partner", breaches[0][2])

    def test_r_vc_15_years_of_practice(self):
        """000/R-VC-15: retained counsel need 5 years of practice: exactly 5.0 years
        is enough, 4.99 (a day less) is not; special matters are not checked."""
        self.associate.vc_practice_start_date = date(2021, 6, 15)
        self.assertNotIn(
            ("000/R-VC-15", BLOCK), self._rules(self.associate, ON, "retained")
        )
        self.associate.vc_practice_start_date = date(2021, 6, 16)
        self.assertIn(
            ("000/R-VC-15", BLOCK), self._rules(self.associate, ON, "retained")
        )
        self.assertNotIn(
            ("000/R-VC-15", BLOCK), self._rules(self.associate, ON, "special")
        )
        self.company.vc_retained_min_practice_years = 4
        self.assertNotIn(
            ("000/R-VC-15", BLOCK), self._rules(self.associate, ON, "retained")
        )

    def test_r_vc_22_annual_inspection(self):
        """000/R-VC-22: the annual inspection valid until the date is fine; valid
        until yesterday is a breach; unknown is a breach."""
        self.associate.vc_licence_inspection_until = ON
        self.assertNotIn(("000/R-VC-22", BLOCK), self._rules(self.associate))
        self.associate.vc_licence_inspection_until = ON - timedelta(days=1)
        self.assertIn(("000/R-VC-22", BLOCK), self._rules(self.associate))
        self.associate.vc_licence_inspection_until = False
        self.assertIn(("000/R-VC-22", BLOCK), self._rules(self.associate))

    def test_r_vc_21_panel(self):
        """000/R-VC-21: the firm must be on an approved panel valid on the date
        (both ends inclusive); a draft or expired panel does not count."""
        self.panel.date_to = ON
        self.assertNotIn(("000/R-VC-21", BLOCK), self._rules(self.good))
        self.panel.date_to = ON - timedelta(days=1)
        self.assertIn(("000/R-VC-21", BLOCK), self._rules(self.good))
        self.panel.date_to = date(2026, 12, 31)
        self.panel.date_from = ON
        self.assertNotIn(("000/R-VC-21", BLOCK), self._rules(self.good))
        self.panel.date_from = ON + timedelta(days=1)
        self.assertIn(("000/R-VC-21", BLOCK), self._rules(self.good))
        self.panel.date_from = date(2026, 1, 1)
        self.panel.state = "expired"
        self.assertIn(("000/R-VC-21", BLOCK), self._rules(self.good))
        # an off-panel firm justified under R-VC-20: the panel is left out
        self.assertEqual(self._rules(self.good, check_panel=False), set())

    def test_r_vc_21_all_conditions(self):
        """000/R-VC-21: every condition is reported, with its rule; a lawyer
        without a firm and a partner who is neither are not eligible."""
        young = self._firm("Young", established=date(2025, 1, 1))
        self._penalty(young, date(2026, 1, 1))
        self.assertEqual(
            {rule for rule, _level in self._rules(young)},
            {"000/R-VC-01", "000/R-VC-02", "000/R-VC-21"},
        )
        loner = self.Partner.create(
            {"name": "Loner", "vc_is_lawyer": True, "vc_licence_number": "L-9"}
        )
        self.assertEqual(
            {rule for rule, _level in self._rules(loner)},
            {"000/R-VC-21", "000/R-VC-22"},
        )
        plain = self.Partner.create({"name": "Not a lawyer"})
        self.assertEqual(self._rules(plain), {("000/R-VC-21", BLOCK)})

    def test_levels_and_assert(self):
        """Each rule's level is a setting: block refuses, warn only warns."""
        self.associate.vc_licence_inspection_until = date(2026, 1, 1)
        with self.assertRaisesRegex(UserError, "R-VC-22"):
            self.Partner._vc_assert_eligible(self.good | self.associate, ON)
        self.company.vc_level_inspection = "warn"
        self.assertEqual(self._rules(self.associate), {("000/R-VC-22", "warn")})
        warnings = self.Partner._vc_assert_eligible(self.good | self.associate, ON)
        self.assertEqual(len(warnings), 1)
        self.assertIn("R-VC-22", warnings[0])

    def test_constant_queries(self):
        """Set-based: the same number of queries for 2 or 40 partners."""
        firms = self.Partner
        for i in range(20):
            firm = self._firm(f"Bulk {i}", established=date(2000 + i, 1, 1))
            firms |= firm | self._lawyer(firm, f"Bulk lawyer {i}", f"B-{i}")
            self._penalty(firm, date(2025, 1, 1))
        self.env.flush_all()

        def count(partners):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Partner._vc_eligibility(partners, ON, "retained")
            return self.env.cr.sql_log_count - before

        self.assertEqual(count(firms[:2]), count(firms))
        self.assertLessEqual(count(firms), 4)

    def test_eligibility_state_and_filter(self):
        """The partner form's state and breaches; the eligible search filter."""
        bad = self._firm("Bad", established=date(2025, 1, 1))
        self.assertEqual(self.good.vc_eligibility_state, "eligible")
        self.assertFalse(self.good.vc_eligibility_breaches)
        self.assertEqual(bad.vc_eligibility_state, "not_eligible")
        self.assertIn("000/R-VC-01", bad.vc_eligibility_breaches)
        self.company.vc_level_firm_age = "warn"
        self.company.vc_level_panel = "warn"
        bad.invalidate_recordset()
        self.assertEqual(bad.vc_eligibility_state, "warning")
        self.company.vc_level_panel = BLOCK
        eligible = self.Partner.search([("vc_eligibility_state", "=", "eligible")])
        self.assertIn(self.good, eligible)
        self.assertNotIn(bad, eligible)
        not_eligible = self.Partner.search(
            [("vc_eligibility_state", "in", ["not_eligible"])]
        )
        self.assertIn(bad, not_eligible)
        self.assertFalse(self.Partner.create({"name": "x"}).vc_eligibility_state)

    def test_years_of_practice(self):
        """The years of practice are computed from the practising-since date."""
        self.associate.vc_practice_start_date = date.today() - timedelta(days=3653)
        self.assertAlmostEqual(self.associate.vc_years_of_practice, 10.0, places=1)

    def test_licence_unique(self):
        """000/E-VC-2: a practice licence number belongs to one lawyer."""
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self._lawyer(self.good, "Copy", "L-1")
        # a non-lawyer contact may carry any reference
        self.Partner.create({"name": "Clerk", "vc_licence_number": "L-1"})

    def test_lawyer_firm(self):
        """000/E-VC-2: a lawyer's company is a law firm."""
        company = self.Partner.create({"name": "Trading Co", "is_company": True})
        with self.assertRaisesRegex(ValidationError, "must be a law firm"):
            self._lawyer(company, "Wrong", "L-7")

    def test_hr_d12_6_vetting(self):
        """003/HR-D12-6: a firm is vetted only with every qualification and credit
        document checked, by the legal department."""
        firm = self._firm("To Vet")
        with self.assertRaisesRegex(UserError, "still to check"):
            firm.with_user(self.legal).action_vc_mark_vetted()
        self._vet(firm)
        firm.vc_vetted_on = False
        with self.assertRaisesRegex(UserError, "legal department"):
            firm.with_user(self.requester).action_vc_mark_vetted()
        firm.with_user(self.legal).action_vc_mark_vetted()
        self.assertTrue(firm.vc_is_vetted)
        self.assertEqual(firm.vc_vetted_by_id, self.legal)
        firm.vc_vet_credit_record = False
        self.assertFalse(firm.vc_is_vetted)

    def test_smart_buttons(self):
        """Lawyers, penalties and panels from the firm."""
        self._penalty(self.partner_lawyer, date(2025, 1, 1))
        self.assertEqual(self.good.vc_lawyer_count, 2)
        self._penalty(self.good, date(2024, 1, 1))
        both = self.good | self.partner_lawyer | self.associate
        both.invalidate_recordset(["vc_penalty_count"])
        self.assertEqual(both.mapped("vc_penalty_count"), [2, 1, 0])
        self.assertEqual(self.good.vc_panel_count, 1)
        action = self.good.action_vc_view_penalties()
        self.assertEqual(
            self.env["vc.penalty"].search(action["domain"]).partner_id,
            self.good | self.partner_lawyer,
        )
        lawyers = self.Partner.search(self.good.action_vc_view_lawyers()["domain"])
        self.assertEqual(lawyers, self.partner_lawyer | self.associate)
        panels = self.Panel.search(self.good.action_vc_view_panels()["domain"])
        self.assertEqual(panels, self.panel)
