from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import QualityTrackingCommon
from .common_prereview import PrereviewCommon


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


@tagged("post_install", "-at_install")
class TestMatterPrereview(PrereviewCommon):
    # --- checklist copied robustly (000/R-QT-04)

    def test_checklist_follows_category_while_unassessed(self):
        """000/R-QT-04: writing another category in intake replaces the checklist,
        links each line to its criterion and skips archived criteria."""
        matter = self._create_matter()
        self.assertEqual(
            matter.standard_line_ids.criterion_id, self.category.criterion_ids
        )
        self.product_category.criterion_ids[-1:].active = False
        matter.category_id = self.product_category
        self.assertEqual(len(matter.standard_line_ids), 2)
        self.assertEqual(
            set(matter.standard_line_ids.mapped("name")),
            set(self.product_category.criterion_ids.filtered("active").mapped("name")),
        )

    def test_category_frozen_once_assessed(self):
        """Once a criterion is assessed the category cannot change, nor after
        intake; nothing is rewritten."""
        matter = self._create_matter()
        matter.standard_line_ids[0].result = "met"
        with self.assertRaises(UserError):
            matter.category_id = self.product_category
        self.assertEqual(matter.category_id, self.category)
        self.assertEqual(len(matter.standard_line_ids), 5)
        opened = self._open_matter()
        with self.assertRaises(UserError):
            opened.category_id = self.product_category

    # --- intake review (000/R-QT-05's preconditions)

    def test_submit_needs_each_intake_fact(self):
        """000/R-QT-05: the contract review starts only after the intake review:
        capacity, client integrity, conflict check and a competent handler — each
        one missing refuses the submission and leaves the matter in intake."""
        for missing in self.INTAKE:
            matter = self._create_matter(**{**self.INTAKE, missing: False})
            with self.assertRaises(UserError):
                matter.action_submit_review()
            self.assertEqual(matter.state, "draft")
        matter = self._create_matter(**self.INTAKE)
        matter.action_submit_review()
        self.assertEqual(matter.state, "review")

    def test_survey_required_for_product_work(self):
        """The pre-contract survey (seed 001, QT-1): product work goes to contract
        review with its site, a quantity > 0 and its requirements. A legal matter
        needs none of it."""
        vals = {**self.INTAKE, "category_id": self.product_category.id}
        for missing, empty in (
            ("site_location", False),
            ("quantity", 0.0),
            ("technical_requirements", False),
        ):
            matter = self._create_matter(**{**vals, **self.SURVEY, missing: empty})
            with self.assertRaises(UserError):
                matter.action_submit_review()
            self.assertEqual(matter.state, "draft")
        matter = self._create_matter(**{**vals, **self.SURVEY, "quantity": 0.01})
        matter.action_submit_review()
        self.assertEqual(matter.state, "review")
        legal = self._create_matter(**self.INTAKE)
        self.assertFalse(legal.requires_survey)
        legal.action_submit_review()
        self.assertEqual(legal.state, "review")

    def test_survey_is_configurable_per_category(self):
        """A service category may switch its survey off; a legal one on."""
        service = self.env.ref("quality_tracking.qt_category_installation_service")
        self.assertTrue(service.requires_survey)
        service.requires_survey = False
        matter = self._create_matter(**self.INTAKE, category_id=service.id)
        matter.action_submit_review()
        self.assertEqual(matter.state, "review")

    def test_negative_quantity_refused(self):
        with self.assertRaises(ValidationError):
            self._create_matter(quantity=-1.0)

    def test_client_below_codes_needs_negotiation(self):
        """001/R-03: a client who does not meet the codes needs the negotiation
        recorded before the contract review; a client who meets them does not."""
        vals = {
            **self.INTAKE,
            **self.SURVEY,
            "category_id": self.product_category.id,
            "client_meets_codes": False,
        }
        matter = self._create_matter(**vals)
        with self.assertRaises(UserError):
            matter.action_submit_review()
        self.assertEqual(matter.state, "draft")
        matter.negotiation_notes = "Agreed the client adds a curing crew."
        matter.action_submit_review()
        self.assertEqual(matter.state, "review")

    def test_quote_needs_technical_preparation(self):
        """001/R-02: special technical requirements → technical preparation before
        the quotation, through the button and through a direct write."""
        matter = self._create_matter(
            category_id=self.product_category.id,
            has_special_requirements=True,
            **self.SURVEY,
        )
        with self.assertRaises(UserError):
            matter.action_quote()
        self.assertFalse(matter.date_quoted)
        with self.assertRaises(ValidationError):
            matter.write({"date_quoted": "2026-03-02"})
        matter.technical_prep_done = True
        matter.action_quote()
        self.assertTrue(matter.date_quoted)
        plain = self._create_matter(category_id=self.product_category.id)
        plain.action_quote()
        self.assertTrue(plain.date_quoted)

    def test_quote_only_surveyed_work(self):
        matter = self._create_matter()
        with self.assertRaises(UserError):
            matter.action_quote()

    # --- contract signed and registration (000/R-QT-05, 001/R-01)

    def test_sign_only_after_approved_review(self):
        """000/R-QT-05, 001/R-01: no contract signed without a review, with a
        review still to decide or rejected; signed once approved."""
        matter = self._review_matter()
        with self.assertRaises(ValidationError):
            matter.write(
                {"contract_signed": True, "contract_signed_date": "2026-03-02"}
            )
        review = self._new_review(matter)
        with self.assertRaises(ValidationError):
            matter.write(
                {"contract_signed": True, "contract_signed_date": "2026-03-02"}
            )
        review.notes = "Inspection standard not agreed."
        review.with_user(self.head).action_reject()
        with self.assertRaises(ValidationError):
            matter.write(
                {"contract_signed": True, "contract_signed_date": "2026-03-02"}
            )
        self.assertFalse(matter.contract_signed)
        approved = self._approved_review(matter)
        self.assertEqual(matter.contract_review_id, approved)
        matter.write(
            {"contract_signed": True, "contract_signed_date": approved.date_approved}
        )
        self.assertTrue(matter.contract_signed)

    def test_signing_date_not_before_approval(self):
        """001/R-01: signed the day of the approval passes, the day before fails."""
        matter = self._review_matter()
        review = self._approved_review(matter)
        day_before = review.date_approved - timedelta(days=1)
        with self.assertRaises(ValidationError):
            matter.write({"contract_signed": True, "contract_signed_date": day_before})
        with self.assertRaises(ValidationError):
            matter.write({"contract_signed": True})
        matter.write(
            {"contract_signed": True, "contract_signed_date": review.date_approved}
        )

    def test_register_needs_signed_contract(self):
        """000/R-QT-05: registering needs the contract signed after the approved
        review; then the matter opens."""
        matter = self._review_matter()
        self.assertFalse(matter.can_register)
        with self.assertRaises(UserError):
            matter.action_register()
        self.assertEqual(matter.state, "review")
        review = self._approved_review(matter)
        with self.assertRaises(UserError):
            matter.action_register()
        matter.write(
            {"contract_signed": True, "contract_signed_date": review.date_approved}
        )
        self.assertTrue(matter.can_register)
        matter.action_register()
        self.assertEqual(matter.state, "open")
        self.assertTrue(matter.date_registered)

    def test_new_review_after_signing_blocks_registration(self):
        """The latest review governs: a newer review to decide blocks registering."""
        matter = self._review_matter()
        review = self._approved_review(matter)
        matter.write(
            {"contract_signed": True, "contract_signed_date": review.date_approved}
        )
        self._new_review(matter)
        with self.assertRaises(UserError):
            matter.action_register()
        self.assertEqual(matter.state, "review")

    # --- archiving

    def test_archive_needs_working_papers(self):
        """A closed matter archives only with its working papers archived."""
        matter = self._open_matter()
        with self.assertRaises(UserError):
            matter.action_archive_matter()
        matter.action_close()
        self.assertFalse(matter.can_archive)
        with self.assertRaises(UserError):
            matter.action_archive_matter()
        self.assertEqual(matter.state, "closed")
        matter.working_papers_archived = True
        self.assertTrue(matter.can_archive)
        matter.action_archive_matter()
        self.assertEqual(matter.state, "archived")
        self.assertTrue(matter.date_archived)

    def test_smart_button_counts(self):
        matter = self._open_matter()
        self.env["qt.work.record"].create(
            {"matter_id": matter.id, "name": "Plan", "kind": "working_paper"}
        )
        self.env["qt.supervision"].create({"matter_id": matter.id})
        matter.invalidate_recordset()
        self.assertEqual(matter.work_record_count, 1)
        self.assertEqual(matter.supervision_count, 1)
        action = matter.action_view_work_records()
        self.assertEqual(action["domain"], [("matter_id", "=", matter.id)])


@tagged("post_install", "-at_install")
class TestCloseSetBased(QualityTrackingCommon):
    def _close_count(self, count):
        matters = self.env["qt.matter"].browse(
            [self._open_matter(name=f"M{i}").id for i in range(count)]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        # with the chatter on, as in the web client
        matters.with_context(
            tracking_disable=False,
            mail_create_nolog=False,
            mail_create_nosubscribe=False,
            mail_notrack=False,
        ).action_close()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_close_queries_do_not_grow_with_matters(self):
        """000/R-QT-06: closing matters issues their cards (numbered, followed by the
        handler) in a constant number of queries, however many matters close."""
        few = self._close_count(3)
        many = self._close_count(30)
        self.assertLessEqual(many, few + 2)
        cards = self.env["qt.feedback.card"].search([], order="id desc", limit=30)
        self.assertEqual(len(set(cards.mapped("name"))), 30)
        self.assertTrue(all(c.name.startswith("FK") for c in cards))
        self.assertIn(self.handler.partner_id, cards.message_partner_ids)
