from datetime import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common_cr_desk import CrDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskFlow(CrDeskCommon):
    """The six desk stages, the registration facts, closing and the voucher."""

    def test_stages_in_order(self):
        """003/HR-D3-1: accept → register → respond → dispatch → track → close, each
        only from the stage before; 003/HR-D10-5: a confirmed step before close."""
        request = self._complaint(user_id=self.owner.id)
        self.assertEqual(request.state, "new")
        self.assertTrue(request.can_register)
        self.assertFalse(request.can_close)
        with self.assertRaises(UserError):
            request.action_dispatch()
        with self.assertRaises(UserError):
            request.action_close()
        request.action_register()
        self.assertEqual(request.state, "registered")
        request.action_respond()
        self.assertEqual(request.state, "responded")
        request.action_dispatch()
        self.assertEqual(request.state, "assigned")
        request.action_start()
        self.assertEqual(request.state, "in_progress")
        self.assertEqual(request.investigation_start, datetime(2026, 11, 10, 2, 0))
        request.decision = "Retrain"
        request.action_decide()
        request.reply_text = "<p>Answer</p>"
        request.action_resolve()
        self.assertEqual(request.state, "resolved")
        request.cause_analysis = "Schedule conflict"
        request.action_confirm()
        self.assertEqual(request.state, "confirmed")
        request.action_close()
        self.assertEqual(request.state, "closed")
        self.assertEqual(request.date_closed, datetime(2026, 11, 10, 2, 0))

    def test_unregistered_cannot_close(self):
        """003/HR-D3-1: a request that was never registered cannot close."""
        request = self._complaint(user_id=self.owner.id)
        # forced past registration without its date (an import, a data fix)
        request.write({"state": "resolved", "client_confirmed": True})
        with self.assertRaisesRegex(UserError, "unregistered"):
            request.action_close()
        self.assertEqual(request.state, "resolved")

    def test_registration_facts_complaint(self):
        """004/R9-3: a complaint registers only with complainant, time, matter,
        contact and receiver; 004/R15-2, R1-6: its classification."""
        for field in ("partner_id", "contact_phone", "receiver_id", "complaint_object"):
            request = self._complaint(**{field: False})
            with self.assertRaises(UserError, msg=field):
                request.action_register()
            self.assertEqual(request.state, "new")
            request.action_cancel()  # the next call is no repeat of this one
        request = self._complaint(description=False)
        with self.assertRaisesRegex(UserError, "Description"):
            request.action_register()
        request.action_cancel()
        request = self._complaint(complaint_category=False)
        with self.assertRaisesRegex(UserError, "registration needs"):
            request.action_register()
        request.action_cancel()
        # the e-mail is a contact as good as the phone
        request = self._complaint(contact_phone=False, contact_email="w@hx.test")
        request.action_register()
        self.assertEqual(request.state, "registered")

    def test_registration_facts_service(self):
        """003/HR-D6-1: requirement, required time and environment; 004/R2-4: the
        address read back; 004/R10-2: the product facts of an after-sales
        service."""
        for field in ("requirement", "date_required", "environment_info"):
            request = self._service(**{field: False})
            with self.assertRaises(UserError, msg=field):
                request.action_register()
        request = self._service(contact_address=False)
        with self.assertRaisesRegex(UserError, "Address"):
            request.action_register()
        request = self._service(service_kind="A")
        with self.assertRaisesRegex(UserError, "Product Model"):
            request.action_register()
        request.write(
            {
                "product_model": "PX-40",
                "product_spec": "40kW",
                "purchase_date": "2025-01-02",
                "purchase_place": "Shanghai branch",
            }
        )
        request.action_register()
        self.assertEqual(request.state, "registered")

    def test_registration_facts_product_complaint(self):
        """004/R15-4: a product complaint needs category, batch, production and
        arrival dates."""
        request = self._complaint(complaint_object="product", complaint_category=False)
        with self.assertRaisesRegex(UserError, "Batch Number"):
            request.action_register()
        request.write(
            {
                "product_category": "Cable",
                "product_batch": "B-2026-11",
                "production_date": "2026-10-01",
                "arrival_date": "2026-10-20",
            }
        )
        request.action_register()
        self.assertEqual(request.state, "registered")

    def test_agreement_must_cover_date(self):
        """003/HR-D3-3, 003/HR-D10-4: the request's agreement must be active on the date
        received."""
        agreement = self.env["cr.agreement"].create(
            {"name": "SLA Huaxin", "partner_id": self.client.id}
        )
        request = self._complaint(agreement_id=agreement.id)
        with self.assertRaisesRegex(UserError, "does not cover"):
            request.action_register()
        agreement.write(
            {"state": "active", "date_start": "2026-01-01", "date_end": "2026-12-31"}
        )
        request.action_register()
        self.assertEqual(request.state, "registered")

    def test_respond_needs_promise_and_apology(self):
        """003/HR-D18-1: the client is told the scope and time of the definite
        answer; 004/R15-3: a complaint starts with an apology, valid or not."""
        request = self._complaint(date_promised=False)
        request.action_register()
        with self.assertRaisesRegex(UserError, "HR-D18-1"):
            request.action_respond()
        request.date_promised = datetime(2026, 11, 11, 2, 0)
        request.apologized = False
        request.complaint_validity = "invalid"
        with self.assertRaisesRegex(UserError, "R15-3"):
            request.action_respond()
        request.apologized = True
        request.action_respond()
        self.assertEqual(request.state, "responded")

    def test_call_back_activity(self):
        """003/HR-D18-2: a wrong answer is corrected by a call-back activity for the
        receiver."""
        request = self._complaint()
        request.action_schedule_call_back()
        activity = request.activity_ids
        self.assertEqual(activity.user_id, self.desk)
        self.assertEqual(
            activity.activity_type_id, self.env.ref("mail.mail_activity_data_call")
        )

    def test_dispatch_needs_handler_and_flags_lateness(self):
        """004/R9-10: dispatch within 5 minutes of the first report: 5:00 is on
        time, 5:01 late; the limit is the company's setting."""
        self.assertEqual(self.company.cr_dispatch_minutes, 5)
        on_time = self._complaint(date_received=datetime(2026, 11, 10, 1, 55))
        late = self._complaint(date_received=datetime(2026, 11, 10, 1, 54, 59))
        (on_time | late).action_register()
        with self.assertRaisesRegex(UserError, "team or the handler"):
            on_time.action_dispatch()
        (on_time | late).write({"user_id": self.owner.id})
        (on_time | late).action_dispatch()
        self.assertFalse(on_time.is_dispatch_late)
        self.assertTrue(late.is_dispatch_late)
        self.company.cr_dispatch_minutes = 10
        later = self._complaint(
            date_received=datetime(2026, 11, 10, 1, 51), user_id=self.owner.id
        )
        later.action_register()
        later.action_dispatch()
        self.assertFalse(later.is_dispatch_late)

    def test_dispatch_takes_team_department(self):
        """003/HR-D6-3: dispatch to a line team (2nd line) hands the request to the
        team's department."""
        request = self._service(department_id=False)
        request.action_register()
        request.action_dispatch()
        self.assertEqual(request.department_id, self.department)
        self.assertEqual(request.team_id.level, "second")

    def test_close_needs_confirmation_or_reason(self):
        """003/HR-D10-6: no close without the client's confirmation or an explicit
        reason for closing unconfirmed; 003/HR-D19-3: a valid complaint needs its
        cause analysis."""
        request = self._to_resolved(self._complaint(user_id=self.owner.id))
        with self.assertRaisesRegex(UserError, "HR-D10-6"):
            request.action_close()
        request.unconfirmed_reason = "  "
        with self.assertRaisesRegex(UserError, "HR-D10-6"):
            request.action_close()
        request.unconfirmed_reason = "Client unreachable for three days"
        with self.assertRaisesRegex(UserError, "HR-D19-3"):
            request.action_close()
        request.cause_analysis = "Schedule conflict"
        request.action_close()
        self.assertEqual(request.state, "closed")
        self.assertFalse(request.client_confirmed)

    def test_archive_year(self):
        """004/R18-1: a closed request goes to its year's case file (the year of the
        closure in the company's time zone)."""
        request = self._to_resolved(
            self._complaint(user_id=self.owner.id, complaint_validity="invalid")
        )
        request.action_confirm()
        with freeze_time("2026-12-31 17:00:00"):  # 1 January 2027 in Shanghai
            request.with_context(tz="Asia/Shanghai").action_close()
        self.assertEqual(request.archive_year, "2027")
        groups = self.Request._read_group(
            [("archive_year", "=", "2027")], ["archive_year"], ["__count"]
        )
        self.assertEqual(groups, [("2027", 1)])

    def test_written_reply_after_decision(self):
        """004/R18-3: the reply is written by default; 003/HR-D19-2: a complaint is
        resolved only with the written reply; 004/R18-4: no commitment before the
        decision."""
        request = self._complaint(user_id=self.owner.id)
        self.assertEqual(request.reply_method, "written")
        request.action_register()
        request.action_dispatch()
        with self.assertRaises(ValidationError):
            request.commitment = "A free replacement"
        with self.assertRaisesRegex(UserError, "after the decision"):
            request.action_resolve()
        request.decision = "Replace the part"
        request.action_decide()
        request.commitment = "A free replacement"
        self.assertEqual(request.decision_user_id, self.env.user)
        with self.assertRaisesRegex(UserError, "in writing"):
            request.action_resolve()
        request.reply_text = "<p>We will replace it.</p>"
        request.action_resolve()
        self.assertEqual(request.state, "resolved")
        self.assertTrue(request.date_replied)

    def test_major_matter_needs_meeting(self):
        """004/R18-6: a major matter is decided by the management meeting."""
        request = self._complaint(user_id=self.owner.id, is_major=True)
        request.action_register()
        request.action_dispatch()
        request.decision = "Refund"
        with self.assertRaisesRegex(UserError, "R18-6"):
            request.action_decide()
        request.meeting_decision = "Meeting of 10 November: refund approved"
        request.action_decide()
        self.assertTrue(request.date_decided)

    def test_types_and_channels(self):
        """003/HR-D10-8: inquiry, complaint, suggestion, opinion (and service, fault);
        inbound and outbound calls."""
        kinds = dict(self.Request._fields["kind"].selection)
        self.assertLessEqual(
            {"inquiry", "complaint", "suggestion", "opinion", "service", "fault"},
            set(kinds),
        )
        channels = dict(self.Request._fields["channel"].selection)
        self.assertLessEqual({"phone", "outbound", "email", "visit"}, set(channels))

    def test_classifications(self):
        """004/R1-6: four service complaint kinds; 004/R15-2: service / product ×
        valid / invalid; 003/HR-D3-5: three confidentiality levels."""
        fields_ = self.Request._fields
        self.assertEqual(
            [v for v, _l in fields_["complaint_category"].selection],
            ["attitude", "competence", "efficiency", "other"],
        )
        self.assertEqual(
            [v for v, _l in fields_["complaint_object"].selection],
            ["service", "product"],
        )
        self.assertEqual(
            [v for v, _l in fields_["complaint_validity"].selection],
            ["valid", "invalid"],
        )
        self.assertEqual(
            [v for v, _l in fields_["confidentiality"].selection],
            ["ordinary", "sensitive", "confidential"],
        )

    def test_cancel(self):
        request = self._complaint()
        request.action_cancel()
        self.assertEqual(request.state, "cancel")
        with self.assertRaises(UserError):
            request.action_cancel()


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskNumbering(CrDeskCommon):
    def test_monthly_numbers(self):
        """004/R5-1: YYMM + a serial; 004/R5-2: the serial restarts every month."""
        july = self._complaint(date_received=datetime(2025, 7, 3, 2, 0))
        july2 = self._complaint(date_received=datetime(2025, 7, 20, 2, 0))
        august = self._complaint(date_received=datetime(2025, 8, 1, 2, 0))
        self.assertEqual(july.name, "250701")
        self.assertEqual(july2.name, "250702")
        self.assertEqual(august.name, "250801")
        ranges = self.env.ref("client_relations.seq_cr_request").date_range_ids
        july_range = ranges.filtered(lambda r: str(r.date_from) == "2025-07-01")
        self.assertEqual(str(july_range.date_to), "2025-07-31")


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskPriority(CrDeskCommon):
    def test_matrix(self):
        """003/HR-D3-2: impact × urgency give the priority through the matrix;
        changing either recomputes it; a changed cell takes effect."""
        request = self._complaint(impact="3", urgency="3")
        self.assertEqual(request.priority, "3")
        request.urgency = "1"
        self.assertEqual(request.priority, "1")
        request.impact = "1"
        self.assertEqual(request.priority, "0")
        cell = self.env["cr.priority.matrix"].search(
            [
                ("company_id", "=", self.company.id),
                ("impact", "=", "1"),
                ("urgency", "=", "1"),
            ]
        )
        cell.priority = "2"
        other = self._complaint(impact="1", urgency="1")
        self.assertEqual(other.priority, "2")
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["cr.priority.matrix"].create(
                {"impact": "1", "urgency": "1", "priority": "0"}
            )


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskRepeat(CrDeskCommon):
    def test_repeat_call_links(self):
        """000/R-CR-21: the receiver follows the request and stays responsible; a
        second call of the same client and caller links to the open request,
        whose receiver keeps it (004/R9-12)."""
        mail_on = {
            "tracking_disable": False,
            "mail_create_nosubscribe": False,
            "mail_notrack": False,
        }
        first = self.Request.with_context(**mail_on).create(self._complaint_vals())
        self.assertIn(self.desk.partner_id, first.message_partner_ids)
        again = self._complaint(receiver_id=self.owner.id)
        self.assertEqual(again.repeat_of_id, first)
        self.assertEqual(again.receiver_id, self.desk)
        self.assertEqual(first.repeat_count, 1)
        # another caller of the same client is a new request
        other = self._complaint(
            contact_id=self.env["res.partner"]
            .create({"name": "Zhao", "parent_id": self.client.id})
            .id
        )
        self.assertFalse(other.repeat_of_id)
        # once the first is closed, a new call is a new request
        first.action_cancel()
        third = self._complaint()
        self.assertFalse(third.repeat_of_id)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskEscalation(CrDeskCommon):
    def test_level_by_level(self):
        """003/HR-D10-3: the next contact of the department's list, level by level;
        003/HR-D6-2: never without a reason; 004/R1-8: the supervisor of the level
        takes the complaint over."""
        request = self._complaint(user_id=self.owner.id)
        request.action_register()
        with self.assertRaisesRegex(UserError, "HR-D6-2"):
            request.action_escalate()
        request.escalation_reason = "Liaison unreachable"
        request.action_escalate()
        self.assertEqual(request.escalation_level, 1)
        self.assertEqual(request.user_id, self.supervisor)
        self.assertFalse(request.escalation_reason)
        request.escalation_reason = "Supervisor cannot solve it"
        request.action_escalate()
        self.assertEqual((request.escalation_level, request.user_id), (2, self.service))
        request.escalation_reason = "Needs the general manager"
        request.action_escalate()
        self.assertEqual((request.escalation_level, request.user_id), (3, self.manager))
        request.escalation_reason = "Nobody above"
        with self.assertRaisesRegex(UserError, "no further level"):
            request.action_escalate()

    def test_escalation_skips_person_complained_about(self):
        """004/R18-2: a level whose contact is complained about is skipped."""
        request = self._complaint(
            user_id=self.owner.id, subject_user_ids=[(6, 0, self.supervisor.ids)]
        )
        request.action_register()
        request.escalation_reason = "Liaison unreachable"
        request.action_escalate()
        self.assertEqual(request.user_id, self.service)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskFaults(CrDeskCommon):
    def _fault(self, scope, minutes):
        return self.Request.create(
            {
                "subject": "Outage",
                "kind": "fault",
                "fault_scope": scope,
                "fault_minutes": minutes,
            }
        )

    def test_grades(self):
        """002/R43: all down → major; a service type or province down 59 min →
        general, 60 → serious; registration down 3 h 59 → general, 4 h →
        serious."""
        self.assertEqual(self._fault("all", 1).fault_grade, "major")
        self.assertEqual(self._fault("service_type", 59).fault_grade, "general")
        self.assertEqual(self._fault("service_type", 60).fault_grade, "serious")
        self.assertEqual(self._fault("province", 60).fault_grade, "serious")
        self.assertEqual(self._fault("registration", 239).fault_grade, "general")
        self.assertEqual(self._fault("registration", 240).fault_grade, "serious")
        self.assertEqual(self._fault("partial", 600).fault_grade, "general")

    def test_grade_settings(self):
        """002/R43: the 60 minutes and 4 hours are company settings."""
        self.assertEqual(self.company.cr_fault_serious_minutes, 60)
        self.assertEqual(self.company.cr_fault_registration_minutes, 240)
        self.company.cr_fault_serious_minutes = 30
        self.company.cr_fault_registration_minutes = 120
        self.assertEqual(self._fault("service_type", 30).fault_grade, "serious")
        self.assertEqual(self._fault("registration", 120).fault_grade, "serious")
        self.assertEqual(self._fault("registration", 119).fault_grade, "general")


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskVoucher(CrDeskCommon):
    def test_service_kinds(self):
        """004/R10-1: four service kinds coded A/B/C/D."""
        self.assertEqual(
            [v for v, _l in self.Request._fields["service_kind"].selection],
            ["A", "B", "C", "D"],
        )

    def test_fee_rules(self):
        """002/R28: free (C) and internal (D) charge nothing, contract (B) parts
        only, paid (A) parts and labour."""
        request = self._service(service_kind="A", parts_amount=100, labour_amount=50)
        with self.assertRaisesRegex(ValidationError, "labour"):
            request.service_kind = "B"
        request.labour_amount = 0
        request.service_kind = "B"
        with self.assertRaisesRegex(ValidationError, "R28"):
            request.service_kind = "C"
        request.parts_amount = 0
        request.service_kind = "C"
        request.service_kind = "D"
        with self.assertRaises(ValidationError):
            request.labour_amount = 0.01
        with self.assertRaises(ValidationError):
            self._service(service_kind="A", parts_amount=-1)

    def test_countersign_before_client(self):
        """004/R10-6: the manager countersigns the voucher before the client signs;
        002/R29: a paid or contract service closes with the client's signature and
        the invoice."""
        request = self._service(
            service_kind="B",
            parts_amount=800,
            product_model="PX-40",
            product_spec="40kW",
            purchase_date="2025-01-02",
            purchase_place="Shanghai",
        )
        self._to_resolved(request)
        request.action_confirm()
        self.assertFalse(request.can_client_sign)
        with self.assertRaisesRegex(UserError, "R10-6"):
            request.action_client_sign()
        with self.assertRaisesRegex(UserError, "department manager"):
            request.with_user(self.owner).action_countersign()
        request.with_user(self.supervisor).action_countersign()
        self.assertEqual(request.voucher_countersigned_by_id, self.supervisor)
        self.assertTrue(request.can_client_sign)
        self.assertFalse(request.with_user(self.supervisor).can_countersign)
        with self.assertRaisesRegex(UserError, "R29"):
            request.action_close()
        request.action_client_sign()
        with self.assertRaisesRegex(UserError, "R29"):
            request.action_close()
        request.invoice_ref = "INV/2026/0001"
        request.action_close()
        self.assertEqual(request.state, "closed")

    def test_register_lists_every_request(self):
        """004/R10-9, CR-3: the service register is the list of every request, with
        no filter on its action's domain."""
        action = self.env.ref("client_relations.cr_request_action")
        self.assertFalse(action.domain)
        request = self._service()
        self.assertIn(request, self.Request.search(action.domain or []))

    def test_monthly_rating(self):
        """004/R10-7: the client's ratings per handler and month for the monthly
        appraisal, by one grouped read."""
        for rating in ("4", "2"):
            request = self._service(user_id=self.owner.id, client_rating=rating)
            request.write({"date_closed": datetime(2026, 11, 5)})
        groups = self.Request._read_group(
            [("client_rating", "!=", False), ("user_id", "=", self.owner.id)],
            ["user_id", "date_closed:month", "client_rating"],
            ["__count"],
        )
        self.assertEqual(len(groups), 2)
        self.assertEqual({g[0] for g in groups}, {self.owner})


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskOffsite(CrDeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department.manager_id = cls.supervisor.employee_ids[:1]

    def test_offsite_needs_manager_approval(self):
        """004/R10-4: an off-site service starts only after the department manager
        approved the application through the tier validation."""
        request = self._service(is_offsite=True, user_id=self.owner.id)
        request.action_register()
        request.action_dispatch()
        with self.assertRaisesRegex(UserError, "R10-4"):
            request.action_start()
        application = self.env["cr.offsite.application"].create(
            {
                "request_id": request.id,
                "user_id": self.owner.id,
                "date_planned": datetime(2026, 11, 11, 1, 0),
                "purpose": "Maintain the units",
            }
        )
        self.assertEqual(application.manager_reviewer_ids, self.supervisor)
        application.action_submit()
        self.assertEqual(application.state, "submitted")
        with self.assertRaises(ValidationError):
            application.action_approve()
        with self.assertRaisesRegex(UserError, "R10-4"):
            request.action_start()
        application.with_user(self.supervisor).validate_tier()
        self.assertEqual(application.validation_status, "validated")
        application.action_approve()
        request.action_start()
        self.assertEqual(request.state, "in_progress")

    def test_offsite_needs_manager(self):
        self.department.manager_id = False
        request = self._service(is_offsite=True)
        application = self.env["cr.offsite.application"].create(
            {
                "request_id": request.id,
                "date_planned": datetime(2026, 11, 11, 1, 0),
                "purpose": "Maintain the units",
            }
        )
        with self.assertRaisesRegex(UserError, "no manager"):
            application.action_submit()
        self.assertEqual(application.state, "draft")


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskClient(CrDeskCommon):
    def test_requests_smart_button(self):
        """The client's requests: the count and the list from the client's form."""
        self.assertEqual(self.client.cr_request_count, 0)
        request = self._complaint()
        self.client.invalidate_recordset(["cr_request_count"])
        self.assertEqual(self.client.cr_request_count, 1)
        action = self.client.action_view_cr_requests()
        self.assertEqual(self.Request.search(action["domain"]), request)
        self.assertEqual(action["context"]["default_partner_id"], self.client.id)
