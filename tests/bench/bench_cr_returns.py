"""Benchmark of client_relations' return-visit generator (000/R-CR-16/17, 001/R-35).

``run(env, n_projects)`` inserts by bulk SQL ``n_projects`` served projects of 1,000
clients, delivered over the three years before ``ON`` (so both the monthly first
year and the quarterly later years occur), on a company calendar holding China's
statutory days of 2026 and 2027 (visits falling in holidays move before them). It
then generates a year's return visits of every project with
``cr.project._cr_generate_return_visits`` by batches of ``BATCH`` projects (one
``_read_group``, one working-day timeline, one ``INSERT … SELECT`` and the deadline
engine's set-based timers per batch), counting seconds and queries, and runs the
baseline: the generator's ORM ``create`` path called project by project (a
per-project ORM loop). Above ``SAMPLE`` projects the baseline
runs on an evenly spread sample first, its visits are kept for the comparison and
removed, and its time is extrapolated linearly to all projects (said in the row).
The visits of the sample (cadence date, planned date, due date) must be identical.
Then it runs the next day's generation (the daily scheduled action once the year
is there: only the dates entering the horizon) over the same projects.

The issue asks for seconds and a constant number of queries per batch: every
batch must run the same number of queries (at most ``MAX_QUERIES_PER_BATCH``),
the year must be at least ``MIN_SPEEDUP`` times faster than the ORM loop, and the
next day's run at most ``DAILY_TARGET_SECONDS`` at ``N_PROJECTS`` projects.

Nothing is committed: everything rolls back at the end.

Standalone: ``python tests/bench/bench_cr_returns.py -c .state/odoo.conf -d DB
[-n N]`` (the database must have client_relations installed).
"""

import argparse
import time
from datetime import date, timedelta

from odoo import api, sql_db
from odoo.tools import SQL

N_PROJECTS = 100_000
SAMPLE = 300
BATCH = 1_000
ON = date(2026, 6, 15)
MAX_QUERIES_PER_BATCH = 400  # ours: the same in every batch, whatever the visits
MIN_SPEEDUP = 10  # the year's generation vs the per-project ORM loop
DAILY_TARGET_SECONDS = 60  # the next day's run, at N_PROJECTS (scaled linearly)


def _reserve(env, table, n):
    first = env.execute_query(SQL("SELECT nextval(%s)", f"{table}_id_seq"))[0][0]
    env.cr.execute(SQL("SELECT setval(%s, %s)", f"{table}_id_seq", first + n - 1))
    return first


