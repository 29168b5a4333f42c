from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import freeze_time, tagged

from .common_cr_file import CrFileCommon


@tagged("post_install", "-at_install")
class TestCrTiers(CrFileCommon):
    def _trigger(self, cron):
        """Run the cron as the scheduler does, on the test's transaction."""
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    def test_tier_bands_boundaries(self):
        """000/R-CR-01, 000/R-CR-02, 000/R-CR-03, 000/R-CR-04: lower bounds
        inclusive, the next tier's exclusive; below ¥10,000 no tier."""
        cases = [
            (5_000_000, self.tier_diamond),
            (4_999_999.99, self.tier_platinum),
            (2_000_000, self.tier_platinum),
            (1_999_999.99, self.tier_gold),
            (200_000, self.tier_gold),
            (199_999.99, self.tier_vip),
            (10_000, self.tier_vip),
            (9_999.99, self.env["cr.tier"]),
        ]
        clients = {
            amount: self._client(f"Band {amount}", amount) for amount, _t in cases
        }
        changes = self._propose(self.env["res.partner"].union(*clients.values()))
        earned = {c.partner_id: c.to_tier_id for c in changes}
        for amount, tier in cases:
            self.assertEqual(
                earned.get(clients[amount], self.env["cr.tier"]), tier, amount
            )
        # the band is a policy record: a changed lower bound takes effect
        self.tier_vip.lower_bound = 9_000
        late = self._client("Band late", 9_999.99)
        self.assertEqual(self._earned(late), self.tier_vip)

    def test_region_coefficient(self):
        """000/R-CR-05: groups 2 and 3 multiply the bands by their coefficient
        (group 3 at 0.8: 4,000,000 is Diamond); group 1 keeps the bands even with
        a coefficient set."""
        west = self._client("West 4M", 4_000_000, region=self.region_group3)
        below = self._client("West 3,999,999.99", 3_999_999.99, self.region_group3)
        self.region.tier_coefficient = 0.8  # group 1: not applied
        east = self._client("East 4M", 4_000_000)
        changes = self._propose(west | below | east)
        earned = {c.partner_id: c.to_tier_id for c in changes}
        self.assertEqual(earned[west], self.tier_diamond)
        self.assertEqual(earned[below], self.tier_platinum)
        self.assertEqual(earned[east], self.tier_platinum)
        self.region_group3.tier_coefficient = 0.9
        other = self._client("West 0.9", 4_000_000, region=self.region_group3)
        self.assertEqual(self._earned(other), self.tier_platinum)

    def test_upstream_key_account(self):
        """000/R-CR-01: an upstream key account registered by the provincial
        company is Diamond whatever its revenue."""
        client = self._client("Upstream", 500, cr_upstream_key_account=True)
        self.assertEqual(self._earned(client), self.tier_diamond)

    def test_propose_idempotent(self):
        """000/R-CR-01 to 000/R-CR-04: only differing tiers are proposed, never twice; a
        client already in its tier gets nothing."""
        moving = self._client("Moving", 300_000)
        staying = self._client("Staying", 300_000)
        staying.sudo().cr_tier_id = self.tier_gold
        first = self._propose(moving | staying)
        self.assertEqual(first.partner_id, moving)
        self.assertEqual(first.state, "draft")
        self.assertEqual(first.origin, "recompute")
        self.assertEqual(first.revenue, 300_000)
        self.assertEqual(first.approval_level, "city")
        self.assertFalse(self._propose(moving | staying))
        # a decided change of the year is not proposed again either
        first.with_user(self.service).action_submit()
        first.with_user(self.service).action_reject()
        self.assertFalse(self._propose(moving | staying))

    def test_approval_levels(self):
        """000/R-CR-06, WF-CR-1: Diamond and Platinum are approved by the
        provincial level (Administrator), Gold and VIP by the city level (Customer
        Service Department); the approval writes the tier and a history line."""
        client = self._client("Approved", 6_000_000)
        change = (
            self.env["cr.tier.change"]
            .with_user(self.owner)
            .create(
                {
                    "partner_id": client.id,
                    "year": self.YEAR,
                    "to_tier_id": self.tier_diamond.id,
                }
            )
        )
        self.assertEqual(change.revenue, 6_000_000)
        self.assertEqual(change.approval_level, "provincial")
        change.action_submit()
        self.assertEqual(change.state, "to_approve")
        self.assertTrue(change.review_ids)
        with self.assertRaises(UserError):
            change.with_user(self.owner).action_approve()
        with self.assertRaises(UserError):
            change.with_user(self.service).action_approve()
        self.assertFalse(change.with_user(self.service).can_approve)
        self.assertTrue(change.with_user(self.manager).can_approve)
        change.with_user(self.manager).action_approve()
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.validation_status, "validated")
        self.assertEqual(client.cr_tier_id, self.tier_diamond)
        history = client.cr_tier_history_ids
        self.assertEqual(len(history), 1)
        self.assertEqual(history.to_tier_id, self.tier_diamond)
        self.assertEqual(history.approved_by_id, self.manager)
        self.assertEqual(history.movement, "new")
        self.assertEqual(history.year, self.YEAR)
        # the city level approves Gold
        gold = self.env["cr.tier.change"].create(
            {"partner_id": client.id, "to_tier_id": self.tier_gold.id}
        )
        self.assertEqual(gold.from_tier_id, self.tier_diamond)
        gold.with_user(self.owner).action_submit()
        gold.with_user(self.service).action_approve()
        self.assertEqual(client.cr_tier_id, self.tier_gold)
        line = self.env["cr.tier.history"].search([("change_id", "=", gold.id)])
        self.assertEqual(line.movement, "down")
        self.assertEqual(line.from_tier_id, self.tier_diamond)

    def test_guards(self):
        """WF-CR-1: every state moves through a guarded action; a tier change
        needs another tier; one pending change per client; rejection keeps the
        tier."""
        client = self._client("Guarded", 50_000)
        client.sudo().cr_tier_id = self.tier_vip
        with self.assertRaises(ValidationError):
            self.env["cr.tier.change"].create(
                {"partner_id": client.id, "to_tier_id": self.tier_vip.id}
            )
        change = self.env["cr.tier.change"].create(
            {"partner_id": client.id, "to_tier_id": self.tier_gold.id}
        )
        with self.assertRaises(ValidationError):
            self.env["cr.tier.change"].create(
                {"partner_id": client.id, "to_tier_id": self.tier_platinum.id}
            )
        with self.assertRaises(UserError):
            change.with_user(self.manager).action_approve()
        change.action_submit()
        with self.assertRaises(UserError):
            change.action_submit()
        change.with_user(self.service).action_reject()
        self.assertEqual(change.state, "rejected")
        self.assertEqual(client.cr_tier_id, self.tier_vip)
        with self.assertRaises(UserError):
            change.action_cancel()
        change.action_reset_draft()
        self.assertEqual(change.state, "draft")
        with self.assertRaises(UserError):
            change.with_user(self.other_owner).action_cancel()
        change.with_user(self.owner).action_cancel()
        self.assertEqual(change.state, "cancel")
        with self.assertRaises(ValidationError):
            self.env["cr.tier.change"].create(
                {"partner_id": self.contact.id, "to_tier_id": self.tier_vip.id}
            )

    def test_tier_written_only_by_approval(self):
        """000/R-CR-06: nobody but the administrator writes a client's tier by
        hand; it comes from an approved tier change."""
        with self.assertRaises(AccessError):
            self.client.with_user(self.service).write(
                {"cr_tier_id": self.tier_diamond.id}
            )
        with self.assertRaises(AccessError):
            self.client.with_user(self.owner).write({"cr_tier_id": self.tier_vip.id})

    @freeze_time("2026-01-01 08:00:00")
    def test_cron_default_date(self):
        """000/R-CR-01 to 000/R-CR-04: with the default recompute date (1 January)
        the daily cron proposes the previous year's changes once; running again proposes
        nothing more, even with the company marker reset (idempotent)."""
        self.assertEqual(self.company.cr_tier_recompute_month, 1)
        self.assertEqual(self.company.cr_tier_recompute_day, 1)
        self.company.cr_tier_recomputed_year = 0
        client = self._client("Cron", 250_000)
        cron = self.env.ref("client_relations.ir_cron_cr_recompute_tiers")
        self._trigger(cron)
        changes = self.env["cr.tier.change"].search([("partner_id", "=", client.id)])
        self.assertEqual(changes.to_tier_id, self.tier_gold)
        self.assertEqual(changes.year, 2025)
        self.assertEqual(self.company.cr_tier_recomputed_year, 2025)
        self.company.cr_tier_recomputed_year = 0
        self._trigger(cron)
        self.assertEqual(
            self.env["cr.tier.change"].search_count([("partner_id", "=", client.id)]), 1
        )

    def test_cron_changed_date(self):
        """000/R-CR-01 to 000/R-CR-04: a later recompute date set in the settings takes
        effect: nothing before it, the changes from it on."""
        self.company.write(
            {
                "cr_tier_recompute_month": 3,
                "cr_tier_recompute_day": 1,
                "cr_tier_recomputed_year": 0,
            }
        )
        client = self._client("Cron March", 15_000)
        cron = self.env.ref("client_relations.ir_cron_cr_recompute_tiers")
        with freeze_time("2026-02-27 08:00:00"):
            self._trigger(cron)
        self.assertFalse(
            self.env["cr.tier.change"].search([("partner_id", "=", client.id)])
        )
        with freeze_time("2026-03-02 08:00:00"):
            self._trigger(cron)
        change = self.env["cr.tier.change"].search([("partner_id", "=", client.id)])
        self.assertEqual(change.to_tier_id, self.tier_vip)
        with self.assertRaises(ValidationError):
            self.company.cr_tier_recompute_month = 13

    def test_invoices_without_account(self):
        """000/R-CR-01 to 000/R-CR-04: the invoice sync is on by default and
        writes nothing when the setting is off, nor without Invoicing (no hard
        dependency)."""
        revenue = self.env["cr.revenue"]
        self.assertTrue(self.company.cr_revenue_from_invoices)
        self.company.cr_revenue_from_invoices = False
        self.assertEqual(revenue._cr_sync_invoice_revenue(2025, self.company), 0)
        if "account.move" not in self.env:
            self.company.cr_revenue_from_invoices = True
            self.assertEqual(revenue._cr_sync_invoice_revenue(2025, self.company), 0)

    def test_settings_block(self):
        """000/R-CR-01 to 000/R-CR-04: the recompute date and the invoice feed are
        company settings edited from the Settings block."""
        settings = self.env["res.config.settings"].create(
            {
                "cr_tier_recompute_month": 2,
                "cr_tier_recompute_day": 15,
                "cr_revenue_from_invoices": False,
            }
        )
        settings.execute()
        self.assertEqual(self.company.cr_tier_recompute_month, 2)
        self.assertEqual(self.company.cr_tier_recompute_day, 15)
        self.assertFalse(self.company.cr_revenue_from_invoices)

    def test_invoices_feed_revenue(self):
        """000/R-CR-01 to 000/R-CR-04: with Invoicing installed (never a
        dependency), the posted customer invoices net of credit notes become the
        client's 'invoice' revenue line of the year, replaced on each run."""
        if "account.move" not in self.env or not self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.company.id)], limit=1
        ):
            self.skipTest("Invoicing with a sales journal is not installed")
        client = self._client("Invoiced")
        moves = self.env["account.move"]
        for move_type, price, day in (
            ("out_invoice", 250_000, "2025-05-05"),
            ("out_refund", 50_000, "2025-06-05"),
            ("out_invoice", 999_999, "2026-01-05"),
        ):
            moves |= moves.create(
                {
                    "move_type": move_type,
                    "partner_id": client.id,
                    "invoice_date": day,
                    "date": day,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Service",
                                "quantity": 1,
                                "price_unit": price,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        moves.action_post()
        revenue = self.env["cr.revenue"]
        revenue._cr_sync_invoice_revenue(2025, self.company)
        revenue._cr_sync_invoice_revenue(2025, self.company)
        line = revenue.search([("partner_id", "=", client.id)])
        self.assertEqual(line.mapped("amount"), [200_000])
        self.assertEqual(line.source, "invoice")
        self.assertEqual(self._earned(client), self.tier_gold)
