from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import freeze_time, new_test_user, tagged

from .common_cr_file import CrFileCommon


@tagged("post_install", "-at_install")
class TestCrFileSecurity(CrFileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        revenue = cls.env["cr.revenue"]
        cls.rev_own = revenue.create(
            {"partner_id": cls.client.id, "year": 2025, "amount": 300_000}
        )
        cls.rev_other = revenue.create(
            {"partner_id": cls.other_client.id, "year": 2025, "amount": 60_000}
        )
        cls.change_own = cls.env["cr.tier.change"].create(
            {"partner_id": cls.client.id, "to_tier_id": cls.tier_gold.id}
        )
        cls.change_other = cls.env["cr.tier.change"].create(
            {"partner_id": cls.other_client.id, "to_tier_id": cls.tier_vip.id}
        )
        cls.env.ref("base.group_allow_export").user_ids |= (
            cls.owner | cls.other_owner | cls.supervisor | cls.service | cls.manager
        )

    def _visible(self, user, model, records):
        env = self.env(user=user)
        found = env[model].search([("id", "in", records.ids)])
        groups = env[model]._read_group(
            [("id", "in", records.ids)], ["partner_id"], ["__count"]
        )
        exported = env[model].browse(found.ids).export_data(["partner_id/id"])
        self.assertEqual(len(exported["datas"]), len(found))
        self.assertEqual({p.id for p, _c in groups}, set(found.partner_id.ids))
        return found

    def test_roles_see_their_clients(self):
        """003/HR-D18-3: account owners see their own clients' revenue and tier
        changes, supervisors their department's, the customer service department
        and the general manager all (search, _read_group, export_data)."""
        for model, own, other in (
            ("cr.revenue", self.rev_own, self.rev_other),
            ("cr.tier.change", self.change_own, self.change_other),
        ):
            both = own | other
            self.assertEqual(self._visible(self.owner, model, both), own)
            self.assertEqual(self._visible(self.other_owner, model, both), other)
            self.assertEqual(self._visible(self.supervisor, model, both), own)
            self.assertEqual(self._visible(self.service, model, both), both)
            self.assertEqual(self._visible(self.manager, model, both), both)
            with self.assertRaises(AccessError):
                other.with_user(self.owner).read(["partner_id"])
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.plain_user).search([])

    @freeze_time("2026-06-01")
    def test_sensitive_revenue_fields(self):
        """003/HR-D18-3: the revenue fields of the client file are hidden from users
        outside client relations."""
        with self.assertRaises(AccessError):
            self.client.with_user(self.plain_user).read(["cr_revenue_last_year"])
        with self.assertRaises(AccessError):
            self.client.with_user(self.plain_user).read(["cr_revenue_ids"])
        self.assertEqual(self.client.with_user(self.owner).cr_revenue_ids, self.rev_own)
        self.assertEqual(
            self.client.with_user(self.owner).cr_revenue_last_year,
            300_000,
        )

    def test_owner_writes_only_own(self):
        """003/HR-D18-3: an owner cannot change another owner's revenue lines."""
        self.rev_own.with_user(self.owner).amount = 310_000
        with self.assertRaises(AccessError):
            self.rev_other.with_user(self.owner).write({"amount": 1})
        with self.assertRaises(AccessError):
            self.env["cr.revenue"].with_user(self.owner).create(
                {"partner_id": self.other_client.id, "year": 2024, "amount": 1}
            )

    def test_multi_company(self):
        """Multi-company rules: a user of another company sees none of these."""
        other = self.env["res.company"].create({"name": "Other Co (cr-file)"})
        stranger = new_test_user(
            self.env,
            login="cr_file_stranger",
            groups="client_relations.group_client_relations_manager",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        for model in ("cr.revenue", "cr.tier.change", "cr.tier.history"):
            self.assertFalse(self.env[model].with_user(stranger).search([]), model)
