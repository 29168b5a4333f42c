"""Benchmark: recompute the open timers a new public holiday moves, set-based.

``run(env, n)`` generates ``n`` open timers (one compliance obligation each, inserted
set-based) on one rule counting 5 working days, with a warning 1 working day before the
due time and an escalation 1 working day after it, on a fresh Shanghai calendar. Every
timer starts in the same week (Monday to Thursday, fixed seed), so a public holiday on
that week's Friday lies inside every span. Their initial times are the engine's
(``_plan``, untimed).

Ours: creating the holiday (``resource.calendar.leaves.create``), whose hook finds the
timers with ``resource.calendar._bd_recompute_timers`` and recomputes them in one
``_recompute_times`` call. Baseline: the straightforward per-timer loop ``for timer in
timers: timer._recompute_times()`` on the first ``subset`` timers, reset to their
initial times first, extrapolated per timer. Both must give identical times on the
subset. Nothing is committed: the transaction is rolled back at the end.

Standalone: ``python tests/bench/bench_recompute.py -c .state/odoo.conf -d DB [-n N]``.
"""

import argparse
import random
import time
from datetime import datetime, timedelta

from odoo import SUPERUSER_ID, api, fields, sql_db
from odoo.tools import SQL

N = 100_000
SUBSET = 2_000
SEED = 2026
TIME_COLUMNS = ("due_time", "warning_time", "next_escalation_time", "next_action_time")


def _setup(env):
    calendar = env["resource.calendar"].create(
        {"name": "Deadline benchmark: recompute", "tz": "Asia/Shanghai"}
    )
    rule = env["business.deadline.rule"].create(
        {
            "name": "Bench recompute rule",
            "model_id": env["ir.model"]._get_id("business.deadline.obligation"),
            "start_field_id": env["ir.model.fields"]
            ._get("business.deadline.obligation", "date_start")
            .id,
            "amount": 5,
            "unit": "working_days",
            "calendar_id": calendar.id,
            "met_state_ids": [
                (
                    6,
                    0,
                    env.ref(
                        "business_deadline."
                        "selection__business_deadline_obligation__state__done"
                    ).ids,
                )
            ],
            "warning_mode": "lead",
            "warning_amount": 1,
            "warning_unit": "working_days",
            "company_id": env.company.id,
            "escalation_ids": [
                (
                    0,
                    0,
                    {
                        "name": "A day late",
                        "offset_amount": 1,
                        "offset_unit": "working_days",
                        "offset_direction": "after",
                    },
                )
            ],
        }
    )
    return calendar, rule


def _first_monday(calendar):
    """Local midnight (naive UTC) of the Monday at least two weeks from today."""
    today = fields.Date.context_today(calendar) + timedelta(days=14)
    monday = today - timedelta(days=today.weekday())
    return calendar._bd_local_midnight(monday), monday


def _generate(env, rule, calendar, n):
    """Insert n obligations and their running timers, times planned by the engine."""
    week_start, monday = _first_monday(calendar)
    rng = random.Random(SEED)
    span = 4 * 24 * 3600  # Monday to Thursday
    starts = [week_start + timedelta(seconds=rng.randrange(span)) for _i in range(n)]
    Timer = env["business.deadline.timer"]
    specs = Timer._plan(
        [
            {
                "rule": rule,
                "calendar": calendar,
                "start": start,
                "amount": rule.amount,
                "shift": 0,
                "fired": set(),
                "warned": False,
                "state": "running",
            }
            for start in starts
        ],
        fields.Datetime.now(),
    )
    first = env.execute_query(
        SQL("SELECT nextval('business_deadline_obligation_id_seq')")
    )[0][0]
    env.cr.execute(
        "SELECT setval('business_deadline_obligation_id_seq', %s)", (first + n - 1,)
    )
    now = fields.Datetime.now()
    env.cr.execute(
        SQL(
            """INSERT INTO business_deadline_obligation
                   (id, name, company_id, user_id, state, priority, date_start,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g - 1, 'Bench obligation ' || g, %(company)s, 1,
                      'open', '0', s, 1, 1, %(now)s, %(now)s
                 FROM unnest(%(starts)s::timestamp[]) WITH ORDINALITY AS t(s, g)""",
            first=first,
            company=env.company.id,
            starts=starts,
            now=now,
        )
    )
    columns = {
        column: [spec[column] for spec in specs] for column in ("start", *TIME_COLUMNS)
    }
    env.cr.execute(
        SQL(
            """INSERT INTO business_deadline_timer
                   (rule_id, res_model, res_id, company_id, user_id, calendar_id,
                    state, start_time, due_time, warning_time, next_escalation_time,
                    next_action_time, is_warning_sent, escalation_level,
                    paused_hours, shift_hours, is_on_time,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(rule)s, 'business.deadline.obligation', %(first)s + g - 1,
                      %(company)s, 1, %(calendar)s, 'running', s, d, w, e, a,
                      FALSE, 0, 0, 0, 0, 1, 1, %(now)s, %(now)s
                 FROM unnest(%(starts)s::timestamp[], %(dues)s::timestamp[],
                             %(warnings)s::timestamp[], %(escalations)s::timestamp[],
                             %(actions)s::timestamp[])
                      WITH ORDINALITY AS t(s, d, w, e, a, g)""",
            rule=rule.id,
            first=first,
            company=env.company.id,
            calendar=calendar.id,
            now=now,
            starts=columns["start"],
            dues=columns["due_time"],
            warnings=columns["warning_time"],
            escalations=columns["next_escalation_time"],
            actions=columns["next_action_time"],
        )
    )
    # fresh statistics: the sweep benchmark before this one deleted two million
    # rows from these tables in the same database
    env.cr.execute("ANALYZE business_deadline_timer")
    env.cr.execute("ANALYZE business_deadline_obligation")
    return monday


