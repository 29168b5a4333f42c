"""Benchmark of vendor_counsel's eligibility check of firms and lawyers
(000/R-VC-01, 02, 15, 21, 22).

``run(env, n_lawyers)`` inserts by bulk SQL ``n_lawyers`` lawyers in
``n_lawyers // 10`` firms with a deterministic mix of facts: one firm in ten
established less than 3 years ago, one lawyer in 13 with a lapsed annual inspection,
practice start dates spread over 12 years (some under the 5 years of retained
counsel), the first lawyer of each firm a main partner, penalties spread over six
years for one lawyer in 20 and one firm in 17, and one approved panel holding every
other firm. It then checks every firm and lawyer at once with
``res.partner._vc_eligibility`` (retained counsel, so every rule applies), counting
seconds and queries, and runs the baseline: the same method called partner by
partner (the way a per-record compute would call it). Above ``SAMPLE`` partners the
baseline runs on an evenly spread sample and its time is extrapolated linearly to all
partners (said in the row). Both must give identical breaches on the sample.

Nothing is committed: everything rolls back at the end.

Standalone: ``python tests/bench/bench_vc_eligibility.py -c .state/odoo.conf -d DB
[-n N]`` (the database must have vendor_counsel installed).
"""

import argparse
import time
from datetime import date

from odoo import api, sql_db
from odoo.tools import SQL

N_LAWYERS = 100_000
SAMPLE = 2_000
ON = date(2026, 6, 15)
TARGET = 20  # speed-up over the per-partner loop
MAX_QUERIES = 10  # ours: a constant handful, whatever the size


def _reserve(env, table, n):
    first = env.execute_query(SQL("SELECT nextval(%s)", f"{table}_id_seq"))[0][0]
    env.cr.execute(SQL("SELECT setval(%s, %s)", f"{table}_id_seq", first + n - 1))
    return first


