from datetime import datetime

from .common import ClientRelationsCommon


class CrVisitCommon(ClientRelationsCommon):
    """Visits: the department's head is the supervisor; the client is Diamond."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department.manager_id = cls.supervisor.employee_ids[:1]
        cls.Visit = cls.env["cr.visit"]
        cls.Plan = cls.env["cr.visit.plan"]
        cls.Daily = cls.env["cr.visit.daily.report"]
        cls.Monthly = cls.env["cr.visit.monthly.report"]
        cls.client.sudo().write({"cr_tier_id": cls.tier_diamond.id})
        cls.other_client.sudo().write({"cr_tier_id": cls.tier_gold.id})
        cls.region.technician_ids = cls.service

    @classmethod
    def _visit(cls, planned=datetime(2026, 6, 10, 1, 0), **vals):
        values = {
            "partner_id": cls.client.id,
            "user_id": cls.owner.id,
            "date_planned": planned,
        }
        values.update(vals)
        return cls.Visit.create(values)

    @staticmethod
    def _due(record, fname="record_due"):
        record.env.flush_all()
        record.invalidate_recordset([fname])
        return record[fname]
