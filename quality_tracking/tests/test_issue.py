from datetime import timedelta

import psycopg2

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_issues import QualityIssueCommon


@tagged("post_install", "-at_install")
class TestIssueGrading(QualityIssueCommon):
    def test_defaults_pinned(self):
        """002/R40, R41, 001/R-28: the seed values are the company defaults."""
        company = self.env["res.company"].create({"name": "Fresh Co."})
        self.assertEqual(company.qt_incident_batch_scrap_hours, 0.5)
        self.assertEqual(company.qt_incident_batch_rework_hours, 1.0)
        self.assertEqual(company.qt_incident_batch_aftersales_qty, 50)
        self.assertEqual(company.qt_incident_major_returned_qty, 500)
        self.assertEqual(company.qt_incident_major_loss_amount, 20000.0)
        self.assertEqual(company.qt_issue_resolve_days, 15)

    def test_r40_scrap(self):
        """002/R40 a: batch scrap of 0.49 h is no batch incident, 0.5 h is."""
        self.assertEqual(
            self._create_issue(scrap_production_hours=0.49).severity, "general"
        )
        self.assertEqual(
            self._create_issue(scrap_production_hours=0.5).severity, "batch"
        )

    def test_r40_rework(self):
        """002/R40 b: batch rework of 0.9 h is no batch incident, 1 h is."""
        self.assertEqual(
            self._create_issue(rework_production_hours=0.9).severity, "general"
        )
        self.assertEqual(
            self._create_issue(rework_production_hours=1.0).severity, "batch"
        )

    def test_r40_aftersales(self):
        """002/R40 c: 49 pieces of the same model and date is general, 50 is batch."""
        self.assertEqual(
            self._create_issue(aftersales_same_lot_qty=49).severity, "general"
        )
        self.assertEqual(
            self._create_issue(aftersales_same_lot_qty=50).severity, "batch"
        )

    def test_r41_returned_batch(self):
        """002/R41: a returned shipped batch of 499 pieces is not major, 500 is."""
        self.assertEqual(
            self._create_issue(shipped_batch_returned_qty=499).severity, "general"
        )
        self.assertEqual(
            self._create_issue(shipped_batch_returned_qty=500).severity, "major"
        )

    def test_r41_loss(self):
        """002/R41: a loss of ¥19,999.99 is not major, ¥20,000 is."""
        self.assertEqual(self._create_issue(loss_amount=19999.99).severity, "general")
        self.assertEqual(self._create_issue(loss_amount=20000.0).severity, "major")

    def test_r41_reputation_injury(self):
        """002/R41: serious reputation impact or personal injury makes it major."""
        self.assertEqual(
            self._create_issue(is_reputation_impact=True).severity, "major"
        )
        self.assertEqual(self._create_issue(is_personal_injury=True).severity, "major")

    def test_r42_general_and_precedence(self):
        """002/R42: neither batch nor major is general; major wins over batch."""
        self.assertEqual(self._create_issue().severity, "general")
        issue = self._create_issue(scrap_production_hours=2.0, loss_amount=25000.0)
        self.assertEqual(issue.severity, "major")
        issue.loss_amount = 100.0
        self.assertEqual(issue.severity, "batch")

    def test_changed_thresholds_take_effect(self):
        """002/R40, R41: changed thresholds grade the issues recorded afterwards."""
        self.company.write(
            {
                "qt_incident_batch_scrap_hours": 1.0,
                "qt_incident_batch_aftersales_qty": 100,
                "qt_incident_major_returned_qty": 1000,
                "qt_incident_major_loss_amount": 50000.0,
            }
        )
        self.assertEqual(
            self._create_issue(scrap_production_hours=0.5).severity, "general"
        )
        self.assertEqual(
            self._create_issue(aftersales_same_lot_qty=99).severity, "general"
        )
        self.assertEqual(
            self._create_issue(aftersales_same_lot_qty=100).severity, "batch"
        )
        self.assertEqual(
            self._create_issue(shipped_batch_returned_qty=999).severity, "general"
        )
        self.assertEqual(self._create_issue(loss_amount=49999.99).severity, "general")
        self.assertEqual(self._create_issue(loss_amount=50000.0).severity, "major")

    def test_manual_override(self):
        """The graded severity may be overridden by hand, also by a caller's value."""
        issue = self._create_issue(loss_amount=30000.0)
        self.assertEqual((issue.severity_graded, issue.severity), ("major", "major"))
        issue.severity_override = "batch"
        self.assertEqual(issue.severity, "batch")
        issue.severity_override = False
        self.assertEqual(issue.severity, "major")
        given = self._create_issue(severity="batch")
        self.assertEqual((given.severity_override, given.severity), ("batch", "batch"))

    def test_negative_facts_refused(self):
        with (
            self.assertRaises(psycopg2.errors.CheckViolation),
            mute_logger("odoo.sql_db"),
        ):
            self._create_issue(loss_amount=-1.0)


