from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL

from .common_vc_coi_check import DECLARED, VcCoiCheckCommon


@tagged("post_install", "-at_install")
class TestVcCoiCheck(VcCoiCheckCommon):
    """The conflict check: index, exact / normalised / fuzzy matches, thresholds,
    batch (002/W8 [INFERRED], issue 10 item 7)."""

    def _kinds(self, matches, source_kind="declaration_line"):
        return {
            (m["matched_name"], m["match_kind"])
            for m in matches
            if m["source_kind"] == source_kind
        }

    def test_index_follows_sources(self):
        """Submitted declarations' lines, declarants, contacts and engagements are
        indexed; drafts are not; a rename, a new declaration and a deletion are
        picked up by the next refresh; deleted sources leave the index."""
        self.Name._vc_refresh_index()
        lines = self.Name.search([("source_kind", "=", "declaration_line")])
        self.assertEqual(
            set(lines.mapped("name")), {DECLARED, "Pacific Rim Trading Co., Ltd."}
        )
        self.assertEqual(lines.declarant_id, self.declarant)
        self.assertTrue(
            self.Name.search(
                [("source_kind", "=", "declarant"), ("name", "=", "王建国")]
            )
        )
        self.draft_declaration.state = "submitted"
        self.client.name = "杭州西湖电子科技有限公司"
        engagement = self._create_engagement()
        self.Name._vc_refresh_index()
        self.assertIn(
            "深圳华南物流有限公司",
            self.Name.search([("source_kind", "=", "declaration_line")]).mapped("name"),
        )
        self.assertEqual(
            self.Name.search([("partner_id", "=", self.client.id)]).name_norm,
            "杭州西湖电子科技",
        )
        engaged = self.Name.search(
            [("res_model", "=", "vc.engagement"), ("res_id", "=", engagement.id)]
        )
        self.assertEqual(
            set(engaged.mapped("source_kind")), {"engaged_firm", "engaged_lawyer"}
        )
        # nothing changed: nothing rewritten
        self.assertEqual(self.Name._vc_refresh_index(), 0)
        self.client.unlink()
        self.assertEqual(len(self.Name._vc_drop_stale()), 1)

    def test_exact_normalised_fuzzy(self):
        exact, normalised, latin_typo, absent, draft = self._check_names(
            DECLARED,
            "上海恒通实业股份有限公司",
            "Pacific Rim Tradng Co Ltd",
            "上海华联贸易有限公司",
            "深圳华南物流有限公司",
        )
        self.assertEqual(self._kinds(exact), {(DECLARED, "exact")})
        self.assertEqual(self._kinds(normalised), {(DECLARED, "normalised")})
        self.assertEqual(
            self._kinds(latin_typo), {("Pacific Rim Trading Co., Ltd.", "fuzzy")}
        )
        self.assertGreater(latin_typo[0]["similarity"], 0.6)
        self.assertFalse(self._kinds(absent))
        self.assertFalse(self._kinds(draft), "a draft declaration is not declared")
        self.assertTrue(exact[0]["is_conflict"])
        self.assertEqual(exact[0]["declarant_id"], self.declarant.id)

    def test_threshold_default_and_changed(self):
        """002/W8 [INFERRED]: the similarity threshold is a company setting (0.4).
        One character changed in a six-character Chinese name (上海恒通实业 →
        上海恒通工业) scores exactly 0.4: found at the default, missed at 0.41; an
        unrelated name of the same city scores below 0.2."""
        self.assertEqual(self.company.vc_coi_similarity_threshold, 0.4)
        self.assertEqual(self.company.vc_coi_match_limit, 10)
        near = "上海恒通工业有限公司"
        (found,) = self._check_names(near)
        self.assertEqual(self._kinds(found), {(DECLARED, "fuzzy")})
        self.assertAlmostEqual(found[0]["similarity"], 0.4, places=4)
        self.company.vc_coi_similarity_threshold = 0.41
        (missed,) = self._check_names(near)
        self.assertFalse(self._kinds(missed))
        self.company.vc_coi_similarity_threshold = 0.15
        (loose,) = self._check_names("上海华联贸易有限公司")
        self.assertTrue(self._kinds(loose), "at 0.15 the same-city name matches")
        self.assertLess(loose[0]["similarity"], 0.2)

    def test_match_limit_setting(self):
        partners = self.env["res.partner"].create(
            [{"name": f"上海恒通实业{i}号有限公司"} for i in range(5)]
        )
        self.company.vc_coi_match_limit = 3
        (matches,) = self._check_names(DECLARED)
        self.assertEqual(len(matches), 3)
        self.assertEqual(matches[0]["match_kind"], "exact", "best first")
        self.company.vc_coi_match_limit = 10
        (matches,) = self._check_names(DECLARED)
        self.assertEqual(
            len([m for m in matches if m["partner_id"] in partners.ids]), 5
        )

    def test_batch_equals_single(self):
        names = [
            DECLARED,
            "上海恒通实业股份有限公司",
            "Pacific Rim Tradng Co Ltd",
            "上海华联贸易有限公司",
            "杭州西湖电子有限公司",
            "王建国",
            "",
            # a repeated name is looked up once, each gets its matches
            DECLARED,
            "Pacific Rim Tradng Co Ltd",
        ]
        self.Name._vc_refresh_index()
        batch = self.Check._vc_check_names(names, self.company)
        self.assertEqual(batch[0], batch[-2])
        self.assertIsNot(batch[0][0], batch[-2][0])
        for name, result in zip(names, batch, strict=True):
            self.assertEqual(
                self.Check._vc_check_names([name], self.company)[0], result, name
            )

    def test_latin_fuzzy_needs_similar_core_name(self):
        """002/W8 [INFERRED]: a Latin name of the same city and industry is no
        fuzzy match (its full normal form is similar above the threshold, its core
        name is not); a misspelled trade name still is, ranked by the similarity
        of the full normal forms."""
        same_city = self.env["res.partner"].create(
            {"name": "Shanghai Xinming Industrial Co., Ltd."}
        )
        hengtong = self.env["res.partner"].create(
            {"name": "Shanghai Hengtong Industrial Co., Ltd."}
        )
        (typo,) = self._check_names("Shanghai Hengtng Industrial Limited")
        found = {m["partner_id"]: m for m in typo}
        self.assertEqual(found[hengtong.id]["match_kind"], "fuzzy")
        self.assertNotIn(same_city.id, found)
        full = self.env.execute_query(
            SQL(
                "SELECT similarity('shanghaixinmingindustrial', "
                "'shanghaihengtngindustrial')"
            )
        )[0][0]
        self.assertGreater(full, self.company.vc_coi_similarity_threshold)
        # a short trade name one letter apart: few trigrams in common, found
        hida = self.env["res.partner"].create({"name": "Xiamen Hida Media Co., Ltd."})
        (short,) = self._check_names("Xiamen Hda Media Limited")
        self.assertIn(hida.id, {m["partner_id"] for m in short})
        core_sim = self.env.execute_query(SQL("SELECT similarity('hida', 'hda')"))
        self.assertLess(core_sim[0][0], self.company.vc_coi_similarity_threshold)
        (normalised,) = self._check_names("SHANGHAI XINMING INDUSTRIAL LTD")
        self.assertEqual(normalised[0]["partner_id"], same_city.id)
        self.assertEqual(normalised[0]["match_kind"], "normalised")

    def test_trigram_index_used(self):
        """The fuzzy look-up goes through the GIN trigram indexes, of the normal
        forms (Chinese names) and of the distinct core names (Latin names)
        (planner told to avoid sequential scans, as on a large table)."""
        self.Name._vc_refresh_index()
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        plan = "\n".join(
            r[0]
            for r in self.env.execute_query(
                SQL(
                    "EXPLAIN SELECT id FROM vc_coi_name WHERE name_norm %% %s",
                    "上海恒通实业",
                )
            )
        )
        self.assertIn("vc_coi_name__name_norm_index", plan)
        # the distinct normal forms (002/W8: a Chinese name's fuzzy look-up)
        self.env.cr.execute(
            "INSERT INTO vc_coi_name_norm (norm) "
            "SELECT '上海' || g || '实业' FROM generate_series(1, 20000) g"
        )
        self.env.cr.execute(
            "SELECT gin_clean_pending_list('vc_coi_name_norm__norm_index'::regclass)"
        )
        self.env.cr.execute("ANALYZE vc_coi_name_norm")
        plan = "\n".join(
            r[0]
            for r in self.env.execute_query(
                SQL(
                    "EXPLAIN SELECT 1 FROM vc_coi_name_norm WHERE norm %% %s",
                    "上海恒通实业",
                )
            )
        )
        self.assertIn("vc_coi_name_norm__norm_index", plan)
        # the distinct core names: many, as in a large index
        self.env.cr.execute(
            "INSERT INTO vc_coi_name_core (core, variants) "
            "SELECT 'core' || g, vc_coi_core_variants('core' || g) "
            "FROM generate_series(1, 20000) g"
        )
        self.env.cr.execute(
            "SELECT gin_clean_pending_list('vc_coi_name_core__core_index'::regclass)"
        )
        self.env.cr.execute("ANALYZE vc_coi_name_core")
        plan = "\n".join(
            r[0]
            for r in self.env.execute_query(
                SQL(
                    "EXPLAIN SELECT 1 FROM vc_coi_name_core WHERE core %% %s",
                    "hengtong",
                )
            )
        )
        self.assertIn("vc_coi_name_core__core_index", plan)
        plan = "\n".join(
            r[0]
            for r in self.env.execute_query(
                SQL(
                    "EXPLAIN SELECT 1 FROM vc_coi_name_core "
                    "WHERE variants && vc_coi_core_variants(%s)",
                    "hengtong",
                )
            )
        )
        self.assertIn("vc_coi_name_core__variants_index", plan)

    def test_check_subject_blocks_until_cleared(self):
        """A possible conflict blocks; compliance clears it with a reason. The
        guard checks a record never checked before refusing it."""
        request = self._create_request(
            coi_counterparty_names="上海恒通实业股份有限公司"
        )
        self.assertEqual(request.coi_check_state, "not_checked")
        with self.assertRaisesRegex(UserError, "blocked by a possible conflict"):
            request._vc_coi_ensure_clear()
        self.assertEqual(request.coi_check_state, "possible_conflict")
        request.with_user(self.requester).action_coi_check()
        self.assertEqual(request.coi_check_state, "possible_conflict")
        check = request.coi_check_id
        self.assertEqual(check.result, "possible_conflict")
        self.assertEqual(check.match_ids.filtered("is_conflict").matched_name, DECLARED)
        with self.assertRaisesRegex(UserError, "blocked by a possible conflict"):
            request._vc_coi_ensure_clear()
        with self.assertRaisesRegex(UserError, "Only a compliance officer"):
            request.with_user(self.legal).action_coi_clear("fine")
        with self.assertRaisesRegex(UserError, "reason"):
            request.with_user(self.compliance).action_coi_clear(" ")
        request.with_user(self.compliance).action_coi_clear("Holding sold, proof seen")
        self.assertEqual(request.coi_check_state, "cleared")
        self.assertTrue(request._vc_coi_ensure_clear())
        with self.assertRaisesRegex(UserError, "Only a possible or blocked"):
            request.with_user(self.compliance).action_coi_clear("again")
        # the checked names change: the check is stale
        request.coi_counterparty_names = "苏州新星材料有限公司"
        self.assertEqual(request.coi_check_state, "not_checked")
        request.action_coi_check()
        self.assertEqual(request.coi_check_state, "clear")
        self.assertTrue(request._vc_coi_ensure_clear())

    def test_engagement_firm_and_lawyers(self):
        """An engagement checks its firm and lawyers: the firm's own entries are no
        match with itself; a lawyer who is a declarant's related person is."""
        engagement = self._create_engagement()
        engagement.action_coi_check()
        self.assertEqual(engagement.coi_check_state, "clear")
        self.assertEqual(engagement.coi_check_id.names_count, 2)
        self.env["vc.coi.declarant"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "Lawyer Zhang"})
                .id,
                "role": "related_person",
            }
        )
        engagement.action_coi_check()
        self.assertEqual(engagement.coi_check_state, "possible_conflict")
        conflict = engagement.coi_check_id.match_ids.filtered("is_conflict")
        self.assertEqual(conflict.role, "lawyer")
        self.assertEqual(conflict.source_kind, "declarant")
        with self.assertRaisesRegex(UserError, "names no law firm"):
            self._create_request().action_coi_check()

    def test_counterparty_is_our_firm(self):
        """An adverse party that is a firm we engage is a possible conflict."""
        self._create_engagement()
        request = self._create_request(coi_counterparty_ids=[(6, 0, self.firm.ids)])
        request.action_coi_check()
        self.assertEqual(request.coi_check_state, "possible_conflict")
        self.assertEqual(
            set(
                request.coi_check_id.match_ids.filtered("is_conflict").mapped(
                    "source_kind"
                )
            ),
            {"engaged_firm"},
        )

    def test_typed_name_check(self):
        check = self.Check.with_user(self.compliance).create(
            {"query_names": "Shanghai Hengtong\n上海恒通实业股份有限公司\n\n"}
        )
        check.action_run()
        self.assertEqual(check.names_count, 2)
        self.assertEqual(check.result, "possible_conflict")
        self.assertTrue(check.name.startswith("COI-CHK/"))
        with self.assertRaisesRegex(UserError, "no name to check"):
            self.Check.create({"query_names": " "}).action_run()
        client_only = self.Check.create({"query_names": "杭州西湖电子股份有限公司"})
        client_only.action_run()
        self.assertEqual(client_only.result, "clear", "a client is information only")
        self.assertEqual(client_only.match_ids.source_kind, "partner")

    def test_check_sees_fresh_sources(self):
        """The check refreshes the index first: a line declared a moment ago is
        found without waiting for the cron; a deleted source is dropped."""
        check = self.Check.create({"query_names": "宁波港湾船务有限公司"})
        check.action_run()
        self.assertEqual(check.result, "clear")
        self.declaration.write(
            {
                "line_ids": [
                    (
                        0,
                        0,
                        {"kind": "loan", "counterparty_name": "宁波港湾船务有限公司"},
                    )
                ]
            }
        )
        check.action_run()
        self.assertEqual(check.result, "possible_conflict")
        self.declaration.line_ids.filtered(
            lambda line: line.counterparty_name == "宁波港湾船务有限公司"
        ).unlink()
        check.action_run()
        self.assertEqual(check.result, "clear")

    def _run_cron(self, xmlid):
        """Run the cron as the scheduler does (its own transaction, committed)."""
        cron = self.env.ref(xmlid)
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    def test_cron_refresh(self):
        """Scheduled refresh: new names indexed once, deleted sources dropped."""
        partner = self.env["res.partner"].create({"name": "温州瓯江阀门有限公司"})
        self._run_cron("vendor_counsel.ir_cron_vc_coi_name_refresh")
        self.assertEqual(len(self.Name.search([("partner_id", "=", partner.id)])), 1)
        self._run_cron("vendor_counsel.ir_cron_vc_coi_name_refresh")
        self.assertEqual(len(self.Name.search([("partner_id", "=", partner.id)])), 1)
        self.env.cr.execute("DELETE FROM res_partner WHERE id = %s", [partner.id])
        self._run_cron("vendor_counsel.ir_cron_vc_coi_name_refresh")
        self.assertFalse(
            self.Name.search(
                [("res_id", "=", partner.id), ("res_model", "=", "res.partner")]
            )
        )

    def _cores(self):
        return {
            r[0]
            for r in self.env.execute_query(SQL("SELECT core FROM vc_coi_name_core"))
        }

    def _pairs(self, core):
        return {
            r[0]
            for r in self.env.execute_query(
                SQL("SELECT norm FROM vc_coi_name_core_norm WHERE core = %s", core)
            )
        }

    def test_core_table_follows_index(self):
        """The distinct core names and (core name, normal form) pairs of Latin
        names: a new name's are added by the incremental refresh, once however
        many names share them; those no name has any more are dropped by the
        cron; a Chinese name has none."""
        partners = self.env["res.partner"].create(
            [
                {"name": "Ningbo Quorvex Trading Co., Ltd."},
                {"name": "Quorvex Logistics Limited"},
                {"name": "宁波库沃克斯贸易有限公司"},
            ]
        )
        self.Name._vc_refresh_index()
        self.assertIn("quorvex", self._cores())
        self.assertIn("pacificrim", self._cores())
        self.assertEqual(
            self._pairs("quorvex"), {"ningboquorvextrading", "quorvexlogistics"}
        )
        self.assertEqual(
            set(self.Name.search([("name_core", "=", "quorvex")]).mapped("name")),
            {"Ningbo Quorvex Trading Co., Ltd.", "Quorvex Logistics Limited"},
        )
        self.assertFalse(
            self.Name.search([("partner_id", "=", partners[2].id)]).name_core
        )
        partners.unlink()
        self._run_cron("vendor_counsel.ir_cron_vc_coi_name_refresh")
        self.assertNotIn("quorvex", self._cores())
        self.assertFalse(self._pairs("quorvex"))
        self.assertIn("pacificrim", self._cores())

    def _norms(self):
        return {
            r[0]
            for r in self.env.execute_query(SQL("SELECT norm FROM vc_coi_name_norm"))
        }

    def test_norm_table_follows_index(self):
        """002/W8, the conflict check: the distinct normal forms (through which a
        Chinese name's fuzzy look-up goes) are added by the incremental refresh,
        rebuilt by the full one, and those no name has any more are dropped by the
        cron; a misspelled Chinese name (one character changed) is found through
        them, ranked like the one-name check."""
        partners = self.env["res.partner"].create(
            [
                {"name": "温州骁翀蘅阀门有限公司"},
                {"name": "温州骁翀蘅阀门股份有限公司"},
            ]
        )
        self.Name._vc_refresh_index()
        self.assertIn("温州骁翀蘅阀门", self._norms())
        (matches,) = self._check_names("温州骁翀珩阀门有限公司")
        fuzzy = [m for m in matches if m["partner_id"] in partners.ids]
        self.assertEqual(len(fuzzy), 2)
        self.assertEqual({m["match_kind"] for m in fuzzy}, {"fuzzy"})
        self.Name._vc_refresh_index(full=True)
        self.assertIn("温州骁翀蘅阀门", self._norms())
        partners.unlink()
        self._run_cron("vendor_counsel.ir_cron_vc_coi_name_refresh")
        self.assertNotIn("温州骁翀蘅阀门", self._norms())
        (matches,) = self._check_names("温州骁翀珩阀门有限公司")
        self.assertFalse([m for m in matches if m["partner_id"] in partners.ids])
