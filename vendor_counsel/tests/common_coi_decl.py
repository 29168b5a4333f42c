from datetime import date

import pytz

from odoo.tests import new_test_user

from .common import VendorCounselCommon

SHANGHAI = pytz.timezone("Asia/Shanghai")


class CoiDeclCommon(VendorCounselCommon):
    """Declarants of the company: a director with a user (the declarant), an
    independent director, a senior officer; a competitor and a supplier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Declarant = cls.env["vc.coi.declarant"]
        cls.Declaration = cls.env["vc.coi.declaration"]
        cls.Line = cls.env["vc.coi.declaration.line"]
        cls.Gift = cls.env["vc.coi.gift"]
        cls.declarant_user = new_test_user(
            cls.env, login="vc_declarant", groups="base.group_user"
        )
        cls.director = cls.Declarant.create(
            {
                "partner_id": cls.declarant_user.partner_id.id,
                "user_id": cls.declarant_user.id,
                "role": "director",
                "unit_and_position": "Board, Director",
            }
        )
        cls.independent = cls.Declarant.create(
            {
                "partner_id": cls.env["res.partner"].create({"name": "Indep"}).id,
                "role": "independent_director",
            }
        )
        cls.officer = cls.Declarant.create(
            {
                "partner_id": cls.env["res.partner"].create({"name": "CFO"}).id,
                "role": "officer",
                "officer_title": "finance_head",
            }
        )
        cls.spouse = cls.env["vc.coi.related.person"].create(
            {
                "declarant_id": cls.director.id,
                "name": "Spouse Zhou",
                "relationship": "spouse",
                "employer_name": "Rival Precision Co.",
            }
        )
        cls.competitor = cls.env["res.partner"].create(
            {"name": "Rival Precision Co.", "is_company": True}
        )

    @classmethod
    def _declaration(cls, **vals):
        values = {
            "declarant_id": cls.director.id,
            "kind": "event",
            "date_known": date(2026, 3, 6),
        }
        values.update(vals)
        return cls.Declaration.create(values)

    @classmethod
    def _line(cls, declaration, **vals):
        values = {
            "declaration_id": declaration.id,
            "kind": "holding",
            "counterparty_name": "Rival Precision Co.",
            "counterparty_relation": "competitor",
        }
        values.update(vals)
        return cls.Line.create(values)

    @staticmethod
    def _local(dt):
        return pytz.utc.localize(dt).astimezone(SHANGHAI)
