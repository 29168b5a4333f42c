from datetime import date, datetime

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import mute_logger

from .common_coi_decl import CoiDeclCommon


@tagged("post_install", "-at_install")
class TestCoiDeclarationRules(CoiDeclCommon):
    def test_r1_listed_holding_boundaries(self):
        """002/R1: a holding bought on the securities market below 5 % is exempt;
        4.99 % exempt, 5.00 % and 6 % conflicts, 0.1 % off-market a conflict."""
        declaration = self._declaration()
        cases = [
            (4.99, True, True, False),
            (5.00, True, False, True),
            (6.0, True, False, True),
            (0.1, False, False, True),
        ]
        for pct, market, exempt, conflict in cases:
            line = self._line(
                declaration,
                holding_pct=pct,
                via_securities_market=market,
                is_listed=market,
            )
            self.assertEqual(line.is_exempt, exempt, (pct, market))
            self.assertEqual(line.is_conflict, conflict, (pct, market))
        self.assertEqual(declaration.conflict_count, 3)

    def test_r1_setting_default_and_changed(self):
        """002/R1: the 5 % threshold is a company setting; lowered to 3 %, a 4 %
        market holding becomes a conflict, 2.99 % stays exempt."""
        self.assertEqual(self.company.vc_coi_holding_exempt_pct, 5.0)
        self.company.vc_coi_holding_exempt_pct = 3.0
        declaration = self._declaration()
        line = self._line(declaration, holding_pct=4.0, via_securities_market=True)
        self.assertTrue(line.is_conflict)
        line = self._line(declaration, holding_pct=2.99, via_securities_market=True)
        self.assertTrue(line.is_exempt)

    def test_r1_holding_pct_range(self):
        """002/R1: a holding is between 0 and 100 %."""
        declaration = self._declaration()
        with self.assertRaises(ValidationError):
            self._line(declaration, holding_pct=100.01)
        with self.assertRaises(ValidationError):
            self._line(declaration, holding_pct=-1)

    def test_r11_normal_bank_loan_exempt(self):
        """002/R11: a normal loan from a financial institution (a bank that is a
        client) is exempt; a loan from a supplier is a conflict."""
        declaration = self._declaration()
        bank = self._line(
            declaration,
            kind="loan",
            counterparty_name="Bank of Test",
            counterparty_relation="client",
            loan_normal_financial=True,
        )
        self.assertTrue(bank.is_exempt)
        self.assertFalse(bank.is_conflict)
        supplier = self._line(
            declaration,
            kind="loan",
            counterparty_name="Supplier",
            counterparty_relation="supplier",
        )
        self.assertFalse(supplier.is_exempt)
        self.assertTrue(supplier.is_conflict)

    def test_r12_prohibited_investment(self):
        """002/R12: an investment in a business partner or competitor is a
        prohibited conflict; an exempt market holding below 5 % is not flagged."""
        declaration = self._declaration()
        line = self._line(declaration, kind="investment", holding_pct=1)
        self.assertTrue(line.is_conflict)
        self.assertTrue(line.is_prohibited)
        exempt = self._line(declaration, holding_pct=4.99, via_securities_market=True)
        self.assertFalse(exempt.is_prohibited)
        private = self._line(declaration, holding_pct=0.1)
        self.assertTrue(private.is_prohibited)

    def test_r13_prohibited_position(self):
        """002/R13: a director's, supervisor's, officer's or consultant's position
        with a business partner or competitor is prohibited; an employee position
        is a conflict only; a position with an unrelated company is neither."""
        declaration = self._declaration()
        for kind in ("director", "supervisor", "senior_officer", "consultant"):
            line = self._line(declaration, kind="position", position_kind=kind)
            self.assertTrue(line.is_conflict and line.is_prohibited, kind)
        employee = self._line(declaration, kind="position", position_kind="employee")
        self.assertTrue(employee.is_conflict)
        self.assertFalse(employee.is_prohibited)
        unrelated = self._line(
            declaration,
            kind="position",
            position_kind="director",
            counterparty_relation=False,
        )
        self.assertFalse(unrelated.is_conflict or unrelated.is_prohibited)

    def test_r14_related_transaction_explained(self):
        """002/R14: a related-party transaction must be explained; explained, it is
        a declared conflict."""
        declaration = self._declaration()
        with self.assertRaises(ValidationError):
            self._line(declaration, kind="related_transaction")
        line = self._line(
            declaration,
            kind="related_transaction",
            description="My brother's firm leases us a warehouse",
        )
        self.assertTrue(line.is_conflict)

    def test_related_person_holder_needed(self):
        """A line held by a related person names them."""
        declaration = self._declaration()
        with self.assertRaises(ValidationError):
            self._line(declaration, holder="related_person")
        line = self._line(
            declaration, holder="related_person", related_person_id=self.spouse.id
        )
        self.assertEqual(line.related_person_id, self.spouse)


