import base64
from datetime import date

from odoo.tests import new_test_user

from .common import VendorCounselCommon


class VcRequestsCommon(VendorCounselCommon):
    """Requests and selections: an executive in charge, a matter scenario, two more
    firms practising the area, and helpers that walk a request through its flow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.executive = new_test_user(
            cls.env,
            login="vc_executive",
            groups="vendor_counsel.group_vendor_counsel_user",
        )
        cls.company.vc_executive_user_id = cls.executive
        cls.scenario = cls.env.ref("vendor_counsel.vc_matter_scenario_investment")
        cls.firm2 = cls._create_firm("Hengxin Test Law Firm")
        cls.firm3 = cls._create_firm("Junze Test Law Firm")
        # a firm on no panel for the area: practises nothing (000/R-VC-20)
        cls.off_panel_firm = cls._create_firm("Off Panel Test Law Firm", areas=False)
        # the firms practising the area are on an approved panel of it (000/R-VC-20)
        cls.requests_panel = cls.env["vc.panel"].create(
            {
                "name": "Requests fixture panel",
                "practice_area_id": cls.area.id,
                "date_from": date(2020, 1, 1),
                "date_to": date(2030, 12, 31),
                "line_ids": [
                    (0, 0, {"firm_id": firm.id, "rank": rank})
                    for rank, firm in enumerate(cls.firm2 | cls.firm3, start=2)
                ],
            }
        )
        cls.requests_panel.state = "approved"

    @classmethod
    def _create_firm(cls, name, areas=True):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "vc_is_law_firm": True,
                "vc_date_established": date(2012, 3, 1),
                "vc_practice_area_ids": [(6, 0, cls.area.ids if areas else [])],
            }
        )

    @classmethod
    def _request_vals(cls, **vals):
        values = {
            "scenario_id": cls.scenario.id,
            "internal_first_reason": "Cross-border due diligence: no in-house team.",
            "subject_amount": 1000000,
            "expected_fee": 50000,
        }
        values.update(vals)
        return values

    @classmethod
    def _new_request(cls, **vals):
        return cls._create_request(**cls._request_vals(**vals))

    def _attachment(self):
        return self.env["ir.attachment"].create(
            {"name": "written request.pdf", "datas": base64.b64encode(b"%PDF-1.4")}
        )

    def _approve(self, request):
        """Every tier validated by its reviewer, then approved by the legal
        department."""
        request.with_user(self.legal).validate_tier()
        request.with_user(self.general_counsel).validate_tier()
        if request.needs_executive_approval:
            request.with_user(self.executive).validate_tier()
        request.with_user(self.legal).action_approve()

    def _submitted_approved(self, **vals):
        request = self._new_request(**vals)
        request.with_user(self.requester).action_submit()
        self._approve(request)
        return request

    def _selection(self, **vals):
        request = self._submitted_approved(**vals)
        request.with_user(self.legal).action_start_selection()
        return request.selection_ids

    def _candidate(self, selection, firm, **vals):
        values = {"selection_id": selection.id, "firm_id": firm.id}
        values.update(vals)
        return self.env["vc.selection.candidate"].create(values)
