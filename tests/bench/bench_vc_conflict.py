"""Benchmark of vendor_counsel's conflict check (issue 10 item 10).

``bench_rows(registry, api, superuser_id, size)`` inserts ``size`` names into the
check's name index (``vc_coi_name``) with one ``INSERT ... SELECT`` over
``generate_series``: half Chinese (city + two-character trade name + industry +
a legal form, e.g. 上海恒通实业股份有限公司), half Latin (Shanghai Hengtong
Industrial Co., Ltd.), alternately as declared interests and as contacts, then
merges the GIN pending list (as a vacuum would) and ANALYZEs. It then runs 200
one-name checks (a third present, a third misspelled by one character, a third
absent) through ``vc.coi.check._vc_check_names`` (pg_trgm ``%``
over the GIN trigram index plus the normalised-name btree) and, in the same run,
the baseline: a plain ``name_norm ILIKE '%<normalised name>%'`` scan of the same
rows (index scans switched off, as without the trigram index). Above ``FULL_BASELINE``
names the baseline runs on the first ``BASELINE_QUERIES`` queries only (said in the
row). Both must find the same exact / normalised hits; the misspelled queries
whose original name is among the matches are counted. Last, 10,000 counterparties
are checked in ONE batch call (the 200 queries repeated: each distinct name is
looked up once), and 10,000 DISTINCT counterparties in one more (half Chinese,
half Latin; a third present names not among the queries, a third misspelled by
one character, a third absent; target: at most ``DISTINCT_TARGET_S`` seconds;
its results must equal one-name checks on every 100th name, and the misspelled
ones found are counted). Nothing is committed: everything rolls back.

Latin names also get their core name (the trade name, without city and industry
words) as ``vc_coi_core`` gives it (checked on a sample), and the table of the
distinct core names and (core name, normal form) pairs are filled as the full
refresh does: the fuzzy look-up of a Latin name goes through them.

Standalone: ``python tests/bench/bench_vc_conflict.py -c .state/odoo.conf -d DB
[-n N]`` (the database must have vendor_counsel installed).
"""

import argparse
import random
import statistics
import time

from odoo.tools import SQL

N_NAMES = 1_000_000
N_QUERIES = 200
FULL_BASELINE = 100_000
BASELINE_QUERIES = 50
BATCH = 10_000
# the batch above repeats the 200 queries (a name is looked up once per batch); a
# batch of distinct names costs one look-up per name (issue 10 item 10: 10,000
# counterparties in seconds: under half a minute on the 2-core bench machine,
# about 2 ms a name)
DISTINCT_BATCH = 10_000
DISTINCT_TARGET_S = 30
DISTINCT_SAMPLE = 100  # batch == single checked on every 100th name
P95_TARGET_MS = 100
MATCH_LIMIT = 50  # generous: duplicates of a generated name all come back

