"""Benchmark of quality_tracking's quarterly adverse event report (000/R-QT-19).

``run(env, n_events)`` inserts ``n_events`` adverse events (bulk SQL over 200
devices, then ANALYZE), a tenth of them aware in 2026 Q2 (Asia/Shanghai) and the
rest spread over the five years before, with a deterministic mix of serious, fatal,
stated-in-the-instructions, unsuspected and cancelled events. It then assembles the
company's 2026 Q2 report set-based (``_assemble_company``: one grouped query, one
search, one create), counting seconds and queries, and runs the baseline: a
per-record loop over the company's events that tests each one in Python and adds it
to the report (``batch.event_ids |= event``). Above ``SAMPLE`` events the loop runs
on an evenly spread sample of about ``SAMPLE`` events (a tenth of them in the
quarter, like the data) and its time is extrapolated linearly to all events (said in
the row): an underestimate, since each ``|=`` rewrites the growing set. Both must
select the same events: the loop's selection equals ours on the sample, and ours
equals an independent SQL count of the rule.

Nothing is committed: everything rolls back at the end.

Standalone: ``python tests/bench/bench_adverse.py -c .state/odoo.conf -d DB [-n N]``
(the database must have quality_tracking installed).
"""

import argparse
import math
import time
from datetime import datetime

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tools import SQL

N_EVENTS = 1_000_000
QUARTER_SHARE = 10  # one event in ten is aware in the measured quarter
SAMPLE = 10_000
N_DEVICES = 200
# 2026 Q2 in Asia/Shanghai, naive UTC
Q_START = datetime(2026, 3, 31, 16, 0)
Q_END = datetime(2026, 6, 30, 16, 0)
HISTORY_START = datetime(2021, 3, 31, 16, 0)  # the five years before
MAX_QUERIES = 40  # ours: a constant handful, whatever the size


def _reserve(env, table, n):
    first = env.execute_query(SQL("SELECT nextval(%s)", f"{table}_id_seq"))[0][0]
    env.cr.execute(SQL("SELECT setval(%s, %s)", f"{table}_id_seq", first + n - 1))
    return first


def _setup(env):
    """The company's Asia/Shanghai calendar; 200 devices by bulk SQL."""
    company = env.company
    calendar = env["resource.calendar"].create(
        {"name": "Bench AE calendar", "tz": "Asia/Shanghai", "company_id": False}
    )
    company.resource_calendar_id = calendar
    uom = env.ref("uom.product_uom_unit").id
    first = _reserve(env, "product_template", N_DEVICES)
    env.cr.execute(
        SQL(
            """INSERT INTO product_template
                   (id, name, type, service_tracking, uom_id, active, sale_ok,
                    purchase_ok, qt_device_class, create_uid, write_uid,
                    create_date, write_date)
               SELECT %(first)s + g, jsonb_build_object('en_US', 'Bench device ' || g),
                      'consu', 'no', %(uom)s, true, true, true,
                      ((g %% 3) + 1)::varchar, 1, 1, now(), now()
                 FROM generate_series(0, %(n)s - 1) g""",
            first=first,
            uom=uom,
            n=N_DEVICES,
        )
    )
    first_product = _reserve(env, "product_product", N_DEVICES)
    env.cr.execute(
        SQL(
            """INSERT INTO product_product
                   (id, product_tmpl_id, active, create_uid, write_uid, create_date,
                    write_date)
               SELECT %(first_product)s + g, %(first)s + g, true, 1, 1, now(), now()
                 FROM generate_series(0, %(n)s - 1) g""",
            first_product=first_product,
            first=first,
            n=N_DEVICES,
        )
    )
    env.cr.execute("ANALYZE product_template")
    env.cr.execute("ANALYZE product_product")
    env.invalidate_all()
    return company, first_product, first


