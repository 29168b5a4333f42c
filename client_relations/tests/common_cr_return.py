from datetime import date, datetime

from odoo.tests import freeze_time

from .common import ClientRelationsCommon


class CrReturnCommon(ClientRelationsCommon):
    """Return visits: the department's head is the supervisor, the customer
    service manager is the service user, a served project and the cadences."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department.manager_id = cls.supervisor.employee_ids[:1]
        cls.company.cr_return_cs_manager_id = cls.service
        cls.Visit = cls.env["cr.return.visit"]
        cls.Project = cls.env["cr.project"]
        cls.cadence_project = cls.env.ref("client_relations.cr_return_cadence_project")
        cls.cadence_request = cls.env.ref("client_relations.cr_return_cadence_request")
        cls.cadence_lapsed = cls.env.ref("client_relations.cr_return_cadence_lapsed")
        # the tests decide which client cadences run
        cls.env["cr.return.cadence"].search(
            [("regime", "in", ("client", "lapsed"))]
        ).auto_generate = False

    @classmethod
    def _project(cls, delivery=date(2026, 1, 15), **vals):
        return cls.Project.create(
            {
                "name": "Data centre (test)",
                "partner_id": cls.client.id,
                "user_id": cls.owner.id,
                "department_id": cls.department.id,
                "date_delivery": delivery,
                **vals,
            }
        )

    @classmethod
    @freeze_time("2026-06-01 03:00:00")
    def _visit(cls, **vals):
        return cls.Visit.create(
            {
                "partner_id": cls.client.id,
                "user_id": cls.owner.id,
                "department_id": cls.department.id,
                "cadence_id": cls.cadence_request.id,
                "date_clock_start": datetime(2026, 6, 1, 2, 0),
                **vals,
            }
        )

    @classmethod
    @freeze_time("2026-06-01 03:00:00")
    def _repair(cls, category="other", **vals):
        return cls.Visit.create(
            {
                "partner_id": cls.client.id,
                "user_id": cls.owner.id,
                "department_id": cls.department.id,
                "repair_category": category,
                "repair_date": datetime(2026, 6, 1, 2, 0),
                **vals,
            }
        )

    def _run_cron(self, xmlid):
        """Run a scheduled action as the scheduler does (committing batches)."""
        cron = self.env.ref(xmlid)
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    @staticmethod
    def _answers(**vals):
        return {
            "q_problem_solved": "yes",
            "q_technician_attitude": "satisfied",
            "q_charged": "no",
            "q_score": 9,
            **vals,
        }

    @staticmethod
    def _checks():
        return {
            "check_site": True,
            "check_service": True,
            "check_suggestions": True,
            "check_charges": True,
            "check_signed": True,
            "visitor_role": "repair_lead",
        }