CITIES = [
    ("上海", "Shanghai"),
    ("北京", "Beijing"),
    ("深圳", "Shenzhen"),
    ("广州", "Guangzhou"),
    ("杭州", "Hangzhou"),
    ("南京", "Nanjing"),
    ("苏州", "Suzhou"),
    ("成都", "Chengdu"),
    ("武汉", "Wuhan"),
    ("重庆", "Chongqing"),
    ("天津", "Tianjin"),
    ("西安", "Xian"),
    ("长沙", "Changsha"),
    ("青岛", "Qingdao"),
    ("宁波", "Ningbo"),
    ("厦门", "Xiamen"),
    ("大连", "Dalian"),
    ("济南", "Jinan"),
    ("郑州", "Zhengzhou"),
    ("合肥", "Hefei"),
    ("福州", "Fuzhou"),
    ("昆明", "Kunming"),
    ("沈阳", "Shenyang"),
    ("无锡", "Wuxi"),
]
# trade-name characters with their pinyin
CHARS = [
    ("恒", "heng"),
    ("通", "tong"),
    ("华", "hua"),
    ("信", "xin"),
    ("达", "da"),
    ("鑫", "xin"),
    ("盛", "sheng"),
    ("泰", "tai"),
    ("宏", "hong"),
    ("远", "yuan"),
    ("嘉", "jia"),
    ("隆", "long"),
    ("金", "jin"),
    ("源", "yuan"),
    ("瑞", "rui"),
    ("丰", "feng"),
    ("安", "an"),
    ("永", "yong"),
    ("昌", "chang"),
    ("兴", "xing"),
    ("海", "hai"),
    ("天", "tian"),
    ("中", "zhong"),
    ("新", "xin"),
    ("博", "bo"),
    ("德", "de"),
    ("富", "fu"),
    ("佳", "jia"),
    ("明", "ming"),
    ("光", "guang"),
    ("诚", "cheng"),
    ("和", "he"),
    ("润", "run"),
    ("锦", "jin"),
    ("正", "zheng"),
    ("立", "li"),
    ("东", "dong"),
    ("方", "fang"),
    ("万", "wan"),
    ("国", "guo"),
]
# characters and words that never occur in the generated names
ABSENT_CHARS = ["骁", "翀", "蘅", "琮", "翊", "晔", "珩", "骞", "湛", "璟"]
ABSENT_WORDS = ["Quorvex", "Zentrak", "Pylonix", "Vantorq", "Krellum", "Obrixa"]
INDUSTRIES = [
    ("实业", "Industrial"),
    ("科技", "Technology"),
    ("贸易", "Trading"),
    ("物流", "Logistics"),
    ("电子", "Electronics"),
    ("建设", "Construction"),
    ("投资", "Investment"),
    ("医药", "Pharmaceutical"),
    ("食品", "Foods"),
    ("化工", "Chemical"),
    ("能源", "Energy"),
    ("材料", "Materials"),
    ("机械", "Machinery"),
    ("传媒", "Media"),
    ("咨询", "Consulting"),
    ("置业", "Properties"),
    ("纺织", "Textiles"),
    ("汽车", "Automotive"),
    ("环保", "Environmental"),
    ("农业", "Agriculture"),
]
CN_FORMS = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"]
EN_FORMS = ["Co., Ltd.", "Limited", "Inc.", "LLC", "Group Co., Ltd."]