def _generate_events(env, company, first_product, first_template, n):
    """n events; event g is in the quarter when g % 10 == 0 (else in the five years
    before); flags spread by other residues."""
    first = _reserve(env, "qt_adverse_event", n)
    env.cr.execute(
        SQL(
            """INSERT INTO qt_adverse_event
                   (id, name, company_id, product_id, product_tmpl_id, device_class,
                    reporter_id, date_aware, is_criterion_hospitalisation,
                    is_criterion_death, outcome, is_serious, is_death,
                    is_suspected, is_in_ifu, is_rare, is_new, state,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g, 'AEB' || g, %(company)s,
                      %(product)s + (g %% %(devices)s),
                      %(template)s + (g %% %(devices)s),
                      (((g %% %(devices)s) %% 3) + 1)::varchar, 1,
                      CASE WHEN g %% %(share)s = 0
                           THEN %(q_start)s::timestamp
                                + ((g::bigint * 7919) %% %(q_seconds)s)
                                  * interval '1 second'
                           ELSE %(h_start)s::timestamp
                                + ((g::bigint * 7919) %% %(h_seconds)s)
                                  * interval '1 second'
                      END,
                      f.serious, f.death,
                      CASE WHEN f.death THEN 'death' ELSE 'other' END,
                      f.serious OR f.death, f.death,
                      (g / 10) %% 50 != 4, (g / 10) %% 7 IN (1, 3),
                      false, false,
                      CASE WHEN (g / 10) %% 20 = 2 THEN 'cancel' ELSE 'draft' END,
                      1, 1, now(), now()
                 FROM generate_series(0, %(n)s - 1) g,
                      LATERAL (SELECT (g / 10) %% 10 IN (0, 1) AS serious,
                                      (g / 10) %% 100 = 5 AS death) f""",
            first=first,
            company=company.id,
            product=first_product,
            template=first_template,
            devices=N_DEVICES,
            share=QUARTER_SHARE,
            q_start=Q_START,
            q_seconds=int((Q_END - Q_START).total_seconds()),
            h_start=HISTORY_START,
            h_seconds=int((Q_START - HISTORY_START).total_seconds()),
            n=n,
        )
    )
    env.cr.execute("ANALYZE qt_adverse_event")
    env.invalidate_all()
    return first


def _expected(env, company):
    """The events of the rule, counted independently in SQL."""
    return env.execute_query(
        SQL(
            """SELECT count(*) FROM qt_adverse_event
                WHERE company_id = %(company)s AND state != 'cancel'
                  AND date_aware >= %(start)s AND date_aware < %(end)s
                  AND (is_in_ifu OR (is_suspected AND NOT is_serious
                                     AND NOT is_death))""",
            company=company.id,
            start=Q_START,
            end=Q_END,
        )
    )[0][0]


def _belongs(event, company):
    """The baseline's test, in Python, of one event."""
    return (
        event.company_id == company
        and event.state != "cancel"
        and Q_START <= event.date_aware < Q_END
        and (
            event.is_in_ifu
            or (event.is_suspected and not event.is_serious and not event.is_death)
        )
    )


def run(env, n_events=N_EVENTS, sample=SAMPLE):
    env = env(su=True, context={"tracking_disable": True})
    Batch = env["qt.adverse.event.batch"]
    try:
        company, first_product, first_template = _setup(env)
        print(f"[bench] adverse events: inserting {n_events:,} events", flush=True)
        first = _generate_events(env, company, first_product, first_template, n_events)
        env.flush_all()
        expected = _expected(env, company)
        # ours
        env.invalidate_all()
        queries = sql_db.sql_counter
        start = time.perf_counter()
        batch = Batch._assemble_company(company, Q_START, Q_END)
        env.flush_all()
        seconds = time.perf_counter() - start
        queries = sql_db.sql_counter - queries
        ours = set(batch.event_ids.ids)
        in_quarter = env.execute_query(
            SQL(
                """SELECT count(*) FROM qt_adverse_event
                    WHERE date_aware >= %s AND date_aware < %s""",
                Q_START,
                Q_END,
            )
        )[0][0]
        # the baseline: a per-record loop, on a sample above SAMPLE events
        # a step prime to the quarter's period, so that the sample holds a tenth of
        # in-quarter events like the data
        step = max(1, n_events // sample)
        while step > 1 and math.gcd(step, QUARTER_SHARE) != 1:
            step -= 1
        ids = list(range(first, first + n_events, step))
        loop_batch = Batch.create(
            Batch._quarter_vals(company, datetime(1999, 1, 1).date())
        )
        env.flush_all()
        env.invalidate_all()
        start = time.perf_counter()
        events = env["qt.adverse.event"].search(
            [("company_id", "=", company.id), ("id", "in", ids)], order="id"
        )
        for event in events:
            if _belongs(event, company):
                loop_batch.event_ids |= event
        env.flush_all()
        loop_seconds = time.perf_counter() - start
        loop_ids = set(loop_batch.event_ids.ids)
        extrapolated = len(ids) < n_events
        baseline_seconds = loop_seconds * n_events / len(ids)
        identical = (
            loop_ids == ours & set(ids)
            and len(ours) == expected
            and batch.state == "draft"
        )
    finally:
        env.cr.rollback()
        env.invalidate_all()
    result = {
        "n": n_events,
        "in_quarter": in_quarter,
        "selected": len(ours),
        "expected": expected,
        "seconds": seconds,
        "queries": queries,
        "sample": len(ids),
        "loop_seconds": loop_seconds,
        "baseline_seconds": baseline_seconds,
        "extrapolated": extrapolated,
        "speedup": baseline_seconds / seconds if seconds else None,
        "identical": identical,
        "max_queries": MAX_QUERIES,
    }
    print(f"[bench] adverse events: {result}", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--events", type=int, default=N_EVENTS)
    args = parser.parse_args()
    import odoo  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        print(run(api.Environment(cr, SUPERUSER_ID, {}), args.events))


if __name__ == "__main__":
    main()