@tagged("post_install", "-at_install")
class TestCoiDeclarationDeadlines(CoiDeclCommon):
    def test_r2_window_2026_china(self):
        """002/R2: the 2026 window on China's calendar is the five working days
        before 31 December: 24, 25, 28, 29 and 30 December (not 23, not 31)."""
        window = self.Declaration._vc_annual_window(self.company, 2026, 5)
        self.assertEqual(
            window,
            [
                date(2026, 12, 24),
                date(2026, 12, 25),
                date(2026, 12, 28),
                date(2026, 12, 29),
                date(2026, 12, 30),
            ],
        )
        declaration = self._declaration(kind="annual", year=2026, date_known=False)
        self.assertEqual(declaration.date_window_start, date(2026, 12, 24))
        self.assertEqual(declaration.date_window_end, date(2026, 12, 30))
        self.assertEqual(declaration.date_clock_start, date(2026, 12, 23))
        self.assertEqual(self._local(declaration.submit_due).date(), date(2026, 12, 30))

    def test_r2_setting_changed(self):
        """002/R2: the window's working days are a setting (default 5); at 3 the
        window is 28-30 December, still due on the 30th."""
        self.assertEqual(self.company.vc_coi_annual_window_days, 5)
        self.company.vc_coi_annual_window_days = 3
        declaration = self._declaration(kind="annual", year=2026, date_known=False)
        self.assertEqual(declaration.date_window_start, date(2026, 12, 28))
        self.assertEqual(declaration.allowed_amount, 3)
        self.assertEqual(self._local(declaration.submit_due).date(), date(2026, 12, 30))

    def test_r2_r10_cron_opens_once_independent_excluded(self):
        """002/R2, R10: the daily campaign does nothing before the window (23
        December), opens one annual declaration per must-declare declarant on 24
        December, none for the independent director, and never a second one."""
        cron = self.env.ref("vendor_counsel.ir_cron_vc_coi_open_annual")
        mine = self.director | self.independent | self.officer
        domain = [("declarant_id", "in", mine.ids), ("kind", "=", "annual")]
        with freeze_time("2026-12-23 02:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertFalse(self.Declaration.search(domain))
        with freeze_time("2026-12-24 02:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        declarations = self.Declaration.search(domain)
        self.assertEqual(declarations.declarant_id, self.director | self.officer)
        self.assertEqual(set(declarations.mapped("year")), {2026})
        self.assertEqual(set(declarations.mapped("state")), {"draft"})
        activity = declarations.filtered(
            lambda d: d.declarant_id == self.director
        ).activity_ids
        self.assertEqual(activity.user_id, self.declarant_user)

    def test_r10_must_declare(self):
        """002/R10: directors, supervisors, senior officers declare; independent
        directors and related persons never; a law firm when included."""
        self.assertTrue(self.director.must_declare)
        self.assertTrue(self.officer.must_declare)
        self.assertFalse(self.independent.must_declare)
        self.independent.include_in_campaign = True
        self.assertFalse(self.independent.must_declare)
        self.firm.action_vc_register_declarant()
        firm = self.Declarant.search([("partner_id", "=", self.firm.id)])
        self.assertEqual(firm.role, "law_firm")
        self.assertFalse(firm.must_declare)
        firm.include_in_campaign = True
        self.assertTrue(firm.must_declare)
        self.director.active = False
        self.assertFalse(self.director.must_declare)

    def test_r3_event_due_wednesday_and_late(self):
        """002/R3: known on Friday 6 March 2026 → due Wednesday 11 March on China's
        calendar; submitted on the third working day on time, on the fourth late."""
        self.assertEqual(self.company.vc_coi_event_days, 3)
        on_time = self._declaration(date_known=date(2026, 3, 6), nil_return=True)
        late = self._declaration(date_known=date(2026, 3, 6), nil_return=True)
        (on_time | late).acknowledgement = True
        self.assertEqual(self._local(on_time.submit_due).date(), date(2026, 3, 11))
        with freeze_time("2026-03-11 02:00:00"):
            on_time.with_user(self.declarant_user).action_submit()
        self.assertFalse(on_time.is_late)
        with freeze_time("2026-03-12 02:00:00"):
            late.with_user(self.declarant_user).action_submit()
        self.assertTrue(late.is_late)
        self.assertEqual(on_time.is_on_time, 1)
        self.assertEqual(late.is_on_time, 0)

    def test_r3_setting_changed(self):
        """002/R3: five working days instead of three: due Friday 13 March."""
        self.company.vc_coi_event_days = 5
        declaration = self._declaration(date_known=date(2026, 3, 6))
        self.assertEqual(self._local(declaration.submit_due).date(), date(2026, 3, 13))

    def test_r3_date_known_required(self):
        """002/R3: a new-conflict declaration needs its date known (today when
        created without one)."""
        with self.assertRaises(ValidationError):
            self._declaration(date_known=False)
        with freeze_time("2026-03-06 02:00:00"):
            declaration = self.Declaration.create({"declarant_id": self.director.id})
        self.assertEqual(declaration.date_known, date(2026, 3, 6))
        with self.assertRaises(ValidationError):
            declaration.date_known = False

    def test_r4_transitional(self):
        """002/R4: no period by default (the seed is garbled): no deadline; with 30
        calendar days from promulgation on 1 June 2026 → due 1 July; with 20
        working days → due 30 June; addressed to the audit committee."""
        self.assertFalse(self.company.vc_coi_transitional_amount)
        self.company.vc_coi_promulgation_date = date(2026, 6, 1)
        none = self._declaration(kind="transitional", date_known=False)
        self.assertFalse(none.submit_due)
        self.assertEqual(none.submitted_to, "audit_committee")
        self.company.vc_coi_transitional_amount = 30
        days = self._declaration(kind="transitional", date_known=False)
        self.assertEqual(days.date_promulgation, date(2026, 6, 1))
        # the end of 1 July: 24:00, local midnight starting 2 July
        self.assertEqual(
            self._local(days.submit_due).replace(tzinfo=None),
            datetime(2026, 7, 2, 0, 0),
        )
        self.company.vc_coi_transitional_unit = "working_days"
        self.company.vc_coi_transitional_amount = 20
        working = self._declaration(kind="transitional", date_known=False)
        # June 2026 in China: Dragon Boat Festival on 19 June
        self.assertEqual(self._local(working.submit_due).date(), date(2026, 6, 30))


@tagged("post_install", "-at_install")
class TestCoiDeclarationFlow(CoiDeclCommon):
    def test_submit_by_declarant(self):
        """The declarant signs and submits: signed by, on, and the date."""
        declaration = self._declaration(acknowledgement=True)
        self._line(declaration, holding_pct=6)
        self.assertTrue(declaration.with_user(self.declarant_user).can_submit)
        declaration.with_user(self.declarant_user).action_submit()
        self.assertEqual(declaration.state, "submitted")
        self.assertEqual(declaration.signed_by_id, self.declarant_user)
        self.assertTrue(declaration.signed_on)

    def test_guard_submit_other_user(self):
        """Only the declarant signs: compliance cannot submit for them."""
        declaration = self._declaration(acknowledgement=True, nil_return=True)
        with self.assertRaises(UserError):
            declaration.with_user(self.compliance).action_submit()
        self.assertEqual(declaration.state, "draft")

    def test_guard_submit_without_acknowledgement(self):
        declaration = self._declaration(nil_return=True)
        with self.assertRaises(UserError):
            declaration.with_user(self.declarant_user).action_submit()
        self.assertEqual(declaration.state, "draft")

    def test_guard_submit_empty(self):
        """Interests or 'nothing to declare', not neither, not both."""
        declaration = self._declaration(acknowledgement=True)
        with self.assertRaises(UserError):
            declaration.with_user(self.declarant_user).action_submit()
        self._line(declaration, holding_pct=6)
        declaration.nil_return = True
        with self.assertRaises(UserError):
            declaration.with_user(self.declarant_user).action_submit()
        self.assertEqual(declaration.state, "draft")

    def test_guard_submit_twice(self):
        declaration = self._declaration(acknowledgement=True, nil_return=True)
        declaration.with_user(self.declarant_user).action_submit()
        with self.assertRaises(UserError):
            declaration.with_user(self.declarant_user).action_submit()

    def test_lines_locked_after_submit_and_supplement_loop(self):
        """W1 step 5: signed interests are locked; compliance asks for a
        supplement, the declarant may then add an interest and answers, and the
        declaration is back to submitted."""
        declaration = self._declaration(acknowledgement=True)
        line = self._line(declaration, holding_pct=6)
        declaration.with_user(self.declarant_user).action_submit()
        with self.assertRaises(UserError):
            line.with_user(self.declarant_user).holding_pct = 1
        with self.assertRaises(UserError):
            declaration.with_user(self.compliance).action_request_supplement()
        declaration.supplement_request = "Who sold you the shares?"
        with self.assertRaises(UserError):
            declaration.with_user(self.declarant_user).action_request_supplement()
        declaration.with_user(self.compliance).action_request_supplement()
        self.assertEqual(declaration.state, "supplement_requested")
        self._line(
            declaration.with_user(self.declarant_user),
            kind="other",
            counterparty_name="Broker",
        )
        with self.assertRaises(UserError):
            declaration.with_user(self.declarant_user).action_answer_supplement()
        declaration.supplement_response = "A private placement by a friend."
        with self.assertRaises(UserError):
            declaration.with_user(self.compliance).action_answer_supplement()
        declaration.with_user(self.declarant_user).action_answer_supplement()
        self.assertEqual(declaration.state, "submitted")
        self.assertEqual(len(declaration.line_ids), 2)

    def test_guard_cancel(self):
        """A draft is cancelled by its declarant; a submitted one by compliance
        only."""
        draft = self._declaration()
        draft.with_user(self.declarant_user).action_cancel()
        self.assertEqual(draft.state, "cancel")
        submitted = self._declaration(acknowledgement=True, nil_return=True)
        submitted.with_user(self.declarant_user).action_submit()
        with self.assertRaises(UserError):
            submitted.with_user(self.declarant_user).action_cancel()
        submitted.with_user(self.compliance).action_cancel()
        self.assertEqual(submitted.state, "cancel")
        with self.assertRaises(UserError):
            submitted.with_user(self.compliance).action_cancel()

    def test_one_annual_per_year(self):
        """002/R2: one annual declaration per declarant and year."""
        self._declaration(kind="annual", year=2026, date_known=False)
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._declaration(kind="annual", year=2026, date_known=False)

    def test_declarant_gets_app_role(self):
        """A registered declarant's user can reach My Declarations."""
        self.assertTrue(
            self.declarant_user.has_group("vendor_counsel.group_vendor_counsel_user")
        )

    def test_report_renders(self):
        """002/F1: 《利益冲突申报表》 prints the interests and related persons."""
        declaration = self._declaration()
        self._line(declaration, holding_pct=6)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "vendor_counsel.report_vc_coi_declaration", declaration.ids
            )[0]
            .decode()
        )
        self.assertIn("利益冲突申报表", html)
        self.assertIn("Rival Precision Co.", html)
        self.assertIn("Spouse Zhou", html)
        self.assertIn("Decision on the Declared Conflicts", html)

    def test_analysis_query_count(self):
        """Declarations on time per year and unit: one grouped query whatever the
        number of declarations."""
        for declarant in (self.director, self.officer):
            self._declaration(declarant_id=declarant.id, nil_return=True)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=2):
            self.Declaration._read_group(
                [], ["year", "company_id"], ["is_on_time:sum", "__count"]
            )
        for _i in range(5):
            self._declaration(declarant_id=self.officer.id, nil_return=True)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=2):
            self.Declaration._read_group(
                [], ["year", "company_id"], ["is_on_time:sum", "__count"]
            )


