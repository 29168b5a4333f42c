"""Benchmarks of quality_tracking: the reporting aggregates and closing matters in bulk.

``run_reporting(env, n_rows)`` inserts ``n_rows`` quality issues and ``n_rows``
feedback cards (each on its own closed matter), set-based with generate_series, over
20 departments, 30 handlers and 24 months. It computes the reporting pivots the way
the web client's pivot view does (one ``formatted_read_grouping_sets`` per pivot,
grouping sets = every row prefix × every column prefix, measure ``__count``): issues
by severity × month, by cause, by department and by origin; feedback-card coverage
(returned / issued) by department × month and by handler. It does so as the
superuser and as a department head whose record rules restrict him to two
departments, at ``small`` rows (10,000) and at ``n_rows``, counting the queries
(they must be the same at both sizes), then times the naive dashboard at ``n_rows``
(``search_read`` + ``collections.Counter``) and checks that both give the same cells.

``run_closing(env, n_matters)`` closes ``n_matters`` open matters in one
``action_close()`` (their feedback cards get their collection timers from a deadline
rule on cards: started when issued, met when returned, 10 working days), counts its
queries at ``small`` (1,000) and at ``n_matters`` matters, then closes another
``n_matters`` matters one by one (the baseline) and checks that both created the same
number of cards and timers. The queries that grow with the number of matters are
listed by statement.

Nothing is committed: both roll back at the end.

Standalone: ``python tests/bench/bench_quality.py -c .state/odoo.conf -d DB
[-n ROWS] [-m MATTERS]`` (the database must have quality_tracking installed).
"""

import argparse
import gc
import re
import time
from collections import Counter
from contextlib import contextmanager
from datetime import date

from odoo import SUPERUSER_ID, api, sql_db
from odoo.fields import Command
from odoo.tools import SQL

N_ROWS = 1_000_000
SMALL_ROWS = 10_000
N_MATTERS = 10_000
SMALL_MATTERS = 1_000
# closing: the queries may grow with the batches the ORM cuts, never with each matter:
# the ORM flushes INSERT and UPDATE statements 100 rows at a time (measured: 7
# statements per 100 matters: matters, cards, timers, messages, followers and two
# stored computes), so less than 0.1 query per matter is constant per batch
MAX_GROWTH_PER_MATTER = 0.1
N_DEPARTMENTS = 20
HEAD_DEPARTMENTS = 2  # the department head manages the first two
N_HANDLERS = 30
FIRST_DAY = date(2024, 1, 1)
N_DAYS = 730  # 24 months

ISSUE_DOMAIN = [("state", "!=", "cancel")]
CARD_DOMAIN = [("state", "in", ("issued", "returned"))]
# pivot name: (model, domain, row groupbys, column groupbys), as the reporting menus
PIVOTS = {
    "issues by severity × month": (
        "qt.issue",
        ISSUE_DOMAIN,
        ["date_received:month"],
        ["severity"],
    ),
    "issues by cause": ("qt.issue", ISSUE_DOMAIN, ["cause_kind"], []),
    "issues by department": ("qt.issue", ISSUE_DOMAIN, ["department_id"], []),
    "issues by origin": ("qt.issue", ISSUE_DOMAIN, ["origin_kind"], []),
    "card coverage by department × month": (
        "qt.feedback.card",
        CARD_DOMAIN,
        ["department_id", "date_issued:month"],
        ["state"],
    ),
    "card coverage by handler": (
        "qt.feedback.card",
        CARD_DOMAIN,
        ["user_id"],
        ["state"],
    ),
}


def _grouping_sets(rows, cols):
    """The pivot view's grouping sets: every row prefix × every column prefix."""
    return [
        rows[:i] + cols[:j] for i in range(len(rows) + 1) for j in range(len(cols) + 1)
    ]


