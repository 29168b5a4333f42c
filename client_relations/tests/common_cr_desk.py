from datetime import datetime

from .common import ClientRelationsCommon


class CrDeskCommon(ClientRelationsCommon):
    """The desk's fixtures: an escalation list of the department, helpers giving a
    complaint or a service request with all the registration facts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["cr.request"]
        cls.escalation_list = cls.env["cr.escalation.list"].create(
            {
                "name": "Service Dept escalation",
                "department_id": cls.department.id,
                "contact_ids": [
                    (0, 0, {"level": 1, "user_id": cls.supervisor.id}),
                    (0, 0, {"level": 2, "user_id": cls.service.id}),
                    (0, 0, {"level": 3, "user_id": cls.manager.id}),
                ],
            }
        )

    @classmethod
    def _complaint_vals(cls, **values):
        vals = {
            "subject": "Engineer two hours late",
            "kind": "complaint",
            "channel": "phone",
            "partner_id": cls.client.id,
            "contact_id": cls.contact.id,
            "contact_phone": "13800138000",
            "description": "<p>The engineer came at 11 instead of 9.</p>",
            "receiver_id": cls.desk.id,
            "department_id": cls.department.id,
            "complaint_object": "service",
            "complaint_category": "efficiency",
            "complaint_validity": "valid",
            "apologized": True,
            "response_note": "Apologised; written answer tomorrow.",
            "date_promised": datetime(2026, 12, 31, 10, 0),
        }
        vals.update(values)
        return vals

    @classmethod
    def _service_vals(cls, **values):
        vals = {
            "subject": "Quarterly air-conditioner maintenance",
            "kind": "service",
            "channel": "email",
            "partner_id": cls.client.id,
            "contact_id": cls.contact.id,
            "contact_email": "w@hx.test",
            "contact_address": "1 Zhongguancun St, Beijing",
            "description": "<p>Please plan the quarterly maintenance.</p>",
            "requirement": "Maintain the two precision units",
            "date_required": datetime(2026, 12, 31, 10, 0),
            "environment_info": "120 m2 machine room",
            "receiver_id": cls.desk.id,
            "team_id": cls.team_second.id,
            "department_id": cls.department.id,
            "response_note": "Planned next week.",
            "date_promised": datetime(2026, 12, 31, 10, 0),
        }
        vals.update(values)
        return vals

    @classmethod
    def _complaint(cls, **values):
        return cls.Request.create(cls._complaint_vals(**values))

    @classmethod
    def _service(cls, **values):
        return cls.Request.create(cls._service_vals(**values))

    def _to_resolved(self, request):
        """Register, respond, dispatch, start, decide (complaints), reply."""
        request.action_register()
        request.action_respond()
        if not request.user_id and not request.team_id:
            request.user_id = self.owner
        request.action_dispatch()
        request.action_start()
        if request.kind == "complaint":
            request.decision = "Retrain the engineer"
            request.action_decide()
            request.reply_text = "<p>We apologise; the schedule is fixed.</p>"
        request.action_resolve()
        return request