@tagged("post_install", "-at_install")
class TestIssueFlow(QualityIssueCommon):
    def test_r_qt_30_contact_before_investigating(self):
        """000/R-QT-30: a customer complaint is investigated only after the customer
        was contacted (or staff sent) at once."""
        issue = self._create_issue(partner_id=self.client.id)
        with self.assertRaisesRegex(UserError, "R-QT-30"):
            issue.action_investigate()
        self.assertEqual(issue.state, "new")
        issue.date_contacted = issue.date_received
        with self.assertRaisesRegex(UserError, "HR-D11-9"):
            issue.action_investigate()
        self.assertEqual(issue.state, "new")

    def test_hr_d11_9_written_report(self):
        """003/HR-D11-9: the written report (date and recipients) comes before the
        investigation."""
        issue = self._create_issue(
            partner_id=self.client.id, date_received=fields.Datetime.now()
        )
        issue.write(
            {
                "date_contacted": issue.date_received,
                "date_reported_written": issue.date_received,
            }
        )
        with self.assertRaisesRegex(UserError, "HR-D11-9"):
            issue.action_investigate()
        issue.report_recipient_ids = self.manager
        issue.action_investigate()
        self.assertEqual(issue.state, "investigating")

    def test_internal_finding_investigates_at_once(self):
        issue = self._create_issue()
        issue.action_investigate()
        self.assertEqual(issue.state, "investigating")

    def test_dates_before_receipt_refused(self):
        issue = self._create_issue(date_received=fields.Datetime.now())
        with self.assertRaises(ValidationError):
            issue.date_contacted = issue.date_received - timedelta(hours=1)

    def test_wrong_state(self):
        issue = self._create_issue()
        with self.assertRaises(UserError):
            issue.action_verify()
        with self.assertRaises(UserError):
            issue.action_reset()

    def test_cause_required(self):
        """003/HR-D11-3: the investigation finds the cause before acting on it."""
        issue = self._investigating()
        with self.assertRaises(UserError):
            issue.action_start_action()
        self.assertEqual(issue.state, "investigating")

    def test_hr_d11_4_same_batch(self):
        """003/HR-D11-4: with a batch number, the same batch is checked first."""
        issue = self._investigating(
            batch_number="B2026-03", cause_kind="product_quality", root_cause="Mould"
        )
        with self.assertRaisesRegex(UserError, "HR-D11-4"):
            issue.action_start_action()
        issue.write(
            {"is_same_batch_checked": True, "same_batch_result": "3 of 200 cracked"}
        )
        issue.action_start_action()
        self.assertEqual(issue.state, "action")

    def test_hr_d11_5_disputed(self):
        """003/HR-D11-5: a disputed result needs a statutory test record."""
        issue = self._investigating(
            cause_kind="product_quality", root_cause="Mould", is_disputed=True
        )
        with self.assertRaisesRegex(UserError, "HR-D11-5"):
            issue.action_start_action()
        issue.write(
            {
                "statutory_test_body": "省质量技术监督检测院",
                "statutory_test_result": "Nonconforming hardness",
            }
        )
        issue.action_start_action()
        self.assertEqual(issue.state, "action")

    def test_hr_d11_6_major(self):
        """003/HR-D11-6: a major problem reaches the general manager at once (an
        activity) and needs the investigation team before acting."""
        issue = self._investigating(cause_kind="product_quality", root_cause="Mould")
        self.assertFalse(issue.date_gm_notified)
        issue.is_personal_injury = True
        self.assertEqual(issue.severity, "major")
        self.assertTrue(issue.date_gm_notified)
        activity = issue.activity_ids
        self.assertEqual(activity.user_id, self.general_manager)
        issue.loss_amount = 30000.0
        self.assertEqual(len(issue.activity_ids), 1, "notified once")
        with self.assertRaisesRegex(UserError, "HR-D11-6"):
            issue.action_start_action()
        issue.investigation_team_ids = self.officer | self.head
        issue.action_start_action()
        self.assertEqual(issue.state, "action")

    def test_hr_d11_7_arbitration_flag(self):
        """003/HR-D11-7: arbitration or mediation is an optional flag with notes."""
        issue = self._create_issue(needs_arbitration=True, arbitration_note="调解")
        self.assertTrue(issue.needs_arbitration)

    def test_hr_d11_11_nonconforming(self):
        """003/HR-D11-11: a nonconforming product needs its cause and correction."""
        issue = self._in_action(is_nonconforming=True)
        with self.assertRaisesRegex(UserError, "HR-D11-11"):
            issue.action_verify()
        issue.correction = "Re-machine the housings of the batch"
        issue.action_verify()
        self.assertEqual(issue.state, "verifying")

    def test_verify_needs_actions_done(self):
        issue = self._in_action()
        capa = self.Capa.create(
            {"title": "Train", "issue_id": issue.id, "measures": "Training"}
        )
        with self.assertRaises(UserError):
            issue.action_verify()
        capa.action_cancel()
        issue.action_verify()
        self.assertEqual(issue.state, "verifying")

    def test_close_gates(self):
        """Closing needs the actions closed and an effectiveness verification."""
        issue = self._in_action()
        capa = self.Capa.create(
            {"title": "Fix", "issue_id": issue.id, "measures": "Fix it"}
        )
        capa.action_start()
        capa.write({"execution_result": "Done"})
        capa.action_done()
        issue.action_verify()
        with self.assertRaisesRegex(UserError, "close the corrective actions"):
            issue.action_close()
        capa.write(
            {
                "effectiveness": "effective",
                "verified_by_id": self.manager.id,
                "date_verified": fields.Date.today(),
                "reevaluation": "OK",
            }
        )
        capa.with_user(self.manager).action_close()
        with self.assertRaisesRegex(UserError, "effectiveness"):
            issue.action_close()
        issue.write(self._verified(effectiveness="not_effective"))
        with self.assertRaisesRegex(UserError, "not effective"):
            issue.action_close()
        self.assertEqual(issue.state, "verifying")
        issue.action_back_to_action()
        self.assertEqual(issue.state, "action")
        issue.action_verify()
        issue.effectiveness = "effective"
        issue.action_close()
        self.assertEqual(issue.state, "closed")
        self.assertTrue(issue.date_closed)

    def test_customer_case_close(self):
        """002/R45, 003/HR-D11-10: a customer's product-quality complaint closes with
        the signed handling document, the result reported and the customer
        satisfied."""
        issue = self._customer_issue()
        issue.action_investigate()
        issue.write({"cause_kind": "product_quality", "root_cause": "Mould wear"})
        issue.action_start_action()
        issue.action_verify()
        issue.write(self._verified())
        with self.assertRaisesRegex(UserError, "R45"):
            issue.action_close()
        with self.assertRaisesRegex(ValidationError, "quality department head"):
            issue.document_signer_id = self.handler
        issue.write(
            {
                "document_signer_id": self.quality_head.id,
                "date_document_signed": fields.Date.today(),
            }
        )
        issue.document_signer_id = self.general_manager
        with self.assertRaisesRegex(UserError, "report the result"):
            issue.action_close()
        issue.write(
            {"date_result_reported": fields.Date.today(), "result_report_mode": "phone"}
        )
        with self.assertRaisesRegex(UserError, "HR-D11-10"):
            issue.action_close()
        self.assertEqual(issue.state, "verifying")
        issue.is_customer_satisfied = True
        issue.action_close()
        self.assertEqual(issue.state, "closed")

    def test_improper_use_closes_without_action(self):
        """Improper use (seed 001, QT-9) is pointed out on the spot and the
        issue closes without corrective action; other causes go on."""
        issue = self._investigating(cause_kind="human")
        with self.assertRaises(UserError):
            issue.action_close()
        issue.cause_kind = "improper_use"
        self.assertTrue(issue.can_close)
        with self.assertRaisesRegex(UserError, "point out"):
            issue.action_close()
        issue.is_misuse_explained = True
        issue.action_close()
        self.assertEqual(issue.state, "closed")

    def test_cancel_and_reopen(self):
        issue = self._create_issue()
        issue.action_cancel()
        self.assertEqual(issue.state, "cancel")
        with self.assertRaises(UserError):
            issue.action_cancel()
        issue.action_reset()
        self.assertEqual(issue.state, "new")

    def test_new_capa_from_issue(self):
        issue = self._in_action()
        action = issue.action_new_capa()
        self.assertEqual(action["res_model"], "qt.capa")
        self.assertEqual(action["context"]["default_issue_id"], issue.id)
        self.assertEqual(action["context"]["default_origin_kind"], "issue")