@tagged("post_install", "-at_install")
class TestCoiGift(CoiDeclCommon):
    def _gift(self, **vals):
        values = {
            "declarant_id": self.director.id,
            "giver_name": "Rival Precision Co.",
            "description": "Red envelope",
            "date": date(2026, 2, 10),
        }
        values.update(vals)
        return self.Gift.create(values)

    def test_r9_cash_never_kept(self):
        """002/R9: cash or a cash equivalent can never be kept, at 0.01 as at
        100,000; refused or handed to HR it is fine."""
        for value in (0.01, 100000):
            with self.assertRaises(ValidationError):
                self._gift(
                    is_cash=True,
                    value=value,
                    influence="no_influence",
                    disposition="kept",
                )
        gift = self._gift(is_cash=True, value=0.01, disposition="refused")
        self.assertEqual(gift.disposition, "refused")
        with self.assertRaises(ValidationError):
            gift.disposition = "kept"

    def test_r9_non_cash_kept_needs_judgement(self):
        """002/R9: a non-cash gift is kept only when judged not to influence
        decisions."""
        with self.assertRaises(ValidationError):
            self._gift(value=300, disposition="kept", influence="may_influence")
        with self.assertRaises(ValidationError):
            self._gift(value=300, disposition="kept")
        gift = self._gift(value=300, disposition="kept", influence="no_influence")
        gift.action_close()
        self.assertEqual(gift.state, "closed")

    def test_r9_handed_to_hr_confirmed(self):
        """002/R9, W5: a gift handed to the HR office closes only once its receipt
        is recorded (who and when), by the compliance officer."""
        gift = self._gift(is_cash=True, value=2000, disposition="handed_to_hr")
        with self.assertRaises(UserError):
            gift.action_close()
        with self.assertRaises(UserError):
            gift.with_user(self.compliance).action_confirm_hr_receipt()
        gift.hr_receiver_id = self.manager
        with self.assertRaises(UserError):
            gift.with_user(self.declarant_user).action_confirm_hr_receipt()
        gift.with_user(self.compliance).action_confirm_hr_receipt()
        self.assertEqual(gift.hr_confirmed_by_id, self.compliance)
        self.assertTrue(gift.hr_received_on)
        gift.action_close()
        self.assertEqual(gift.state, "closed")
        with self.assertRaises(UserError):
            gift.action_close()

    def test_guard_close_without_disposition(self):
        gift = self._gift()
        with self.assertRaises(UserError):
            gift.action_close()

    def test_gift_value_not_negative(self):
        with self.assertRaises(ValidationError):
            self._gift(value=-1)

    def test_register_per_person(self):
        """The declarant's smart button lists their gifts."""
        gift = self._gift(value=10, disposition="refused")
        self.assertEqual(self.director.gift_count, 1)
        action = self.director.action_view_gifts()
        self.assertEqual(self.Gift.search(action["domain"]), gift)