def _coverage(cells):
    """{cell without the state: returned / (issued + returned)} of a card pivot's
    finest grouping set (state last)."""
    totals, returned = Counter(), Counter()
    for key, count in cells.items():
        totals[key[:-1]] += count
        if key[-1] == "returned":
            returned[key[:-1]] += count
    return {key: returned[key] / total for key, total in totals.items()}


# --- set-up and data


def _setup(env):
    """Departments (the first two managed by the department head), handlers, a
    client; the department head's user."""
    company = env.company
    users = env["res.users"].with_context(no_reset_password=True)
    stamp = time.time_ns()
    head = users.create(
        {
            "name": "Bench department head",
            "login": f"qt_bench_head_{stamp}",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "group_ids": [
                Command.link(
                    env.ref(
                        "quality_tracking.group_quality_tracking_department_head"
                    ).id
                )
            ],
        }
    )
    handlers = users.create(
        [
            {
                "name": f"Bench handler {i}",
                "login": f"qt_bench_handler_{stamp}_{i}",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "group_ids": [
                    Command.link(
                        env.ref("quality_tracking.group_quality_tracking_user").id
                    )
                ],
            }
            for i in range(N_HANDLERS)
        ]
    )
    head_employee = env["hr.employee"].create(
        {"name": head.name, "user_id": head.id, "company_id": company.id}
    )
    managers = env["hr.employee"].create(
        [
            {"name": f"Bench manager {i}", "company_id": company.id}
            for i in range(HEAD_DEPARTMENTS, N_DEPARTMENTS)
        ]
    )
    departments = env["hr.department"].create(
        [
            {
                "name": f"Bench department {i}",
                "company_id": company.id,
                "manager_id": (
                    head_employee if i < HEAD_DEPARTMENTS else managers[i - 2]
                ).id,
            }
            for i in range(N_DEPARTMENTS)
        ]
    )
    client = env["res.partner"].create({"name": "Bench client", "is_company": True})
    category = env["qt.category"].search([], limit=1)
    env.flush_all()
    return {
        "company": company,
        "head": head,
        "handlers": handlers,
        "departments": departments,
        "client": client,
        "category": category,
    }


def _reserve(env, table, n):
    """Reserve a block of n ids of ``table``; return the first."""
    first = env.execute_query(SQL("SELECT nextval(%s)", f"{table}_id_seq"))[0][0]
    env.cr.execute(SQL("SELECT setval(%s, %s)", f"{table}_id_seq", first + n - 1))
    return first


def _generate_issues(env, data, start, n):
    """Insert issues number start … start + n - 1 (deterministic spread of their
    severity, cause, origin, department, handler, state and date)."""
    first = _reserve(env, "qt_issue", n)
    origins = [
        "feedback_card",
        "return_visit",
        "tracking_record",
        "supervision",
        "spot_check",
        "supervision_order",
        "email",
        "complaint",
        "internal",
        "other",
    ]
    causes = [
        "improper_use",
        "product_quality",
        "service_quality",
        "process",
        "human",
        "material",
        "equipment",
        "other",
        None,
    ]
    states = ["new", "investigating", "action", "verifying", "closed", "cancel"]
    env.cr.execute(
        SQL(
            """INSERT INTO qt_issue
                   (id, name, title, origin_kind, severity, cause_kind, state,
                    date_received, department_id, user_id, company_id, partner_id,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g - %(start)s, 'QIB' || g, 'Bench issue ' || g,
                      (%(origins)s::varchar[])[1 + (g * 3) %% 10],
                      CASE WHEN g %% 20 = 0 THEN 'major'
                           WHEN g %% 20 < 4 THEN 'batch' ELSE 'general' END,
                      (%(causes)s::varchar[])[1 + (g * 7) %% 9],
                      (%(states)s::varchar[])[1 + (g * 13) %% 6],
                      %(day0)s::timestamp + ((g * 37) %% %(days)s) * interval '1 day'
                          + (g %% 24) * interval '1 hour',
                      (%(departments)s::int4[])[1 + (g * 11) %% %(n_departments)s],
                      (%(handlers)s::int4[])[1 + (g * 17) %% %(n_handlers)s],
                      %(company)s, %(client)s, 1, 1, now(), now()
                 FROM generate_series(%(start)s, %(start)s + %(n)s - 1) g""",
            first=first,
            start=start,
            n=n,
            origins=origins,
            causes=causes,
            states=states,
            day0=FIRST_DAY,
            days=N_DAYS,
            # one issue in 21 has no department
            departments=[*data["departments"].ids, None],
            n_departments=N_DEPARTMENTS + 1,
            handlers=data["handlers"].ids,
            n_handlers=N_HANDLERS,
            company=data["company"].id,
            client=data["client"].id,
        )
    )