@tagged("post_install", "-at_install")
class TestIssueDeadline(QualityIssueCommon):
    def _calendar(self):
        return self.env["resource.calendar"]._bd_default_calendar(self.company)

    def test_r28_due_in_15_working_days(self):
        """001/R-28: the quality department resolves within 15 working days of
        receipt; the engine keeps the due date on the issue."""
        issue = self._create_issue()
        self.env.flush_all()
        self.assertEqual(issue.resolve_days, 15)
        expected = self._calendar()._bd_add(issue.date_received, 15, "working_days")
        self.assertEqual(issue.resolve_due, expected)
        fourteen = self._calendar()._bd_add(issue.date_received, 14, "working_days")
        self.assertGreater(issue.resolve_due, fourteen)

    def test_r28_changed_setting(self):
        """001/R-28: a changed resolution period applies to the issues received
        afterwards."""
        self.company.qt_issue_resolve_days = 10
        issue = self._create_issue()
        self.env.flush_all()
        self.assertEqual(issue.resolve_days, 10)
        expected = self._calendar()._bd_add(issue.date_received, 10, "working_days")
        self.assertEqual(issue.resolve_due, expected)

    def test_r28_on_time_and_late(self):
        """001/R-28: closing within the period counts on time, after it late."""
        on_time = self._investigating(cause_kind="improper_use")
        late = self._investigating(
            cause_kind="improper_use",
            date_received=fields.Datetime.now() - timedelta(days=40),
        )
        (on_time | late).write({"is_misuse_explained": True})
        (on_time | late).action_close()
        self.assertEqual(
            (on_time.is_resolved_late, on_time.on_time_rate), (False, 100.0)
        )
        self.assertEqual((late.is_resolved_late, late.on_time_rate), (True, 0.0))


