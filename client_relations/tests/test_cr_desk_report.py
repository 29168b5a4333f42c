from unittest import skipUnless

from odoo.modules.module import get_manifest
from odoo.tests import freeze_time, tagged

from .common_cr_desk import CrDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskReports(CrDeskCommon):
    def _html(self, xmlid, records):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            xmlid, records.ids
        )
        return html.decode()

    def test_complaint_record_form(self):
        """003/HR-D19-7: the 《客户投诉记录表》 with the complaint's facts;
        004/R1-4, 004/R1-5: the complaint phone and e-mail of the settings printed on
        it (none by default)."""
        complaint = self._complaint()
        html = self._html("client_relations.action_report_cr_complaint", complaint)
        self.assertIn("客户投诉记录表", html)
        self.assertIn(complaint.name, html)
        self.assertIn("13800138000", html)
        self.assertNotIn("Complaint phone", html)
        self.assertFalse(self.company.cr_complaint_phone)
        self.company.cr_complaint_phone = "010-66668888"
        self.company.cr_complaint_email = "complaints@example.com"
        html = self._html("client_relations.action_report_cr_complaint", complaint)
        self.assertIn("010-66668888", html)
        self.assertIn("complaints@example.com", html)

    def test_service_voucher(self):
        """004 CR-2, W2: the 《服务凭证》 with the service kind and fees."""
        request = self._service(service_kind="A", parts_amount=120, labour_amount=80)
        html = self._html("client_relations.action_report_cr_service_voucher", request)
        self.assertIn("服务凭证", html)
        self.assertIn("A - Paid Service", html)

    def test_statistics_grouped(self):
        """004/R9-13: the complaint statistics are one grouped read whose query count
        does not grow with the number of requests."""
        Request = self.Request.with_context(cr_no_repeat_link=True)
        Request.create(self._complaint_vals())

        def count():
            with self.assertQueryCount(__system__=2):
                self.Request.invalidate_model()
                return self.Request._read_group(
                    [], ["kind", "date_received:month"], ["__count"]
                )

        count()
        for _i in range(10):
            Request.create(self._complaint_vals())
        Request.create(self._service_vals())
        count()


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskQualityLink(CrDeskCommon):
    def test_no_quality_tracking(self):
        """003/HR-D19-3: without quality_tracking, no button and no issue."""
        request = self._complaint(complaint_object="product")
        self.assertEqual(request.has_quality_tracking, "qt.issue" in self.env)

    @skipUnless(get_manifest("quality_tracking"), "quality_tracking is not available")
    def test_product_complaint_opens_quality_issue(self):
        """003/HR-D19-3: a product-quality complaint opens a quality issue whose
        origin is the request (when quality_tracking is installed)."""
        if "qt.issue" not in self.env:
            self.skipTest("quality_tracking is not installed")
        request = self._complaint(complaint_object="product")
        action = request.action_open_quality_issue()
        issue = self.env["qt.issue"].browse(action["res_id"])
        self.assertEqual(issue.origin_kind, "complaint")
        self.assertIn(request.name, issue.title)
        self.assertEqual(issue.partner_id, self.client)
        if "cr.request" in self.env["qt.issue"]._origin_models():
            self.assertEqual(issue.origin_ref, request)
            request.invalidate_recordset(["quality_issue_count"])
            self.assertEqual(request.quality_issue_count, 1)
        else:
            # quality_tracking does not list cr.request among its origins yet
            self.assertFalse(issue.origin_ref)
