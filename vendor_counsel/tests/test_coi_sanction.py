from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_coi_review import CoiReviewCommon


@tagged("post_install", "-at_install")
class TestCoiSanction(CoiReviewCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.admonition = ref("vendor_counsel.sanction_type_admonition")
        cls.criticism = ref("vendor_counsel.sanction_type_circulated_criticism")
        cls.censure = ref("vendor_counsel.sanction_type_public_censure")
        cls.termination = ref("vendor_counsel.sanction_type_contract_termination")

    def _proposal(self, trigger="late_declaration", **vals):
        values = {"declarant_id": self.declarant.id, "trigger": trigger}
        values.update(vals)
        return self.Sanction.with_user(self.compliance).create(values)

    def test_r7_ladder_order(self):
        """002/R7: 训诫 admonition < 通报批评 circulated criticism < 公开谴责 public
        censure < 取消劳动合同 termination, seeded as data in that order; the
        ladder ends with 等 (etc.): a new rung slots in by its severity."""
        ladder = self.env["vc.coi.sanction.type"].search([])
        ours = ladder & (
            self.admonition | self.criticism | self.censure | self.termination
        )
        self.assertEqual(
            ours.ids,
            [
                self.admonition.id,
                self.criticism.id,
                self.censure.id,
                self.termination.id,
            ],
        )
        self.assertLess(self.admonition.severity, self.criticism.severity)
        self.assertLess(self.censure.severity, self.termination.severity)
        warning = self.env["vc.coi.sanction.type"].create(
            {"name": "Written Warning", "severity": 25}
        )
        ladder = self.env["vc.coi.sanction.type"].search([])
        self.assertLess(
            ladder.ids.index(self.criticism.id), ladder.ids.index(warning.id)
        )
        self.assertLess(ladder.ids.index(warning.id), ladder.ids.index(self.censure.id))

    def test_r7_committee_decides_the_sanction(self):
        """002/R7: the audit committee decides the sanction; proposed -> decided ->
        executed -> closed."""
        sanction = self._proposal()
        self.assertEqual(sanction.state, "proposed")
        self.assertTrue(sanction.name.startswith("LYCF"))
        with self.assertRaisesRegex(UserError, "choose the sanction"):
            sanction.with_user(self.committee).action_decide()
        sanction.with_user(self.committee).sanction_type_id = self.admonition
        with self.assertRaisesRegex(UserError, "audit committee"):
            sanction.with_user(self.compliance).action_decide()
        self.assertEqual(sanction.state, "proposed")
        sanction.with_user(self.committee).action_decide()
        self.assertEqual(sanction.state, "decided")
        self.assertEqual(sanction.decided_by_id, self.committee)
        self.assertTrue(sanction.decision_date)
        with self.assertRaises(UserError):
            sanction.with_user(self.compliance).action_close()
        sanction.with_user(self.compliance).action_execute()
        sanction.with_user(self.compliance).action_close()
        self.assertEqual(sanction.state, "closed")

    def test_dismiss_proposal(self):
        sanction = self._proposal()
        with self.assertRaisesRegex(UserError, "audit committee"):
            sanction.with_user(self.compliance).action_dismiss()
        sanction.with_user(self.committee).action_dismiss()
        self.assertEqual(sanction.state, "dismissed")
        with self.assertRaises(UserError):
            sanction.with_user(self.committee).action_decide()

    def test_r8_damage_needs_compensation_or_liability(self):
        """002/R8: when the company was damaged the decision states the
        compensation (> 0) or the legal liability pursued; 0 and nothing else is
        refused, 0.01 accepted, liability alone accepted; negative refused."""
        committee = self.committee
        refused = self._proposal("damage", sanction_type_id=self.censure.id)
        with self.assertRaisesRegex(UserError, "002/R8"):
            refused.with_user(committee).action_decide()
        self.assertEqual(refused.state, "proposed")
        paid = self._proposal(
            "damage", sanction_type_id=self.censure.id, compensation_amount=0.01
        )
        paid.with_user(committee).action_decide()
        self.assertEqual(paid.state, "decided")
        sued = self._proposal(
            "damage", sanction_type_id=self.termination.id, legal_liability=True
        )
        sued.with_user(committee).action_decide()
        self.assertEqual(sued.state, "decided")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._proposal("damage", compensation_amount=-1)
            self.env.flush_all()

    def test_history_per_person(self):
        """Every sanction of a person, counted for the declarant's smart button."""
        self._proposal()
        self._proposal("damage")
        counts = self.Sanction._vc_count_by_declarant(self.declarant)
        self.assertEqual(counts, {self.declarant.id: 2})
        action = self.env.ref("vendor_counsel.vc_coi_sanction_action_declarant")
        self.assertIn("active_id", action.domain)

    def _declaration_rule(self):
        """A submission deadline on declarations, as the declaration slice ships
        one: 3 working days from the draft, met on submission."""
        selection = "vendor_counsel.selection__vc_coi_declaration__state__"
        return self.env["business.deadline.rule"].create(
            {
                "name": "Declaration (test)",
                "model_id": self.env.ref("vendor_counsel.model_vc_coi_declaration").id,
                "start_state_ids": [
                    Command.set([self.env.ref(selection + "draft").id])
                ],
                "met_state_ids": [
                    Command.set(
                        [
                            self.env.ref(selection + state).id
                            for state in ("submitted", "review", "archived")
                        ]
                    )
                ],
                "amount": 3,
                "unit": "working_days",
            }
        )

    def test_r7_missing_and_late_declarations_proposed(self):
        """002/R7 (未按照规定进行申报): a declaration still a draft after its
        deadline gets a 'missing declaration' proposal; one submitted after its
        deadline a 'late declaration' proposal; each once; one submitted in time
        nothing. Read from the deadline timers."""
        self._declaration_rule()
        cron = "vendor_counsel.ir_cron_vc_coi_review_overdue"
        with freeze_time("2026-03-02 02:00:00"):  # Monday
            missing = self._declaration(state="draft")
            late = self._declaration(state="draft")
            on_time = self._declaration(state="draft")
        with freeze_time("2026-03-04 02:00:00"):
            on_time.write({"state": "submitted"})
        with freeze_time("2026-03-06 02:00:00"):  # after the 3rd working day
            self._sweep()
            late.write({"state": "submitted"})
            self._trigger(cron)
            self._trigger(cron)
        proposals = self.Sanction.search(
            [("declaration_id", "in", (missing | late | on_time).ids)]
        )
        self.assertEqual(
            {(p.declaration_id, p.trigger) for p in proposals},
            {(missing, "missing_declaration"), (late, "late_declaration")},
        )
        self.assertEqual(set(proposals.mapped("state")), {"proposed"})
        self.assertEqual(proposals.declarant_id, self.declarant)
