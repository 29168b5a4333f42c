"""Benchmark of the service-level breach detection of client_relations (003/HR-D10-2).

``bench_rows(registry, api, superuser_id, size)`` generates ``size`` (default
100,000) service requests, each with a first response and a resolution clock
(the timers of the addon's XML rules ``rule_request_first_response`` and
``rule_request_resolution``, inserted set-based), of which one request in ten is
past both due times; then it runs the engine's sweep cron, which detects every
breach and records it (timer state, breach time, escalation notes and
activities), counting seconds and queries.

The baseline, in the same run and on the same number of tickets and due times:
OCA ``helpdesk_mgmt_sla`` 19.0 (Dixmit). That module has no cron: an expired SLA
is only *computed* at read time (``helpdesk.ticket.sla.expired``, searchable) and
*recorded* (state ``expired``) by ``_stage_recompute()``, one ticket SLA at a
time. The baseline searches the expired ticket SLAs and records each with that
method, as a scheduled action would have to. Both must find the same number of
breaches.

``helpdesk_mgmt_sla`` is never a dependency of the suite: the bench installs the
two wheels (``odoo-addon-helpdesk-mgmt`` and ``odoo-addon-helpdesk-mgmt-sla``
19.0, both Community: they depend on ``mail``, ``portal``, ``resource`` only)
from the PyPI mirror into the virtualenv with ``--no-deps`` (so that pip never
replaces Odoo itself), then installs ``helpdesk_mgmt_sla`` in the bench database
only. By hand::

    .venv/bin/python -m pip install --no-deps \
        "odoo-addon-helpdesk-mgmt>=19.0,<19.1" \
        "odoo-addon-helpdesk-mgmt-sla>=19.0,<19.1"

Standalone: ``python tests/bench/bench_cr_sla.py -c .state/odoo.conf -d DB
[-n N]`` (the database must have client_relations installed; the bench data is
deleted at the end).
"""

import argparse
import importlib.util
import subprocess
import sys
import time

SIZE = 100_000
BREACH_EVERY = 10
WHEELS = (
    "odoo-addon-helpdesk-mgmt>=19.0,<19.1",
    "odoo-addon-helpdesk-mgmt-sla>=19.0,<19.1",
)
# the allowed working hours of the two clocks, for both systems
FIRST_RESPONSE_HOURS = 2
RESOLUTION_HOURS = 8


def _queries():
    from odoo import sql_db  # noqa: PLC0415

    return sql_db.sql_counter


def _ensure_helpdesk(dbname):
    """Install the baseline's wheels (no dependencies) and the module in the
    bench database only."""
    if importlib.util.find_spec("odoo.addons.helpdesk_mgmt_sla") is None:
        print("[bench] cr sla: installing helpdesk_mgmt_sla 19.0 (pip)", flush=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", *WHEELS],
            check=True,
        )
        importlib.invalidate_caches()
    from odoo.tools import config  # noqa: PLC0415

    print(f"[bench] cr sla: installing helpdesk_mgmt_sla on {dbname}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "odoo", "-c", config["config"], "-d", dbname]
        + ["-i", "helpdesk_mgmt_sla", "--stop-after-init", "--log-level=warn"],
        check=True,
    )


def _reserve(env, table, n):
    from odoo.tools import SQL  # noqa: PLC0415

    first = env.execute_query(SQL("SELECT nextval(%s)", f"{table}_id_seq"))[0][0]
    env.cr.execute(SQL("SELECT setval(%s, %s)", f"{table}_id_seq", first + n - 1))
    return first


def _due_sql(first, now):
    """Every BREACH_EVERY-th row is past both due times at ``now``; the others
    are due in two days."""
    from odoo.tools import SQL  # noqa: PLC0415

    return SQL(
        """CASE WHEN (g - %(first)s) %% %(every)s = 0
                THEN %(now)s - interval '1 minute'
                ELSE %(now)s + interval '2 days' END""",
        first=first,
        every=BREACH_EVERY,
        now=now,
    )


