"""Benchmark of the deadline sweep (business_deadline).

``run(env, n_timers)`` generates ``n_timers`` open timers (one compliance
obligation each, inserted set-based with generate_series) on one rule whose
breach escalation posts a message notifying the responsible and schedules an
activity. At the reference time 10 % of the timers reach their warning and 1 %
breach. It runs the sweep as the cron does (committed batches) and measures wall
time and queries, then runs a straightforward per-record ORM loop doing the same
work on a fresh subset and compares the time per timer.

Standalone: ``python tests/bench/bench_sweep.py -c .state/odoo.conf -d DB [-n N]``
(the database must have business_deadline installed; the bench data is deleted at
the end).
"""

import argparse
import time

from odoo import SUPERUSER_ID, api, fields, sql_db
from odoo.tools import SQL


def _queries():
    return sql_db.sql_counter


def _setup(env):
    user = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Deadline bench user",
                "login": f"bd_bench_{time.time_ns()}",
                "notification_type": "inbox",
                "group_ids": [
                    (4, env.ref("business_deadline.group_business_deadline_user").id)
                ],
            }
        )
    )
    calendar = env.company.resource_calendar_id
    rule = env["business.deadline.rule"].create(
        {
            "name": "Bench rule",
            "model_id": env["ir.model"]._get_id("business.deadline.obligation"),
            "start_field_id": env["ir.model.fields"]
            ._get("business.deadline.obligation", "date_start")
            .id,
            "amount": 10,
            "unit": "calendar_hours",
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
            "warning_amount": 2,
            "warning_unit": "calendar_hours",
            "company_id": env.company.id,
            "escalation_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Breached",
                        "offset_amount": 0,
                        "offset_unit": "calendar_hours",
                        "is_notify_responsible": True,
                        "activity_type_id": env.ref("mail.mail_activity_data_todo").id,
                    },
                )
            ],
        }
    )
    env.cr.commit()
    return user, rule


def _generate(env, rule, user, n, now):
    """Insert n obligations and their open timers; return the obligation ids range.

    Every 100 timers: 1 breaches at ``now`` (warning already reached), 10 reach
    their warning, 89 are due in two days.
    """
    # reserve a block of ids in the sequence
    first = env.execute_query(
        SQL("SELECT nextval('business_deadline_obligation_id_seq')")
    )[0][0]
    env.cr.execute(
        "SELECT setval('business_deadline_obligation_id_seq', %s)", (first + n - 1,)
    )
    env.cr.execute(
        SQL(
            """INSERT INTO business_deadline_obligation
                   (id, name, company_id, user_id, state, priority, date_start,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(first)s + g - 1, 'Bench obligation ' || g, %(company)s,
                      %(user)s, 'open', '0', %(now)s, 1, 1, %(now)s, %(now)s
                 FROM generate_series(1, %(n)s) g""",
            first=first,
            company=env.company.id,
            user=user.id,
            now=now,
            n=n,
        )
    )
    env.cr.execute(
        SQL(
            """INSERT INTO business_deadline_timer
                   (rule_id, res_model, res_id, company_id, user_id, calendar_id,
                    state, start_time, due_time, warning_time, next_escalation_time,
                    next_action_time, is_warning_sent, escalation_level,
                    paused_hours, shift_hours, is_on_time,
                    create_uid, write_uid, create_date, write_date)
               SELECT %(rule)s, 'business.deadline.obligation', o.id, %(company)s,
                      %(user)s, %(calendar)s,
                      CASE WHEN o.k = 0 THEN 'warning' ELSE 'running' END,
                      o.due - interval '10 hours', o.due, o.due - interval '2 hours',
                      o.due,
                      CASE WHEN o.k = 0 THEN o.due ELSE o.due - interval '2 hours' END,
                      o.k = 0, 0, 0, 0, 0, 1, 1, %(now)s, %(now)s
                 FROM (SELECT id, (id - %(first)s) %% 100 AS k,
                              CASE WHEN (id - %(first)s) %% 100 = 0
                                   THEN %(now)s - interval '1 minute'
                                   WHEN (id - %(first)s) %% 100 <= 10
                                   THEN %(now)s + interval '1 hour'
                                   ELSE %(now)s + interval '2 days' END AS due
                         FROM business_deadline_obligation
                        WHERE id >= %(first)s AND id < %(first)s + %(n)s) o""",
            rule=rule.id,
            company=env.company.id,
            user=user.id,
            calendar=rule.calendar_id.id,
            now=now,
            first=first,
            n=n,
        )
    )
    env.cr.execute("ANALYZE business_deadline_timer")
    env.cr.commit()
    return first, first + n


