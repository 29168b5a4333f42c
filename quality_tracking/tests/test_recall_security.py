from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_recall import QualityRecallCommon


@tagged("post_install", "-at_install")
class TestRecallSecurity(QualityRecallCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        export = cls.env.ref("base.group_allow_export")
        (cls.handler | cls.head).write({"group_ids": [(4, export.id)]})
        cls.own_hold = cls.Hold.with_user(cls.handler).create(
            {"product_id": cls.stent.id, "lot_ref": "H1"}
        )
        cls.other_hold = cls.Hold.with_user(cls.other_handler).create(
            {"product_id": cls.stent.id, "lot_ref": "H2"}
        )
        cls.own_notice = cls.Notice.with_user(cls.handler).create({"title": "Mine"})
        cls.other_notice = cls.Notice.with_user(cls.other_handler).create(
            {"title": "Theirs"}
        )
        cls.recall = cls._recall()

    def test_user_reports_and_reads_own_hold(self):
        """Anyone reports suspicious quality information and follows their own
        hold, through every route; another user's stays hidden."""
        Hold = self.Hold.with_user(self.handler)
        domain = [("id", "in", (self.own_hold | self.other_hold).ids)]
        self.assertEqual(Hold.search(domain), self.own_hold)
        self.assertEqual(
            self.own_hold.with_user(self.handler).read(["name"])[0]["id"],
            self.own_hold.id,
        )
        with self.assertRaises(AccessError):
            self.other_hold.with_user(self.handler).read(["name"])
        self.assertEqual(Hold._read_group(domain, [], ["__count"])[0][0], 1)
        rows = Hold.search(domain).export_data(["lot_ref"])["datas"]
        self.assertEqual(rows, [["H1"]])

    def test_user_reads_own_notice(self):
        Notice = self.Notice.with_user(self.handler)
        domain = [("id", "in", (self.own_notice | self.other_notice).ids)]
        self.assertEqual(Notice.search(domain), self.own_notice)
        with self.assertRaises(AccessError):
            self.other_notice.with_user(self.handler).read(["title"])

    def test_quality_department_sees_all(self):
        domain = [("id", "in", (self.own_hold | self.other_hold).ids)]
        self.assertEqual(self.Hold.with_user(self.officer).search_count(domain), 2)
        self.assertEqual(self.Hold.with_user(self.manager).search_count(domain), 2)
        notices = [("id", "in", (self.own_notice | self.other_notice).ids)]
        self.assertEqual(self.Notice.with_user(self.officer).search_count(notices), 2)

    def test_recalls_quality_department_only(self):
        """Recalls: the quality department and the managers; handlers and
        department heads get nothing, by any route."""
        for user in (self.handler, self.head):
            Recall = self.env["qt.recall"].with_user(user)
            with self.assertRaises(AccessError):
                Recall.search([])
            with self.assertRaises(AccessError):
                self.recall.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                Recall._read_group([], [], ["__count"])
            with self.assertRaises(AccessError):
                self.recall.with_user(user).export_data(["name"])
        for user in (self.officer, self.manager):
            self.assertIn(self.recall, self.env["qt.recall"].with_user(user).search([]))
            self.assertEqual(
                len(self.recall.with_user(user).line_ids.read(["partner_id"])), 3
            )

    def test_user_cannot_confirm_own_hold(self):
        """Users report; only the quality department evaluates and confirms."""
        self.assertFalse(self.own_hold.with_user(self.handler).can_evaluate)
        self.assertTrue(self.own_hold.with_user(self.officer).can_evaluate)

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Co."})
        hold = self.Hold.create({"product_id": self.stent.id, "company_id": other.id})
        self.assertNotIn(
            hold,
            self.Hold.with_user(self.manager)
            .with_context(allowed_company_ids=self.manager.company_ids.ids)
            .search([]),
        )