def _generate(env, n):
    """n names into vc_coi_name; names and normal forms built in SQL from the lists
    (the normal form as vc_coi_normalize gives it: checked on a sample)."""
    cr = env.cr
    cr.execute(
        SQL(
            """
            INSERT INTO vc_coi_name
                   (name, name_norm, name_core, source_kind, res_model, res_id,
                    create_uid, write_uid, create_date, write_date)
            SELECT CASE WHEN g %% 2 = 0
                        THEN c.cn || a.cn || b.cn || i.cn || f.cn
                        ELSE c.en || ' ' || initcap(a.en || b.en) || ' ' || i.en
                             || ' ' || e.en END,
                   CASE WHEN g %% 2 = 0
                        THEN c.cn || a.cn || b.cn || i.cn
                        ELSE lower(c.en || a.en || b.en || i.en) END,
                   CASE WHEN g %% 2 = 0 THEN NULL
                        -- a trade name that is a generic word (Jinan): nothing
                        -- is left, the core name is the whole name
                        WHEN lower(a.en || b.en) = ANY(%(generic)s::text[])
                        THEN lower(c.en || a.en || b.en || i.en)
                        ELSE lower(a.en || b.en) END,
                   CASE WHEN g %% 3 = 0 THEN 'declaration_line' ELSE 'partner' END,
                   'res.partner', g, 1, 1, now(), now()
              FROM generate_series(1, %(n)s) g
              JOIN LATERAL (SELECT (%(cities_cn)s::text[])[1 + (g * 7 %% %(nc)s)] cn,
                                   (%(cities_en)s::text[])[1 + (g * 7 %% %(nc)s)] en) c
                ON TRUE
              JOIN LATERAL (SELECT 1 + (g * 13 / 7 %% %(nch)s) k) ka ON TRUE
              JOIN LATERAL (SELECT (%(chars_cn)s::text[])[ka.k] cn,
                                   (%(chars_en)s::text[])[ka.k] en) a ON TRUE
              JOIN LATERAL (SELECT 1 + (g / 11 * 17 %% %(nch)s) k) kb ON TRUE
              JOIN LATERAL (SELECT (%(chars_cn)s::text[])[kb.k] cn,
                                   (%(chars_en)s::text[])[kb.k] en) b ON TRUE
              JOIN LATERAL (SELECT 1 + (g / 389 %% %(ni)s) k) ki ON TRUE
              JOIN LATERAL (SELECT (%(ind_cn)s::text[])[ki.k] cn,
                                   (%(ind_en)s::text[])[ki.k] en) i ON TRUE
              JOIN LATERAL (SELECT (%(cn_forms)s::text[])[1 + (g / 5 %% %(ncf)s)] cn) f
                ON TRUE
              JOIN LATERAL (SELECT (%(en_forms)s::text[])[1 + (g / 3 %% %(nef)s)] en) e
                ON TRUE
            """,
            n=n,
            generic=env["vc.coi.legal.suffix"]._vc_generic(),
            cities_cn=[c[0] for c in CITIES],
            cities_en=[c[1] for c in CITIES],
            nc=len(CITIES),
            chars_cn=[c[0] for c in CHARS],
            chars_en=[c[1] for c in CHARS],
            nch=len(CHARS),
            ind_cn=[i[0] for i in INDUSTRIES],
            ind_en=[i[1] for i in INDUSTRIES],
            ni=len(INDUSTRIES),
            cn_forms=CN_FORMS,
            ncf=len(CN_FORMS),
            en_forms=EN_FORMS,
            nef=len(EN_FORMS),
        )
    )
    # what (auto)vacuum does after a bulk load: merge the GIN pending list, which
    # every query would otherwise scan linearly
    # what the full refresh does: the tables of the distinct core names, (core
    # name, normal form) pairs and normal forms
    env["vc.coi.name"]._vc_refresh_cores()
    for index in (
        "vc_coi_name__name_norm_index",
        "vc_coi_name_core__core_index",
        "vc_coi_name_core__variants_index",
        "vc_coi_name_norm__norm_index",
    ):
        cr.execute(SQL("SELECT gin_clean_pending_list(%s::regclass)", index))
    cr.execute("ANALYZE vc_coi_name")
    cr.execute("ANALYZE vc_coi_name_core")
    cr.execute("ANALYZE vc_coi_name_core_norm")
    cr.execute("ANALYZE vc_coi_name_norm")
    suffixes = env["vc.coi.legal.suffix"]._vc_normalized()
    generic = env["vc.coi.legal.suffix"]._vc_generic()
    wrong = env.execute_query(
        SQL(
            """SELECT count(*) FROM (SELECT name, name_norm, name_core
                                       FROM vc_coi_name
                                      WHERE res_model = 'res.partner'
                                      ORDER BY id DESC LIMIT 2000) s
                WHERE vc_coi_normalize(s.name, %s::text[]) != s.name_norm
                   OR vc_coi_core(vc_coi_spaced(s.name, %s::text[]), %s::text[])
                      IS DISTINCT FROM s.name_core""",
            suffixes,
            suffixes,
            generic,
        )
    )[0][0]
    assert not wrong, (
        f"{wrong} generated normal forms or core names differ from "
        "vc_coi_normalize / vc_coi_core"
    )


def _misspell(name, rng):
    """The name with one letter of its trade name dropped (Latin) or one character
    of it replaced (Chinese)."""
    if name.isascii():
        words = name.split(" ")
        word = words[1]
        words[1] = word[0] + word[2:]
        return " ".join(words)
    return name[:3] + rng.choice(ABSENT_CHARS) + name[4:]


