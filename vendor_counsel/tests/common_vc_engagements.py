from datetime import date

from odoo.tests import new_test_user

from .common import VendorCounselCommon

ELEMENTS = {
    "duties": "Legal advice on daily operations",
    "service_method": "On call and on site twice a month",
    "payment_method": "Paid quarterly by bank transfer",
    "assessment_method": "Yearly evaluation by the legal department",
    "acceptance_method": "Work results accepted by the using unit",
    "confidentiality_clause": "Full confidentiality of company information",
    "breach_liability": "Damages and fee reduction",
    "dispute_resolution": "Arbitration in Beijing",
}


class VcEngagementsCommon(VendorCounselCommon):
    """Approvers set on the company; a requester employed in the department."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "vendor_counsel.group_vendor_counsel_"
        cls.gm = new_test_user(cls.env, login="vc_gm", groups=group + "legal")
        cls.chairman = new_test_user(
            cls.env, login="vc_chairman", groups=group + "legal"
        )
        cls.board = new_test_user(cls.env, login="vc_board", groups=group + "legal")
        cls.company.write(
            {
                "vc_gm_user_id": cls.gm.id,
                "vc_chairman_user_id": cls.chairman.id,
                "vc_board_user_id": cls.board.id,
                "vc_filing_required_parent": True,
            }
        )
        cls.env["hr.employee"].create(
            {
                "name": "Requester",
                "user_id": cls.requester.id,
                "department_id": cls.department.id,
            }
        )
        cls.env["hr.employee"].create(
            {
                "name": "Other requester",
                "user_id": cls.other_requester.id,
                "department_id": cls.other_department.id,
            }
        )

    @classmethod
    def _complete_engagement(cls, **vals):
        values = dict(
            ELEMENTS,
            date_start=date(2026, 10, 1),
            fee_amount=20000,
            signatory_kind="legal_rep",
            signatory_name="Chairman Wang",
        )
        if vals.get("engagement_type") != "retained":
            values["date_end"] = date(2026, 12, 31)
        values.update(vals)
        return cls._create_engagement(**values)

    def _to_review(self, engagement):
        engagement.with_user(self.legal).action_submit_review()
        engagement.with_user(self.legal).write(
            {"review_legality": True, "review_rigor": True, "review_feasibility": True}
        )

    def _approve(self, engagement):
        """Request the approval and validate every tier as its reviewer, in order."""
        engagement.with_user(self.legal).request_validation()
        for review in engagement.review_ids.sorted("sequence"):
            reviewer = review.reviewer_ids[:1]
            engagement.with_user(reviewer).validate_tier()
        self.assertEqual(engagement.validation_status, "validated")

    def _sign(self, engagement, day=date(2026, 9, 29)):
        self._to_review(engagement)
        self._approve(engagement)
        engagement.with_user(self.legal).date_signed = day
        engagement.with_user(self.legal).action_sign()
        return engagement

    def _trigger(self, cron):
        """Run a cron as the scheduler does, on the test's transaction."""
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
