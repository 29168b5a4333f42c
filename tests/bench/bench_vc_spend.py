"""Benchmark of vendor_counsel's spend-vs-budget report (000 section 7.2, E-VC-7).

``bench_rows(registry, api, superuser_id, size)`` inserts, by bulk SQL, 200 law
firms' worth of engagements (about 10,000, or a tenth of ``size`` if smaller) over
50 using units and 5 practice areas, budgets per unit and year and per firm and
year (2022-2026), and payment lines in two steps: 10,000 first, then up to
``size`` (default 1,000,000), spread over the five years and the five states. At
each step it reads the report ``vc.spend.report`` (a SQL view) grouped by firm x
year and by unit x year with ``_read_group`` (what the pivot does), counting
seconds and queries. The target: the query count does not grow from 10,000 to
``size`` lines. The baseline, in the same run at ``size``: ``search_read`` of every
payment line and budget and the same totals added up in Python; both must give
identical totals. Nothing is committed: everything rolls back at the end.

Standalone: ``python tests/bench/bench_vc_spend.py -c .state/odoo.conf -d DB
[-n N]`` (the database must have vendor_counsel installed).
"""

import argparse
import time
from collections import defaultdict

from odoo import sql_db
from odoo.tools import SQL

SIZE = 1_000_000
FIRST_STEP = 10_000
N_ENGAGEMENTS = 10_000
N_FIRMS = 200
N_UNITS = 50
N_AREAS = 5
YEARS = (2022, 2023, 2024, 2025, 2026)
STATES = ("draft", "to_approve", "approved", "paid", "cancel")
MEASURES = ["budget:sum", "committed:sum", "paid:sum", "remaining:sum"]
KEYS = (("firm_id", "year"), ("department_id", "year"))


def _reserve(env, table, n):
    first = env.execute_query(SQL("SELECT nextval(%s)", f"{table}_id_seq"))[0][0]
    env.cr.execute(SQL("SELECT setval(%s, %s)", f"{table}_id_seq", first + n - 1))
    return first


def _setup(env, n_engagements):
    company = env.company
    firms = env["res.partner"].create(
        [
            {"name": f"Bench firm {i}", "is_company": True, "vc_is_law_firm": True}
            for i in range(N_FIRMS)
        ]
    )
    units = env["hr.department"].create(
        [{"name": f"Bench unit {i}"} for i in range(N_UNITS)]
    )
    areas = env["vc.practice.area"].create(
        [{"name": f"Bench area {i}"} for i in range(N_AREAS)]
    )
    env["vc.budget"].create(
        [
            {"year": year, "department_id": unit.id, "amount": 1_000_000 + unit.id}
            for year in YEARS
            for unit in units
        ]
        + [
            {"year": year, "firm_id": firm.id, "amount": 500_000 + firm.id}
            for year in YEARS
            for firm in firms
        ]
    )
    env.flush_all()
    first = _reserve(env, "vc_engagement", n_engagements)
    env.cr.execute(
        SQL(
            """INSERT INTO vc_engagement
                   (id, name, company_id, engagement_type, firm_id, department_id,
                    practice_area_id, subject, state, fee_amount, date_signed,
                    coi_check_state, create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g, 'BENCH-' || g, %(company)s,
                      CASE WHEN g %% 2 = 0 THEN 'retained' ELSE 'special' END,
                      (%(firms)s)[1 + g %% %(n_firms)s],
                      (%(units)s)[1 + g %% %(n_units)s],
                      (%(areas)s)[1 + g %% %(n_areas)s],
                      'Bench matter', 'active', 0, DATE '2022-01-01',
                      'clear', 1, 1, now(), now()
                 FROM generate_series(0, %(n)s - 1) g""",
            first=first,
            company=company.id,
            firms=firms.ids,
            n_firms=N_FIRMS,
            units=units.ids,
            n_units=N_UNITS,
            areas=areas.ids,
            n_areas=N_AREAS,
            n=n_engagements,
        )
    )
    return first


def _insert_payments(env, first_engagement, n_engagements, start, stop):
    """Payment lines ``start`` .. ``stop - 1``; line g belongs to engagement
    g mod n_engagements; its year, state and amount cycle by other residues."""
    n = stop - start
    first = _reserve(env, "vc_payment", n)
    env.cr.execute(
        SQL(
            """INSERT INTO vc_payment
                   (id, name, engagement_id, company_id, firm_id, department_id,
                    practice_area_id, sequence, amount, reduction_amount,
                    amount_net, date_planned, date_paid, state,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + s.g - %(start)s, 'BP' || s.g, e.id, e.company_id,
                      e.firm_id, e.department_id, e.practice_area_id, 10,
                      s.amount, s.reduction, s.amount - s.reduction,
                      make_date(%(y0)s + (s.g / 7) %% 5, 1 + s.g %% 12, 1),
                      CASE WHEN s.state = 'paid'
                           THEN make_date(%(y0)s + (s.g / 7) %% 5, 1 + s.g %% 12, 15)
                      END,
                      s.state, 1, 1, now(), now()
                 FROM (SELECT g,
                              (%(states)s)[1 + (g / 3) %% 5] AS state,
                              (1000 + (g %% 97) * 10)::numeric AS amount,
                              CASE WHEN g %% 11 = 0 THEN 100 ELSE 0 END::numeric
                                  AS reduction
                         FROM generate_series(%(start)s, %(stop)s - 1) g) s
                 JOIN vc_engagement e
                   ON e.id = %(first_engagement)s + s.g %% %(n_engagements)s""",
            first=first,
            start=start,
            stop=stop,
            y0=YEARS[0],
            states=list(STATES),
            first_engagement=first_engagement,
            n_engagements=n_engagements,
        )
    )
    env.cr.execute("ANALYZE vc_payment")
    env.invalidate_all()


