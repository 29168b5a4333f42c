from datetime import date

from odoo import Command

from .common import ClientRelationsCommon


class CrSlaCommon(ClientRelationsCommon):
    """A complete draft SLA for the client: every one of the seven elements."""

    @classmethod
    def _agreement_vals(cls, **vals):
        values = {
            "name": "SLA (test)",
            "kind": "sla",
            "partner_id": cls.client.id,
            "date_start": date(2026, 1, 1),
            "date_end": date(2026, 12, 31),
            "service_ids": [Command.set((cls.service_ops | cls.service_repair).ids)],
            "response_events": "<p>Faults and service requests, 8:00-17:00</p>",
            "target_ids": [
                Command.create(
                    {
                        "priority": "1",
                        "first_response_hours": 2,
                        "next_response_hours": 4,
                        "resolution_hours": 8,
                    }
                ),
                Command.create(
                    {
                        "priority": "2",
                        "first_response_hours": 1,
                        "next_response_hours": 2,
                        "resolution_hours": 4,
                    }
                ),
            ],
            "indicator_ids": [
                Command.create({"name": "Resolved on time", "metric": "resolution"})
            ],
        }
        values.update(vals)
        return values

    @classmethod
    def _create_agreement(cls, with_spec=True, **vals):
        agreement = cls.env["cr.agreement"].create(cls._agreement_vals(**vals))
        if with_spec:
            cls._create_spec(agreement)
        return agreement

    @classmethod
    def _create_spec(cls, agreement, **vals):
        values = {
            "agreement_id": agreement.id,
            "name": "Monthly report",
            "kind": "performance",
            "frequency": "monthly",
            "next_date": date(2026, 2, 5),
            "submitter_id": cls.slm.id,
            "channel": "email",
            "indicator_ids": [Command.set(agreement.indicator_ids.ids)],
        }
        values.update(vals)
        return cls.env["cr.report.spec"].create(values)
