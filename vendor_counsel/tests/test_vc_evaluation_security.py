from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common_vc_evaluations import VcEvaluationsCommon


@tagged("post_install", "-at_install")
class TestVcEvaluationSecurity(VcEvaluationsCommon):
    """Who reads and writes evaluations and scorecards (000/E-VC-9)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation = cls._create_evaluation()
        cls.evaluation.with_user(cls.legal).action_start_scoring()
        other_engagement = cls._create_engagement(
            firm_id=cls.firm2.id, lawyer_ids=[], department_id=cls.other_department.id
        )
        cls.other_evaluation = cls._create_evaluation(
            engagement_id=other_engagement.id,
            firm_id=cls.firm2.id,
            evaluators=cls.auditor,
        )
        users = cls.requester | cls.other_requester | cls.evaluator | cls.auditor
        users |= cls.legal
        users.write({"group_ids": [(4, cls.env.ref("base.group_allow_export").id)]})

    def _routes(self, user, model="vc.evaluation"):
        """The ids a user reaches through search, _read_group and export_data."""
        records = self.env[model].with_user(user)
        found = records.search([])
        grouped = records._read_group([], ["company_id"], ["__count"])
        exported = found.export_data(["id"])["datas"]
        return found, sum(count for _f, count in grouped), len(exported)

    def test_unit_reads_its_evaluations(self):
        """A requesting unit's user reads the evaluations of its engagements, not
        another unit's, through every route, and cannot create or write them."""
        found, grouped, exported = self._routes(self.requester)
        self.assertEqual(found, self.evaluation)
        self.assertEqual((grouped, exported), (1, 1))
        self.evaluation.with_user(self.requester).read(["score", "outcome"])
        with self.assertRaises(AccessError):
            self.other_evaluation.with_user(self.requester).read(["score"])
        found, _g, _e = self._routes(self.other_requester)
        self.assertEqual(found, self.other_evaluation)
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.requester).write({"date": "2026-01-01"})
        with self.assertRaises(AccessError):
            self.env["vc.evaluation"].with_user(self.requester).create(
                {"firm_id": self.firm.id}
            )

    def test_evaluator_writes_only_own_scorecard(self):
        """An invited evaluator reads the evaluation and writes their own scorecard
        lines only; another evaluator's are refused (and unseen, unless the
        evaluation is of their own unit)."""
        found, _g, _e = self._routes(self.evaluator)
        self.assertEqual(found, self.evaluation)
        own = self.evaluation.evaluator_ids.filtered(
            lambda c: c.user_id == self.evaluator
        )
        other = self.evaluation.evaluator_ids - own
        own.line_ids[0].with_user(self.evaluator).score = 88
        own.with_user(self.evaluator).comment = "Solid work"
        with self.assertRaises(AccessError):
            other.line_ids[0].with_user(self.evaluator).score = 88
        with self.assertRaises(AccessError):
            other.with_user(self.evaluator).comment = "Not mine"
        # evaluators of another unit score independently: they see their own card
        found, _g, _e = self._routes(self.evaluator, "vc.evaluation.line")
        self.assertEqual(found, own.line_ids)

    def test_auditor_reads_all(self):
        """Internal audit reads every evaluation and scorecard and changes none."""
        found, grouped, exported = self._routes(self.auditor)
        self.assertEqual(found, self.evaluation | self.other_evaluation)
        self.assertEqual((grouped, exported), (2, 2))
        found, _g, _e = self._routes(self.auditor, "vc.evaluation.line")
        self.assertEqual(found, self.evaluation.evaluator_ids.line_ids)
        with self.assertRaises(AccessError):
            self.evaluation.evaluator_ids.line_ids[0].with_user(self.auditor).score = 1
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.auditor).write({"date": "2026-01-01"})

    def test_legal_manages_all(self):
        """The legal department reads and writes every evaluation of its
        companies."""
        found, _g, _e = self._routes(self.legal)
        self.assertEqual(found, self.evaluation | self.other_evaluation)
        self.other_evaluation.with_user(self.legal).write({"date": "2026-02-01"})

    def test_multi_company(self):
        """An evaluation of another company is out of reach, even for the legal
        department, unless that company is allowed."""
        company_b = self.env["res.company"].create({"name": "Subsidiary B"})
        evaluation_b = self.env["vc.evaluation"].create(
            {"firm_id": self.firm2.id, "company_id": company_b.id}
        )
        found = self.env["vc.evaluation"].with_user(self.legal).search([])
        self.assertNotIn(evaluation_b, found)
        with self.assertRaises(AccessError):
            evaluation_b.with_user(self.legal).read(["score"])
        self.legal.company_ids |= company_b
        found = (
            self.env["vc.evaluation"]
            .with_user(self.legal)
            .with_context(allowed_company_ids=[self.company.id, company_b.id])
            .search([])
        )
        self.assertIn(evaluation_b, found)

    def test_portal_orm_own_firm_done_only(self):
        """A firm's portal user finds its firm's done evaluations only, with the
        final score, and no scorecard."""
        done = self._scored(90)
        portal = new_test_user(
            self.env, login="vc_sec_portal", groups="base.group_portal"
        )
        portal.partner_id.parent_id = self.firm
        found = self.env["vc.evaluation"].with_user(portal).search([])
        self.assertEqual(found, done)
        self.assertAlmostEqual(found.score, 90)
        with self.assertRaises(AccessError):
            self.env["vc.evaluation.evaluator"].with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.evaluation.with_user(portal).read(["score"])
