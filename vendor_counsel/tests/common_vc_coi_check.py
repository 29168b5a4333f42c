from odoo.addons.vendor_counsel.tests.common import VendorCounselCommon

DECLARED = "上海恒通实业有限公司"


class VcCoiCheckCommon(VendorCounselCommon):
    """A director who declared a holding in 上海恒通实业有限公司 (submitted), a draft
    declaration (not yet declared: not indexed) and a client contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.director_partner = cls.env["res.partner"].create({"name": "王建国"})
        cls.declarant = cls.env["vc.coi.declarant"].create(
            {"partner_id": cls.director_partner.id, "role": "director"}
        )
        cls.declaration = cls.env["vc.coi.declaration"].create(
            {
                "declarant_id": cls.declarant.id,
                "kind": "annual",
                "year": 2026,
                "state": "submitted",
                "line_ids": [
                    (0, 0, {"kind": "holding", "counterparty_name": DECLARED}),
                    (
                        0,
                        0,
                        {
                            "kind": "position",
                            "counterparty_name": "Pacific Rim Trading Co., Ltd.",
                        },
                    ),
                ],
            }
        )
        cls.draft_declaration = cls.env["vc.coi.declaration"].create(
            {
                "declarant_id": cls.declarant.id,
                "kind": "event",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "kind": "holding",
                            "counterparty_name": "深圳华南物流有限公司",
                        },
                    )
                ],
            }
        )
        cls.client = cls.env["res.partner"].create(
            {"name": "杭州西湖电子股份有限公司", "is_company": True}
        )
        cls.Check = cls.env["vc.coi.check"]
        cls.Name = cls.env["vc.coi.name"]

    @classmethod
    def _check_names(cls, *names, **kwargs):
        cls.Name._vc_refresh_index()
        return cls.Check._vc_check_names(list(names), cls.company, **kwargs)
