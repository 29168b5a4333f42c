"""Benchmark: batch working-day arithmetic against resource.calendar.plan_days.

``run(env)`` times ``_bd_add_batch(starts, 5, "working_days")`` on 100,000 start times
spread over 2026 (fixed seed: weekends, nights and holidays included) on a calendar with
China's 2026 statutory days, then the per-record host baseline ``plan_days(5, local
midnight after the event's day, compute_leaves=True)`` on 2,000 of the same starts, and
checks that both give the same due times. plan_days stops at the end of the Nth working
day's first work interval, while the engine's deadline is the end of that day's last
one: the baseline's answers are moved to the end of their day's work (outside the timed
part) before comparing.

Standalone: ``python tests/bench/bench_arithmetic.py <dbname> [odoo.conf]``.
"""

import random
import sys
import time as clock
from datetime import datetime, time, timedelta
from pathlib import Path

N = 100_000
SUBSET = 2_000
DAYS = 5
SEED = 2026
CALENDAR_NAME = "Deadline benchmark: China 2026"


def _bench_calendar(env):
    """The benchmark calendar, with China's 2026 statutory days imported."""
    calendar = env["resource.calendar"].search([("name", "=", CALENDAR_NAME)], limit=1)
    if not calendar:
        calendar = env["resource.calendar"].create(
            {"name": CALENDAR_NAME, "tz": "Asia/Shanghai"}
        )
    calendar._bd_import_statutory_days(env.ref("base.cn"), 2026)
    return calendar


def _starts():
    rng = random.Random(SEED)
    first = datetime(2026, 1, 1)
    seconds = 365 * 24 * 3600
    return [first + timedelta(seconds=rng.randrange(seconds)) for _i in range(N)]


def run(env):
    """Time the batch form and the per-record baseline; return the figures."""
    from pytz import timezone, utc

    calendar = _bench_calendar(env)
    tz = timezone(calendar.tz)
    starts = _starts()
    env.invalidate_all()

    begin = clock.perf_counter()
    batch = calendar._bd_add_batch(starts, DAYS, "working_days")
    batch_seconds = clock.perf_counter() - begin

    subset = starts[:SUBSET]
    midnights = [
        tz.localize(
            datetime.combine(
                utc.localize(start).astimezone(tz).date() + timedelta(days=1), time.min
            )
        )
        for start in subset
    ]
    begin = clock.perf_counter()
    baseline = [
        calendar.plan_days(DAYS, midnight, compute_leaves=True)
        for midnight in midnights
    ]
    baseline_seconds = clock.perf_counter() - begin

    # untimed: the end of the last work interval of each baseline day
    year_start = tz.localize(datetime(2026, 1, 1))
    year_end = tz.localize(datetime(2027, 3, 1))
    day_ends = {}
    intervals = calendar._work_intervals_batch(year_start, year_end)[False]
    for start, stop, _meta in intervals:
        day = start.astimezone(tz).date()
        day_ends[day] = max(day_ends.get(day, stop), stop)
    expected = [
        day_ends[found.astimezone(tz).date()].astimezone(utc).replace(tzinfo=None)
        for found in baseline
    ]
    batch_per_item_us = batch_seconds / N * 1e6
    baseline_per_item_us = baseline_seconds / SUBSET * 1e6
    return {
        "batch_seconds": round(batch_seconds, 4),
        "batch_per_item_us": round(batch_per_item_us, 2),
        "baseline_seconds_subset": round(baseline_seconds, 4),
        "baseline_per_item_us": round(baseline_per_item_us, 2),
        "speedup": round(baseline_per_item_us / batch_per_item_us, 1),
        "identical": batch[:SUBSET] == expected,
        "n": N,
        "subset": SUBSET,
    }


def main(argv):
    import odoo
    from odoo.modules.registry import Registry

    if len(argv) < 2:
        sys.exit("usage: bench_arithmetic.py <dbname> [odoo.conf]")
    dbname = argv[1]
    conf = (
        argv[2]
        if len(argv) > 2
        else str(Path(__file__).resolve().parents[2] / ".state" / "odoo.conf")
    )
    odoo.tools.config.parse_config(["-c", conf])
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        print(run(env))
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv)