def _generate_cards(env, data, start, n):
    """Insert closed matters number start … start + n - 1 and one feedback card each
    (70 % returned, 2 % cancelled, the rest issued)."""
    first_matter = _reserve(env, "qt_matter", n)
    head_departments = data["departments"][:HEAD_DEPARTMENTS].ids
    params = {
        "first": first_matter,
        "start": start,
        "n": n,
        "day0": FIRST_DAY,
        "days": N_DAYS,
        "departments": [*data["departments"].ids, None],
        "n_departments": N_DEPARTMENTS + 1,
        "handlers": data["handlers"].ids,
        "n_handlers": N_HANDLERS,
        "company": data["company"].id,
        "client": data["client"].id,
        "category": data["category"].id,
        "kind": data["category"].kind,
        "head": data["head"].id,
        "head_departments": head_departments,
    }
    env.cr.execute(
        SQL(
            """INSERT INTO qt_matter
                   (id, name, ref, category_id, kind, partner_id, company_id,
                    department_id, user_id, department_head_id, state,
                    date_registered, date_closed,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g - %(start)s, 'Bench matter ' || g, 'QMB' || g,
                      %(category)s, %(kind)s, %(client)s, %(company)s, d.id,
                      (%(handlers)s::int4[])[1 + (g * 17) %% %(n_handlers)s],
                      CASE WHEN d.id = ANY(%(head_departments)s::int4[])
                           THEN %(head)s END,
                      'closed', d.day - 60, d.day, 1, 1, now(), now()
                 FROM generate_series(%(start)s, %(start)s + %(n)s - 1) g,
                      LATERAL (SELECT
                          (%(departments)s::int4[])[1 + (g * 11) %% %(n_departments)s]
                              AS id,
                          %(day0)s::date + ((g * 37) %% %(days)s)::int AS day) d""",
            **params,
        )
    )
    first_card = _reserve(env, "qt_feedback_card", n)
    env.cr.execute(
        SQL(
            """INSERT INTO qt_feedback_card
                   (id, name, matter_id, partner_id, user_id, department_id,
                    company_id, allowed_days, state, date_issued, date_returned,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(card)s + m.id - %(first)s, 'FKB' || (m.id - %(first)s),
                      m.id, m.partner_id, m.user_id, m.department_id, m.company_id,
                      10, s.state, m.date_closed,
                      CASE WHEN s.state = 'returned'
                           THEN m.date_closed + (m.id %% 15)::int END,
                      1, 1, now(), now()
                 FROM qt_matter m,
                      LATERAL (SELECT CASE
                          WHEN (m.id - %(first)s) %% 50 = 0 THEN 'cancel'
                          WHEN ((m.id - %(first)s) * 7) %% 10 < 7 THEN 'returned'
                          ELSE 'issued' END AS state) s
                WHERE m.id >= %(first)s AND m.id < %(first)s + %(n)s""",
            card=first_card,
            **params,
        )
    )


def _grow(env, data, have, want):
    """Bring the issues and the cards from ``have`` to ``want`` rows each."""
    if want > have:
        _generate_issues(env, data, have + 1, want - have)
        _generate_cards(env, data, have + 1, want - have)
    for table in ("qt_issue", "qt_matter", "qt_feedback_card"):
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    env.invalidate_all()


# --- the reporting: ours and the naive dashboard


