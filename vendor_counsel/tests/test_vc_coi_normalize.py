from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.vendor_counsel.models.vc_coi_name import (
    REFRESH_PARAM,
    core_name,
    normalize_generic,
    normalize_name,
    normalize_suffixes,
    spaced_name,
)

from .common_vc_coi_check import VcCoiCheckCommon


@tagged("post_install", "-at_install")
class TestVcCoiNormalize(VcCoiCheckCommon):
    """Name normalisation: one definition in Python and in SQL (issue 10 item 7)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.suffixes = cls.env["vc.coi.legal.suffix"]._vc_normalized()
        cls.generic = cls.env["vc.coi.legal.suffix"]._vc_generic()

    def norm(self, name):
        return normalize_name(name, self.suffixes)

    def core(self, name):
        return core_name(spaced_name(name, self.suffixes), self.generic)

    def test_chinese_legal_forms(self):
        for name in (
            "上海恒通实业有限公司",
            "上海恒通实业股份有限公司",
            "上海恒通实业有限责任公司",
            "上海恒通实业集团有限公司",
            "上海恒通实业集团",
            " 上海 恒通实业（有限公司） ",
        ):
            self.assertEqual(self.norm(name), "上海恒通实业", name)
        self.assertEqual(self.norm("北京市恒信律师事务所"), "北京市恒信")

    def test_latin_forms_punctuation_case_width(self):
        for name in (
            "Shanghai Hengtong Industrial Co., Ltd.",
            "SHANGHAI HENGTONG INDUSTRIAL CO LTD",
            "Shanghai-Hengtong Industrial Limited",
            "Ｓｈａｎｇｈａｉ　Ｈｅｎｇｔｏｎｇ　Ｉｎｄｕｓｔｒｉａｌ"
            "　Ｃｏ．，Ｌｔｄ．",
            "Shanghai Hengtong Industrial Group Co., Ltd.",
        ):
            self.assertEqual(self.norm(name), "shanghaihengtongindustrial", name)
        self.assertEqual(self.norm("Smith & Jones LLP"), "smithjones")
        self.assertEqual(self.norm("Müller GmbH"), "müller")
        self.assertEqual(self.norm("王·建国"), "王建国")
        self.assertEqual(self.norm("《恒通》、实业。"), "恒通实业")

    def test_suffix_only_on_word_boundary_and_never_empty(self):
        # "co" inside a word is no suffix; a name made of a suffix stays
        self.assertEqual(self.norm("Costco"), "costco")
        self.assertEqual(self.norm("Tesco Inc."), "tesco")
        # 有限公司 cannot go whole (nothing would be left); 公司 can
        self.assertEqual(self.norm("有限公司"), "有限")
        self.assertEqual(self.norm("Limited"), "limited")
        self.assertEqual(self.norm(""), "")
        self.assertEqual(self.norm(None), "")

    def test_core_name(self):
        """The core name of a Latin name: without its region and industry words
        (whole words, anywhere), never empty; none for a Chinese name."""
        for name in (
            "Shanghai Hengtong Industrial Co., Ltd.",
            "SHANGHAI HENGTONG INDUSTRIAL GROUP CO LTD",
            "Hengtong (Shanghai) Industrial Limited",
            "Hengtong Real Estate Development Co., Ltd.",
        ):
            self.assertEqual(self.core(name), "hengtong", name)
        # generic only as whole words; a name of generic words only keeps them
        self.assertEqual(self.core("Shanghaitong Trading Co"), "shanghaitong")
        self.assertEqual(self.core("Shanghai Industrial Co"), "shanghaiindustrial")
        self.assertIsNone(self.core("上海恒通实业有限公司"))
        self.assertIsNone(self.core("Müller GmbH"))
        self.assertIsNone(self.core(""))
        self.assertEqual(
            normalize_generic(["Real Estate", "上海", "Trading"]),
            ["real estate", "trading"],
        )

    def test_sql_equals_python(self):
        names = [
            "上海恒通实业股份有限公司",
            "Shanghai Hengtong Industrial Co., Ltd.",
            "Ｓｈａｎｇｈａｉ　Ｈｅｎｇｔｏｎｇ　Ｃｏ．，Ｌｔｄ．",
            "Costco",
            "有限公司",
            "Smith & Jones LLP",
            "王·建国",
            "《恒通》、实业。",
            " 上海 恒通实业（有限公司） ",
            "Müller GmbH",
            "A.B.C. Holdings Group Co., Ltd.",
            "Hengtong (Shanghai) Industrial Limited",
            "Hengtong Real Estate Development Co., Ltd.",
            "Shanghai Industrial Co",
            "Shanghai  Shanghai Trading Trading Hengtong",
            "Xi'an Pacific Supply Chain Inc.",
            "",
        ]
        rows = self.env.execute_query_dict(
            SQL(
                "SELECT n, vc_coi_normalize(n, %s::text[]) AS norm, "
                "vc_coi_core(vc_coi_spaced(n, %s::text[]), %s::text[]) AS core "
                "FROM unnest(%s::text[]) n",
                self.suffixes,
                self.suffixes,
                self.generic,
                names,
            )
        )
        for row in rows:
            self.assertEqual(row["norm"], self.norm(row["n"]), row["n"])
            self.assertEqual(row["core"], self.core(row["n"]), row["n"])

    def test_suffix_list_is_data_and_reindexes(self):
        """A new suffix changes the normal form and the index follows."""
        partner = self.env["res.partner"].create({"name": "恒通实业发展中心"})
        self.Name._vc_refresh_index()
        row = self.Name.search([("partner_id", "=", partner.id)])
        self.assertEqual(row.name_norm, "恒通实业发展中心")
        self.env["vc.coi.legal.suffix"].create({"name": "发展中心"})
        row = self.Name.search([("partner_id", "=", partner.id)])
        self.assertEqual(row.name_norm, "恒通实业")
        self.assertIn("发展中心", self.env["vc.coi.legal.suffix"]._vc_normalized())
        self.assertEqual(normalize_suffixes(["Co., Ltd.", "co ltd"]), ["co ltd"])

    def test_generic_words_are_data_and_reindex(self):
        """A new generic word changes the core name and the index follows; a
        generic word is no legal-form suffix."""
        partner = self.env["res.partner"].create(
            {"name": "Hengtong Aerospace Co., Ltd."}
        )
        self.Name._vc_refresh_index()
        row = self.Name.search([("partner_id", "=", partner.id)])
        self.assertEqual(row.name_core, "hengtongaerospace")
        self.env["vc.coi.legal.suffix"].create({"name": "Aerospace", "kind": "generic"})
        row = self.Name.search([("partner_id", "=", partner.id)])
        self.assertEqual(row.name_core, "hengtong")
        self.assertEqual(row.name_norm, "hengtongaerospace")
        self.assertNotIn("aerospace", self.env["vc.coi.legal.suffix"]._vc_normalized())

    def test_data_load_defers_the_rebuild(self):
        """While a module's data loads, a new word only clears the refresh mark: the
        next refresh rebuilds the index (and the core names) in full."""
        partner = self.env["res.partner"].create({"name": "Hengtong Marine Co., Ltd."})
        self.Name._vc_refresh_index()
        self.env["vc.coi.legal.suffix"].with_context(install_mode=True).create(
            {"name": "Marine", "kind": "generic"}
        )
        self.assertFalse(
            self.env["ir.config_parameter"].sudo().get_param(REFRESH_PARAM)
        )
        row = self.Name.search([("partner_id", "=", partner.id)])
        self.assertEqual(row.name_core, "hengtongmarine", "not rebuilt yet")
        self.Name._vc_refresh_index()
        row = self.Name.search([("partner_id", "=", partner.id)])
        self.assertEqual(row.name_core, "hengtong")