@tagged("post_install", "-at_install")
class TestCoiConsultation(CoiDeclCommon):
    def _consultation(self):
        return self.env["vc.coi.consultation"].create(
            {
                "declarant_id": self.director.id,
                "situation": "My cousin may join a firm on our panel.",
            }
        )

    def test_no_conflict(self):
        """002 W4: the declarant consults internal audit, which answers: no
        conflict."""
        consultation = self._consultation()
        with self.assertRaises(UserError):
            consultation.with_user(self.auditor).action_submit()
        with freeze_time("2026-05-06 02:00:00"):
            consultation.with_user(self.declarant_user).action_submit()
        self.assertEqual(consultation.date_consulted, date(2026, 5, 6))
        with self.assertRaises(UserError):
            consultation.with_user(self.auditor).action_no_conflict()
        consultation.outcome_note = "A cousin is not a related person here."
        with self.assertRaises(UserError):
            consultation.with_user(self.declarant_user).action_no_conflict()
        consultation.with_user(self.auditor).action_no_conflict()
        self.assertEqual(consultation.outcome, "no_conflict")
        self.assertFalse(consultation.declaration_id)
        with self.assertRaises(UserError):
            consultation.with_user(self.auditor).action_conflict()

    def test_conflict_opens_event_declaration(self):
        """002 W4, 002/R3: a conflict found by consultation becomes a new-conflict
        declaration known on the day of the answer, due three working days later."""
        consultation = self._consultation()
        consultation.with_user(self.declarant_user).action_submit()
        consultation.outcome_note = "Declare it."
        with freeze_time("2026-03-06 02:00:00"):
            consultation.with_user(self.compliance).action_conflict()
        declaration = consultation.declaration_id
        self.assertEqual(declaration.kind, "event")
        self.assertEqual(declaration.date_known, date(2026, 3, 6))
        self.assertEqual(declaration.declarant_id, self.director)
        self.assertEqual(self._local(declaration.submit_due).date(), date(2026, 3, 11))
        self.assertEqual(consultation.state, "answered")

    def test_consultation_confidential(self):
        """A consultation is read by its declarant and the officers only."""
        consultation = self._consultation()
        Consultation = self.env["vc.coi.consultation"]
        self.assertFalse(Consultation.with_user(self.legal).search([]))
        self.assertEqual(
            Consultation.with_user(self.declarant_user).search([]), consultation
        )
        self.assertIn(consultation, Consultation.with_user(self.auditor).search([]))


