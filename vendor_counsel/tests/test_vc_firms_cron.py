from datetime import date, timedelta

from odoo.tests import freeze_time, tagged

from .common_vc_firms import ON, VcFirmsCommon


@tagged("post_install", "-at_install")
class TestVcFirmsCron(VcFirmsCommon):
    """000/C-VC-4: the daily re-check of eligibility."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.vc_counsel_manager_id = cls.legal
        cls.watched = cls._firm("Watched Firm")
        cls.watched_lawyer = cls._lawyer(
            cls.watched,
            "Watched Lawyer",
            "W-1",
            vc_licence_inspection_until=ON + timedelta(days=30),
        )
        cls.cron = cls.env.ref("vendor_counsel.ir_cron_vc_partner_check_eligibility")

    def _activities(self, partner):
        return self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", partner.id)]
        )

    def _run(self, when=ON):
        with freeze_time(when), self.enter_registry_test_mode():
            self.cron.method_direct_trigger()

    def test_c_vc_4_inspection_lapsing(self):
        """000/C-VC-4: a lawyer whose inspection lapses within 30 days (setting)
        is notified on the firm once; 31 days ahead is not yet."""
        self._run(ON - timedelta(days=1))
        self.assertFalse(self._activities(self.watched))
        self._run(ON)
        self._run(ON)
        activity = self._activities(self.watched)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.legal)
        self.assertIn("Watched Lawyer", activity.summary)
        self.assertIn("C-VC-4", activity.note)

    def test_c_vc_4_setting(self):
        """000/C-VC-4: the notice days are the company's setting."""
        self.company.vc_inspection_notice_days = 31
        self._run(ON - timedelta(days=1))
        self.assertEqual(len(self._activities(self.watched)), 1)

    def test_c_vc_4_lapsed(self):
        """000/R-VC-22, C-VC-4: a lapsed inspection is notified once; a renewal that
        lapses again is notified again."""
        self.watched_lawyer.vc_licence_inspection_until = ON - timedelta(days=1)
        self._run()
        self._run()
        activities = self._activities(self.watched)
        self.assertEqual(len(activities), 1)
        self.assertIn("R-VC-22", activities.note)
        self.watched_lawyer.vc_licence_inspection_until = date(2026, 6, 1)
        self._run()
        self.assertEqual(len(self._activities(self.watched)), 2)

    def test_c_vc_4_firm_ineligible(self):
        """000/C-VC-4: a firm that becomes ineligible (a penalty) is notified once;
        once the penalty leaves the window the breach is forgotten."""
        self.watched_lawyer.vc_licence_inspection_until = date(2027, 12, 31)
        self._run()
        self.assertFalse(self._activities(self.watched))
        self._penalty(self.watched, date(2026, 6, 1))
        self._run()
        self._run()
        activities = self._activities(self.watched)
        self.assertEqual(len(activities), 1)
        self.assertIn("R-VC-02", activities.note)
        self.assertEqual(self.watched.vc_notified_breach_keys, "000/R-VC-02")
        self._run(date(2029, 6, 2))
        self.assertFalse(self.watched.vc_notified_breach_keys)

    def test_c_vc_4_constant_queries(self):
        """000/C-VC-4: the re-check is set-based: the same queries for 20 more
        firms (nothing new to notify)."""
        self._run()

        def count():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with freeze_time(ON), self.enter_registry_test_mode():
                self.env["res.partner"]._cron_vc_check_eligibility()
            return self.env.cr.sql_log_count - before

        count()  # warm the caches of the environment's user and company
        small = count()
        for i in range(20):
            self._lawyer(self._firm(f"Clean {i}"), f"Clean lawyer {i}", f"CL-{i}")
        self.env.flush_all()
        self.assertEqual(count(), small)