def _cleanup(env, rule, id_range):
    first, last = id_range
    model = "business.deadline.obligation"
    params = {"model": model, "first": first, "last": last}
    env.cr.execute(
        """DELETE FROM mail_message WHERE model = %(model)s
              AND res_id >= %(first)s AND res_id < %(last)s""",
        params,
    )
    env.cr.execute(
        """DELETE FROM mail_activity WHERE res_model = %(model)s
              AND res_id >= %(first)s AND res_id < %(last)s""",
        params,
    )
    env.cr.execute(
        """DELETE FROM mail_followers WHERE res_model = %(model)s
              AND res_id >= %(first)s AND res_id < %(last)s""",
        params,
    )
    env.cr.execute("DELETE FROM business_deadline_timer WHERE rule_id = %s", (rule.id,))
    env.cr.execute(
        """DELETE FROM business_deadline_obligation
            WHERE id >= %(first)s AND id < %(last)s""",
        params,
    )
    env.cr.commit()
    env.invalidate_all()


def _fingerprint(env, rule, first):
    """md5 of every timer's (offset, state, breach_time, is_warning_sent): the same
    outcome on regenerated data gives the same fingerprint."""
    return env.execute_query(
        SQL(
            """SELECT md5(string_agg(concat_ws(',', res_id - %(first)s, state,
                                              breach_time, is_warning_sent),
                                    ';' ORDER BY res_id))
                 FROM business_deadline_timer WHERE rule_id = %(rule)s""",
            first=first,
            rule=rule.id,
        )
    )[0][0]


def _physical_limit(env, rule, now):
    """The bare SQL floor of the sweep: one UPDATE moving the due timers to their
    states (no ORM, no notes, no activities), committed like the sweep."""
    start = time.perf_counter()
    env.cr.execute(
        SQL(
            """UPDATE business_deadline_timer
                  SET state = CASE WHEN due_time <= %(now)s THEN 'breached'
                                   WHEN warning_time <= %(now)s THEN 'warning'
                                   ELSE state END,
                      breach_time = CASE WHEN due_time <= %(now)s THEN due_time
                                         ELSE breach_time END,
                      is_on_time = CASE WHEN due_time <= %(now)s THEN 0
                                        ELSE is_on_time END,
                      is_warning_sent = is_warning_sent OR warning_time <= %(now)s,
                      escalation_level = CASE WHEN next_escalation_time <= %(now)s
                                              THEN escalation_level + 1
                                              ELSE escalation_level END,
                      next_escalation_time = CASE
                          WHEN next_escalation_time <= %(now)s THEN NULL
                          ELSE next_escalation_time END,
                      next_action_time = CASE WHEN due_time <= %(now)s THEN NULL
                                              ELSE due_time END,
                      write_date = %(now)s
                WHERE rule_id = %(rule)s
                  AND state IN ('running', 'warning', 'breached')
                  AND next_action_time <= %(now)s""",
            now=now,
            rule=rule.id,
        )
    )
    env.cr.commit()
    return time.perf_counter() - start