@tagged("post_install", "-at_install")
class TestCoiMultiCompany(CoiDeclCommon):
    def test_subsidiary_declarant(self):
        """002/R10: a controlled subsidiary's declarant declares in the subsidiary;
        a compliance officer of the parent only is not shown it; the annual rule
        of the deadline engine times it."""
        subsidiary = self.env["res.company"].create(
            {"name": "Subsidiary Co.", "resource_calendar_id": self.calendar.id}
        )
        declarant = self.Declarant.create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Sub GM"}).id,
                "role": "officer",
                "company_id": subsidiary.id,
            }
        )
        declaration = self.Declaration.create(
            {"declarant_id": declarant.id, "kind": "annual", "year": 2026}
        )
        self.assertEqual(declaration.company_id, subsidiary)
        self.assertEqual(declaration.date_window_end, date(2026, 12, 30))
        self.assertEqual(
            declaration.deadline_timer_ids.rule_id,
            self.env.ref("vendor_counsel.rule_vc_coi_declaration_annual"),
        )
        self.assertNotIn(
            declaration, self.Declaration.with_user(self.compliance).search([])
        )
        self.compliance.write(
            {"company_ids": [(4, subsidiary.id)], "company_id": self.company.id}
        )
        found = (
            self.Declaration.with_user(self.compliance)
            .with_context(allowed_company_ids=[self.company.id, subsidiary.id])
            .search([])
        )
        self.assertIn(declaration, found)


