from .common import ClientRelationsCommon


class CrFileCommon(ClientRelationsCommon):
    """Helpers of the client-file tests: a fresh client with a year's revenue."""

    YEAR = 2025

    def _client(self, name, amount=None, region=None, **vals):
        client = self.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "cr_is_client": True,
                "cr_owner_id": self.owner.id,
                "cr_department_id": self.department.id,
                "cr_region_id": (region or self.region).id,
                **vals,
            }
        )
        if amount is not None:
            self.env["cr.revenue"].create(
                {"partner_id": client.id, "year": self.YEAR, "amount": amount}
            )
        return client

    def _propose(self, clients, year=None):
        changes = self.env["cr.tier.change"]._cr_propose_tier_changes(
            year or self.YEAR, self.company
        )
        return changes.filtered(lambda c: c.partner_id in clients)

    def _earned(self, client):
        """The tier the yearly recompute proposes for ``client`` (False: none)."""
        change = self._propose(client)
        return change.to_tier_id if change else client.cr_tier_id