def _baseline(env, rule, user, n, now):
    """The straightforward way: look at every open timer, one by one."""
    Timer = env["business.deadline.timer"]
    timers = Timer.search(
        [("rule_id", "=", rule.id), ("state", "in", ("running", "warning"))]
    )
    start = time.perf_counter()
    for index, timer in enumerate(timers, 1):
        if timer.due_time <= now:
            timer.write(
                {
                    "state": "breached",
                    "breach_time": timer.due_time,
                    "is_on_time": 0,
                    "is_warning_sent": True,
                    "escalation_level": 1,
                }
            )
            record = env[timer.res_model].browse(timer.res_id)
            record.message_post(
                body=f"Deadline {rule.name} breached",
                partner_ids=user.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            record.activity_schedule(
                "mail.mail_activity_data_todo", user_id=user.id, summary="Breached"
            )
        elif timer.state == "running" and timer.warning_time <= now:
            timer.write({"state": "warning", "is_warning_sent": True})
        if index % 1000 == 0:
            env.cr.commit()
    env.cr.commit()
    return time.perf_counter() - start


def run(env, n_timers=1_000_000, baseline_n=100_000):
    env = env(su=True, context={"tracking_disable": True})
    user, rule = _setup(env)
    now = fields.Datetime.now()
    try:
        id_range = _generate(env, rule, user, n_timers, now)
        env.invalidate_all()
        queries = _queries()
        start = time.perf_counter()
        env["business.deadline.timer"]._cron_sweep()
        seconds = time.perf_counter() - start
        queries = _queries() - queries
        counts = dict(
            env.execute_query(
                SQL(
                    """SELECT state, count(*) FROM business_deadline_timer
                        WHERE rule_id = %s GROUP BY state""",
                    rule.id,
                )
            )
        )
        fingerprint = _fingerprint(env, rule, id_range[0])
        _cleanup(env, rule, id_range)
        # the physical limit, from the same starting data
        id_range = _generate(env, rule, user, n_timers, now)
        limit_seconds = _physical_limit(env, rule, now)
        limit_identical = _fingerprint(env, rule, id_range[0]) == fingerprint
        _cleanup(env, rule, id_range)
        baseline_seconds = 0.0
        if baseline_n:
            id_range = _generate(env, rule, user, baseline_n, now)
            env.invalidate_all()
            baseline_seconds = _baseline(env, rule, user, baseline_n, now)
            _cleanup(env, rule, id_range)
    finally:
        env.cr.rollback()
        rule.unlink()
        user.active = False
        env.cr.commit()
    sweep_ms = seconds * 1000 / n_timers
    baseline_ms = baseline_seconds * 1000 / baseline_n if baseline_n else 0.0
    result = {
        "n": n_timers,
        "seconds": round(seconds, 2),
        "queries": queries,
        "queries_per_10k": round(queries * 10_000 / n_timers, 1),
        "baseline_n": baseline_n,
        "baseline_seconds": round(baseline_seconds, 2),
        "baseline_per_timer_ms": round(baseline_ms, 4),
        "sweep_per_timer_ms": round(sweep_ms, 4),
        "speedup": round(baseline_ms / sweep_ms, 1) if sweep_ms else None,
        "states": counts,
        "limit_seconds": round(limit_seconds, 2),
        "limit_identical": limit_identical,
        "limit_ratio": round(seconds / limit_seconds, 1) if limit_seconds else None,
    }
    print(
        f"deadline sweep: {n_timers} timers in {seconds:.1f} s, {queries} queries "
        f"({result['queries_per_10k']} per 10,000 timers); baseline {baseline_n} "
        f"timers in {baseline_seconds:.1f} s; speedup x{result['speedup']}"
    )
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--timers", type=int, default=1_000_000)
    parser.add_argument("-b", "--baseline", type=int, default=100_000)
    args = parser.parse_args()
    import odoo  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        print(run(env, args.timers, args.baseline))


if __name__ == "__main__":
    main()
