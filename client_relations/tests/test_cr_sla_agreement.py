from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common_cr_sla import CrSlaCommon


@tagged("post_install", "-at_install")
class TestCrSlaAgreement(CrSlaCommon):
    """Agreements: the seven elements, the catalogue, the term, the targets, the
    report specifications, expiry and renewal, tier templates, adjustments."""

    def _assert_missing(self, agreement, label):
        with self.assertRaisesRegex(UserError, label):
            agreement.action_activate()
        self.assertEqual(agreement.state, "draft")

    def test_complete_agreement_activates(self):
        """003/HR-D1-2: an agreement with the seven elements is activated."""
        agreement = self._create_agreement()
        self.assertFalse(agreement.missing_elements)
        agreement.with_user(self.slm).action_activate()
        self.assertEqual(agreement.state, "active")
        with self.assertRaises(UserError):
            agreement.action_activate()

    def test_missing_parties(self):
        """003/HR-D1-2: no parties, no activation (an OLA needs its department)."""
        self._assert_missing(self._create_agreement(partner_id=False), "parties")
        ola = self._create_agreement(kind="ola", partner_id=False)
        self._assert_missing(ola, "parties")
        ola.department_id = self.department
        ola.action_activate()
        self.assertEqual(ola.state, "active")

    def test_missing_duration(self):
        """003/HR-D1-2: no duration, no activation."""
        self._assert_missing(self._create_agreement(date_end=False), "duration")

    def test_missing_scope(self):
        """003/HR-D1-2: no catalogue services in scope, no activation."""
        self._assert_missing(self._create_agreement(service_ids=[]), "scope")

    def test_missing_response_events(self):
        """003/HR-D1-2: no response events, no activation (empty HTML counts as
        none)."""
        agreement = self._create_agreement(response_events="<p><br></p>")
        self._assert_missing(agreement, "response events")

    def test_missing_targets(self):
        """003/HR-D1-2: no service-level targets, no activation."""
        agreement = self._create_agreement(target_ids=[])
        self._assert_missing(agreement, "service-level targets")

    def test_missing_indicators(self):
        """003/HR-D1-2: no indicators, no activation."""
        agreement = self._create_agreement(indicator_ids=[], with_spec=False)
        self._assert_missing(agreement, "indicators")

    def test_missing_reports(self):
        """003/HR-D1-2: no service report specification, no activation; the error
        lists everything missing at once."""
        agreement = self._create_agreement(with_spec=False, date_start=False)
        with self.assertRaisesRegex(UserError, "duration, service reports"):
            agreement.action_activate()

    def test_catalog_services_only(self):
        """003/HR-D1-3: an archived service or one of another company's catalogue
        cannot be in scope."""
        archived = self.env["cr.service"].create({"name": "Old", "active": False})
        with self.assertRaisesRegex(ValidationError, "HR-D1-3"):
            self._create_agreement(service_ids=[Command.set(archived.ids)])
        other_company = self.env["res.company"].create({"name": "Other Co"})
        foreign = self.env["cr.service"].create(
            {"name": "Foreign", "company_id": other_company.id}
        )
        agreement = self._create_agreement()
        with self.assertRaisesRegex(ValidationError, "Foreign"):
            agreement.service_ids = [Command.link(foreign.id)]

    def test_term_end_after_start(self):
        """003/HR-D1-5: the end cannot come before the start; the same day is
        fine."""
        with self.assertRaisesRegex(ValidationError, "HR-D1-5"):
            self._create_agreement(date_end=date(2025, 12, 31))
        agreement = self._create_agreement(date_end=date(2026, 1, 1))
        self.assertEqual(agreement.date_end, agreement.date_start)

    def test_target_hours(self):
        """Targets: positive hours, first response no later than resolution."""
        agreement = self._create_agreement()
        Target = self.env["cr.agreement.target"]
        vals = {
            "agreement_id": agreement.id,
            "priority": "3",
            "first_response_hours": 1,
            "next_response_hours": 1,
            "resolution_hours": 2,
        }
        with (
            self.assertRaisesRegex(ValidationError, "positive"),
            self.env.cr.savepoint(),
        ):
            Target.create(dict(vals, next_response_hours=0))
        with (
            self.assertRaisesRegex(ValidationError, "first response"),
            self.env.cr.savepoint(),
        ):
            Target.create(dict(vals, first_response_hours=3))
        target = Target.create(dict(vals, first_response_hours=2))
        self.assertEqual(target.first_response_hours, target.resolution_hours)

    def test_report_spec_attributes(self):
        """003/HR-D1-4: a report specification has its kind, frequency and next
        date, submitter, channel and at least one indicator of its agreement."""
        agreement = self._create_agreement(with_spec=False)
        with self.assertRaisesRegex(ValidationError, "HR-D1-4"):
            self._create_spec(agreement, indicator_ids=[])
        other = self._create_agreement(with_spec=False)
        with self.assertRaisesRegex(ValidationError, "another agreement"):
            self._create_spec(
                agreement, indicator_ids=[Command.set(other.indicator_ids.ids)]
            )
        for field in ("kind", "frequency", "next_date", "submitter_id", "channel"):
            self.assertTrue(self.env["cr.report.spec"]._fields[field].required)
        spec = self._create_spec(agreement, frequency="quarterly")
        spec._cr_advance()
        self.assertEqual(spec.next_date, date(2026, 5, 5))

    def test_five_output_records(self):
        """003/HR-D1-23: the five output records exist: the service catalogue, the
        service contract (the agreement's contract reference), its approval record
        (the tracked activation), the agreement and the service reports."""
        for model in ("cr.service", "cr.agreement", "cr.service.report"):
            self.assertIn(model, self.env)
        agreement = self._create_agreement(reference="HT-2026-01")
        agreement.with_user(self.slm).action_activate()
        self.assertEqual(agreement.state, "active")
        self.assertEqual(agreement.write_uid, self.slm)
        # the activation is tracked on the agreement's chatter
        self.assertTrue(agreement._fields["state"].tracking)
        self.assertTrue(agreement._fields["reference"].tracking)

    def _run_cron(self):
        cron = self.env.ref("client_relations.ir_cron_cr_agreement_expire")
        with freeze_time("2026-12-01 02:00:00"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    def test_cron_expires_and_warns(self):
        """003/HR-D1-5: the daily cron expires active agreements past their end and
        gives those ending within the renewal period (default 30 days) one
        activity; a changed period takes effect."""
        self.assertEqual(self.company.cr_agreement_renewal_days, 30)
        past = self._create_agreement(date_end=date(2026, 11, 30))
        today = self._create_agreement(date_end=date(2026, 12, 1))
        soon = self._create_agreement(date_end=date(2026, 12, 31))
        later = self._create_agreement(date_end=date(2027, 1, 1))
        (past | today | soon | later).action_activate()
        self._run_cron()
        self._run_cron()
        self.assertEqual(past.state, "expired")
        # the last day is still inside the term
        self.assertEqual(
            (today | soon | later).mapped("state"), ["active", "active", "active"]
        )
        # 30 days ahead (31 December) is warned, 31 days ahead is not
        self.assertEqual(len(soon.activity_ids), 1)
        self.assertEqual(len(today.activity_ids), 1)
        self.assertFalse(later.activity_ids)
        with freeze_time("2026-12-01 02:00:00"):
            expiring = self.env["cr.agreement"].search([("is_expiring", "=", True)])
        self.assertIn(soon, expiring)
        self.assertNotIn(later, expiring)
        self.company.cr_agreement_renewal_days = 60
        self._run_cron()
        self.assertEqual(len(later.activity_ids), 1)
        self.assertEqual(len(soon.activity_ids), 1)

    def test_tier_template(self):
        """The client's tier proposes its agreement: the partner's button copies
        the template's services and targets; a new SLA form does the same."""
        template = self._create_agreement(name="Diamond template")
        self.tier_diamond.agreement_template_id = template
        self.client.sudo().cr_tier_id = self.tier_diamond
        action = self.client.with_user(self.slm).action_cr_create_agreement()
        agreement = self.env["cr.agreement"].browse(action["res_id"])
        self.assertEqual(agreement.partner_id, self.client)
        self.assertEqual(agreement.service_ids, template.service_ids)
        self.assertEqual(
            sorted(agreement.target_ids.mapped("resolution_hours")), [4.0, 8.0]
        )
        self.assertEqual(agreement.state, "draft")
        form = Form(self.env["cr.agreement"].with_user(self.slm))
        form.name = "From the form"
        form.partner_id = self.client
        self.assertEqual(len(form.target_ids), 2)
        self.assertEqual(len(form.service_ids), 2)
        with self.assertRaisesRegex(UserError, "no agreement template"):
            self.other_client.action_cr_create_agreement()

    def test_adjustment_is_told_to_the_client(self):
        """003/HR-D10-7: a short-term adjustment posts a message to the client on
        the agreement; only an active agreement is adjusted."""
        agreement = self._create_agreement()
        with self.assertRaises(UserError):
            agreement.action_open_adjustment_wizard()
        agreement.action_activate()
        action = agreement.with_user(self.slm).action_open_adjustment_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.slm)
            .with_context(**action["context"])
            .create(
                {
                    "date_from": date(2026, 10, 1),
                    "date_to": date(2026, 10, 8),
                    "description": "National Day: resolution within 16 hours",
                }
            )
        )
        wizard.action_notify()
        message = agreement.message_ids[0]
        self.assertIn("National Day", str(message.body))
        self.assertEqual(message.partner_ids, self.client)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        wizard.date_to = date(2026, 9, 1)
        with self.assertRaises(ValidationError):
            wizard.action_notify()

    def test_vc_engagement_reference_offered_only_when_installed(self):
        """A UC points to an outside counsel engagement only when Vendor Counsel
        is installed (no dependency)."""
        selection = self.env["cr.agreement"]._selection_vc_engagement_ref()
        self.assertEqual(bool(selection), "vc.engagement" in self.env)

    def test_cron_skips_a_failing_company(self):
        """003/HR-D1-5: a company that fails is logged and skipped; the others
        still expire their agreements."""
        broken = self.env["res.company"].create(
            {"name": "Broken Co", "cr_agreement_renewal_days": 10**9}
        )
        self.env["cr.agreement"].create(
            {
                "name": "Broken SLA",
                "company_id": broken.id,
                "state": "active",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 6, 30),
            }
        )
        past = self._create_agreement(date_end=date(2026, 11, 30))
        past.action_activate()
        with self.assertLogs(
            "odoo.addons.client_relations.models.cr_agreement", "WARNING"
        ) as logs:
            self._run_cron()
        self.assertIn(f"company {broken.id} skipped", logs.output[0])
        self.assertEqual(past.state, "expired")