@tagged("post_install", "-at_install")
class TestCoiDeclarationEscalation(CoiDeclCommon):
    def test_r2_unsubmitted_annual_escalates_to_compliance(self):
        """002/R2: an annual declaration still unsubmitted when the window closes is
        breached and the compliance officer is notified, once."""
        declaration = self._declaration(kind="annual", year=2026, date_known=False)
        cron = self.env.ref("business_deadline.ir_cron_business_deadline_timer_sweep")
        with freeze_time("2026-12-29 02:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
        self.assertEqual(declaration.deadline_state, "warning")
        with freeze_time("2026-12-31 02:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        self.env.invalidate_all()
        self.assertEqual(declaration.deadline_state, "breached")
        notes = declaration.message_ids.filtered(
            lambda m: self.compliance.partner_id in m.partner_ids
        )
        self.assertEqual(len(notes), 1)


@tagged("post_install", "-at_install")
class TestCoiDeclarationUi(CoiDeclCommon):
    def test_declarant_fills_form(self):
        """The declarant fills the form: the counterparty's name comes from the
        partner, the assessment is computed (002/R1), then signs."""
        declaration = self._declaration(kind="annual", year=2026, date_known=False)
        form = Form(declaration.with_user(self.declarant_user))
        with form.line_ids.new() as line:
            line.kind = "holding"
            line.counterparty_id = self.competitor
            line.holding_pct = 4.99
            line.via_securities_market = True
        form.acknowledgement = True
        form.save()
        self.assertEqual(declaration.line_ids.counterparty_name, "Rival Precision Co.")
        self.assertTrue(declaration.line_ids.is_exempt)
        declaration.with_user(self.declarant_user).action_submit()
        self.assertEqual(declaration.state, "submitted")

    def test_settings_form(self):
        """002/R1, 002/R2, 002/R3, 002/R4: the settings are shown and saved in
        the Outside Counsel settings."""
        form = Form(self.env["res.config.settings"])
        self.assertEqual(form.vc_coi_event_days, 3)
        self.assertEqual(form.vc_coi_annual_window_days, 5)
        form.vc_coi_event_days = 4
        form.vc_coi_transitional_amount = 1
        form.save().execute()
        self.assertEqual(self.company.vc_coi_event_days, 4)
        self.assertEqual(self.company.vc_coi_transitional_amount, 1)
