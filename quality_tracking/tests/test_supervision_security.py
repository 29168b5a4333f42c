from datetime import date

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common_supervision import SupervisionCommon


@tagged("post_install", "-at_install")
class TestSupervisionSecurity(SupervisionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        export = cls.env.ref("base.group_allow_export")
        users = (
            cls.executor
            | cls.coordinator
            | cls.officer
            | cls.head
            | cls.other_head
            | cls.outsider
            | cls.handler
            | cls.other_handler
        )
        users.write({"group_ids": [Command.link(export.id)]})
        cls.check = cls._create_check(cls.unit)
        cls.other_check = cls._create_check(cls.other_unit)
        cls.order = cls._create_order()
        cls.other_order = cls._create_order(department_id=cls.other_department.id)
        cls.order.group_id = False
        cls.other_order.group_id = False
        cls.penalty = cls.env["qt.reward.penalty"].create(
            {
                "user_id": cls.handler.id,
                "rule_id": cls.env.ref("quality_tracking.qt_rp_rule_d1_attitude").id,
                "unit_amount": 50,
            }
        )

    def _visible(self, user, records):
        """The records ``user`` reaches through search, read, read_group and
        export; all four routes must agree."""
        model = self.env[records._name].with_user(user)
        found = model.search([("id", "in", records.ids)])
        grouped = model._read_group([("id", "in", records.ids)], [], ["__count"])
        self.assertEqual(grouped[0][0], len(found))
        exported = model.browse(found.ids).export_data(["id"])["datas"]
        self.assertEqual(len(exported), len(found))
        for record in records - found:
            with self.assertRaises(AccessError):
                model.browse(record.id).read(["name"])
        return self.env[records._name].browse(found.ids)

    def test_spot_checks_by_role(self):
        """Group members and the quality department see every check of their
        group; a section head sees their unit's; other users nothing."""
        checks = self.check | self.other_check
        self.assertEqual(self._visible(self.executor, checks), checks)
        self.assertEqual(self._visible(self.coordinator, checks), checks)
        self.assertEqual(self._visible(self.officer, checks), checks)
        self.assertEqual(self._visible(self.other_head, checks), self.other_check)
        self.assertFalse(self._visible(self.outsider, checks))

    def test_supervision_orders_by_role(self):
        """The responsible person and the issuer see their orders; a section head
        the orders of their section; the quality department all."""
        orders = self.order | self.other_order
        self.assertEqual(self._visible(self.head, orders), self.order)
        self.assertEqual(self._visible(self.other_head, orders), self.other_order)
        self.assertEqual(self._visible(self.officer, orders), orders)
        self.assertFalse(self._visible(self.outsider, orders))
        self.order.responsible_id = self.outsider
        self.assertEqual(self._visible(self.outsider, orders), self.order)

    def test_group_members_see_group_orders(self):
        """Orders of a supervision group are read by its members."""
        self.order.group_id = self.group
        self.assertEqual(
            self._visible(self.executor, self.order | self.other_order), self.order
        )

    def test_rewards_penalties_by_role(self):
        """A person sees their own rewards and penalties, not a colleague's."""
        self.assertEqual(self._visible(self.handler, self.penalty), self.penalty)
        self.assertFalse(self._visible(self.other_handler, self.penalty))
        self.assertEqual(self._visible(self.officer, self.penalty), self.penalty)

    def test_handler_cannot_confirm_own_penalty_by_write(self):
        """A user cannot move a penalty's state by writing it: the manager confirms."""
        with self.assertRaises(AccessError):
            self.penalty.with_user(self.handler).action_confirm()

    def test_bulletins_published_for_all(self):
        """Users read published bulletins only; drafts stay with the quality
        department."""
        draft = self.env["qt.bulletin"].create({"date_month": date(2026, 3, 1)})
        published = self.env["qt.bulletin"].create(
            {"date_month": date(2026, 2, 1), "summary": "<p>x</p>"}
        )
        published.action_publish()
        self.assertEqual(self._visible(self.outsider, draft | published), published)
        self.assertEqual(
            self._visible(self.officer, draft | published), draft | published
        )

    def test_user_cannot_write_ranking(self):
        """Only the quality department writes rankings."""
        ranking = self.env["qt.ranking"].create({"date_month": date(2026, 3, 1)})
        self.assertEqual(self._visible(self.outsider, ranking), ranking)
        with self.assertRaises(AccessError):
            ranking.with_user(self.outsider).action_generate()

    def test_multi_company(self):
        """A check of another company is invisible to the quality department of
        this one."""
        company = self.env["res.company"].create({"name": "Other Co."})
        group = self.env["qt.supervision.group"].create(
            {
                "name": "Other group",
                "company_id": company.id,
                "coordinator_id": self.coordinator.id,
                "executor_id": self.executor.id,
            }
        )
        unit = self.env["qt.supervised.unit"].create(
            {"name": "Other unit", "group_id": group.id}
        )
        foreign = self.env["qt.spot.check"].create(
            {"unit_id": unit.id, "company_id": company.id}
        )
        self.assertFalse(self._visible(self.officer, foreign))
