from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_feedback import MONDAY, QualityFeedbackCommon


@tagged("post_install", "-at_install")
class TestFeedbackSecurity(QualityFeedbackCommon):
    """Handler own → department head → quality department all; portal clients read
    only their own cards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        export = cls.env.ref("base.group_allow_export")
        for user in cls.handler | cls.other_handler | cls.head | cls.officer:
            user.group_ids |= export
        with freeze_time(MONDAY):
            cls.card = cls._closed_matter().feedback_card_ids
            cls.other_card = cls._closed_matter(
                user_id=cls.other_handler.id,
                department_id=cls.other_department.id,
                partner_id=cls.other_client.id,
            ).feedback_card_ids
            Record = cls.env["qt.tracking.record"]
            cls.record = Record.with_user(cls.handler).create(
                {"partner_id": cls.client.id, "department_id": cls.department.id}
            )
            cls.other_record = Record.with_user(cls.other_handler).create(
                {
                    "partner_id": cls.other_client.id,
                    "department_id": cls.other_department.id,
                }
            )
            Visit = cls.env["qt.return.visit"]
            cls.visit = Visit.create(
                {"matter_id": cls.card.matter_id.id, "visitor_id": cls.head.id}
            )
            cls.other_visit = Visit.create(
                {
                    "matter_id": cls.other_card.matter_id.id,
                    "visitor_id": cls.other_handler.id,
                }
            )

    def _visible(self, user, records):
        """The records ``user`` reaches through search, read_group and export."""
        model = records.with_user(user)
        domain = [("id", "in", records.ids)]
        found = model.search(domain)
        grouped = sum(count for [count] in model._read_group(domain, [], ["__count"]))
        self.assertEqual(len(found), grouped)
        if not user.share:
            exported = found.export_data([".id"])["datas"]
            self.assertEqual(len(found), len(exported))
        return found.with_user(self.env.user)

    def test_cards_ladder(self):
        cards = self.card | self.other_card
        self.assertEqual(self._visible(self.handler, cards), self.card)
        self.assertEqual(self._visible(self.other_handler, cards), self.other_card)
        self.assertEqual(self._visible(self.head, cards), self.card)
        self.assertEqual(self._visible(self.officer, cards), cards)
        with self.assertRaises(AccessError):
            self.other_card.with_user(self.handler).read(["name"])
        with self.assertRaises(AccessError):
            self.other_card.with_user(self.handler).export_data(["name"])

    def test_tracking_records_ladder(self):
        records = self.record | self.other_record
        self.assertEqual(self._visible(self.handler, records), self.record)
        self.assertEqual(self._visible(self.head, records), self.record)
        self.assertEqual(self._visible(self.officer, records), records)
        with self.assertRaises(AccessError):
            self.other_record.with_user(self.handler).read(["name"])

    def test_return_visits_ladder(self):
        visits = self.visit | self.other_visit
        self.assertEqual(self._visible(self.handler, visits), self.visit)
        self.assertEqual(self._visible(self.other_handler, visits), self.other_visit)
        self.assertEqual(self._visible(self.head, visits), self.visit)
        self.assertEqual(self._visible(self.officer, visits), visits)

    def test_coverage_report_ladder(self):
        report = self.env["qt.feedback.coverage.report"]
        matters = (self.card | self.other_card).matter_id
        rows = report.search([("matter_id", "in", matters.ids)])
        self.assertEqual(len(rows), 2)
        self.assertEqual(
            self._visible(self.handler, rows).matter_id, self.card.matter_id
        )
        self.assertEqual(self._visible(self.head, rows).matter_id, self.card.matter_id)
        self.assertEqual(self._visible(self.officer, rows).matter_id, matters)

    def test_portal_reads_own_cards_only(self):
        """A portal client reads its own company's cards, never another's, and
        writes none; it has no access to tracking records or visits."""
        cards = self.card | self.other_card
        self.assertEqual(self._visible(self.portal_user, cards), self.card)
        self.assertEqual(self._visible(self.other_portal_user, cards), self.other_card)
        with self.assertRaises(AccessError):
            self.card.with_user(self.portal_user).write({"rating_overall": "1"})
        with self.assertRaises(AccessError):
            self.env["qt.tracking.record"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.env["qt.return.visit"].with_user(self.portal_user).search([])
