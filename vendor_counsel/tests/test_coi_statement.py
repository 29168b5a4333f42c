from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_coi_review import CoiReviewCommon


@tagged("post_install", "-at_install")
class TestCoiStatement(CoiReviewCommon):
    def _statement(self, **vals):
        values = {"declarant_id": self.declarant.id, "role": "officer"}
        values.update(vals)
        return self.Statement.with_user(self.compliance).create(values)

    def test_signed_by_the_declarant_with_both_undertakings(self):
        """002 F2: the declarant acknowledges the situations and ticks both
        undertakings, then signs with their own user; nobody else signs."""
        statement = self._statement()
        mine = statement.with_user(self.declarant_user)
        self.assertTrue(mine.can_sign)
        self.assertFalse(statement.with_user(self.compliance).can_sign)
        mine.write({"acknowledged_situations": True, "undertaking_declare": True})
        with self.assertRaisesRegex(UserError, "both undertakings"):
            mine.action_sign()
        mine.undertaking_avoid = True
        with self.assertRaisesRegex(UserError, "only the declarant"):
            statement.with_user(self.compliance).action_sign()
        mine.action_sign()
        self.assertEqual(statement.state, "signed")
        self.assertEqual(statement.signed_by_id, self.declarant_user)
        self.assertTrue(statement.date)
        with self.assertRaises(UserError):
            mine.action_sign()

    def test_declarant_cannot_forge_the_signature(self):
        statement = self._statement()
        with self.assertRaisesRegex(UserError, "only ticks"):
            statement.with_user(self.declarant_user).write({"state": "signed"})
        self.assertEqual(statement.state, "draft")

    def test_w7_statements_requested_by_settings(self):
        """002/W7: a statement on appointment (once) and one per annual campaign
        (once per year), both on by default; switched off, none is asked."""
        self.assertTrue(self.company.vc_coi_statement_on_appointment)
        self.assertTrue(self.company.vc_coi_statement_with_annual)
        self._declaration(kind="annual", year=2026, state="draft")
        cron = "vendor_counsel.ir_cron_vc_coi_statement_request"
        self._trigger(cron)
        self._trigger(cron)
        statements = self.Statement.search([("declarant_id", "=", self.declarant.id)])
        self.assertEqual(
            sorted(statements.mapped(lambda s: (s.occasion, s.year))),
            [("annual", 2026), ("appointment", 0)],
        )
        self.assertEqual(set(statements.mapped("role")), {"officer"})
        self.assertEqual(statements.activity_ids.user_id, self.declarant_user)
        # switched off: the 2027 campaign asks for nothing
        self.company.vc_coi_statement_with_annual = False
        self._declaration(kind="annual", year=2027, state="draft")
        self._trigger(cron)
        self.assertEqual(
            self.Statement.search_count([("declarant_id", "=", self.declarant.id)]), 2
        )
        self.company.vc_coi_statement_with_annual = True
        self._trigger(cron)
        self.assertEqual(
            self.Statement.search_count([("declarant_id", "=", self.declarant.id)]), 3
        )

    def test_w7_appointment_setting_off(self):
        """002/W7: with the appointment setting off, a new declarant is not asked."""
        self.company.vc_coi_statement_on_appointment = False
        self._trigger("vendor_counsel.ir_cron_vc_coi_statement_request")
        self.assertFalse(
            self.Statement.search([("declarant_id", "=", self.declarant.id)])
        )

    def test_statement_report_renders(self):
        """F2 关于利益冲突的声明 prints with its Chinese text and the ticks."""
        statement = self._statement(
            acknowledged_situations=True, undertaking_declare=True
        )
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "vendor_counsel.report_vc_coi_statement", statement.ids
        )
        html = html.decode()
        self.assertIn("关于利益冲突的声明", html)
        self.assertIn("本人特此承诺", html)
        self.assertIn("低于该公司发行在外5%的权益", html)
