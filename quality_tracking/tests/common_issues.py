from datetime import datetime

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import QualityTrackingCommon

# Monday 2 March 2026, 09:00 UTC
MONDAY = datetime(2026, 3, 2, 9, 0)


@tagged("post_install", "-at_install")
class QualityIssueCommon(QualityTrackingCommon):
    """Quality issues: the company's heads (general manager, quality head), an
    employee outside the quality roles, and helpers that bring an issue to a state."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.general_manager = new_test_user(
            cls.env,
            login="qt_gm",
            groups="quality_tracking.group_quality_tracking_manager",
        )
        cls.quality_head = new_test_user(
            cls.env,
            login="qt_quality_head",
            groups="quality_tracking.group_quality_tracking_officer",
        )
        cls.employee = new_test_user(
            cls.env, login="qt_employee", groups="base.group_user"
        )
        cls.company.write(
            {
                "qt_general_manager_id": cls.general_manager.id,
                "qt_quality_head_id": cls.quality_head.id,
            }
        )
        cls.Issue = cls.env["qt.issue"]
        cls.Capa = cls.env["qt.capa"]

    @classmethod
    def _create_issue(cls, **vals):
        return cls.Issue.create(
            {
                "title": "Cracked housing",
                "department_id": cls.department.id,
                "user_id": cls.handler.id,
                **vals,
            }
        )

    @classmethod
    def _customer_issue(cls, **vals):
        """A customer complaint contacted at once and reported in writing."""
        now = fields.Datetime.now()
        return cls._create_issue(
            partner_id=cls.client.id,
            origin_kind="complaint",
            date_received=now,
            date_contacted=now,
            contact_mode="on_site",
            date_reported_written=now,
            report_recipient_ids=[(6, 0, [cls.head.id, cls.manager.id])],
            **vals,
        )

    @classmethod
    def _investigating(cls, **vals):
        issue = cls._create_issue(**vals)
        issue.action_investigate()
        return issue

    @classmethod
    def _in_action(cls, **vals):
        issue = cls._investigating(
            cause_kind="process", root_cause="Wrong torque setting", **vals
        )
        issue.action_start_action()
        return issue

    @classmethod
    def _closed_capa(cls, issue=None, **vals):
        """A corrective action brought to closed by the quality manager."""
        capa = cls.Capa.create(
            {
                "title": "Recalibrate the torque tools",
                "issue_id": issue.id if issue else False,
                "user_id": cls.handler.id,
                "measures": "Calibrate weekly",
                **vals,
            }
        )
        capa.action_start()
        capa.write({"execution_result": "Calibrated"})
        capa.action_done()
        capa.write(
            {
                "effectiveness": "effective",
                "verified_by_id": cls.manager.id,
                "date_verified": fields.Date.today(),
                "reevaluation": "No recurrence in a month",
                "date_customer_informed": fields.Date.today(),
            }
        )
        capa.with_user(cls.manager).action_close()
        return capa

    @classmethod
    def _verified(cls, **vals):
        return {
            "effectiveness": "effective",
            "effectiveness_user_id": cls.manager.id,
            "effectiveness_date": fields.Date.today(),
            "effectiveness_note": "Checked the next three batches",
            **vals,
        }
