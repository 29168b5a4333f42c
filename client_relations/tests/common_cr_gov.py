from datetime import date

from odoo import Command
from odoo.tests import freeze_time

from .common import ClientRelationsCommon


class CrGovCommon(ClientRelationsCommon):
    """An active SLA of the client, a 4-working-hour deadline rule of the service
    requests (started when registered, met when resolved), the O&M and the
    management departments and a Technical Operations Center."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement = cls.env["cr.agreement"].create(
            {
                "name": "Huaxin SLA (test)",
                "partner_id": cls.client.id,
                "user_id": cls.slm.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
            }
        )
        cls.agreement.state = "active"
        cls.other_agreement = cls.env["cr.agreement"].create(
            {
                "name": "Jinshan SLA (test)",
                "partner_id": cls.other_client.id,
                "user_id": cls.slm.id,
            }
        )
        cls.other_agreement.state = "active"
        cls.rule = cls.env["business.deadline.rule"].create(
            {
                "name": "Resolution (test)",
                "model_id": cls.env["ir.model"]._get_id("cr.request"),
                "start_state_ids": [Command.set(cls._state("registered").ids)],
                "met_state_ids": [Command.set(cls._state("resolved").ids)],
                "cancel_state_ids": [Command.set(cls._state("cancel").ids)],
                "amount": 4,
                "unit": "working_hours",
            }
        )
        cls.mgmt_department = cls.env["hr.department"].create(
            {"name": "Enterprise Management"}
        )
        cls.toc_department = cls.env["hr.department"].create(
            {"name": "Technical Operations Center"}
        )
        cls.company.write(
            {
                "cr_review_om_department_id": cls.department.id,
                "cr_review_mgmt_department_id": cls.mgmt_department.id,
                "cr_toc_department_id": cls.toc_department.id,
            }
        )
        cls.other_owner.employee_ids.department_id = cls.mgmt_department
        cls.desk.employee_ids.department_id = cls.toc_department

    @classmethod
    def _state(cls, value):
        return cls.env["ir.model.fields.selection"].search(
            [
                ("field_id.model", "=", "cr.request"),
                ("field_id.name", "=", "state"),
                ("value", "=", value),
            ]
        )

    def _request(self, when, agreement=None, priority="1", resolve_at=None):
        """A request registered at ``when`` (UTC), resolved at ``resolve_at``."""
        with freeze_time(when):
            request = self.env["cr.request"].create(
                {
                    "subject": "Printer down",
                    "partner_id": (agreement or self.agreement).partner_id.id,
                    "agreement_id": (agreement or self.agreement).id,
                    "priority": priority,
                }
            )
            request.state = "registered"
        if resolve_at:
            with freeze_time(resolve_at):
                request.state = "resolved"
        return request

    def _trigger(self, xmlid):
        """Run a scheduled action as the scheduler does, on the test's
        transaction."""
        cron = self.env.ref(xmlid)
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
