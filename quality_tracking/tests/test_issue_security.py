from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_issues import QualityIssueCommon


@tagged("post_install", "-at_install")
class TestIssueSecurity(QualityIssueCommon):
    """Anyone reports; reporter/responsible own → department head → quality
    department all; a CAPA owner sees own actions. Checked through read, search,
    _read_group and export_data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        export = cls.env.ref("base.group_allow_export")
        (cls.handler | cls.head | cls.officer | cls.employee).write(
            {"group_ids": [(4, export.id)]}
        )
        cls.own = cls._create_issue(title="Own")
        cls.others = cls._create_issue(
            title="Other department",
            user_id=cls.other_handler.id,
            department_id=cls.other_department.id,
        )
        cls.department_issue = cls._create_issue(
            title="Department", user_id=cls.other_handler.id
        )
        cls.own_capa = cls.Capa.create({"title": "Own CAPA", "user_id": cls.handler.id})
        cls.other_capa = cls.Capa.create(
            {
                "title": "Other CAPA",
                "user_id": cls.other_handler.id,
                "department_id": cls.other_department.id,
            }
        )

    def _visible(self, user, model="qt.issue", records=None):
        Model = self.env[model].with_user(user)
        records = records or self.own | self.others | self.department_issue
        found = Model.search([("id", "in", records.ids)])
        grouped = Model._read_group([("id", "in", records.ids)], [], ["__count"])
        self.assertEqual(grouped[0][0], len(found))
        exported = found.export_data(["id"])["datas"]
        self.assertEqual(len(exported), len(found))
        return found

    def test_employee_reports_and_sees_own(self):
        issue = self.Issue.with_user(self.employee).create({"title": "Wobbly chair"})
        self.assertEqual(self._visible(self.employee, records=issue | self.own), issue)
        with self.assertRaises(AccessError):
            self.own.with_user(self.employee).read(["title"])

    def test_handler_sees_own(self):
        self.assertEqual(self._visible(self.handler), self.own)
        with self.assertRaises(AccessError):
            self.others.with_user(self.handler).read(["title"])

    def test_head_sees_department(self):
        self.assertEqual(self._visible(self.head), self.own | self.department_issue)

    def test_officer_sees_all(self):
        self.assertEqual(
            self._visible(self.officer), self.own | self.others | self.department_issue
        )

    def test_capa_owner_sees_own(self):
        capas = self.own_capa | self.other_capa
        self.assertEqual(self._visible(self.handler, "qt.capa", capas), self.own_capa)
        with self.assertRaises(AccessError):
            self.other_capa.with_user(self.handler).read(["title"])
        self.assertEqual(self._visible(self.officer, "qt.capa", capas), capas)

    def test_analysis_not_for_handlers(self):
        with self.assertRaises(AccessError):
            self.env["qt.satisfaction.analysis"].with_user(self.handler).search([])
        self.env["qt.satisfaction.analysis"].with_user(self.officer).search([])
        self.env["qt.management.review"].with_user(self.committee).search([])