def _ours(env):
    """The report's two pivots: seconds, queries and the totals."""
    Report = env["vc.spend.report"]
    env.invalidate_all()
    queries = sql_db.sql_counter
    start = time.perf_counter()
    totals = {}
    for key in KEYS:
        for *groups, budget, committed, paid, remaining in Report._read_group(
            [], list(key), MEASURES
        ):
            totals[(key, groups[0].id, groups[1])] = (
                round(budget, 2),
                round(committed, 2),
                round(paid, 2),
                round(remaining, 2),
            )
    seconds = time.perf_counter() - start
    return seconds, sql_db.sql_counter - queries, totals


def _baseline(env):
    """Every payment line and budget read with search_read, added up in Python."""
    env.invalidate_all()
    queries = sql_db.sql_counter
    start = time.perf_counter()
    sums = {key: defaultdict(lambda: [0.0, 0.0, 0.0, 0.0]) for key in KEYS}
    for budget in env["vc.budget"].search_read(
        [], ["year", "department_id", "firm_id", "amount"]
    ):
        for key in KEYS:
            group = budget[key[0]]
            row = sums[key][(group[0] if group else False, budget["year"])]
            row[0] += budget["amount"]
            row[3] += budget["amount"]
    for line in env["vc.payment"].search_read(
        [("state", "!=", "cancel")],
        [
            "firm_id",
            "department_id",
            "date_planned",
            "date_paid",
            "state",
            "amount_net",
        ],
    ):
        year = (line["date_paid"] or line["date_planned"]).year
        state = line["state"]
        net = line["amount_net"]
        for key in KEYS:
            group = line[key[0]]
            row = sums[key][(group[0] if group else False, year)]
            if state == "draft":
                continue
            if state == "paid":
                row[2] += net
            else:
                row[1] += net
            row[3] -= net
    totals = {
        (key, group, year): tuple(round(value, 2) for value in row)
        for key in KEYS
        for (group, year), row in sums[key].items()
    }
    seconds = time.perf_counter() - start
    return seconds, sql_db.sql_counter - queries, totals


def run(env, size=SIZE):
    env = env(su=True, context={"tracking_disable": True})
    n_engagements = min(N_ENGAGEMENTS, max(size // 10, 1))
    first_step = min(FIRST_STEP, size)
    try:
        print(
            f"[bench] vc spend: {n_engagements:,} engagements, {size:,} payment lines",
            flush=True,
        )
        first_engagement = _setup(env, n_engagements)
        _insert_payments(env, first_engagement, n_engagements, 0, first_step)
        small_seconds, small_queries, __ = _ours(env)
        if size > first_step:
            _insert_payments(env, first_engagement, n_engagements, first_step, size)
        seconds, queries, ours = _ours(env)
        baseline_seconds, baseline_queries, theirs = _baseline(env)
        # the report also lists groups whose measures are all zero (draft only)
        identical = {k: v for k, v in ours.items() if any(v)} == {
            k: v for k, v in theirs.items() if any(v)
        }
    finally:
        env.cr.rollback()
        env.invalidate_all()
    result = {
        "n": size,
        "first_step": first_step,
        "small_seconds": small_seconds,
        "small_queries": small_queries,
        "seconds": seconds,
        "queries": queries,
        "baseline_seconds": baseline_seconds,
        "baseline_queries": baseline_queries,
        "speedup": baseline_seconds / seconds if seconds else None,
        "identical": identical,
        "groups": len(ours),
    }
    print(f"[bench] vc spend: {result}", flush=True)
    return result


def bench_rows(registry, api, superuser_id, size=SIZE):
    """The row of the spend report: grouped SQL view vs search_read + Python."""
    with registry.cursor() as cr:
        res = run(api.Environment(cr, superuser_id, {}), size)
    met = res["identical"] and res["queries"] <= res["small_queries"]
    return [
        [
            f"spend vs budget (firm × year, unit × year), {res['n']:,} payment lines "
            f"({res['groups']:,} groups)"
            + ("" if res["identical"] else " (RESULTS DIFFER)"),
            f"{res['seconds']:,.3f} s, {res['queries']:,} queries "
            f"({res['small_seconds']:,.3f} s, {res['small_queries']:,} queries at "
            f"{res['first_step']:,})",
            f"{res['baseline_seconds']:,.3f} s, {res['baseline_queries']:,} queries "
            "(search_read + Python)",
            f"{res['speedup']:,.0f}×" if res["speedup"] else "-",
            f"queries flat from {res['first_step']:,}, identical",
            "yes" if met else "NO",
        ]
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--size", type=int, default=SIZE)
    args = parser.parse_args()
    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config])
    registry = Registry(args.database)
    for row in bench_rows(registry, api, SUPERUSER_ID, args.size):
        print(row)


if __name__ == "__main__":
    main()