def _normalize(spec, value):
    """A pivot cell's key part: ids for many2ones, 'YYYY-MM' for months."""
    if not value:
        return False
    if ":month" in spec:
        return value[0][:7]
    if isinstance(value, tuple | list):
        return value[0]
    return value


def _pivots(env):
    """Every pivot as the pivot view loads it; {pivot: [{cell key: count} per
    grouping set]} and the coverage of the card pivots."""
    result = {}
    for name, (model, domain, rows, cols) in PIVOTS.items():
        sets = _grouping_sets(rows, cols)
        groups = env[model].formatted_read_grouping_sets(domain, sets, ["__count"])
        result[name] = [
            {
                tuple(_normalize(spec, group[spec]) for spec in groupby): group[
                    "__count"
                ]
                for group in groups_of_set
            }
            for groupby, groups_of_set in zip(sets, groups, strict=True)
        ]
        if model == "qt.feedback.card":
            result[name + " (coverage)"] = _coverage(result[name][-1])
    return result


def _naive(env):
    """The naive dashboard: read every row once per model (search_read of the
    fields the pivots group by) and count the cells in Python.

    Of the two naive ways (this one, or one search_count per pivot cell) this is
    the fairer one: it reads each model once for all its pivots, whereas
    search_count per cell would scan the table once per cell (over 1,000 cells
    for the department × month × state pivot alone) and first has to query which
    cells exist.
    """
    rows_of = {}
    for model, domain, rows, cols in PIVOTS.values():
        fnames = {spec.split(":")[0] for spec in rows + cols}
        rows_of.setdefault((model, tuple(domain)), set()).update(fnames)
    records = {
        key: env[key[0]].search_read(list(key[1]), sorted(fnames))
        for key, fnames in rows_of.items()
    }

    def value(record, spec):
        fname = spec.split(":")[0]
        raw = record[fname]
        if not raw:
            return False
        if ":month" in spec:
            return raw.strftime("%Y-%m")
        if isinstance(raw, tuple | list):
            return raw[0]
        return raw

    result = {}
    for name, (model, domain, rows, cols) in PIVOTS.items():
        data = records[(model, tuple(domain))]
        result[name] = [
            dict(Counter(tuple(value(r, spec) for spec in groupby) for r in data))
            for groupby in _grouping_sets(rows, cols)
        ]
        if model == "qt.feedback.card":
            result[name + " (coverage)"] = _coverage(result[name][-1])
    return result


def _measure(func, env):
    """(result, seconds, queries) of func(env) on an empty cache, after a warm-up
    run (ormcaches and buffers filled, as on a server that has been up a while)."""
    env.invalidate_all()
    func(env)
    env.invalidate_all()
    queries = sql_db.sql_counter
    start = time.perf_counter()
    result = func(env)
    seconds = time.perf_counter() - start
    return result, seconds, sql_db.sql_counter - queries


def run_reporting(env, n_rows=N_ROWS, small=SMALL_ROWS):
    """Time the reporting pivots against the naive dashboard as the superuser and
    as a department head; return {"superuser": figures, "head": figures}."""
    env = env(su=True, context={"tracking_disable": True})
    small = min(small, n_rows)
    results = {}
    try:
        data = _setup(env)
        envs = {
            "superuser": env,
            "head": env(user=data["head"].id, su=False),
        }
        _grow(env, data, 0, small)
        for who, user_env in envs.items():
            res = results[who] = {"n": n_rows, "small": small}
            _result, _seconds, res["small_queries"] = _measure(_pivots, user_env)
        print(f"[bench] quality reporting: growing to {n_rows:,} rows", flush=True)
        _grow(env, data, small, n_rows)
        for who, user_env in envs.items():
            res = results[who]
            ours, res["seconds"], res["queries"] = _measure(_pivots, user_env)
            env.invalidate_all()
            gc.collect()
            start = time.perf_counter()
            naive = _naive(user_env)
            res["baseline_seconds"] = time.perf_counter() - start
            res["identical"] = ours == naive
            res["cells"] = sum(len(cells) for cells in ours.values())
            res["rows_seen"] = sum(ours[name][0][()] for name in PIVOTS)
            del naive
            env.invalidate_all()
            gc.collect()
            res["speedup"] = (
                res["baseline_seconds"] / res["seconds"] if res["seconds"] else None
            )
            res["queries_equal"] = res["queries"] == res["small_queries"]
            print(f"[bench] quality reporting as {who}: {res}", flush=True)
    finally:
        env.cr.rollback()
        env.invalidate_all()
    return results


