from odoo.tests import tagged

from .common_cr_file import CrFileCommon


@tagged("post_install", "-at_install")
class TestCrFileReporting(CrFileCommon):
    def _history(self, count, year):
        tiers = [self.tier_diamond, self.tier_platinum, self.tier_gold, self.tier_vip]
        clients = self.env["res.partner"].create(
            [
                {
                    "name": f"Moved {year}-{i}",
                    "is_company": True,
                    "cr_is_client": True,
                    "cr_class": "abcd"[i % 4],
                    "cr_tier_id": tiers[i % 4].id,
                }
                for i in range(count)
            ]
        )
        self.env["cr.tier.history"].create(
            [
                {
                    "partner_id": client.id,
                    "from_tier_id": tiers[(i + 1) % 4].id,
                    "to_tier_id": tiers[i % 4].id,
                    "year": year,
                }
                for i, client in enumerate(clients)
            ]
        )

    def test_tier_movement(self):
        """000/R-CR-01 to 000/R-CR-04, 000/R-CR-08: clients by tier and class and
        the movement between tiers per year, computed with _read_group; the query
        count does not grow with the data."""
        self._history(4, 2024)
        self.env.flush_all()
        self.env.invalidate_all()
        queries = self.cr.sql_log_count
        movement, clients = self.env["cr.tier.history"]._cr_tier_movement([2024])
        small_count = self.cr.sql_log_count - queries
        self.assertEqual(
            movement[(2024, self.tier_platinum.id, self.tier_diamond.id)], 1
        )
        self.assertGreaterEqual(clients[(self.tier_diamond.id, "a")], 1)
        self._history(40, 2024)
        self.env.flush_all()
        self.env.invalidate_all()
        queries = self.cr.sql_log_count
        movement, clients = self.env["cr.tier.history"]._cr_tier_movement([2024])
        self.assertEqual(self.cr.sql_log_count - queries, small_count)
        self.assertEqual(
            movement[(2024, self.tier_platinum.id, self.tier_diamond.id)], 11
        )