def _generate(env, n_lawyers):
    n_firms = max(1, n_lawyers // 10)
    company = env.company
    first_firm = _reserve(env, "res_partner", n_firms)
    env.cr.execute(
        SQL(
            """INSERT INTO res_partner
                   (id, name, complete_name, is_company, vc_is_law_firm, active,
                    commercial_partner_id, vc_date_established,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g, 'Bench firm ' || g, 'Bench firm ' || g,
                      true, true, true, %(first)s + g,
                      CASE WHEN g %% 10 = 3 THEN %(on)s::date - 400
                           ELSE %(on)s::date - 1100 - (g %% 5000) END,
                      1, 1, now(), now()
                 FROM generate_series(0, %(n)s - 1) g""",
            first=first_firm,
            on=ON,
            n=n_firms,
        )
    )
    first_lawyer = _reserve(env, "res_partner", n_lawyers)
    env.cr.execute(
        SQL(
            """INSERT INTO res_partner
                   (id, name, complete_name, is_company, vc_is_lawyer, active,
                    parent_id, commercial_partner_id, vc_licence_number,
                    vc_is_main_partner, vc_licence_inspection_until,
                    vc_practice_start_date,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g, 'Bench lawyer ' || g, 'Bench lawyer ' || g,
                      false, true, true,
                      %(firm)s + (g %% %(firms)s), %(firm)s + (g %% %(firms)s),
                      'BENCH-' || g, g < %(firms)s,
                      CASE WHEN g %% 13 = 5 THEN %(on)s::date - 1 - (g %% 30)
                           ELSE %(on)s::date + (g %% 400) END,
                      %(on)s::date - ((g * 7919) %% 4380),
                      1, 1, now(), now()
                 FROM generate_series(0, %(n)s - 1) g""",
            first=first_lawyer,
            firm=first_firm,
            firms=n_firms,
            on=ON,
            n=n_lawyers,
        )
    )
    env.cr.execute(
        SQL(
            """INSERT INTO vc_penalty
                   (partner_id, date, kind, description, active,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g, %(on)s::date - ((g * 37) %% 2190),
                      'bad_practice', 'Bench penalty', true, 1, 1, now(), now()
                 FROM generate_series(0, %(n)s - 1) g WHERE g %% 20 = 7
               UNION ALL
               SELECT %(firm)s + g, %(on)s::date - ((g * 53) %% 2190),
                      'administrative', 'Bench penalty', true, 1, 1, now(), now()
                 FROM generate_series(0, %(firms)s - 1) g WHERE g %% 17 = 2""",
            first=first_lawyer,
            firm=first_firm,
            firms=n_firms,
            on=ON,
            n=n_lawyers,
        )
    )
    area = env["vc.practice.area"].create({"name": "Bench area"})
    panel = env["vc.panel"].create(
        {
            "name": "Bench panel",
            "practice_area_id": area.id,
            "company_id": company.id,
            "date_from": date(2026, 1, 1),
            "date_to": date(2026, 12, 31),
        }
    )
    panel.state = "approved"
    env.flush_all()
    env.cr.execute(
        SQL(
            """INSERT INTO vc_panel_line
                   (panel_id, rank, firm_id, state, practice_area_id, company_id,
                    date_from, date_to, create_uid, write_uid, create_date,
                    write_date)
               SELECT %(panel)s, 1 + g / 2, %(firm)s + g, 'approved', %(area)s,
                      %(company)s, '2026-01-01', '2026-12-31', 1, 1, now(), now()
                 FROM generate_series(0, %(firms)s - 1) g WHERE g %% 2 = 0""",
            panel=panel.id,
            firm=first_firm,
            area=area.id,
            company=company.id,
            firms=n_firms,
        )
    )
    for table in ("res_partner", "vc_penalty", "vc_panel_line"):
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    env.invalidate_all()
    ids = list(range(first_firm, first_firm + n_firms)) + list(
        range(first_lawyer, first_lawyer + n_lawyers)
    )
    return ids


def run(env, n_lawyers=N_LAWYERS, sample=SAMPLE):
    env = env(su=True, context={"tracking_disable": True})
    Partner = env["res.partner"]
    try:
        print(f"[bench] eligibility: inserting {n_lawyers:,} lawyers", flush=True)
        ids = _generate(env, n_lawyers)
        partners = Partner.browse(ids)
        env.invalidate_all()
        queries = sql_db.sql_counter
        start = time.perf_counter()
        ours = Partner._vc_eligibility(partners, ON, "retained")
        seconds = time.perf_counter() - start
        queries = sql_db.sql_counter - queries
        breached = sum(1 for items in ours.values() if items)
        # the baseline: partner by partner, on an evenly spread sample
        step = max(1, len(ids) // sample)
        sample_ids = ids[::step]
        env.invalidate_all()
        start = time.perf_counter()
        loop = {}
        for pid in sample_ids:
            loop.update(Partner._vc_eligibility(Partner.browse(pid), ON, "retained"))
        loop_seconds = time.perf_counter() - start
        extrapolated = len(sample_ids) < len(ids)
        baseline_seconds = loop_seconds * len(ids) / len(sample_ids)
        identical = all(loop[pid] == ours[pid] for pid in sample_ids)
    finally:
        env.cr.rollback()
        env.invalidate_all()
    result = {
        "n": n_lawyers,
        "partners": len(ids),
        "breached": breached,
        "seconds": seconds,
        "queries": queries,
        "sample": len(sample_ids),
        "loop_seconds": loop_seconds,
        "baseline_seconds": baseline_seconds,
        "extrapolated": extrapolated,
        "speedup": baseline_seconds / seconds if seconds else None,
        "identical": identical,
    }
    print(f"[bench] eligibility: {result}", flush=True)
    return result


def _fmt(value):
    return f"{value:,.3f}" if value < 10 else f"{value:,.1f}"


def bench_rows(registry, api_module, superuser_id, size):
    """The row of the eligibility check: set-based vs partner by partner."""
    with registry.cursor() as cr:
        res = run(api_module.Environment(cr, superuser_id, {}), size)
    met = (
        res["identical"]
        and res["speedup"] is not None
        and res["speedup"] >= TARGET
        and res["queries"] <= MAX_QUERIES
    )
    baseline = f"{_fmt(res['baseline_seconds'])} s (_vc_eligibility per partner" + (
        f", extrapolated from {res['sample']:,} partners: "
        f"{_fmt(res['loop_seconds'])} s)"
        if res["extrapolated"]
        else ")"
    )
    return [
        [
            f"eligibility of {res['n']:,} lawyers + {res['partners'] - res['n']:,} "
            f"firms ({res['breached']:,} with breaches)"
            + ("" if res["identical"] else " (RESULTS DIFFER)"),
            f"{_fmt(res['seconds'])} s, {res['queries']:,} queries",
            baseline,
            f"{res['speedup']:,.0f}×" if res["speedup"] else "-",
            f"≥ {TARGET}×, ≤ {MAX_QUERIES} queries, identical",
            "yes" if met else "NO",
        ]
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--lawyers", type=int, default=N_LAWYERS)
    args = parser.parse_args()
    import odoo  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config])
    registry = Registry(args.database)
    for row in bench_rows(registry, api, 1, args.lawyers):
        print(row)


if __name__ == "__main__":
    main()
