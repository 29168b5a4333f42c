from datetime import date

from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import QualityTrackingCommon


@tagged("post_install", "-at_install")
class SupervisionCommon(QualityTrackingCommon):
    """A supervision group (coordinator, executor, the department head as
    supervisor), two service windows of two departments, and helpers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = new_test_user(
            cls.env,
            login="qt_coordinator",
            groups="quality_tracking.group_quality_tracking_officer",
        )
        cls.executor = new_test_user(
            cls.env,
            login="qt_executor",
            groups="quality_tracking.group_quality_tracking_user",
        )
        cls.outsider = new_test_user(
            cls.env,
            login="qt_outsider",
            groups="quality_tracking.group_quality_tracking_user",
        )
        cls.other_head = new_test_user(
            cls.env,
            login="qt_other_head",
            groups="quality_tracking.group_quality_tracking_department_head",
        )
        other_head_employee = cls.env["hr.employee"].create(
            {"name": "Other Head", "user_id": cls.other_head.id}
        )
        cls.other_department.manager_id = other_head_employee
        cls.group = cls.env["qt.supervision.group"].create(
            {
                "name": "集团服务质量监督小组",
                "coordinator_id": cls.coordinator.id,
                "executor_id": cls.executor.id,
                "supervisor_ids": [Command.set(cls.head.ids)],
            }
        )
        cls.unit = cls.env["qt.supervised.unit"].create(
            {
                "name": "装车窗口",
                "group_id": cls.group.id,
                "department_id": cls.department.id,
                "post": "成品保管(装车班组)",
            }
        )
        cls.other_unit = cls.env["qt.supervised.unit"].create(
            {
                "name": "结算窗口",
                "group_id": cls.group.id,
                "department_id": cls.other_department.id,
            }
        )
        cls.rule_d1 = cls.env.ref("quality_tracking.qt_rp_rule_d1_attitude")
        cls.rule_d9_reception = cls.env.ref("quality_tracking.qt_rp_rule_d9_reception")
        cls.rule_d9_item = cls.env.ref("quality_tracking.qt_rp_rule_d9_record_item")

    @classmethod
    def _create_check(cls, unit=None, scores=(8, 8, 8, 8), **vals):
        spirit, service, status, efficiency = scores
        values = {
            "unit_id": (unit or cls.unit).id,
            "date": date(2026, 3, 10),
            "inspector_ids": [Command.set(cls.executor.ids)],
            "score_spirit": spirit,
            "score_service": service,
            "score_status": status,
            "score_efficiency": efficiency,
            "line_ids": [],
        }
        values.update(vals)
        return cls.env["qt.spot.check"].create(values)

    @classmethod
    def _done_check(cls, unit=None, scores=(8, 8, 8, 8), **vals):
        check = cls._create_check(unit, scores, **vals)
        check.action_done()
        return check

    @classmethod
    def _create_order(cls, **vals):
        values = {
            "department_id": cls.department.id,
            "channel": "evaluation",
            "stage": "delivery",
            "criterion": "delivery_attitude",
            "problem": "<p>窗口人员服务态度生硬</p>",
            "issuer_id": cls.officer.id,
            "line_ids": [
                Command.create({"name": "整改服务用语", "date_due": date(2026, 3, 20)})
            ],
        }
        values.update(vals)
        return cls.env["qt.supervision.order"].create(values)

    def _trigger(self, cron):
        """Run a cron as the scheduler does, on the test's transaction."""
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