# --- closing matters


@contextmanager
def _statements():
    """Count the statements run inside the block, by shape (numbers blanked)."""
    counts, seconds = Counter(), Counter()
    cursor_class = sql_db.Cursor
    execute = cursor_class.execute

    def counting(self, query, params=None, log_exceptions=True):
        code = query.code if isinstance(query, SQL) else str(query)
        shape = re.sub(r"\d+", "N", " ".join(code.split()))[:110]
        counts[shape] += 1
        start = time.perf_counter()
        try:
            return execute(self, query, params, log_exceptions)
        finally:
            seconds[shape] += time.perf_counter() - start

    cursor_class.execute = counting
    try:
        yield counts, seconds
    finally:
        cursor_class.execute = execute


def _card_rule(env):
    """The collection rule on feedback cards: the shipped one if any, else one made
    here (started when issued, met when returned, cancelled with the card,
    10 working days from the card's allowed days, due date on collect_due)."""
    Rule = env["business.deadline.rule"]
    rule = Rule.search([("model_id.model", "=", "qt.feedback.card")])
    if rule:
        return rule
    state = env["ir.model.fields"]._get("qt.feedback.card", "state")

    def states(value):
        return [
            Command.set(state.selection_ids.filtered(lambda s: s.value == value).ids)
        ]

    rule = Rule.create(
        {
            "name": "Bench feedback card collection",
            "model_id": env["ir.model"]._get_id("qt.feedback.card"),
            "start_state_ids": states("issued"),
            "met_state_ids": states("returned"),
            "cancel_state_ids": states("cancel"),
            "amount": 10,
            "unit": "working_days",
            "amount_field_id": env["ir.model.fields"]
            ._get("qt.feedback.card", "allowed_days")
            .id,
            "due_field_id": env["ir.model.fields"]
            ._get("qt.feedback.card", "collect_due")
            .id,
            "company_id": False,
        }
    )
    env.flush_all()
    return rule


def _open_matters(env, data, n):
    """Insert n open matters (no cards yet); return them."""
    first = _reserve(env, "qt_matter", n)
    env.cr.execute(
        SQL(
            """INSERT INTO qt_matter
                   (id, name, ref, category_id, kind, partner_id, company_id,
                    department_id, user_id, state, date_registered,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g - 1, 'Bench open matter ' || g,
                      'QMO' || (%(first)s + g - 1), %(category)s, %(kind)s,
                      %(client)s, %(company)s,
                      (%(departments)s::int4[])[1 + g %% %(n_departments)s],
                      (%(handlers)s::int4[])[1 + g %% %(n_handlers)s],
                      'open', current_date - 30, 1, 1, now(), now()
                 FROM generate_series(1, %(n)s) g""",
            first=first,
            n=n,
            category=data["category"].id,
            kind=data["category"].kind,
            client=data["client"].id,
            company=data["company"].id,
            departments=data["departments"].ids,
            n_departments=N_DEPARTMENTS,
            handlers=data["handlers"].ids,
            n_handlers=N_HANDLERS,
        )
    )
    env.cr.execute("ANALYZE qt_matter")
    env.invalidate_all()
    return env["qt.matter"].browse(range(first, first + n))


