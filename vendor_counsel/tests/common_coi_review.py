from odoo.tests import new_test_user

from .common import VendorCounselCommon


class CoiReviewCommon(VendorCounselCommon):
    """A declarant with their own user, their manager, a submitted declaration with
    one declared interest, and helpers that walk a review through the cycle."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Review = cls.env["vc.coi.review"]
        cls.Sanction = cls.env["vc.coi.sanction"]
        cls.Statement = cls.env["vc.coi.statement"]
        group = "vendor_counsel.group_vendor_counsel_"
        cls.declarant_user = new_test_user(
            cls.env, login="vc_coi_declarant", groups=group + "user"
        )
        cls.boss = new_test_user(cls.env, login="vc_coi_boss", groups=group + "user")
        cls.portal = new_test_user(
            cls.env, login="vc_coi_portal", groups="base.group_portal"
        )
        employee_boss = cls.env["hr.employee"].create(
            {"name": "Boss", "user_id": cls.boss.id}
        )
        cls.env["hr.employee"].create(
            {
                "name": "Declarant",
                "user_id": cls.declarant_user.id,
                "parent_id": employee_boss.id,
            }
        )
        cls.declarant = cls.env["vc.coi.declarant"].create(
            {
                "partner_id": cls.declarant_user.partner_id.id,
                "user_id": cls.declarant_user.id,
                "role": "officer",
            }
        )
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Hengyuan Trading", "is_company": True}
        )

    @classmethod
    def _declaration(cls, state="submitted", kind="event", **vals):
        values = {
            "declarant_id": cls.declarant.id,
            "kind": kind,
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "kind": "holding",
                        "counterparty_name": "Hengyuan Trading",
                        "counterparty_id": cls.supplier.id,
                        "description": "8% held by the spouse, off-market",
                    },
                )
            ],
        }
        values.update(vals)
        declaration = cls.env["vc.coi.declaration"].create(values)
        declaration.write({"state": state})
        return declaration

    def _review(self):
        return self.Review.create_from_declarations(self._declaration())

    def _decided(self, option="eliminate", days=15, **vals):
        review = self._review()
        review.with_user(self.compliance).action_to_decision()
        values = {"decision_option": option, "elimination_days": days}
        values.update(vals)
        committee = review.with_user(self.committee)
        committee.write(values)
        committee.action_decide()
        return review

    def _fed_back(self, option="eliminate", days=15, **vals):
        review = self._decided(option, days, **vals)
        review.with_user(self.compliance).action_send_feedback()
        return review

    def _in_remediation(self, days=15):
        review = self._fed_back("eliminate", days)
        review.with_user(self.compliance).action_start_remediation()
        return review

    def _trigger(self, xmlid):
        """Run a cron as the scheduler does, on the test's transaction."""
        cron = self.env.ref(xmlid)
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    def _sweep(self):
        """The deadline engine's sweep, as the scheduler runs it."""
        self._trigger("business_deadline.ir_cron_business_deadline_timer_sweep")