def _ours_setup(env, n, now):
    """An active SLA with a target for priority 1, n requests and their two open
    timers each (running, warning planned in two days or breach due now)."""
    from odoo import Command  # noqa: PLC0415
    from odoo.tools import SQL  # noqa: PLC0415

    partner = env["res.partner"].create(
        {"name": "Bench client (SLA)", "is_company": True, "cr_is_client": True}
    )
    service = env["cr.service"].create({"name": "Bench service"})
    agreement = env["cr.agreement"].create(
        {
            "name": "Bench SLA",
            "partner_id": partner.id,
            "service_ids": [Command.set(service.ids)],
            "response_events": "<p>Bench</p>",
            "target_ids": [
                Command.create(
                    {
                        "priority": "1",
                        "first_response_hours": FIRST_RESPONSE_HOURS,
                        "next_response_hours": 4,
                        "resolution_hours": RESOLUTION_HOURS,
                    }
                )
            ],
            "indicator_ids": [
                Command.create({"name": "Bench", "metric": "resolution"})
            ],
        }
    )
    env.flush_all()
    first = _reserve(env, "cr_request", n)
    env.cr.execute(
        SQL(
            """INSERT INTO cr_request
                   (id, name, subject, kind, channel, company_id, partner_id,
                    date_received, priority, agreement_id, state,
                    sla_first_response_hours, sla_next_response_hours,
                    sla_resolution_hours, create_uid, write_uid, create_date,
                    write_date)
               SELECT g, 'BENCH-' || g, 'Bench request', 'fault', 'phone',
                      %(company)s, %(partner)s, %(now)s - interval '1 day', '1',
                      %(agreement)s, 'registered', %(first_h)s, 4, %(res_h)s,
                      1, 1, %(now)s, %(now)s
                 FROM generate_series(%(first)s, %(first)s + %(n)s - 1) g""",
            company=env.company.id,
            partner=partner.id,
            agreement=agreement.id,
            first_h=FIRST_RESPONSE_HOURS,
            res_h=RESOLUTION_HOURS,
            now=now,
            first=first,
            n=n,
        )
    )
    calendar = env.company.resource_calendar_id
    rules = env.ref("client_relations.rule_request_first_response") | env.ref(
        "client_relations.rule_request_resolution"
    )
    for rule in rules:
        env.cr.execute(
            SQL(
                """INSERT INTO business_deadline_timer
                       (rule_id, res_model, res_id, company_id, calendar_id, state,
                        start_time, allowed_amount, due_time, warning_time,
                        next_escalation_time, next_action_time, is_warning_sent,
                        escalation_level, paused_hours, shift_hours, is_on_time,
                        create_uid, write_uid, create_date, write_date)
                   SELECT %(rule)s, 'cr.request', d.g, %(company)s, %(calendar)s,
                          'running', %(now)s - interval '1 day', %(hours)s, d.due,
                          d.due - interval '1 hour', d.due,
                          d.due - interval '1 hour', false, 0, 0, 0, 0,
                          1, 1, %(now)s, %(now)s
                     FROM (SELECT g, %(due)s AS due
                             FROM generate_series(%(first)s, %(first)s + %(n)s - 1) g
                          ) d""",
                rule=rule.id,
                company=env.company.id,
                calendar=calendar.id,
                hours=FIRST_RESPONSE_HOURS
                if rule.due_field_id.name == "sla_first_response_due"
                else RESOLUTION_HOURS,
                now=now,
                due=_due_sql(first, now),
                first=first,
                n=n,
            )
        )
    # a breach due now has its warning already reached, like a live timer
    env.cr.execute(
        SQL(
            """UPDATE business_deadline_timer
                  SET state = 'warning', is_warning_sent = true,
                      next_action_time = due_time
                WHERE res_model = 'cr.request' AND res_id >= %(first)s
                  AND due_time <= %(now)s""",
            first=first,
            now=now,
        )
    )
    env.cr.execute("ANALYZE cr_request")
    env.cr.execute("ANALYZE business_deadline_timer")
    env.cr.commit()
    return first, partner, service, agreement, rules


def _ours_cleanup(env, first, records):
    partner, service, agreement, rules = records
    params = {"model": "cr.request", "first": first}
    for table, column in (
        ("mail_message", "model"),
        ("mail_activity", "res_model"),
        ("mail_followers", "res_model"),
        ("business_deadline_timer", "res_model"),
    ):
        env.cr.execute(
            f"DELETE FROM {table} WHERE {column} = %(model)s AND res_id >= %(first)s",  # noqa: S608
            params,
        )
    env.cr.execute("DELETE FROM cr_request WHERE id >= %(first)s", params)
    env.cr.commit()
    env.invalidate_all()
    agreement.unlink()
    service.unlink()
    partner.unlink()
    env.cr.commit()


def _ours(env, n):
    from odoo import fields  # noqa: PLC0415
    from odoo.tools import SQL  # noqa: PLC0415

    now = fields.Datetime.now()
    first, *records = _ours_setup(env, n, now)
    rules = records[-1]
    try:
        env.invalidate_all()
        queries = _queries()
        start = time.perf_counter()
        env["business.deadline.timer"]._cron_sweep()
        seconds = time.perf_counter() - start
        queries = _queries() - queries
        breaches = env.execute_query(
            SQL(
                """SELECT count(*) FROM business_deadline_timer
                    WHERE rule_id = ANY(%s) AND res_id >= %s AND state = 'breached'
                      AND breach_time IS NOT NULL""",
                rules.ids,
                first,
            )
        )[0][0]
    finally:
        env.cr.rollback()
        _ours_cleanup(env, first, records)
    return seconds, queries, breaches


def _baseline_setup(env, n, now):
    """A team using SLAs, a response SLA (expected stage: in progress) and a
    resolution SLA (expected stage: done), n new tickets and their two ticket
    SLAs each, in progress, with the same due times as ours."""
    from odoo.tools import SQL  # noqa: PLC0415

    team = env["helpdesk.ticket.team"].create(
        {
            "name": "Bench team",
            "use_sla": True,
            "resource_calendar_id": env.company.resource_calendar_id.id,
        }
    )
    stage_new = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
    slas = env["helpdesk.sla"].create(
        [
            {
                "name": "Bench response",
                "team_ids": [(6, 0, team.ids)],
                "stage_id": env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
                ).id,
                "hours": FIRST_RESPONSE_HOURS,
            },
            {
                "name": "Bench resolution",
                "team_ids": [(6, 0, team.ids)],
                "stage_id": env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
                "hours": RESOLUTION_HOURS,
            },
        ]
    )
    env.flush_all()
    first = _reserve(env, "helpdesk_ticket", n)
    env.cr.execute(
        SQL(
            """INSERT INTO helpdesk_ticket
                   (id, number, name, description, stage_id, team_id, company_id,
                    priority, active, last_stage_update, create_uid, write_uid,
                    create_date, write_date)
               SELECT g, 'HT' || g, 'Bench ticket', '<p>Bench</p>', %(stage)s,
                      %(team)s, %(company)s, '1', true, %(now)s, 1, 1,
                      %(now)s - interval '1 day', %(now)s
                 FROM generate_series(%(first)s, %(first)s + %(n)s - 1) g""",
            stage=stage_new.id,
            team=team.id,
            company=env.company.id,
            now=now,
            first=first,
            n=n,
        )
    )
    for sla in slas:
        env.cr.execute(
            SQL(
                """INSERT INTO helpdesk_ticket_sla
                       (ticket_id, sla_id, deadline, hours, expected_stage_id,
                        consumed_time, last_state_date, state, create_uid,
                        write_uid, create_date, write_date)
                   SELECT g, %(sla)s, %(due)s, %(hours)s, %(stage)s, 0,
                          %(now)s - interval '1 day', 'in_progress', 1, 1,
                          %(now)s, %(now)s
                     FROM generate_series(%(first)s, %(first)s + %(n)s - 1) g""",
                sla=sla.id,
                due=_due_sql(first, now),
                hours=sla.hours,
                stage=sla.stage_id.id,
                now=now,
                first=first,
                n=n,
            )
        )
    env.cr.execute("ANALYZE helpdesk_ticket")
    env.cr.execute("ANALYZE helpdesk_ticket_sla")
    env.cr.commit()
    return first, team, slas