def _queries(env, rng):
    """200 names: present (spread over the index), misspelled by one character,
    absent."""
    third = N_QUERIES // 3
    present = [
        r[0]
        for r in env.execute_query(
            SQL(
                # spread over the whole index (a block sample would take a few
                # neighbouring blocks: two or three industries only)
                "SELECT name FROM vc_coi_name ORDER BY md5(id::text) LIMIT %s",
                N_QUERIES - third,
            )
        )
    ]
    misspelled = [_misspell(name, rng) for name in present[third:]]
    absent = []
    for k in range(N_QUERIES - len(present)):
        if k % 2:
            absent.append(
                f"{rng.choice(CITIES)[1]} {rng.choice(ABSENT_WORDS)} "
                f"{rng.choice(INDUSTRIES)[1]} Co., Ltd."
            )
        else:
            absent.append(
                rng.choice(CITIES)[0]
                + rng.choice(ABSENT_CHARS)
                + rng.choice(ABSENT_CHARS)
                + rng.choice(INDUSTRIES)[0]
                + "有限公司"
            )
    return present[:third] + misspelled + absent, present[third:]


def _absent(rng, chinese):
    """A name of the generated shape whose trade name never occurs."""
    if chinese:
        return (
            rng.choice(CITIES)[0]
            + rng.choice(ABSENT_CHARS)
            + rng.choice(ABSENT_CHARS)
            + rng.choice(INDUSTRIES)[0]
            + rng.choice(CN_FORMS)
        )
    return (
        f"{rng.choice(CITIES)[1]} {rng.choice(ABSENT_WORDS)} "
        f"{rng.choice(INDUSTRIES)[1]} {rng.choice(EN_FORMS)}"
    )


def _distinct_batch(env, rng, exclude):
    """DISTINCT_BATCH distinct names, half Chinese, half Latin: by thirds present
    (names of the index not in ``exclude``), misspelled by one character (the
    original is returned with it) and absent."""
    present = [
        r[0]
        for r in env.execute_query(
            SQL(
                """SELECT DISTINCT ON (name) name FROM vc_coi_name
                    ORDER BY name, md5(id::text || 'batch')"""
            )
        )
        if r[0] not in exclude
    ]
    rng.shuffle(present)
    pools = {
        True: iter([p for p in present if not p.isascii()]),
        False: iter([p for p in present if p.isascii()]),
    }
    batch, originals, seen = [], {}, set(exclude)
    while len(batch) < DISTINCT_BATCH:
        k = len(batch)
        chinese = k % 2 == 0
        kind = k // 2 % 3
        original = next(pools[chinese])
        if kind == 0:
            name = original
        elif kind == 1:
            name = _misspell(original, rng)
        else:
            name = _absent(rng, chinese)
        if name in seen:
            continue
        seen.add(name)
        batch.append(name)
        if kind == 1:
            originals[name] = original
    return batch, originals


def _ms(seconds):
    return seconds * 1000.0


def _pct(values, pct):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(pct / 100.0 * (len(values) - 1))))]


