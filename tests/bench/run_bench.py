#!/usr/bin/env python3
"""`make bench`: the benchmarks, each measured beside its baseline in one run.

    python tools/suite.py bench            # through make bench
    run_bench.py --config .state/odoo.conf [--timers N] [--keep]

A fresh database with business_deadline is created, every benchmark runs on it, the
results are printed as one table, and the database is dropped (unless --keep).
"""

import argparse
import datetime
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument(
        "--timers", type=int, default=int(os.environ.get("BENCH_TIMERS", 10**6))
    )
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    dbname = "suite_bench_" + datetime.datetime.now().strftime("%Y%m%d%H%M%S")
    print(f"[bench] installing business_deadline on {dbname}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "odoo", "-c", args.config, "-d", dbname]
        + ["-i", "business_deadline", "--stop-after-init", "--log-level=warn"],
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
        print(
            "[bench] working-day arithmetic: batch vs plan_days per record", flush=True
        )
        with registry.cursor() as cr:
            res = load("bench_arithmetic").run(api.Environment(cr, SUPERUSER_ID, {}))
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
        print(f"[bench] deadline sweep over {args.timers:,} open timers", flush=True)
        with registry.cursor() as cr:
            res = load("bench_sweep").run(
                api.Environment(cr, SUPERUSER_ID, {}), args.timers
            )
        rows.append(
            [
                f"sweep, {res['n']:,} timers",
                f"{fmt(res['seconds'])} s, {fmt(res['sweep_per_timer_ms'])} ms/timer, "
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
    finally:
        print(table(rows) if rows else "[bench] no result", flush=True)
        if not args.keep:
            from odoo.service import db as db_service

            Registry.delete(dbname)
            db_service.exp_drop(dbname)
    return 0 if rows and all(r[-1] == "yes" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
