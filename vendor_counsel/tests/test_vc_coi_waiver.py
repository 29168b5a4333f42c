from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common_vc_coi_check import VcCoiCheckCommon


@tagged("post_install", "-at_install")
class TestVcCoiWaiver(VcCoiCheckCommon):
    """Waivers: the audit committee accepts a conflict for a period; an expired
    waiver blocks again (002/W8 [INFERRED])."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request = cls._create_request(
            coi_counterparty_names="上海恒通实业股份有限公司"
        )
        cls.request.action_coi_check()

    def _waiver(self, **vals):
        action = self.request.with_user(self.compliance).action_coi_waive(
            {
                "scope": "Engage despite the director's holding",
                "conditions": "The director recuses from the selection",
                "valid_from": date(2026, 11, 1),
                "valid_until": date(2026, 12, 31),
                **vals,
            }
        )
        return self.env["vc.coi.waiver"].browse(action["res_id"])

    def test_waive_approve_and_guard(self):
        self.assertEqual(self.request.coi_check_state, "possible_conflict")
        with self.assertRaisesRegex(UserError, "Only a compliance officer"):
            self.request.with_user(self.legal).action_coi_waive({"scope": "x"})
        waiver = self._waiver()
        self.assertEqual(waiver.state, "draft")
        self.assertEqual(waiver.check_id, self.request.coi_check_id)
        self.assertTrue(waiver.name.startswith("COI-WVR/"))
        with self.assertRaisesRegex(UserError, "Only the audit committee"):
            waiver.with_user(self.compliance).action_approve()
        with freeze_time("2026-11-20"):
            self.assertTrue(waiver.with_user(self.committee).can_approve)
            waiver.with_user(self.committee).action_approve()
            self.assertEqual(waiver.state, "approved")
            self.assertEqual(waiver.approver_id, self.committee)
            self.assertEqual(waiver.validation_status, "validated")
            self.assertEqual(self.request.coi_check_state, "waived")
            self.assertTrue(self.request._vc_coi_ensure_clear())
        with self.assertRaisesRegex(UserError, "Approving a waiver is not possible"):
            waiver.with_user(self.committee).action_approve()

    def test_validity_boundaries(self):
        """Valid from its first to its last day; before and after it blocks."""
        waiver = self._waiver()
        waiver.with_user(self.committee).action_approve()
        for day, valid in (
            ("2026-10-31", False),
            ("2026-11-01", True),
            ("2026-12-31", True),
            ("2027-01-01", False),
        ):
            with freeze_time(day):
                self.assertEqual(
                    waiver._vc_is_valid_on(date.fromisoformat(day)), valid, day
                )
                if valid:
                    self.assertTrue(self.request._vc_coi_ensure_clear())
                else:
                    with self.assertRaisesRegex(UserError, "not valid today"):
                        self.request._vc_coi_ensure_clear()

    def test_expiry_cron_reblocks_once(self):
        waiver = self._waiver()
        waiver.with_user(self.committee).action_approve()
        cron = self.env.ref("vendor_counsel.ir_cron_vc_coi_waiver_expire")
        with freeze_time("2026-12-31"):
            self.assertFalse(self.env["vc.coi.waiver"]._cron_expire())
            self.assertEqual(self.request.coi_check_state, "waived")
        with freeze_time("2027-01-01"):
            with self.enter_registry_test_mode():
                cron.method_direct_trigger()
            self.env.invalidate_all()
            self.assertEqual(waiver.state, "expired")
            self.assertEqual(self.request.coi_check_state, "blocked")
            notes = self.request.message_ids.filtered(
                lambda m: "no longer applies" in (m.body or "")
            )
            self.assertEqual(len(notes), 1)
            messages = len(self.request.message_ids)
            with self.assertRaisesRegex(UserError, "blocked by a possible conflict"):
                self.request._vc_coi_ensure_clear()
            with self.enter_registry_test_mode():
                cron.method_direct_trigger()
            self.env.invalidate_all()
            self.assertEqual(len(self.request.message_ids), messages, "only once")
        # blocked again: compliance may clear it or propose a new waiver
        self.request.with_user(self.compliance).action_coi_clear("Holding sold")
        self.assertEqual(self.request.coi_check_state, "cleared")

    def test_reject_and_cancel(self):
        waiver = self._waiver()
        waiver.with_user(self.committee).action_reject()
        self.assertEqual(waiver.state, "rejected")
        self.assertEqual(self.request.coi_check_state, "possible_conflict")
        with self.assertRaisesRegex(UserError, "Cancelling a waiver is not possible"):
            waiver.with_user(self.compliance).action_cancel()
        second = self._waiver()
        second.with_user(self.committee).action_approve()
        with freeze_time("2026-11-20"):
            second.with_user(self.compliance).action_cancel()
            self.assertEqual(self.request.coi_check_state, "blocked")

    def test_constraints(self):
        with self.assertRaisesRegex(ValidationError, "end before it starts"):
            self._waiver(valid_until=date(2026, 10, 1))
        self.request.with_user(self.compliance).action_coi_clear("Disclosed")
        with self.assertRaisesRegex(UserError, "no conflict to waive"):
            self._waiver()
        with self.assertRaisesRegex(ValidationError, "request or an engagement"):
            self.env["vc.coi.waiver"].create(
                {
                    "res_model": "res.partner",
                    "res_id": self.client.id,
                    "scope": "x",
                    "valid_until": date(2026, 12, 31),
                }
            )

    def test_default_tier_definition(self):
        tier = self.env.ref("vendor_counsel.tier_definition_vc_coi_waiver_committee")
        self.assertEqual(
            tier.reviewer_group_id,
            self.env.ref("vendor_counsel.group_vendor_counsel_committee"),
        )
        waiver = self._waiver()
        waiver.with_user(self.compliance).request_validation()
        self.assertEqual(waiver.review_ids.status, "pending")
