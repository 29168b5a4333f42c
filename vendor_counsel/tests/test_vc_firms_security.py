from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common_vc_firms import VcFirmsCommon


@tagged("post_install", "-at_install")
class TestVcFirmsSecurity(VcFirmsCommon):
    """Panels and penalties: the legal department writes, others read; panels are
    per company (a parent's panel covers its subsidiaries)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other Group"})
        cls.other_panel = cls._panel(
            cls._firm("Elsewhere Firm"),
            name="Elsewhere panel",
            company_id=cls.other_company.id,
        )
        cls.own_panel = cls._panel(cls.firm, name="Own panel")

    def test_requester_reads_only(self):
        """A requesting unit reads panels and penalties, writes neither."""
        panels = self.Panel.with_user(self.requester)
        self.assertIn(self.own_panel, panels.search([]))
        self.own_panel.with_user(self.requester).read(["name", "state"])
        with self.assertRaises(AccessError):
            self.own_panel.with_user(self.requester).write({"name": "x"})
        with self.assertRaises(AccessError):
            panels.create(
                {
                    "name": "Mine",
                    "practice_area_id": self.area_lit.id,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 12, 31),
                }
            )
        with self.assertRaises(AccessError):
            self.env["vc.penalty"].with_user(self.requester).create(
                {
                    "partner_id": self.firm.id,
                    "date": date(2026, 1, 1),
                    "description": "x",
                }
            )

    def test_legal_writes_penalties(self):
        """The legal department records penalties."""
        penalty = (
            self.env["vc.penalty"]
            .with_user(self.legal)
            .create(
                {
                    "partner_id": self.lawyer.id,
                    "date": date(2026, 1, 1),
                    "description": "x",
                }
            )
        )
        self.assertEqual(penalty.firm_id, self.firm)

    def test_multi_company(self):
        """Another company's panel is invisible through every route."""
        user = self.legal.with_user(self.legal)
        panels = self.Panel.with_user(user)
        self.assertNotIn(self.other_panel, panels.search([]))
        groups = panels._read_group([], ["company_id"], ["__count"])
        self.assertNotIn(self.other_company, [company for company, _n in groups])
        exporter = self.env.ref("base.group_allow_export")
        self.legal.group_ids = [(4, exporter.id)]
        exported = panels.search([]).export_data(["name"])["datas"]
        self.assertNotIn(["Elsewhere panel"], exported)
        with self.assertRaises(AccessError):
            self.other_panel.with_user(user).read(["name"])
        lines = self.env["vc.panel.line"].with_user(user).search([])
        self.assertNotIn(self.other_panel.line_ids, lines)
        # a user of both companies sees both
        both = new_test_user(
            self.env,
            login="vc_both",
            groups="vendor_counsel.group_vendor_counsel_user",
            company_ids=[(6, 0, (self.company | self.other_company).ids)],
        )
        found = (
            self.Panel.with_user(both)
            .with_context(allowed_company_ids=(self.company | self.other_company).ids)
            .search([])
        )
        self.assertIn(self.other_panel, found)