def _generate(env, n_projects):
    company = env.company
    calendar = env["resource.calendar"].create(
        {"name": "Bench China", "tz": "Asia/Shanghai", "company_id": company.id}
    )
    for year in (2026, 2027):
        calendar._bd_import_statutory_days(env.ref("base.cn"), year)
    company.resource_calendar_id = calendar
    company.cr_return_horizon_days = 365
    n_clients = max(1, min(1_000, n_projects // 10))
    first_client = _reserve(env, "res_partner", n_clients)
    env.cr.execute(
        SQL(
            """INSERT INTO res_partner
                   (id, name, complete_name, is_company, cr_is_client, active,
                    commercial_partner_id, create_uid, write_uid, create_date,
                    write_date)
               SELECT %(first)s + g, 'Bench client ' || g, 'Bench client ' || g,
                      true, true, true, %(first)s + g, 1, 1, now(), now()
                 FROM generate_series(0, %(n)s - 1) g""",
            first=first_client,
            n=n_clients,
        )
    )
    cadence = env.ref("client_relations.cr_return_cadence_project")
    first = _reserve(env, "cr_project", n_projects)
    env.cr.execute(
        SQL(
            """INSERT INTO cr_project
                   (id, name, active, company_id, partner_id, user_id, cadence_id,
                    date_delivery, create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g, 'Bench project ' || g, true, %(company)s,
                      %(client)s + (g %% %(clients)s), 1, %(cadence)s,
                      %(on)s::date - ((g * 7919) %% 1095),
                      1, 1, now(), now()
                 FROM generate_series(0, %(n)s - 1) g""",
            first=first,
            company=company.id,
            client=first_client,
            clients=n_clients,
            cadence=cadence.id,
            on=ON,
            n=n_projects,
        )
    )
    env.cr.execute("ANALYZE cr_project")
    env.invalidate_all()
    return list(range(first, first + n_projects))


def _rows(visits):
    return sorted(
        (v.project_id.id, v.date_scheduled, v.date_planned, v.date_due) for v in visits
    )


def _generate_visits(projects, ids, batch, day):
    """Generate the return visits of the projects ``ids`` on ``day`` by batches of
    ``batch`` projects: (seconds, visits created, queries of each batch)."""
    env = projects.env
    counts = []
    created = 0
    start = time.perf_counter()
    for index in range(0, len(ids), batch):
        before = sql_db.sql_counter
        created += len(
            projects.browse(ids[index : index + batch])._cr_generate_return_visits(day)
        )
        env.flush_all()
        env.invalidate_all()
        counts.append(sql_db.sql_counter - before)
    return time.perf_counter() - start, created, counts


def run(env, n_projects=N_PROJECTS, sample=SAMPLE, batch=BATCH):
    env = env(su=True, context={"tracking_disable": True, "mail_create_nolog": True})
    Project = env["cr.project"]
    Visit = env["cr.return.visit"]
    try:
        print(f"[bench] return visits: inserting {n_projects:,} projects", flush=True)
        ids = _generate(env, n_projects)
        # the baseline first: project by project, on an evenly spread sample
        step = max(1, len(ids) // sample)
        sample_ids = ids[::step]
        env.invalidate_all()
        start = time.perf_counter()
        for pid in sample_ids:
            Project.browse(pid)._cr_generate_return_visits(ON, orm=True)
        env.flush_all()
        loop_seconds = time.perf_counter() - start
        loop_visits = Visit.search([("project_id", "in", sample_ids)])
        loop_rows = _rows(loop_visits)
        loop_visits.unlink()
        env.flush_all()
        env.invalidate_all()
        extrapolated = len(sample_ids) < len(ids)
        baseline_seconds = loop_seconds * len(ids) / len(sample_ids)
        print("[bench] return visits: set-based generation", flush=True)
        seconds, created, counts = _generate_visits(Project, ids, batch, ON)
        queries = sum(counts)
        ours_rows = _rows(Visit.search([("project_id", "in", sample_ids)]))
        identical = ours_rows == loop_rows
        # the next day's run (the daily cron once the year is generated): only the
        # dates entering the horizon, the same batches
        print("[bench] return visits: the next day's run", flush=True)
        daily_seconds, daily, daily_counts = _generate_visits(
            Project, ids, batch, ON + timedelta(days=1)
        )
        daily_queries = sum(daily_counts)
    finally:
        env.cr.rollback()
        env.invalidate_all()
    result = {
        "n": n_projects,
        "visits": created,
        "seconds": seconds,
        "queries": queries,
        "batches": len(counts),
        "daily_visits": daily,
        "daily_seconds": daily_seconds,
        "daily_queries": daily_queries,
        "batch_min": min(counts, default=0),
        "batch_max": max(counts, default=0),
        "sample": len(sample_ids),
        "loop_seconds": loop_seconds,
        "baseline_seconds": baseline_seconds,
        "extrapolated": extrapolated,
        "speedup": baseline_seconds / seconds if seconds else None,
        "identical": identical,
    }
    print(f"[bench] return visits: {result}", flush=True)
    return result


def _fmt(value):
    return f"{value:,.3f}" if value < 10 else f"{value:,.1f}"


def bench_rows(registry, api_module, superuser_id, size):
    """The row of the return-visit generator: batched vs project by project."""
    with registry.cursor() as cr:
        res = run(api_module.Environment(cr, superuser_id, {}), size)
    daily_target = DAILY_TARGET_SECONDS * res["n"] / N_PROJECTS
    constant = res["batch_min"] == res["batch_max"] <= MAX_QUERIES_PER_BATCH
    met = (
        res["identical"]
        and constant
        and (res["speedup"] or 0) >= MIN_SPEEDUP
        and res["daily_seconds"] <= daily_target
    )
    baseline = f"{_fmt(res['baseline_seconds'])} s (ORM create, project by project" + (
        f", extrapolated from {res['sample']:,} projects: "
        f"{_fmt(res['loop_seconds'])} s)"
        if res["extrapolated"]
        else ")"
    )
    per_batch = (
        f"{res['batch_max']:,} in every batch of {BATCH:,}"
        if res["batch_min"] == res["batch_max"]
        else f"{res['batch_min']:,}–{res['batch_max']:,} per batch of {BATCH:,}"
    )
    return [
        [
            f"a year's return visits of {res['n']:,} projects "
            f"({res['visits']:,} visits and their deadline timers); the next "
            f"day's run ({res['daily_visits']:,} new visits)"
            + ("" if res["identical"] else " (RESULTS DIFFER)"),
            f"{_fmt(res['seconds'])} s, {res['queries']:,} queries ({per_batch}); "
            f"next day {_fmt(res['daily_seconds'])} s, "
            f"{res['daily_queries']:,} queries",
            baseline,
            f"{res['speedup']:,.1f}×" if res["speedup"] else "-",
            f"the same queries in every batch (≤ {MAX_QUERIES_PER_BATCH}), "
            f"≥ {MIN_SPEEDUP}× the ORM loop, identical; next day "
            f"≤ {_fmt(daily_target)} s"
            + (
                f" (≤ {DAILY_TARGET_SECONDS} s at {N_PROJECTS:,})"
                if res["n"] != N_PROJECTS
                else ""
            ),
            "yes" if met else "NO",
        ]
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--projects", type=int, default=N_PROJECTS)
    args = parser.parse_args()
    import odoo  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config])
    registry = Registry(args.database)
    for row in bench_rows(registry, api, 1, args.projects):
        print(row)


if __name__ == "__main__":
    main()
