from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_prereview import PrereviewCommon

CHILD_MODELS = ("qt.supervision", "qt.work.record", "qt.contract.review")


@tagged("post_install", "-at_install")
class TestPrereviewSecurity(PrereviewCommon):
    """A supervision, work record or contract review is visible to whoever sees its
    matter: handler and supervisors, the department's head, the quality
    department, the committee (read only); not another handler."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matter = cls._review_matter()
        cls.other_matter = cls._create_matter(
            user_id=cls.other_handler.id, department_id=cls.other_department.id
        )
        cls.records = {
            "qt.supervision": cls.env["qt.supervision"].create(
                {"matter_id": cls.matter.id, "supervisor_id": cls.head.id}
            ),
            "qt.work.record": cls.env["qt.work.record"].create(
                {"matter_id": cls.matter.id, "name": "Memo"}
            ),
            "qt.contract.review": cls._new_review(cls.matter),
        }
        cls.other_records = {
            "qt.supervision": cls.env["qt.supervision"].create(
                {"matter_id": cls.other_matter.id, "supervisor_id": cls.officer.id}
            ),
            "qt.work.record": cls.env["qt.work.record"].create(
                {
                    "matter_id": cls.other_matter.id,
                    "name": "Memo",
                    "user_id": cls.other_handler.id,
                }
            ),
        }

    def _visible(self, user, model):
        return self.env[model].with_user(user).search([])

    def test_handler_sees_own_matters_records(self):
        for model in CHILD_MODELS:
            record = self.records[model]
            found = self._visible(self.handler, model)
            self.assertIn(record, found)
            if model in self.other_records:
                self.assertNotIn(self.other_records[model], found)
            record.with_user(self.handler).read(["display_name"])

    def test_other_handler_gets_nothing(self):
        """Through read, search, _read_group and export_data."""
        for model in CHILD_MODELS:
            record = self.records[model]
            as_other = self.env[model].with_user(self.other_handler)
            self.assertNotIn(record, as_other.search([]))
            with self.assertRaises(AccessError):
                record.with_user(self.other_handler).read(["display_name"])
            groups = as_other._read_group([], ["matter_id"], ["__count"])
            self.assertNotIn(self.matter, [g[0] for g in groups])
            self.other_handler.group_ids += self.env.ref("base.group_allow_export")
            exported = as_other.search([]).export_data(["matter_id"])["datas"]
            self.assertNotIn([self.matter.display_name], exported)

    def test_department_head_sees_department(self):
        for model in CHILD_MODELS:
            found = self._visible(self.head, model)
            self.assertIn(self.records[model], found)
            if model in self.other_records:
                self.assertNotIn(self.other_records[model], found)

    def test_officer_sees_all_committee_reads(self):
        for model in CHILD_MODELS:
            self.assertIn(self.records[model], self._visible(self.officer, model))
            self.assertIn(self.records[model], self._visible(self.committee, model))
        with self.assertRaises(AccessError):
            self.records["qt.supervision"].with_user(self.committee).write(
                {"findings": "x"}
            )

    def test_handler_records_supervision_on_own_matter(self):
        supervision = (
            self.env["qt.supervision"]
            .with_user(self.handler)
            .create({"matter_id": self.matter.id, "kind": "report"})
        )
        self.assertEqual(supervision.supervisor_id, self.handler)
        with self.assertRaises(AccessError):
            self.env["qt.supervision"].with_user(self.handler).create(
                {"matter_id": self.other_matter.id}
            )

    def test_policies_read_only_for_handlers(self):
        with self.assertRaises(AccessError):
            self.env["qt.policy"].with_user(self.handler).create(
                {"name": "Mine", "level": "firm", "area": "ethics"}
            )
        policy = (
            self.env["qt.policy"]
            .with_user(self.officer)
            .create({"name": "Ethics", "level": "firm", "area": "ethics"})
        )
        self.assertTrue(policy.with_user(self.handler).read(["name"]))

    def test_json_rpc_route(self):
        """The same rules apply through the ORM's RPC entry (call_kw)."""
        from odoo.service.model import call_kw

        found = call_kw(
            self.env["qt.supervision"].with_user(self.other_handler),
            "search_read",
            [[]],
            {"fields": ["matter_id"]},
        )
        self.assertNotIn(self.records["qt.supervision"].id, [r["id"] for r in found])
