"""Benchmark of client_relations' yearly tier recompute (000/R-CR-01..05).

``bench_rows(registry, api, superuser_id, size)`` inserts, by bulk SQL, ``size``
clients (default 100,000) over three regions (revenue group 1; group 2 at 0.9;
group 3 at 0.8), one in a thousand an upstream key account, and ten revenue lines
of 2025 per client (1,000,000 by default). Last year's tiers are the bands of the
revenue without the regions' coefficients, every fifth client moved by hand, so
that about a fifth of the clients change tier. Ours:
``cr.tier.change._cr_propose_tier_changes``, i.e. one SQL aggregate of the year's
revenue, the band lookup and one INSERT of the proposed tier changes. The
baseline, in the same run: a per-record ORM loop (per client: search its revenue
lines of the year, add them up, look the band up in Python, compare with its
tier). Target: ours at most 10 s; both give identical proposals. Nothing is
committed: everything rolls back at the end.

Standalone: ``python tests/bench/bench_cr_tiers.py -c .state/odoo.conf -d DB
[-n N]`` (the database must have client_relations installed).
"""

import argparse
import time

from odoo.tools import SQL

SIZE = 100_000
LINES_PER_CLIENT = 10
YEAR = 2025
TARGET_SECONDS = 10.0


def _setup(env, size):
    company = env.company
    regions = env["cr.region"].create(
        [
            {"name": "Bench group 1", "revenue_group": "1", "tier_coefficient": 1.0},
            {"name": "Bench group 2", "revenue_group": "2", "tier_coefficient": 0.9},
            {"name": "Bench group 3", "revenue_group": "3", "tier_coefficient": 0.8},
        ]
    )
    tiers = env["cr.tier"].search([("company_id", "=", False)], order="lower_bound")
    env.flush_all()
    env.cr.execute(
        SQL(
            """INSERT INTO res_partner
                   (name, complete_name, is_company, cr_is_client, active, type,
                    cr_region_id, cr_upstream_key_account,
                    create_uid, write_uid, create_date, write_date)
               SELECT 'Bench client ' || g, 'Bench client ' || g, true, true, true,
                      'contact', (%(regions)s)[1 + g %% 3],
                      g %% 1000 = 7, 1, 1, now(), now()
                 FROM generate_series(1, %(size)s) g
            RETURNING id""",
            regions=regions.ids,
            size=size,
        )
    )
    partner_ids = [row[0] for row in env.cr.fetchall()]
    currency = company.cr_tier_currency_id or company.currency_id
    # revenue spread over 0 .. about 8,000,000 per client, in cents, so that every
    # band and the boundaries appear
    env.cr.execute(
        SQL(
            """INSERT INTO cr_revenue
                   (partner_id, company_id, year, currency_id, amount, source,
                    create_uid, write_uid, create_date, write_date)
               SELECT p, %(company)s, %(year)s, %(currency)s,
                      ((p * 7919 + l * 104729) %% 80000000) / 100.0, 'imported',
                      1, 1, now(), now()
                 FROM unnest(%(partners)s) p, generate_series(1, %(lines)s) l""",
            company=company.id,
            year=YEAR,
            currency=currency.id,
            partners=partner_ids,
            lines=LINES_PER_CLIENT,
        )
    )
    # last year's tiers: the band of the revenue without the regions'
    # coefficients, and every fifth client moved to another band by hand
    env.cr.execute(
        SQL(
            """UPDATE res_partner p
                  SET cr_tier_id = CASE
                      WHEN p.id %% 5 = 0 THEN (%(tiers)s)[1 + p.id %% %(n_tiers)s]
                      ELSE (SELECT t.id FROM cr_tier t
                             WHERE t.company_id IS NULL AND t.lower_bound <= s.amount
                          ORDER BY t.lower_bound DESC LIMIT 1) END
                 FROM (SELECT partner_id, SUM(amount) AS amount FROM cr_revenue
                        WHERE partner_id = ANY(%(partners)s)
                     GROUP BY partner_id) s
                WHERE s.partner_id = p.id""",
            tiers=tiers.ids,
            n_tiers=len(tiers),
            partners=partner_ids,
        )
    )
    env.cr.execute("ANALYZE res_partner")
    env.cr.execute("ANALYZE cr_revenue")
    return env["res.partner"].browse(partner_ids), tiers


def _ours(env, company, clients):
    start = time.perf_counter()
    changes = env["cr.tier.change"]._cr_propose_tier_changes(YEAR, company)
    seconds = time.perf_counter() - start
    env.cr.execute(
        SQL(
            "SELECT partner_id, to_tier_id, revenue FROM cr_tier_change "
            "WHERE id = ANY(%s) AND partner_id = ANY(%s)",
            changes.ids,
            clients.ids,
        )
    )
    return seconds, {(p, t or False, float(a)) for p, t, a in env.cr.fetchall()}


def _baseline(env, company, clients):
    """The same proposals computed record by record with the ORM."""
    start = time.perf_counter()
    bands = env["cr.tier"].search(
        [("company_id", "=", False)], order="lower_bound desc"
    )
    top = bands[:1]
    revenue = env["cr.revenue"]
    result = set()
    for client in clients:
        lines = revenue.search(
            [
                ("partner_id", "=", client.id),
                ("year", "=", YEAR),
                ("company_id", "=", company.id),
            ]
        )
        amount = round(sum(lines.mapped("amount")), 2)
        region = client.cr_region_id
        coefficient = (
            region.tier_coefficient if region.revenue_group in ("2", "3") else 1.0
        )
        if client.cr_upstream_key_account:
            tier = top
        else:
            tier = next(
                (b for b in bands if amount >= round(b.lower_bound * coefficient, 2)),
                env["cr.tier"],
            )
        if tier != client.cr_tier_id:
            result.add((client.id, tier.id or False, amount))
        lines.invalidate_recordset()
    return time.perf_counter() - start, result


def run(env, size=SIZE):
    company = env.company
    cr = env.cr
    cr.execute("SAVEPOINT bench_cr_tiers")
    try:
        print(
            f"[bench] cr tiers: inserting {size:,} clients and "
            f"{size * LINES_PER_CLIENT:,} revenue lines",
            flush=True,
        )
        clients, _tiers = _setup(env, size)
        env.invalidate_all()
        seconds, ours = _ours(env, company, clients)
        print(f"[bench] cr tiers: ours {seconds:.3f} s", flush=True)
        # the baseline runs on the same data, before the proposals exist
        cr.execute(
            SQL("DELETE FROM cr_tier_change WHERE partner_id = ANY(%s)", clients.ids)
        )
        env.invalidate_all()
        baseline_seconds, baseline = _baseline(env, company, clients)
        print(f"[bench] cr tiers: baseline {baseline_seconds:.3f} s", flush=True)
    finally:
        cr.execute("ROLLBACK TO SAVEPOINT bench_cr_tiers")
        env.invalidate_all()
    return {
        "n": size,
        "lines": size * LINES_PER_CLIENT,
        "changes": len(ours),
        "seconds": seconds,
        "baseline_seconds": baseline_seconds,
        "speedup": baseline_seconds / seconds if seconds else 0,
        "identical": ours == baseline,
    }


def bench_rows(registry, api, superuser_id, size=SIZE):
    """The row of the tier recompute: set-based SQL vs a per-record ORM loop."""
    with registry.cursor() as cr:
        res = run(api.Environment(cr, superuser_id, {}), size)
        cr.rollback()
    met = res["identical"] and res["seconds"] <= TARGET_SECONDS
    print(f"[bench] cr tiers: speed-up {res['speedup']:,.1f}×", flush=True)
    return [
        [
            f"tier recompute, {res['n']:,} clients, {res['lines']:,} revenue lines "
            f"({res['changes']:,} changes proposed)"
            + ("" if res["identical"] else " (RESULTS DIFFER)"),
            f"{res['seconds']:,.3f} s (SQL aggregate + band lookup + one INSERT)",
            f"{res['baseline_seconds']:,.3f} s (per-record ORM loop)",
            f"{res['speedup']:,.1f}×" if res["speedup"] else "-",
            f"≤ {TARGET_SECONDS:.0f} s, identical",
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