@tagged("post_install", "-at_install")
class TestIssueMailbox(QualityIssueCommon):
    def test_alias_creates_issue(self):
        """The quality-complaint mailbox opens an issue with origin e-mail."""
        alias = self.env.ref("quality_tracking.mail_alias_qt_issue")
        self.assertEqual(alias.alias_name, "quality-complaint")
        self.assertEqual(alias.alias_model_id.model, "qt.issue")
        issue = self.Issue.message_new(
            {
                "subject": "外壳开裂",
                "body": "<p>收到的一批外壳有裂纹</p>",
                "email_from": "Buyer <buyer@example.com>",
            }
        )
        self.assertEqual(issue.title, "外壳开裂")
        self.assertEqual(issue.origin_kind, "email")
        self.assertEqual(issue.partner_id.email, "buyer@example.com")
        self.assertIn("裂纹", issue.description)
        self.assertTrue(issue.is_customer_case)


@tagged("post_install", "-at_install")
class TestProductComplaint(QualityIssueCommon):
    def _product_complaint(self, **vals):
        issue = self._create_issue(
            partner_id=self.client.id,
            product_name="PCB-4L",
            order_number="SO-2611-07",
            part_number="PN-4471",
            delivery_date="2026-11-20",
            quantity=1000,
            defective_quantity=12,
            **vals,
        )
        issue.write(
            {
                "date_contacted": issue.date_received,
                "date_reported_written": issue.date_received,
                "report_recipient_ids": [Command.set(self.manager.ids)],
            }
        )
        return issue

    def test_r5_4_five_anomaly_facts(self):
        """004/R5-4: a product complaint is sent on only with its five anomaly facts
        (order number, part number, delivery date, quantity, defective quantity)."""
        for field in (
            "order_number",
            "part_number",
            "delivery_date",
            "quantity",
            "defective_quantity",
        ):
            issue = self._product_complaint()
            issue[field] = False
            with self.assertRaisesRegex(UserError, "R5-4"):
                issue.action_investigate()
            self.assertEqual(issue.state, "new")
        issue = self._product_complaint()
        issue.action_investigate()
        self.assertEqual(issue.state, "investigating")

    def test_r5_3_quantity_undetermined(self):
        """004/R5-3: a return quantity the customer cannot fix yet is recorded as
        「客户加工中未确定」 and the complaint still goes on."""
        issue = self._product_complaint(is_return_qty_undetermined=True)
        self.assertFalse(issue.return_exchange_qty)
        issue.action_investigate()
        self.assertEqual(issue.state, "investigating")
        self.assertIn(
            "客户加工中未确定", issue._fields["is_return_qty_undetermined"].help
        )

    def test_r5_5_overdue_mechanism_configurable(self):
        """004/R5-5: the seed's handling deadlines are cut off, so the overdue
        mechanism exists with a configurable period: a new issue takes the company's
        resolution days."""
        self.company.qt_issue_resolve_days = 7
        issue = self._product_complaint()
        self.assertEqual(issue.resolve_days, 7)


