#!/usr/bin/env python3
"""`make bench`: the benchmarks, each measured beside its baseline in one run.

    python tools/suite.py bench            # through make bench
    run_bench.py --config .state/odoo.conf [--timers N] [--qt-rows N] [--qt-matters N]
                 [--ae-events N] [--only sweep,quality,adverse,...] [--dbname NAME]
                 [--keep]

A fresh database with business_deadline, quality_tracking and vendor_counsel is
created, every benchmark runs on it, the results are printed as one table, and the
database is dropped (unless --keep). Sizes also come from the environment
(BENCH_TIMERS, BENCH_QT_ROWS, BENCH_QT_MATTERS, BENCH_AE_EVENTS, and the PLUGINS'
variables below), e.g. a smoke run:
``BENCH_TIMERS=20000 BENCH_QT_ROWS=20000 BENCH_QT_MATTERS=1000 make bench``.
"""

import argparse
import datetime
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Benchmarks whose module does everything itself: name -> (module, size variable,
# default size). The module's ``bench_rows(registry, api, superuser_id, size)``
# returns its table rows ([benchmark, ours, baseline, speed-up, target, met]).
PLUGINS = {
    "vc_eligibility": ("bench_vc_eligibility", "BENCH_VC_LAWYERS", 100_000),
    "vc_spend": ("bench_vc_spend", "BENCH_VC_PAYMENTS", 1_000_000),
    "vc_conflict": ("bench_vc_conflict", "BENCH_VC_NAMES", 1_000_000),
    "cr_tiers": ("bench_cr_tiers", "BENCH_CR_CLIENTS", 100_000),
    "cr_returns": ("bench_cr_returns", "BENCH_CR_PROJECTS", 100_000),
    "cr_sla": ("bench_cr_sla", "BENCH_CR_TICKETS", 100_000),
    "cr_desk_views": ("bench_cr_desk_views", "BENCH_CR_REQUESTS", 1_000_000),
}
BENCHMARKS = ("arithmetic", "sweep", "recompute", "quality", "adverse", *PLUGINS)


def load(name):
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fmt(value, unit=""):
    if isinstance(value, float):
        return f"{value:,.3f}{unit}" if value < 100 else f"{value:,.0f}{unit}"
    if isinstance(value, int):
        return f"{value:,}{unit}"
    return f"{value}{unit}"


def table(rows):
    headers = ["benchmark", "ours", "baseline", "speed-up", "target", "met"]
    widths = [
        max(len(str(r[i])) for r in rows + [headers]) for i in range(len(headers))
    ]
    line = "+".join("-" * (w + 2) for w in widths)
    out = [
        line,
        "|".join(f" {h:<{w}} " for h, w in zip(headers, widths, strict=True)),
        line,
    ]
    for row in rows:
        out.append(
            "|".join(f" {str(c):<{w}} " for c, w in zip(row, widths, strict=True))
        )
    out.append(line)
    return "\n".join(out)


def quality_rows(registry, api, superuser_id, args):
    """The rows of quality_tracking's benchmarks: reporting and closing matters."""
    bench = load("bench_quality")
    rows = []
    print(
        f"[bench] quality reporting over {args.qt_rows:,} issues and "
        f"{args.qt_rows:,} feedback cards",
        flush=True,
    )
    with registry.cursor() as cr:
        results = bench.run_reporting(
            api.Environment(cr, superuser_id, {}), args.qt_rows
        )
    for who, label in (("superuser", "superuser"), ("head", "department head")):
        res = results[who]
        met = res["queries_equal"] and res["identical"]
        rows.append(
            [
                f"quality reporting, {res['n']:,} issues + {res['n']:,} cards, "
                f"6 pivots as {label} ({res['cells']:,} cells)"
                + ("" if res["identical"] else " (RESULTS DIFFER)"),
                f"{fmt(res['seconds'])} s, {res['queries']:,} queries "
                f"({res['small_queries']:,} at {res['small']:,} rows)",
                f"{fmt(res['baseline_seconds'])} s (search_read + Counter)",
                f"{res['speedup']:,.1f}×" if res["speedup"] else "-",
                "same queries at both sizes, identical",
                "yes" if met else "NO",
            ]
        )
    print(
        f"[bench] closing {args.qt_matters:,} matters at once vs one by one",
        flush=True,
    )
    with registry.cursor() as cr:
        res = bench.run_closing(api.Environment(cr, superuser_id, {}), args.qt_matters)
    per_batch = res["queries_per_extra_matter"] < bench.MAX_GROWTH_PER_MATTER
    rows.append(
        [
            f"close {res['n']:,} matters ({res['cards']:,} cards, "
            f"{res['timers']:,} timers)"
            + ("" if res["identical"] else " (RESULTS DIFFER)"),
            f"{fmt(res['seconds'])} s, {res['queries']:,} queries "
            f"({res['small_queries']:,} at {res['small']:,} matters, "
            f"+{res['queries_per_extra_matter']:,.2f}/matter)",
            f"{fmt(res['baseline_seconds'])} s (action_close per matter)",
            f"{res['speedup']:,.1f}×" if res["speedup"] else "-",
            f"< {bench.MAX_GROWTH_PER_MATTER} query/matter more, identical",
            "yes" if per_batch and res["identical"] else "NO",
        ]
    )
    return rows


def adverse_rows(registry, api, superuser_id, args):
    """The row of the quarterly adverse event report: set-based vs a loop."""
    bench = load("bench_adverse")
    print(
        f"[bench] quarterly adverse event report over {args.ae_events:,} events",
        flush=True,
    )
    with registry.cursor() as cr:
        res = bench.run(api.Environment(cr, superuser_id, {}), args.ae_events)
    met = res["identical"] and res["queries"] <= res["max_queries"]
    baseline = f"{fmt(res['baseline_seconds'])} s (per-record loop" + (
        f", extrapolated from {res['sample']:,} events: {fmt(res['loop_seconds'])} s)"
        if res["extrapolated"]
        else ")"
    )
    return [
        [
            f"quarterly AE report, {res['n']:,} events, {res['in_quarter']:,} in the "
            f"quarter ({res['selected']:,} selected)"
            + ("" if res["identical"] else " (RESULTS DIFFER)"),
            f"{fmt(res['seconds'])} s, {res['queries']:,} queries",
            baseline,
            f"{res['speedup']:,.0f}×" if res["speedup"] else "-",
            f"≤ {res['max_queries']} queries, identical",
            "yes" if met else "NO",
        ]
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument(
        "--timers", type=int, default=int(os.environ.get("BENCH_TIMERS", 10**6))
    )
    parser.add_argument(
        "--qt-rows",
        type=int,
        default=int(os.environ.get("BENCH_QT_ROWS", 10**6)),
        help="quality issues and feedback cards of the reporting benchmark",
    )
    parser.add_argument(
        "--qt-matters",
        type=int,
        default=int(os.environ.get("BENCH_QT_MATTERS", 10**4)),
        help="matters closed at once (and one by one) by the closing benchmark",
    )
    parser.add_argument(
        "--ae-events",
        type=int,
        default=int(os.environ.get("BENCH_AE_EVENTS", 10**6)),
        help="adverse events of the quarterly report benchmark (a tenth in the "
        "quarter)",
    )
    parser.add_argument(
        "--only",
        default=os.environ.get("BENCH_ONLY", ",".join(BENCHMARKS)),
        help="comma-separated benchmarks to run, among " + ", ".join(BENCHMARKS),
    )
    parser.add_argument(
        "--dbname",
        default="suite_bench_" + datetime.datetime.now().strftime("%Y%m%d%H%M%S"),
    )
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    if only - set(BENCHMARKS):
        parser.error(f"unknown benchmarks: {', '.join(sorted(only - set(BENCHMARKS)))}")
    dbname = args.dbname
    print(
        f"[bench] installing the suite's addons on {dbname}",
        flush=True,
    )
    subprocess.run(
        [sys.executable, "-m", "odoo", "-c", args.config, "-d", dbname]
        + ["-i", "business_deadline,quality_tracking,vendor_counsel,client_relations"]
        + ["--stop-after-init", "--log-level=warn"],
        check=True,
    )
    import odoo  # noqa: F401  (after the install: the same interpreter as Odoo)
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", args.config, "-d", dbname, "--log-level=warn"])
    rows = []
    try:
        registry = Registry(dbname)
        if "arithmetic" in only:
            print(
                "[bench] working-day arithmetic: batch vs plan_days per record",
                flush=True,
            )
            with registry.cursor() as cr:
                res = load("bench_arithmetic").run(
                    api.Environment(cr, SUPERUSER_ID, {})
                )
            rows.append(
                [
                    f"working days, {res['n']:,} starts"
                    + ("" if res["identical"] else " (RESULTS DIFFER)"),
                    f"{fmt(res['batch_per_item_us'])} µs/start "
                    f"({fmt(res['batch_seconds'])} s)",
                    f"{fmt(res['baseline_per_item_us'])} µs/start (plan_days, "
                    f"{res['subset']:,} starts)",
                    f"{res['speedup']:,.0f}×",
                    "≥ 50×, identical",
                    "yes" if res["speedup"] >= 50 and res["identical"] else "NO",
                ]
            )
        if "sweep" in only:
            print(
                f"[bench] deadline sweep over {args.timers:,} open timers", flush=True
            )
            with registry.cursor() as cr:
                res = load("bench_sweep").run(
                    api.Environment(cr, SUPERUSER_ID, {}), args.timers
                )
            rows.append(
                [
                    f"sweep, {res['n']:,} timers",
                    f"{fmt(res['seconds'])} s, "
                    f"{fmt(res['sweep_per_timer_ms'])} ms/timer, "
                    f"{fmt(res['queries_per_10k'])} queries/10k",
                    f"{fmt(res['baseline_per_timer_ms'])} ms/timer "
                    f"(per-record ORM, {res['baseline_n']:,} timers)",
                    f"{res['speedup']:,.0f}×",
                    "≤ 60 s",
                    "yes" if res["seconds"] <= 60 else "NO",
                ]
            )
            rows.append(
                [
                    f"sweep vs its physical limit, {res['n']:,} timers"
                    + ("" if res["limit_identical"] else " (RESULTS DIFFER)"),
                    f"{fmt(res['seconds'])} s (sweep, notes and activities included)",
                    f"{fmt(res['limit_seconds'])} s (one bare SQL UPDATE)",
                    f"{res['limit_ratio']:,.1f}× the limit",
                    "≤ 3× the limit, identical states",
                    "yes"
                    if res["limit_ratio"] is not None
                    and res["limit_ratio"] <= 3
                    and res["limit_identical"]
                    else "NO",
                ]
            )
        if "recompute" in only:
            recompute_n = min(100_000, args.timers)
            print(
                f"[bench] recompute {recompute_n:,} open timers after a public holiday",
                flush=True,
            )
            with registry.cursor() as cr:
                res = load("bench_recompute").run(
                    api.Environment(cr, SUPERUSER_ID, {}), recompute_n
                )
            rows.append(
                [
                    f"recompute {res['n']:,} open timers after a public holiday "
                    f"({res['moved']:,} moved)"
                    + ("" if res["identical"] else " (RESULTS DIFFER)"),
                    f"{fmt(res['seconds'])} s, {fmt(res['per_timer_ms'])} ms/timer, "
                    f"{res['queries']:,} queries",
                    f"{fmt(res['baseline_per_timer_ms'])} ms/timer "
                    f"(per-timer _recompute_times, {res['subset']:,} timers)",
                    f"{res['speedup']:,.0f}×",
                    "≥ 10×, identical",
                    "yes" if res["speedup"] >= 10 and res["identical"] else "NO",
                ]
            )
        if "quality" in only:
            rows += quality_rows(registry, api, SUPERUSER_ID, args)
        if "adverse" in only:
            rows += adverse_rows(registry, api, SUPERUSER_ID, args)
        for name, (module, variable, default) in PLUGINS.items():
            if name in only and (HERE / f"{module}.py").exists():
                size = int(os.environ.get(variable, default))
                rows += load(module).bench_rows(registry, api, SUPERUSER_ID, size)
    finally:
        print(table(rows) if rows else "[bench] no result", flush=True)
        if not args.keep:
            from odoo.service import db as db_service

            Registry.delete(dbname)
            db_service.exp_drop(dbname)
    return 0 if rows and all(r[-1] == "yes" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
