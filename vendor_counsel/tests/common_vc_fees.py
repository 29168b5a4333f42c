from contextlib import contextmanager
from datetime import date

from .common import VendorCounselCommon


class VcFeesCommon(VendorCounselCommon):
    """A signed fixed-fee engagement of 100,000 (signed 2026-01-31) and the
    requesting users placed in their units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["hr.employee"].create(
            [
                {
                    "name": "Requester",
                    "user_id": cls.requester.id,
                    "department_id": cls.department.id,
                },
                {
                    "name": "Other requester",
                    "user_id": cls.other_requester.id,
                    "department_id": cls.other_department.id,
                },
            ]
        )
        cls.engagement = cls._create_engagement(
            date_signed=date(2026, 1, 31), fee_reduction_clause=True
        )

    @classmethod
    def _payment(cls, amount=40000, date_planned=date(2026, 2, 28), **vals):
        values = {
            "engagement_id": cls.engagement.id,
            "amount": amount,
            "date_planned": date_planned,
        }
        values.update(vals)
        return cls.env["vc.payment"].create(values)

    @contextmanager
    def assertRefused(self, exception, regex=""):
        """The exception is raised and the savepoint rolls the change back (the
        cache too), as a request would."""
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield
