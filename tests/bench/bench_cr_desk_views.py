"""Benchmark of opening the service desk's list and kanban (client_relations, 000
section 9 performance; issue 12 item 10).

``bench_rows(registry, api, superuser_id, size)`` creates a desk operator, 200
clients and three teams, one service request through the ORM (so that every
column another part of the addon adds gets its default), then copies it by bulk
SQL (``INSERT … SELECT … generate_series``) into 1,000 requests, then up to
``size`` (default 1,000,000), spread over the clients, teams, types, priorities,
states and two years. At each size, as the desk operator, it calls what the web
client calls when the desk opens: ``get_views`` for the list and the kanban (the
field specification is taken from whatever views exist at run time), then
``web_search_read`` of the list's first page (80 rows, count limited to 10,001)
and ``web_read_group`` of the kanban grouped by state (groups unfolded, 40 cards
each). The target: the query count at ``size`` equals the one at 1,000 (no query
per record: the deadline summary the list shows is stored on the request by the
engine, its non-stored flags are computed for the page in one query). Nothing is
committed: everything rolls back at the end.

Standalone: ``python tests/bench/bench_cr_desk_views.py -c .state/odoo.conf -d DB
[-n N]`` (the database must have client_relations installed).
"""

import argparse
import time
from xml.etree import ElementTree

from odoo import sql_db
from odoo.tools import SQL

SIZE = 1_000_000
FIRST_STEP = 1_000
N_CLIENTS = 200
LIST_LIMIT = 80
KANBAN_LIMIT = 40
COUNT_LIMIT = 10_001
# the fields of a desk list or kanban, while the addon has no request view
FALLBACK_FIELDS = (
    "name",
    "subject",
    "kind",
    "channel",
    "partner_id",
    "contact_id",
    "team_id",
    "user_id",
    "subject_user_ids",
    "priority",
    "state",
    "date_received",
    "deadline_state",
    "deadline_next_due",
    "deadline_is_overdue",
    "deadline_is_due_today",
    "activity_ids",
    "activity_state",
)
STATES = ("new", "registered", "responded", "assigned", "in_progress", "resolved")
KINDS = ("inquiry", "complaint", "suggestion", "opinion", "service", "fault")


def _reserve(env, table, n):
    first = env.execute_query(SQL("SELECT nextval(%s)", f"{table}_id_seq"))[0][0]
    env.cr.execute(SQL("SELECT setval(%s, %s)", f"{table}_id_seq", first + n - 1))
    return first


def _setup(env):
    department = env["hr.department"].create({"name": "Bench desk department"})
    desk = env["res.users"].create(
        {
            "name": "Bench desk operator",
            "login": "bench_cr_desk",
            "group_ids": [
                (6, 0, env.ref("client_relations.group_client_relations_desk").ids)
            ],
        }
    )
    env["hr.employee"].create(
        {"name": desk.name, "user_id": desk.id, "department_id": department.id}
    )
    clients = env["res.partner"].create(
        [
            {"name": f"Bench client {i}", "is_company": True, "cr_is_client": True}
            for i in range(N_CLIENTS)
        ]
    )
    teams = env["cr.team"].create(
        [
            {"name": f"Bench team {level}", "level": level}
            for level in ("desk", "first", "second")
        ]
    )
    # one resolution deadline per request, as the desk's rules give them
    state = "client_relations.selection__cr_request__state__"
    env["business.deadline.rule"].create(
        {
            "name": "Bench resolution",
            "model_id": env["ir.model"]._get_id("cr.request"),
            "start_state_ids": [(6, 0, env.ref(state + "new").ids)],
            "met_state_ids": [(6, 0, env.ref(state + "resolved").ids)],
            "amount": 24,
            "unit": "calendar_hours",
        }
    )
    template = env["cr.request"].create(
        {
            "subject": "Bench template",
            "partner_id": clients[0].id,
            "team_id": teams[0].id,
            "department_id": department.id,
        }
    )
    env.flush_all()
    return desk, clients, teams, template