@tagged("post_install", "-at_install")
class TestIssueIntakeRoles(QualityIssueCommon):
    def test_hr_d11_1_alarm_notifies_competent_department(self):
        """003/HR-D11-1: an inspector's quality abnormality alarm (cannot judge, or
        serious) notifies the competent department before the investigation."""
        for trigger in ("cannot_judge", "serious"):
            issue = self._create_issue(alarm_trigger=trigger)
            with self.assertRaisesRegex(UserError, "HR-D11-1"):
                issue.action_investigate()
            self.assertEqual(issue.state, "new")
            issue.alarm_department_id = self.department
            issue.action_investigate()
            self.assertEqual(issue.state, "investigating")

    def test_hr_d11_2_quality_department_registers_customer_feedback(self):
        """003/HR-D11-2: anyone records a customer's quality feedback, but only the
        quality department registers it and starts its investigation."""
        issue = self._create_issue(partner_id=self.client.id)
        issue.write(
            {
                "date_contacted": issue.date_received,
                "date_reported_written": issue.date_received,
                "report_recipient_ids": [Command.set(self.manager.ids)],
                "user_id": self.head.id,
            }
        )
        with self.assertRaisesRegex(UserError, "HR-D11-2"):
            issue.with_user(self.head).action_investigate()
        self.assertEqual(issue.state, "new")
        issue.with_user(self.officer).action_investigate()
        self.assertEqual(issue.state, "investigating")


@tagged("post_install", "-at_install")
class TestIssueAdverseReaction(QualityIssueCommon):
    def test_qt_9_adverse_reaction_reported_as_event(self):
        """004/QT-9: a complaint about an adverse reaction during use opens a
        prefilled adverse event report, which names the issue's responsible."""
        issue = self._create_issue(is_adverse_reaction=True, user_id=self.handler.id)
        action = issue.action_report_adverse_event()
        self.assertEqual(action["res_model"], "qt.adverse.event")
        device = self.env["product.product"].create({"name": "Pump"})
        event = (
            self.env["qt.adverse.event"]
            .with_context(**action["context"])
            .create({"product_id": device.id})
        )
        self.assertEqual(event.date_aware, issue.date_received)
        self.assertEqual(event.person_ids, self.handler)
        self.assertIn(issue.name, event.investigation_notes)
        self.assertTrue(event.with_user(self.handler).read(["name"]))
