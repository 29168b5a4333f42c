from datetime import date, datetime

from odoo.tests import new_test_user, tagged

from .common import QualityTrackingCommon

# Monday 2 March 2026, 09:00 UTC, on the test calendar (UTC, Mon-Fri 08-12 / 13-17)
MONDAY = datetime(2026, 3, 2, 9, 0)
ISSUE_DAY = date(2026, 3, 2)
# Wednesday 4 March 2026: a public holiday of the test calendar
HOLIDAY = date(2026, 3, 4)

RATED = {
    "rating_skill": "4",
    "rating_ethics": "4",
    "rating_communication": "3",
    "rating_result": "3",
    "rating_overall": "4",
}


@tagged("post_install", "-at_install")
class QualityFeedbackCommon(QualityTrackingCommon):
    """A UTC working calendar with a public holiday for the company, a portal client
    and a second portal client of another company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Feedback test calendar", "tz": "UTC", "company_id": False}
        )
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": cls.calendar.id,
                "date_from": datetime(2026, 3, 4, 0, 0),
                "date_to": datetime(2026, 3, 4, 23, 59, 59),
            }
        )
        cls.company.resource_calendar_id = cls.calendar
        cls.portal_user = new_test_user(
            cls.env,
            login="qt_portal_client",
            password="qt_portal_client_pw",
            groups="base.group_portal",
            name="Client Contact",
        )
        cls.portal_user.partner_id.parent_id = cls.client
        cls.other_client = cls.env["res.partner"].create(
            {"name": "Other Client Ltd.", "email": "other@example.com"}
        )
        cls.other_portal_user = new_test_user(
            cls.env,
            login="qt_portal_other",
            password="qt_portal_other_pw",
            groups="base.group_portal",
            name="Other Contact",
        )
        cls.other_portal_user.partner_id.parent_id = cls.other_client

    @classmethod
    def _closed_matter(cls, **vals):
        matter = cls._open_matter(**vals)
        matter.action_close()
        return matter

    def _timer(self, record, rule_xmlid):
        return self.env["business.deadline.timer"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("rule_id", "=", self.env.ref(rule_xmlid).id),
            ]
        )
