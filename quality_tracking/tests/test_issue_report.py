from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_issues import QualityIssueCommon


@tagged("post_install", "-at_install")
class TestIssueReports(QualityIssueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the report's source text is English; the paper form is printed in Chinese
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["quality_tracking"], ["zh_CN"], overwrite=True
        )

    def _render_zh(self, report_ref, ids):
        return str(
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html(report_ref, ids)[0],
            "utf-8",
        )

    def test_complaint_handling_form(self):
        """Seed 004, QT-6: 表14.6.3 《客户抱怨处理表》 prints an issue, with
        「客户加工中未确定」 when the return quantity is not known yet."""
        issue = self._customer_issue(
            order_number="SO-0042",
            part_number="PN-7",
            is_return_qty_undetermined=True,
        )
        self.Capa.create(
            {"title": "改进模具", "issue_id": issue.id, "measures": "换模"}
        )
        html = self._render_zh(
            "quality_tracking.action_report_qt_issue_complaint", issue.ids
        )
        for text in (
            "客户抱怨处理表",
            "表14.6.3",
            "SO-0042",
            "PN-7",
            "客户加工中未确定",
            "改进模具",
        ):
            self.assertIn(text, html)

    def test_anomaly_handling_sheet(self):
        """Seed 004, QT-7: 《异常处理单》 prints a corrective action."""
        sheet = self.Capa.create(
            {
                "title": "标签污损",
                "capa_type": "anomaly",
                "partner_id": self.client.id,
                "measures": "更换标签供应商",
            }
        )
        html = self._render_zh(
            "quality_tracking.action_report_qt_capa_anomaly", sheet.ids
        )
        for text in ("异常处理单", "标签污损", "更换标签供应商"):
            self.assertIn(text, html)

    def test_hr_d11_8_accident_archive(self):
        """003/HR-D11-8: the accident analysis archive compares the issues item by
        item, grouped by cause, to find common causes."""
        self._create_issue(cause_kind="material")
        self._create_issue(cause_kind="material")
        self._create_issue(cause_kind="human")
        self._create_issue()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_issue_action_accident"
        )
        self.assertIn("cause_kind", str(action["context"]))
        groups = dict(
            self.Issue._read_group(
                safe_eval(action["domain"]), ["cause_kind"], ["__count"]
            )
        )
        self.assertEqual(groups, {"material": 2, "human": 1})