def run(env, n=N_NAMES):
    rng = random.Random(20261130)
    t0 = time.perf_counter()
    _generate(env, n)
    generate_seconds = time.perf_counter() - t0
    Check = env["vc.coi.check"]
    company = env.company
    suffixes = env["vc.coi.legal.suffix"]._vc_normalized()
    from odoo.addons.vendor_counsel.models.vc_coi_name import (  # noqa: PLC0415
        core_name,
        normalize_name,
        spaced_name,
    )

    queries, originals = _queries(env, rng)
    third = N_QUERIES // 3
    originals = dict(
        zip(queries[third : third + len(originals)], originals, strict=True)
    )
    # Chinese names go through the trigram index of the table of the distinct
    # normal forms; Latin ones through that of the table of the distinct core names
    chinese = next(q for q in queries if not q.isascii())
    latin = next(q for q in queries if q.isascii())
    generic = env["vc.coi.legal.suffix"]._vc_generic()
    plans = [
        "\n".join(r[0] for r in env.execute_query(SQL("EXPLAIN %s", query)))
        for query in (
            SQL(
                "SELECT 1 FROM vc_coi_name_norm WHERE norm %% %s",
                normalize_name(chinese, suffixes),
            ),
            SQL(
                "SELECT 1 FROM vc_coi_name_core WHERE core %% %s",
                core_name(spaced_name(latin, suffixes), generic),
            ),
        )
    ]
    uses_index = (
        "vc_coi_name_norm__norm_index" in plans[0]
        and "vc_coi_name_core__core_index" in plans[1]
    )
    n_cores = env.execute_query(
        SQL(
            "SELECT (SELECT count(*) FROM vc_coi_name_core), "
            "(SELECT count(*) FROM vc_coi_name_core_norm)"
        )
    )[0]
    ours_ms, ours_hits, misspelled_found = [], [], 0
    for query in queries:
        t = time.perf_counter()
        (matches,) = Check._vc_check_names([query], company, limit=MATCH_LIMIT)
        ours_ms.append(_ms(time.perf_counter() - t))
        ours_hits.append({m["name_id"] for m in matches if m["match_kind"] != "fuzzy"})
        if query in originals and any(
            m["matched_name"] == originals[query] for m in matches
        ):
            misspelled_found += 1
    n_baseline = len(queries) if n <= FULL_BASELINE else BASELINE_QUERIES
    # spread the baseline's queries over the three kinds
    step = max(1, len(queries) // n_baseline)
    baseline_idx = list(range(0, len(queries), step))[:n_baseline]
    base_ms, identical = [], True
    env.cr.execute("SET LOCAL enable_indexscan = off")
    env.cr.execute("SET LOCAL enable_bitmapscan = off")
    for i in baseline_idx:
        norm = normalize_name(queries[i], suffixes)
        t = time.perf_counter()
        rows = env.execute_query(
            SQL(
                "SELECT id, name_norm FROM vc_coi_name WHERE name_norm ILIKE %s",
                f"%{norm}%",
            )
        )
        base_ms.append(_ms(time.perf_counter() - t))
        base_hits = {r[0] for r in rows if r[1] == norm}
        if base_hits != ours_hits[i]:
            identical = False
    env.cr.execute("SET LOCAL enable_indexscan = on")
    env.cr.execute("SET LOCAL enable_bitmapscan = on")
    # one batch of 10,000 counterparties
    batch = [queries[k % len(queries)] for k in range(BATCH)]
    queries_before = env.cr.sql_log_count
    t = time.perf_counter()
    results = Check._vc_check_names(batch, company)
    batch_seconds = time.perf_counter() - t
    batch_queries = env.cr.sql_log_count - queries_before
    # distinct counterparties (a look-up each)
    distinct, distinct_originals = _distinct_batch(env, rng, set(queries))
    t = time.perf_counter()
    distinct_results = Check._vc_check_names(distinct, company)
    distinct_seconds = time.perf_counter() - t
    distinct_misspelled_found = sum(
        1
        for name, res in zip(distinct, distinct_results, strict=True)
        if name in distinct_originals
        and any(m["matched_name"] == distinct_originals[name] for m in res)
    )
    distinct_identical = all(
        distinct_results[k] == Check._vc_check_names([distinct[k]], company)[0]
        for k in range(0, len(distinct), len(distinct) // DISTINCT_SAMPLE)
    )
    single = Check._vc_check_names([batch[7]], company)[0]
    batch_identical = results[7] == single
    found = sum(1 for h in ours_hits if h)
    return {
        "n": n,
        "generate_seconds": generate_seconds,
        "uses_index": uses_index,
        "p50": statistics.median(ours_ms),
        "p95": _pct(ours_ms, 95),
        "base_p50": statistics.median(base_ms),
        "base_p95": _pct(base_ms, 95),
        "n_queries": len(queries),
        "n_cores": n_cores,
        "n_baseline": len(baseline_idx),
        "identical": identical,
        "found": found,
        "misspelled": len(originals),
        "misspelled_found": misspelled_found,
        "batch_seconds": batch_seconds,
        "batch_queries": batch_queries,
        "batch_identical": batch_identical,
        "batch_matches": sum(len(r) for r in results),
        "distinct_n": len(distinct),
        "distinct_seconds": distinct_seconds,
        "distinct_identical": distinct_identical,
        "distinct_misspelled": len(distinct_originals),
        "distinct_misspelled_found": distinct_misspelled_found,
    }


def bench_rows(registry, api, superuser_id, size):
    print(f"[bench] conflict check over {size:,} names", flush=True)
    with registry.cursor() as cr:
        env = api.Environment(cr, superuser_id, {})
        try:
            res = run(env, size)
        finally:
            cr.rollback()
    speedup = res["base_p95"] / res["p95"] if res["p95"] else 0
    met = (
        res["p95"] <= P95_TARGET_MS
        and res["identical"]
        and res["uses_index"]
        and res["batch_identical"]
    )
    baseline_note = (
        f"{res['n_baseline']} queries"
        if res["n_baseline"] == res["n_queries"]
        else f"first {res['n_baseline']} of the {res['n_queries']} queries"
    )
    return [
        [
            f"conflict name check, {res['n']:,} names, {res['n_queries']} queries "
            f"(present / misspelled / absent; {res['found']} with exact hits, "
            f"{res['misspelled_found']} of {res['misspelled']} misspelled found)"
            + ("" if res["identical"] else " (RESULTS DIFFER)")
            + ("" if res["uses_index"] else " (TRIGRAM INDEX NOT USED)"),
            f"p50 {res['p50']:.1f} ms, p95 {res['p95']:.1f} ms (pg_trgm; "
            f"{res['n_cores'][0]:,} distinct Latin core names, "
            f"{res['n_cores'][1]:,} distinct Latin normal forms)",
            f"p50 {res['base_p50']:.1f} ms, p95 {res['base_p95']:.1f} ms "
            f"(ILIKE scan, {baseline_note})",
            f"{speedup:,.0f}×",
            f"p95 ≤ {P95_TARGET_MS} ms, identical exact hits",
            "yes" if met else "NO",
        ],
        [
            f"conflict check of {BATCH:,} counterparties in one batch, "
            f"{res['n']:,} names ({res['batch_matches']:,} matches)",
            f"{res['batch_seconds']:.2f} s, {res['batch_queries']} queries",
            f"{BATCH * res['p50'] / 1000:.1f} s (one check per name, "
            f"extrapolated from the p50)",
            f"{BATCH * res['p50'] / 1000 / res['batch_seconds']:,.1f}×"
            if res["batch_seconds"]
            else "-",
            "batch == single",
            "yes" if res["batch_identical"] else "NO",
        ],
        [
            f"conflict check of {res['distinct_n']:,} distinct counterparties in one "
            f"batch, {res['n']:,} names (half Chinese; present / misspelled / "
            f"absent; {res['distinct_misspelled_found']:,} of "
            f"{res['distinct_misspelled']:,} misspelled found)",
            f"{res['distinct_seconds']:.2f} s "
            f"({res['distinct_seconds'] / res['distinct_n'] * 1000:.2f} ms a name)",
            f"{res['distinct_n'] * res['p50'] / 1000:.1f} s (one check per name, "
            f"extrapolated from the p50)",
            f"{res['distinct_n'] * res['p50'] / 1000 / res['distinct_seconds']:,.1f}×"
            if res["distinct_seconds"]
            else "-",
            f"≤ {DISTINCT_TARGET_S} s, batch == single (every "
            f"{res['distinct_n'] // DISTINCT_SAMPLE}th name)",
            "yes"
            if res["distinct_identical"]
            and res["distinct_seconds"] <= DISTINCT_TARGET_S
            else "NO",
        ],
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--names", type=int, default=N_NAMES)
    args = parser.parse_args()
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(["-c", args.config, "-d", args.database])
    for row in bench_rows(Registry(args.database), api, SUPERUSER_ID, args.names):
        print(" | ".join(str(c) for c in row))


if __name__ == "__main__":
    main()
