from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import QualityTrackingCommon


@tagged("post_install", "-at_install")
class TestMatter(QualityTrackingCommon):
    def test_twelve_legal_categories(self):
        """000/R-QT-03: the 12 matter categories of the regulation are seeded."""
        legal = self.env["qt.category"].search([("kind", "=", "legal")])
        codes = set(legal.mapped("code"))
        self.assertLessEqual(
            {
                "civil",
                "criminal",
                "arbitration",
                "administrative",
                "real_estate",
                "securities",
                "soe_restructuring",
                "investment_ma",
                "corporate",
                "tmt",
                "international",
                "other",
            },
            codes,
        )

    def test_soe_standard_copied_to_matter(self):
        """000/R-QT-04: an SOE restructuring matter gets the five criteria to check."""
        self.assertEqual(len(self.category.criterion_ids), 5)
        matter = self._create_matter()
        self.assertEqual(len(matter.standard_line_ids), 5)
        self.assertEqual(
            matter.standard_line_ids.mapped("name"),
            self.category.criterion_ids.mapped("name"),
        )

    def test_reference_from_sequence(self):
        """A matter gets its reference from the sequence when created."""
        matter = self._create_matter()
        self.assertTrue(matter.ref.startswith("QM"))
        self.assertIn(matter.ref, matter.display_name)

    def test_close_issues_one_card_per_matter(self):
        """000/R-QT-06: closing matters issues one feedback card per matter, at once."""
        matters = self._open_matter() | self._open_matter() | self._open_matter()
        matters.action_close()
        self.assertEqual(set(matters.mapped("state")), {"closed"})
        cards = self.env["qt.feedback.card"].search([("matter_id", "in", matters.ids)])
        self.assertEqual(cards.matter_id, matters)
        self.assertEqual(len(cards), 3)
        self.assertEqual(cards.mapped("partner_id"), self.client)
        self.assertEqual(cards.mapped("user_id"), self.handler)

    def test_close_only_open_matters(self):
        """A matter still in intake review cannot be closed, and nothing changes."""
        matter = self._create_matter()
        with self.assertRaises(UserError):
            matter.action_close()
        self.assertEqual(matter.state, "draft")
        self.assertFalse(matter.feedback_card_ids)
