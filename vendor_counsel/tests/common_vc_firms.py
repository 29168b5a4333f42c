from datetime import date

from odoo.fields import Command

from .common import VendorCounselCommon

ON = date(2026, 6, 15)


class VcFirmsCommon(VendorCounselCommon):
    """Firms and lawyers to check on 2026-06-15 (``ON``); panel helpers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        cls.Panel = cls.env["vc.panel"]
        cls.area_lit = cls.env["vc.practice.area"].create(
            {"name": "Litigation (firms test)"}
        )

    @classmethod
    def _firm(cls, name="Test Firm", established=date(2010, 1, 1), **vals):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "vc_is_law_firm": True,
                "vc_date_established": established,
                **vals,
            }
        )

    @classmethod
    def _lawyer(cls, firm, name="Lawyer", licence=None, **vals):
        values = {
            "name": name,
            "parent_id": firm.id,
            "vc_is_lawyer": True,
            "vc_licence_number": licence,
            "vc_licence_inspection_until": date(2027, 5, 31),
            "vc_practice_start_date": date(2010, 7, 1),
        }
        values.update(vals)
        return cls.env["res.partner"].create(values)

    @classmethod
    def _penalty(cls, partner, when, kind="administrative"):
        return cls.env["vc.penalty"].create(
            {
                "partner_id": partner.id,
                "date": when,
                "kind": kind,
                "description": "Penalty",
            }
        )

    @classmethod
    def _vet(cls, firms):
        firms.write(
            {
                "vc_vet_business_licence": True,
                "vc_vet_organisation_code": True,
                "vc_vet_identity": True,
                "vc_vet_asset_proof": True,
                "vc_vet_credit_record": True,
                "vc_vet_size_condition": True,
                "vc_vet_qualification": True,
                "vc_vetted_on": date(2026, 1, 5),
            }
        )

    @classmethod
    def _panel(cls, firms, area=None, date_from=date(2026, 1, 1), **vals):
        values = {
            "name": "Panel",
            "practice_area_id": (area or cls.area_lit).id,
            "date_from": date_from,
            "date_to": date(2026, 12, 31),
            "line_ids": [
                Command.create({"firm_id": firm.id, "rank": rank})
                for rank, firm in enumerate(firms, 1)
            ],
        }
        values.update(vals)
        return cls.env["vc.panel"].create(values)

    @classmethod
    def _approved_panel(cls, firms, **vals):
        panel = cls._panel(firms, **vals)
        panel.state = "approved"
        return panel

    def _rules(self, partner, on_date=ON, engagement_type=None, **kw):
        breaches = self.Partner._vc_eligibility(partner, on_date, engagement_type, **kw)
        return {(rule, level) for rule, level, _message in breaches[partner.id]}