def _times(env, rule, limit=None):
    """{timer id: (due, warning, next escalation, next action)} of the rule's
    timers, in id order (the first ``limit`` ones)."""
    rows = env.execute_query(
        SQL(
            """SELECT id, due_time, warning_time, next_escalation_time,
                      next_action_time
                 FROM business_deadline_timer
                WHERE rule_id = %s ORDER BY id LIMIT %s""",
            rule.id,
            limit,
        )
    )
    return {row[0]: tuple(row[1:]) for row in rows}


def _reset(env, times):
    """Put the given times back on their timers (one query)."""
    ids = list(times)
    env.cr.execute(
        SQL(
            """UPDATE business_deadline_timer t
                  SET due_time = v.d, warning_time = v.w,
                      next_escalation_time = v.e, next_action_time = v.a
                 FROM unnest(%s::int4[], %s::timestamp[], %s::timestamp[],
                             %s::timestamp[], %s::timestamp[]) AS v(id, d, w, e, a)
                WHERE t.id = v.id""",
            ids,
            *([times[i][column] for i in ids] for column in range(4)),
        )
    )
    env.invalidate_all()


def run(env, n=N, subset=SUBSET):
    """Time the holiday's set-based recompute and the per-timer loop; return figures."""
    env = env(su=True, context={"tracking_disable": True})
    subset = min(subset, n)
    try:
        calendar, rule = _setup(env)
        monday = _generate(env, rule, calendar, n)
        before = _times(env, rule)
        friday = monday + timedelta(days=4)
        env.invalidate_all()

        queries = sql_db.sql_counter
        begin = time.perf_counter()
        env["resource.calendar.leaves"].create(
            {
                "name": "Bench public holiday",
                "calendar_id": calendar.id,
                "date_from": calendar._bd_local_midnight(friday),
                "date_to": calendar._bd_local_midnight(friday + timedelta(days=1))
                - timedelta(seconds=1),
            }
        )
        env.flush_all()
        seconds = time.perf_counter() - begin
        queries = sql_db.sql_counter - queries
        after = _times(env, rule)
        moved = sum(
            1 for timer_id, times in after.items() if times[0] != before[timer_id][0]
        )

        subset_ids = list(after)[:subset]
        _reset(env, {timer_id: before[timer_id] for timer_id in subset_ids})
        timers = env["business.deadline.timer"].browse(subset_ids)
        begin = time.perf_counter()
        for timer in timers:
            timer._recompute_times()
        env.flush_all()
        baseline_seconds = time.perf_counter() - begin
        looped = _times(env, rule, subset)
        identical = all(looped[i] == after[i] for i in subset_ids)
    finally:
        env.cr.rollback()
        env.invalidate_all()
    per_timer_ms = seconds * 1000 / n
    baseline_ms = baseline_seconds * 1000 / subset
    return {
        "n": n,
        "moved": moved,
        "seconds": round(seconds, 2),
        "queries": queries,
        "per_timer_ms": round(per_timer_ms, 4),
        "subset": subset,
        "baseline_seconds": round(baseline_seconds, 2),
        "baseline_per_timer_ms": round(baseline_ms, 4),
        "speedup": round(baseline_ms / per_timer_ms, 1) if per_timer_ms else None,
        "identical": identical,
        "first_week": datetime.combine(monday, datetime.min.time()),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--timers", type=int, default=N)
    parser.add_argument("-s", "--subset", type=int, default=SUBSET)
    args = parser.parse_args()
    import odoo  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        print(run(env, args.timers, args.subset))


if __name__ == "__main__":
    main()