def _baseline_cleanup(env, first, team, slas):
    # helpdesk_mgmt(_sla) index neither helpdesk_ticket_sla.ticket_id (ON DELETE
    # CASCADE) nor helpdesk_ticket.duplicate_id (ON DELETE SET NULL): without an
    # index, every deleted ticket would scan both tables
    indexes = {
        "bench_helpdesk_ticket_sla_ticket_id": ("helpdesk_ticket_sla", "ticket_id"),
        "bench_helpdesk_ticket_duplicate_id": ("helpdesk_ticket", "duplicate_id"),
    }
    for name, (table, column) in indexes.items():
        env.cr.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})")
    env.cr.execute(
        "DELETE FROM helpdesk_ticket_sla WHERE sla_id = ANY(%s)", (slas.ids,)
    )
    for table in ("mail_message", "mail_followers"):
        column = "model" if table == "mail_message" else "res_model"
        env.cr.execute(
            f"DELETE FROM {table} WHERE {column} = 'helpdesk.ticket' AND res_id >= %s",  # noqa: S608
            (first,),
        )
    env.cr.execute("DELETE FROM helpdesk_ticket WHERE id >= %s", (first,))
    for name in indexes:
        env.cr.execute(f"DROP INDEX {name}")
    env.cr.commit()
    env.invalidate_all()
    slas.unlink()
    team.unlink()
    env.cr.commit()


def _baseline(env, n):
    from odoo import fields  # noqa: PLC0415
    from odoo.tools import SQL  # noqa: PLC0415

    now = fields.Datetime.now()
    first, team, slas = _baseline_setup(env, n, now)
    try:
        env.invalidate_all()
        queries = _queries()
        start = time.perf_counter()
        expired = env["helpdesk.ticket.sla"].search(
            [("expired", "=", True), ("state", "=", "in_progress")]
        )
        for ticket_sla in expired:
            ticket_sla._stage_recompute()
        env.flush_all()
        env.cr.commit()
        seconds = time.perf_counter() - start
        queries = _queries() - queries
        breaches = env.execute_query(
            SQL(
                """SELECT count(*) FROM helpdesk_ticket_sla
                    WHERE sla_id = ANY(%s) AND state = 'expired'""",
                slas.ids,
            )
        )[0][0]
    finally:
        env.cr.rollback()
        _baseline_cleanup(env, first, team, slas)
    return seconds, queries, breaches


def run(registry, api, superuser_id, size=SIZE):
    from odoo.modules.registry import Registry  # noqa: PLC0415

    with registry.cursor() as cr:
        env = api.Environment(cr, superuser_id, {"tracking_disable": True})
        print(
            f"[bench] cr sla: {size:,} requests, two clocks each, one in "
            f"{BREACH_EVERY} breached: the engine's sweep",
            flush=True,
        )
        seconds, queries, breaches = _ours(env, size)
    dbname = registry.db_name
    _ensure_helpdesk(dbname)
    baseline_registry = Registry.new(dbname)
    with baseline_registry.cursor() as cr:
        env = api.Environment(cr, superuser_id, {"tracking_disable": True})
        print(
            f"[bench] cr sla: {size:,} tickets, two SLAs each: helpdesk_mgmt_sla",
            flush=True,
        )
        base_seconds, base_queries, base_breaches = _baseline(env, size)
    result = {
        "n": size,
        "seconds": seconds,
        "queries": queries,
        "breaches": breaches,
        "baseline_seconds": base_seconds,
        "baseline_queries": base_queries,
        "baseline_breaches": base_breaches,
        "speedup": base_seconds / seconds if seconds else None,
        "identical": breaches == base_breaches == 2 * -(-size // BREACH_EVERY),
    }
    print(f"[bench] cr sla: {result}", flush=True)
    return result


def bench_rows(registry, api, superuser_id, size=SIZE):
    """The row of the breach detection: the engine's sweep vs helpdesk_mgmt_sla."""
    res = run(registry, api, superuser_id, size)
    met = res["identical"] and res["speedup"] and res["speedup"] > 1
    return [
        [
            f"SLA breaches detected and recorded, {res['n']:,} requests × 2 clocks "
            f"({res['breaches']:,} breaches)"
            + ("" if res["identical"] else " (COUNTS DIFFER)"),
            f"{res['seconds']:,.3f} s, {res['queries']:,} queries (sweep cron)",
            f"{res['baseline_seconds']:,.3f} s, {res['baseline_queries']:,} queries "
            "(helpdesk_mgmt_sla 19.0: search expired + _stage_recompute)",
            f"{res['speedup']:,.1f}×" if res["speedup"] else "-",
            "faster, same breaches",
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

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = Registry(args.database)
    for row in bench_rows(registry, api, SUPERUSER_ID, args.size):
        print(row)


if __name__ == "__main__":
    main()