def _made(env, matters, rule):
    """(cards, timers) of the matters."""
    cards = env["qt.feedback.card"].search([("matter_id", "in", matters.ids)])
    timers = env["business.deadline.timer"].search_count(
        [
            ("rule_id", "in", rule.ids),
            ("res_model", "=", "qt.feedback.card"),
            ("res_id", "in", cards.ids),
        ]
    )
    return len(cards), timers


def _close(matters):
    """(seconds, queries, {shape: count}, {shape: seconds}) of one action_close()
    on them."""
    env = matters.env
    env.invalidate_all()
    with _statements() as (statements, durations):
        queries = sql_db.sql_counter
        start = time.perf_counter()
        matters.action_close()
        env.flush_all()
        seconds = time.perf_counter() - start
        queries = sql_db.sql_counter - queries
    return seconds, queries, statements, durations


def run_closing(env, n_matters=N_MATTERS, small=SMALL_MATTERS):
    """Time closing n matters in one call against closing them one by one."""
    # the user closes from the list: tracking and the chatter on, as in the UI
    env = env(su=True, context={})
    small = min(small, n_matters)
    try:
        data = _setup(env)
        rule = _card_rule(env)
        warm = _open_matters(env, data, 10)
        warm.action_close()  # ormcaches and the rule's caches filled
        env.flush_all()
        matters_small = _open_matters(env, data, small)
        matters = _open_matters(env, data, n_matters)
        looped = _open_matters(env, data, n_matters)
        _seconds, small_queries, small_statements, _durations = _close(matters_small)
        seconds, queries, statements, durations = _close(matters)
        env.invalidate_all()
        start = time.perf_counter()
        for matter in looped:
            matter.action_close()
        env.flush_all()
        baseline_seconds = time.perf_counter() - start
        ours_made = _made(env, matters, rule)
        loop_made = _made(env, looped, rule)
    finally:
        env.cr.rollback()
        env.invalidate_all()
    # the statements that grow with the number of matters: per matter at n
    growth = sorted(
        (
            (count - small_statements.get(shape, 0), count, shape)
            for shape, count in statements.items()
            if count > small_statements.get(shape, 0)
        ),
        reverse=True,
    )
    per_matter = (
        (queries - small_queries) / (n_matters - small) if n_matters > small else 0
    )
    result = {
        "n": n_matters,
        "small": small,
        "seconds": seconds,
        "queries": queries,
        "small_queries": small_queries,
        "queries_per_extra_matter": per_matter,
        "baseline_seconds": baseline_seconds,
        "speedup": baseline_seconds / seconds if seconds else None,
        "cards": ours_made[0],
        "timers": ours_made[1],
        "identical": ours_made == loop_made and ours_made[0] == n_matters,
        "loop_made": loop_made,
        "growth": [
            (count, small_statements.get(shape, 0), durations[shape], shape)
            for _delta, count, shape in growth[:12]
        ],
    }
    print(
        f"[bench] closing {n_matters:,} matters: {seconds:.2f} s, {queries:,} queries "
        f"({small_queries:,} at {small:,}); one by one {baseline_seconds:.2f} s; "
        f"cards/timers ours {ours_made}, loop {loop_made}",
        flush=True,
    )
    if growth:
        print(
            f"[bench] statements growing with the matters (at {n_matters:,} / "
            f"at {small:,}, seconds spent at {n_matters:,}):",
            flush=True,
        )
        for count, small_count, spent, shape in result["growth"]:
            print(
                f"    {count:>8,} / {small_count:>6,} {spent:>8.2f} s  {shape}",
                flush=True,
            )
        slowest = durations.most_common(5)
        print("[bench] slowest statements of the closing:", flush=True)
        for shape, spent in slowest:
            print(f"    {statements[shape]:>8,} {spent:>8.2f} s  {shape}", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--rows", type=int, default=N_ROWS)
    parser.add_argument("-m", "--matters", type=int, default=N_MATTERS)
    args = parser.parse_args()
    import odoo  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if args.rows:
            print(run_reporting(env, args.rows))
        if args.matters:
            print(run_closing(env, args.matters))


if __name__ == "__main__":
    main()
