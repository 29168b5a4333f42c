from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common_cr_care import CrCareCommon


@tagged("post_install", "-at_install")
class TestCrCarePlan(CrCareCommon):
    def _plan(self, members=None, **vals):
        values = {
            "partner_id": self.client.id,
            "year": 2026,
            "user_id": self.owner.id,
            "department_id": self.department.id,
            "member_ids": [(0, 0, m) for m in (members or [])],
        }
        values.update(vals)
        return self.env["cr.care.plan"].create(values)

    def _team(self, specialists=1, certified=True):
        members = [
            {"user_id": self.supervisor.id, "role": "lead", "is_certified": certified}
        ]
        for user in [self.owner, self.desk, self.slm][:specialists]:
            members.append({"user_id": user.id, "role": "specialist"})
        return members

    def test_key_clients_only(self):
        """004/CR-7: a care plan is for a Diamond or Platinum client."""
        with self.assertRaises(ValidationError):
            self._plan(partner_id=self.other_client.id)
        self.assertTrue(self._plan())

    def test_team_composition(self):
        """002/R26, 002/E42: 1 lead and 1-2 specialists, at least one certified;
        invalid otherwise."""
        for members in (
            self._team(specialists=0),
            self._team(specialists=3),
            self._team(certified=False),
        ):
            plan = self._plan(members)
            with self.assertRaises(ValidationError):
                plan.action_activate()
            self.assertEqual(plan.state, "draft")
            plan.unlink()
        plan = self._plan(self._team(specialists=2))
        plan.action_activate()
        self.assertEqual(plan.state, "active")
        with self.assertRaises(ValidationError):
            plan.member_ids.filtered(lambda m: m.role == "lead").unlink()

    @freeze_time("2026-03-02 09:00:00")
    def test_action_deadline_from_engine(self):
        """004/CR-7, 004/S14: each action's deadline is the engine's due date,
        within the company's working days after the planned date; a changed
        setting takes effect on new actions."""
        plan = self._plan(self._team())
        action = self.env["cr.care.action"].create(
            {
                "plan_id": plan.id,
                "name": "Visit",
                "user_id": self.owner.id,
                "date_planned": date(2026, 3, 2),
            }
        )
        self.assertEqual(action.allowed_days, 5)
        self.env.flush_all()
        action.invalidate_recordset()
        self.assertTrue(action.date_deadline)
        self.assertEqual(action.date_deadline.date(), date(2026, 3, 9))
        self.assertEqual(
            action.deadline_timer_ids.rule_id.name, "Key-client care action"
        )
        action.with_user(self.owner).action_done()
        self.assertEqual(action.deadline_timer_ids.state, "met")
        with self.assertRaises(UserError):
            action.action_done()
        self.company.cr_care_action_days = 10
        later = self.env["cr.care.action"].create(
            {
                "plan_id": plan.id,
                "name": "Review",
                "user_id": self.owner.id,
                "date_planned": date(2026, 3, 2),
            }
        )
        self.assertEqual(later.allowed_days, 10)
        self.env.flush_all()
        later.invalidate_recordset()
        self.assertGreater(later.date_deadline, action.date_deadline)

    def test_plan_done_needs_closed_actions(self):
        """004/CR-7: a plan closes once its actions are done or cancelled."""
        plan = self._plan(self._team())
        plan.action_activate()
        action = self.env["cr.care.action"].create(
            {"plan_id": plan.id, "name": "Call", "date_planned": date(2026, 4, 1)}
        )
        with self.assertRaises(UserError):
            plan.action_done()
        action.action_cancel()
        plan.action_done()
        self.assertEqual(plan.state, "done")

    @freeze_time("2026-01-05")
    def test_cron_creates_yearly_plans_once(self):
        """004/CR-7: the cron gives each key client a draft plan for the year with
        its visits, greeting and review, once."""
        self._trigger("client_relations.ir_cron_cr_care_plan")
        Plan = self.env["cr.care.plan"]
        plan = Plan.search([("partner_id", "=", self.client.id), ("year", "=", 2026)])
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.user_id, self.owner)
        self.assertEqual(
            sorted(plan.action_ids.mapped("kind")),
            ["greeting", "review", "visit", "visit", "visit", "visit"],
        )
        self.assertFalse(Plan.search([("partner_id", "=", self.other_client.id)]))
        self._trigger("client_relations.ir_cron_cr_care_plan")
        self.assertEqual(Plan.search_count([("partner_id", "=", self.client.id)]), 1)

    def test_overdue_chain(self):
        """004/S14: an overdue care action gives its owner an activity, then two
        working days later the plan owner one, through the engine's sweep."""
        with freeze_time("2026-03-02 09:00:00"):
            plan = self._plan(self._team(), user_id=self.supervisor.id)
            action = self.env["cr.care.action"].create(
                {
                    "plan_id": plan.id,
                    "name": "Visit",
                    "user_id": self.owner.id,
                    "date_planned": date(2026, 3, 2),
                }
            )
            self.env.flush_all()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "cr.care.action"), ("res_id", "=", action.id)]
        )
        self.assertFalse(activities)
        with freeze_time("2026-03-10 12:00:00"):
            self._trigger("business_deadline.ir_cron_business_deadline_timer_sweep")
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "cr.care.action"), ("res_id", "=", action.id)]
        )
        self.assertEqual(activities.user_id, self.owner)
        self.assertEqual(action.deadline_state, "breached")
        self.assertTrue(action.deadline_is_overdue)
        self.assertEqual(plan.action_overdue_count, 1)
        with freeze_time("2026-03-13 12:00:00"):
            self._trigger("business_deadline.ir_cron_business_deadline_timer_sweep")
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "cr.care.action"), ("res_id", "=", action.id)]
        )
        self.assertEqual(activities.user_id, self.owner | self.supervisor)