def _insert_requests(env, template, clients, teams, start, stop):
    """Requests ``start`` .. ``stop - 1``, copies of the template request whose
    client, team, type, priority, state and reception date cycle, each with a
    copy of the template's deadline timer (met for the resolved ones)."""
    n = stop - start
    first = _reserve(env, "cr_request", n)
    overrides = {
        "id": SQL("%s + g - %s", first, start),
        "name": SQL("'BENCH-' || g"),
        "subject": SQL("'Bench request ' || g"),
        "partner_id": SQL("(%s::int[])[1 + g %% %s]", clients.ids, len(clients)),
        "team_id": SQL("(%s::int[])[1 + g %% %s]", teams.ids, len(teams)),
        "kind": SQL("(%s::varchar[])[1 + (g / 3) %% %s]", list(KINDS), len(KINDS)),
        "priority": SQL("((g / 5) %% 4)::varchar"),
        "state": SQL("(%s::varchar[])[1 + (g / 7) %% %s]", list(STATES), len(STATES)),
        "date_received": SQL(
            "TIMESTAMP '2025-01-01 01:00:00' + (g %% 730) * INTERVAL '1 day'"
        ),
        "access_token": SQL("NULL"),
        "deadline_state": SQL(
            "CASE WHEN (%s::varchar[])[1 + (g / 7) %% %s] = 'resolved' "
            "THEN 'met' ELSE 'running' END",
            list(STATES),
            len(STATES),
        ),
        "deadline_next_due": SQL(
            "CASE WHEN (%s::varchar[])[1 + (g / 7) %% %s] = 'resolved' THEN NULL "
            "ELSE TIMESTAMP '2025-01-02 01:00:00' + (g %% 730) * INTERVAL '1 day' END",
            list(STATES),
            len(STATES),
        ),
    }
    _copy_rows(
        env,
        "cr_request",
        template.id,
        SQL(", generate_series(%s, %s - 1) g", start, stop),
        overrides,
    )
    template_timer = template.deadline_timer_ids[:1]
    _copy_rows(
        env,
        "business_deadline_timer",
        template_timer.id or 0,
        SQL(
            "JOIN cr_request r ON r.id BETWEEN %s AND %s",
            first,
            first + n - 1,
        ),
        {
            "id": SQL(
                "%s + r.id - %s", _reserve(env, "business_deadline_timer", n), first
            ),
            "res_id": SQL("r.id"),
            "state": SQL("r.deadline_state"),
            "start_time": SQL("r.date_received"),
            "due_time": SQL("r.date_received + INTERVAL '1 day'"),
            "met_time": SQL(
                "CASE WHEN r.deadline_state = 'met' "
                "THEN r.date_received + INTERVAL '2 hours' END"
            ),
            "next_action_time": SQL(
                "CASE WHEN r.deadline_state = 'running' "
                "THEN r.date_received + INTERVAL '1 day' END"
            ),
        },
    )
    env.cr.execute("ANALYZE cr_request")
    env.cr.execute("ANALYZE business_deadline_timer")
    env.invalidate_all()


def _columns(env, table):
    return [
        name
        for (name,) in env.execute_query(
            SQL(
                """SELECT column_name FROM information_schema.columns
                    WHERE table_name = %s AND table_schema = current_schema()
                    ORDER BY ordinal_position""",
                table,
            )
        )
    ]


def _copy_rows(env, table, template_id, source, overrides):
    """Copy the row ``template_id`` of ``table`` once per row of ``source``
    (joined to the template row as ``t``), with ``overrides`` per column."""
    columns = _columns(env, table)
    env.cr.execute(
        SQL(
            "INSERT INTO %s (%s) SELECT %s FROM %s t %s WHERE t.id = %s",
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(column) for column in columns),
            SQL(", ").join(
                overrides.get(column, SQL("t.%s", SQL.identifier(column)))
                for column in columns
            ),
            SQL.identifier(table),
            source,
            template_id,
        )
    )


