from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common_vc_firms import ON, VcFirmsCommon


@tagged("post_install", "-at_install")
class TestVcPanel(VcFirmsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.firm_a = cls._firm("Firm A")
        cls.firm_b = cls._firm("Firm B")
        cls._vet(cls.firm_a | cls.firm_b)
        cls.draft = cls._panel(cls.firm_a | cls.firm_b, name="Litigation 2026")

    def test_wf_vc_1_flow(self):
        """000/WF-VC-1: legal submits, company leadership (general counsel, through
        base_tier_validation) approves; the firms are then on the panel."""
        panel = self.draft.with_user(self.legal)
        panel.action_submit()
        self.assertEqual(panel.state, "submitted")
        review = panel.review_ids
        self.assertEqual(len(review), 1)
        self.assertIn(self.general_counsel, review.reviewer_ids)
        with self.assertRaisesRegex(UserError, "general counsel"):
            panel.action_approve()
        with freeze_time(ON):
            self.draft.with_user(self.general_counsel).action_approve()
        self.assertEqual(self.draft.state, "approved")
        self.assertEqual(self.draft.date_approved, ON)
        self.assertEqual(self.draft.validation_status, "validated")
        firms = self.Partner._vc_panel_firms(self.area_lit, ON, self.company)
        self.assertEqual(firms, self.firm_a | self.firm_b)

    def test_submit_guards(self):
        """A panel needs ranked firms, and is submitted by the legal department."""
        empty = self.Panel.create(
            {
                "name": "Empty",
                "practice_area_id": self.area_lit.id,
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 12, 31),
            }
        )
        with self.assertRaisesRegex(UserError, "rank at least one firm"):
            empty.with_user(self.legal).action_submit()
        with self.assertRaisesRegex(UserError, "legal department"):
            self.draft.with_user(self.requester).action_submit()
        self.draft.with_user(self.legal).action_submit()
        with self.assertRaisesRegex(UserError, "not possible"):
            self.draft.with_user(self.legal).action_submit()

    def test_hr_d12_6_panel_needs_vetted_firms(self):
        """003/HR-D12-6: a panel with a firm not vetted cannot be submitted."""
        self.firm_b.vc_vet_asset_proof = False
        with self.assertRaisesRegex(UserError, "Firm B"):
            self.draft.with_user(self.legal).action_submit()
        self.assertEqual(self.draft.state, "draft")

    def test_lines_frozen_and_reset(self):
        """A submitted panel's ranking is frozen; reset to draft to change it."""
        self.draft.with_user(self.legal).action_submit()
        with self.assertRaisesRegex(UserError, "draft"):
            self.draft.line_ids[0].rank = 5
        self.draft.with_user(self.legal).action_reset_draft()
        self.assertEqual(self.draft.state, "draft")
        self.assertFalse(self.draft.review_ids)
        self.draft.line_ids[0].rank = 5

    def test_expire(self):
        """The legal department may expire an approved panel."""
        self.draft.state = "approved"
        with self.assertRaisesRegex(UserError, "legal department"):
            self.draft.with_user(self.requester).action_expire()
        self.draft.with_user(self.legal).action_expire()
        self.assertEqual(self.draft.state, "expired")
        self.assertFalse(self.Partner._vc_panel_firms(self.area_lit, ON))

    def test_panel_firms_helper(self):
        """003/HR-D13-1: the panel is the qualified-supplier archive: the firms on a
        valid panel of the area on the date (both ends inclusive), per company."""
        self.draft.state = "approved"
        helper = self.Partner._vc_panel_firms
        self.assertEqual(
            helper(self.area_lit, date(2026, 1, 1)), self.draft.line_ids.firm_id
        )
        self.assertEqual(
            helper(self.area_lit, date(2026, 12, 31)), self.draft.line_ids.firm_id
        )
        self.assertFalse(helper(self.area_lit, date(2025, 12, 31)))
        self.assertFalse(helper(self.area_lit, date(2027, 1, 1)))
        self.assertEqual(helper(self.area, ON), self.firm)  # the fixture panel
        other = self.env["res.company"].create({"name": "Unrelated Co"})
        self.assertFalse(helper(self.area_lit, ON, other))
        child = self.env["res.company"].create(
            {"name": "Subsidiary", "parent_id": self.company.id}
        )
        self.assertEqual(helper(self.area_lit, ON, child), self.firm_a | self.firm_b)

    def test_constraints(self):
        """Validity ends after it starts; scores 0-100; a firm once; lawyers of the
        firm only."""
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.draft.date_to = date(2025, 1, 1)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.draft.line_ids[0].score_fees = 101
        self.draft.line_ids[0].score_fees = 100
        lawyer_b = self._lawyer(self.firm_b, "B lawyer", "PB-1")
        with self.assertRaisesRegex(ValidationError, "do not belong"):
            self.draft.line_ids[0].lawyer_ids = lawyer_b

    def test_score_total(self):
        """The score is the average of the five ranking factors (D7 第七条)."""
        line = self.draft.line_ids[0]
        line.write(
            {
                "score_ability": 90,
                "score_track_record": 80,
                "score_experience": 70,
                "score_fees": 60,
                "score_quality": 100,
            }
        )
        self.assertEqual(line.score_total, 80)

    def test_report(self):
        """The printable list (《优选律师事务所名单》) renders with the firms."""
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("vendor_counsel.vc_panel_report_action", self.draft.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("Preferred Law Firm List", html)
        self.assertIn("Firm A", html)

    def test_cron_expire(self):
        """Panels past their validity expire; valid until today stays approved."""
        self.draft.state = "approved"
        cron = self.env.ref("vendor_counsel.ir_cron_vc_panel_expire_and_remind")
        with freeze_time(date(2026, 12, 31)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertEqual(self.draft.state, "approved")
        with freeze_time(date(2027, 1, 1)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertEqual(self.draft.state, "expired")

    def test_cron_review_reminder(self):
        """000/WF-VC-1: a reminder the notice days (setting, default 30) before the
        review date, once."""
        self.draft.write({"state": "approved", "date_review": date(2026, 9, 30)})
        self.draft.user_id = self.legal
        cron = self.env.ref("vendor_counsel.ir_cron_vc_panel_expire_and_remind")

        def todos():
            return self.draft.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("mail.mail_activity_data_todo")
            )

        with freeze_time(date(2026, 8, 30)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertFalse(todos())
        with freeze_time(date(2026, 8, 31)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        self.assertEqual(len(todos()), 1)
        self.assertEqual(todos().user_id, self.legal)
        # a new review date: a new reminder; a longer notice reaches it earlier
        self.company.vc_panel_review_notice_days = 60
        self.draft.date_review = date(2026, 10, 29)
        with freeze_time(date(2026, 8, 31)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertEqual(len(todos()), 2)

    def test_reporting_queries(self):
        """The panel pivots group in SQL: the query count does not grow."""

        def count():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.env["vc.panel.line"]._read_group(
                [], ["practice_area_id", "firm_id"], ["score_total:avg", "__count"]
            )
            return self.env.cr.sql_log_count - before

        small = count()
        for i in range(10):
            self._panel(self._firm(f"More {i}"), name=f"More {i}")
        self.env.flush_all()
        self.assertEqual(count(), small)

    def test_default_tier_definition(self):
        """The default tier definition asks the general counsel group."""
        tier = self.env.ref("vendor_counsel.tier_definition_vc_panel_general_counsel")
        self.assertEqual(tier.reviewer_field_id.name, "approver_ids")
        self.assertIn(self.general_counsel, self.draft.approver_ids)
        self.assertIn(self.manager, self.draft.approver_ids)
        self.assertNotIn(self.legal, self.draft.approver_ids)
        self.assertEqual(tier.model, "vc.panel")
        self.assertEqual(self.draft.date_to - self.draft.date_from, timedelta(days=364))
