from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVcFeesTour(HttpCase):
    def test_vc_fees_tour(self):
        """Finance schedules a first installment, is refused above 40 %, fixes it,
        requests it; legal and finance approve; finance pays, in a browser."""
        firm = self.env["res.partner"].create(
            {"name": "北京市巡游律师事务所", "is_company": True, "vc_is_law_firm": True}
        )
        engagement = self.env["vc.engagement"].create(
            {
                "name": "WPHT-巡游",
                "firm_id": firm.id,
                "subject": "常年法律顾问",
                "fee_amount": 100000,
                "date_signed": date(2026, 1, 31),
            }
        )
        self.start_tour(
            "/odoo/action-vendor_counsel.vc_payment_action/new",
            "vc_fees_tour",
            login="admin",
            timeout=180,
        )
        payment = self.env["vc.payment"].search([("engagement_id", "=", engagement.id)])
        self.assertEqual(payment.amount, 40000)
        self.assertEqual(payment.state, "paid")