def _spec(model, arch):
    """The web_read specification of a view's fields, as the web client builds it:
    relational fields read their display name."""
    spec = {}
    root = ElementTree.fromstring(arch)
    for node in root.iter("field"):
        name = node.get("name")
        field = model._fields.get(name)
        if not field:
            continue
        if field.type in ("many2one", "many2many", "one2many"):
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def _views(Request):
    """The specifications of the desk's list and kanban views; while the addon
    has no such view (Odoo's generated default shows the name only), the fields
    a desk list shows, with the engine's deadline summary."""
    views = Request.get_views([(False, "list"), (False, "kanban")])["views"]
    specs = []
    for view_type in ("list", "kanban"):
        view = views[view_type]
        if view.get("id"):
            specs.append(_spec(Request, view["arch"]))
        else:
            specs.append(
                {
                    name: {"fields": {"display_name": {}}}
                    if Request._fields[name].type in ("many2one", "many2many")
                    else {}
                    for name in FALLBACK_FIELDS
                    if name in Request._fields
                }
            )
    return specs


def _measure(env, desk):
    """Open the list and the kanban as the desk operator: seconds and queries."""
    Request = env["cr.request"].with_user(desk).with_context(tracking_disable=True)
    results = {}
    list_spec, kanban_spec = _views(Request)

    def open_list():
        return Request.web_search_read(
            [],
            list_spec,
            offset=0,
            limit=LIST_LIMIT,
            order="",
            count_limit=COUNT_LIMIT,
        )

    def open_kanban():
        return Request.web_read_group(
            [],
            ["state"],
            ["__count"],
            auto_unfold=True,
            unfold_read_specification=kanban_spec,
            unfold_read_default_limit=KANBAN_LIMIT,
        )

    # once to warm the caches of rules, access rights and views, then measured
    open_list()
    open_kanban()
    env.invalidate_all()
    queries = sql_db.sql_counter
    start = time.perf_counter()
    page = open_list()
    results["list"] = (
        time.perf_counter() - start,
        sql_db.sql_counter - queries,
        len(page["records"]),
    )
    env.invalidate_all()
    queries = sql_db.sql_counter
    start = time.perf_counter()
    groups = open_kanban()
    results["kanban"] = (
        time.perf_counter() - start,
        sql_db.sql_counter - queries,
        sum(len(group.get("__records", ())) for group in groups["groups"]),
    )
    results["fields"] = (len(list_spec), len(kanban_spec))
    return results


def run(env, size=SIZE):
    env = env(su=True, context={"tracking_disable": True})
    first_step = min(FIRST_STEP, size)
    try:
        print(f"[bench] cr desk views: {first_step:,} then {size:,} requests")
        desk, clients, teams, template = _setup(env)
        _insert_requests(env, template, clients, teams, 0, first_step)
        small = _measure(env, desk)
        if size > first_step:
            _insert_requests(env, template, clients, teams, first_step, size)
        large = _measure(env, desk)
        timers = env.execute_query(
            SQL(
                "SELECT count(*) FROM business_deadline_timer "
                "WHERE res_model = 'cr.request'"
            )
        )[0][0]
    finally:
        env.cr.rollback()
        env.invalidate_all()
    result = {
        "n": size,
        "first_step": first_step,
        "timers": timers,
        "small": small,
        "large": large,
    }
    print(f"[bench] cr desk views: {result}", flush=True)
    return result


def bench_rows(registry, api, superuser_id, size=SIZE):
    """The rows of the desk's list and kanban: queries at ``size`` vs at 1,000."""
    with registry.cursor() as cr:
        res = run(api.Environment(cr, superuser_id, {}), size)
    rows = []
    for view, call in (
        ("list", f"web_search_read, {LIST_LIMIT} rows"),
        ("kanban", f"web_read_group by state, {KANBAN_LIMIT} cards a column"),
    ):
        seconds, queries, shown = res["large"][view]
        small_seconds, small_queries, __ = res["small"][view]
        rows.append(
            [
                f"desk {view} ({call}, {shown:,} shown), {res['n']:,} requests, "
                f"{res['timers']:,} timers",
                f"{seconds:,.3f} s, {queries:,} queries",
                f"{small_seconds:,.3f} s, {small_queries:,} queries at "
                f"{res['first_step']:,}",
                "-",
                f"queries equal to those at {res['first_step']:,}",
                "yes" if queries == small_queries else "NO",
            ]
        )
    return rows


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
