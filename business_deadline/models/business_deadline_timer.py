import logging
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id

from .business_deadline_rule import WORKING_UNITS

_logger = logging.getLogger(__name__)

OPEN_STATES = ("running", "paused", "warning", "breached")
# states whose clock can move (the due time is recomputed when the start changes)
MOVABLE_STATES = ("running", "paused", "warning")
# states the sweep looks at
SWEPT_STATES = ("running", "warning", "breached")
# worst first: the state a record shows when it has several timers
STATE_RANK = ["breached", "warning", "running", "paused", "met", "cancelled"]

# SQL types of the columns the set-based updates write
COLUMN_TYPES = {
    "state": "varchar",
    "start_time": "timestamp",
    "due_time": "timestamp",
    "warning_time": "timestamp",
    "next_escalation_time": "timestamp",
    "next_action_time": "timestamp",
    "met_time": "timestamp",
    "breach_time": "timestamp",
    "paused_since": "timestamp",
    "paused_hours": "float8",
    "shift_hours": "float8",
    "is_late": "bool",
    "is_warning_sent": "bool",
    "is_on_time": "float8",
    "escalation_level": "int4",
    "user_id": "int4",
}


class BusinessDeadlineTimer(models.Model):
    _name = "business.deadline.timer"
    _description = "Deadline Timer"
    _order = "due_time, id"
    _rec_name = "rule_id"

    rule_id = fields.Many2one(
        "business.deadline.rule",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    res_model = fields.Char(
        string="Document Model", required=True, index=True, readonly=True
    )
    res_id = fields.Many2oneReference(
        string="Document ID",
        model_field="res_model",
        required=True,
        index=True,
        readonly=True,
    )
    res_name = fields.Char(string="Document", compute="_compute_res_name")
    company_id = fields.Many2one("res.company", index=True, readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", index=True, readonly=True
    )
    calendar_id = fields.Many2one(
        "resource.calendar", string="Working Calendar", readonly=True
    )
    state = fields.Selection(
        [
            ("running", "Running"),
            ("paused", "Paused"),
            ("warning", "Warning"),
            ("breached", "Breached"),
            ("met", "Met"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="running",
        index=True,
        readonly=True,
    )
    start_time = fields.Datetime(string="Start", required=True, readonly=True)
    due_time = fields.Datetime(string="Due", index=True, readonly=True)
    warning_time = fields.Datetime(readonly=True)
    next_escalation_time = fields.Datetime(readonly=True)
    next_action_time = fields.Datetime(
        readonly=True,
        help="When the sweep must look at the timer again (warning, breach or next "
        "escalation level).",
    )
    met_time = fields.Datetime(string="Met On", readonly=True)
    breach_time = fields.Datetime(string="Breached On", readonly=True)
    is_late = fields.Boolean(string="Late", readonly=True)
    is_on_time = fields.Float(
        string="On Time (%)",
        aggregator="avg",
        readonly=True,
        help="100 for a deadline met on time, 0 for a breached or late one.",
    )
    paused_since = fields.Datetime(readonly=True)
    paused_hours = fields.Float(
        string="Time Paused (Hours)",
        readonly=True,
        help="Wall-clock time the clock was stopped.",
    )
    shift_hours = fields.Float(
        string="Due Shift (Hours)",
        readonly=True,
        help="How far the pauses pushed the due time back: calendar hours for rules "
        "counted in calendar time, working hours for rules counted in working time.",
    )
    is_warning_sent = fields.Boolean(string="Warning Reached", readonly=True)
    escalation_level = fields.Integer(
        string="Escalation Level Reached", default=0, readonly=True
    )
    breach_reason = fields.Text(readonly=True)
    acknowledged_by_id = fields.Many2one("res.users", readonly=True)
    acknowledged_date = fields.Datetime(string="Acknowledged On", readonly=True)
    can_acknowledge = fields.Boolean(compute="_compute_can_acknowledge")

    _rule_record_unique = models.Constraint(
        "UNIQUE (rule_id, res_model, res_id)",
        "A record has one timer per deadline rule.",
    )
    _sweep_idx = models.Index(
        "(next_action_time, id) WHERE state IN ('running', 'warning', 'breached')"
    )

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for model, timers in self.grouped("res_model").items():
            if model not in self.env:
                timers.res_name = False
                continue
            records = self.env[model].sudo().browse(timers.mapped("res_id")).exists()
            names = {record.id: record.display_name for record in records}
            for timer in timers:
                timer.res_name = names.get(timer.res_id, False)

    @api.depends("state", "acknowledged_by_id", "user_id")
    @api.depends_context("uid")
    def _compute_can_acknowledge(self):
        is_manager = self.env.user.has_group(
            "business_deadline.group_business_deadline_manager"
        )
        for timer in self:
            timer.can_acknowledge = (
                timer.state == "breached"
                and not timer.acknowledged_by_id
                and (is_manager or timer.user_id == self.env.user)
            )

    # ------------------------------------------------------------- access

    def _check_access(self, operation):
        """Timers follow their records: reading a timer needs read access to it."""
        result = super()._check_access(operation)
        if not self or self.env.su:
            return result
        timers = self - result[0] if result else self
        docs = defaultdict(lambda: defaultdict(list))
        for timer in timers.sudo():
            docs[timer.res_model][timer.res_id].append(timer.id)
        forbidden_ids = []
        for model, timer_ids_by_doc in docs.items():
            if model not in self.env:
                forbidden_ids += [i for ids in timer_ids_by_doc.values() for i in ids]
                continue
            records = self.env[model].browse(timer_ids_by_doc)
            if doc_result := records._check_access("read"):
                for record in doc_result[0]:
                    forbidden_ids += timer_ids_by_doc[record.id]
        if not forbidden_ids:
            return result
        forbidden = self.browse(forbidden_ids)
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, lambda: forbidden._make_access_error(operation))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        """Hide the timers of the records the user cannot read (as mail.activity)."""
        if self.env.su or kwargs.get("bypass_access"):
            return super()._search(domain, offset, limit, order, **kwargs)
        query = super()._search(domain, offset, limit, order, **kwargs)
        rows = self.env.execute_query(
            query.select(
                SQL.identifier(self._table, "id"),
                SQL.identifier(self._table, "res_model"),
                SQL.identifier(self._table, "res_id"),
            )
        )
        doc_ids = defaultdict(set)
        for __, model, res_id in rows:
            doc_ids[model].add(res_id)
        allowed = {}
        for model, ids in doc_ids.items():
            if model not in self.env:
                allowed[model] = set()
                continue
            records = self.env[model].browse(ids).sudo().exists().sudo(False)
            allowed[model] = set(records._filtered_access("read")._ids)
        timers = self.browse(
            id_ for id_, model, res_id in rows if res_id in allowed[model]
        )
        return timers._as_query(order)

    # ------------------------------------------------------- acknowledging

    def action_acknowledge(self):
        """Open the wizard asking the reason of the breach."""
        self._check_can_acknowledge()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Acknowledge Breach"),
            "res_model": "business.deadline.timer.acknowledge",
            "view_mode": "form",
            "target": "new",
            "context": {"default_timer_ids": self.ids},
        }

    def _check_can_acknowledge(self):
        if any(timer.state != "breached" for timer in self):
            raise UserError(self.env._("Only a breached deadline can be acknowledged."))
        if any(timer.acknowledged_by_id for timer in self):
            raise UserError(self.env._("This breach is already acknowledged."))
        is_manager = self.env.user.has_group(
            "business_deadline.group_business_deadline_manager"
        )
        if not is_manager and any(timer.user_id != self.env.user for timer in self):
            raise AccessError(
                self.env._(
                    "Only the responsible of the record or a deadline administrator "
                    "can acknowledge a breach."
                )
            )

    def _action_acknowledge(self, reason):
        """Record the reason of the breaches and who acknowledged them, and when."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the breach."))
        self._check_can_acknowledge()
        self.sudo().write(
            {
                "breach_reason": reason.strip(),
                "acknowledged_by_id": self.env.user.id,
                "acknowledged_date": fields.Datetime.now(),
            }
        )

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------ planning

    @api.model
    def _plan(self, specs, now):
        """Compute the due, warning, escalation and next action times, set-based.

        :param specs: list of dicts with ``rule``, ``calendar``, ``start``, ``shift``
            (due shift in hours), ``level`` (escalation levels fired), ``warned``,
            ``state``; updated in place with ``due_time``, ``warning_time``,
            ``next_escalation_time`` and ``next_action_time``.
        """
        groups = defaultdict(list)
        for spec in specs:
            groups[spec["calendar"], spec["rule"]].append(spec)
        for (calendar, rule), group in groups.items():
            dues = calendar._bd_add_batch(
                [spec["start"] for spec in group], rule.amount, rule.unit
            )
            for spec, due in zip(group, dues, strict=True):
                spec["due_time"] = due or spec["start"]
        # pauses push the due time back, in the basis of the rule's unit
        shifts = defaultdict(list)
        for spec in specs:
            if spec["shift"]:
                basis = (
                    "working_hours"
                    if spec["rule"].unit in WORKING_UNITS
                    else "calendar_hours"
                )
                shifts[spec["calendar"], basis, spec["shift"]].append(spec)
        for (calendar, basis, shift), group in shifts.items():
            dues = calendar._bd_add_batch(
                [spec["due_time"] for spec in group], shift, basis
            )
            for spec, due in zip(group, dues, strict=True):
                spec["due_time"] = due or spec["due_time"]
        self._plan_warnings(specs)
        self._plan_escalations(specs)
        for spec in specs:
            spec["next_action_time"] = self._next_action_time(spec)
        return specs

    @api.model
    def _plan_warnings(self, specs):
        leads = defaultdict(list)
        for spec in specs:
            rule = spec["rule"]
            spec["warning_time"] = None
            if rule.warning_mode == "percent":
                allowed = spec["due_time"] - spec["start"]
                spec["warning_time"] = spec["due_time"] - allowed * (
                    rule.warning_percent / 100.0
                )
            elif rule.warning_mode == "lead":
                leads[spec["calendar"], rule].append(spec)
        for (calendar, rule), group in leads.items():
            times = calendar._bd_add_batch(
                [spec["due_time"] for spec in group],
                -rule.warning_amount,
                rule.warning_unit,
            )
            for spec, warning_time in zip(group, times, strict=True):
                spec["warning_time"] = warning_time or None

    @api.model
    def _plan_escalations(self, specs):
        """Set ``next_escalation_time``: when the next level of each timer fires."""
        groups = defaultdict(list)
        levels_by_rule = {
            rule: rule._get_escalations() for rule in {spec["rule"] for spec in specs}
        }
        for spec in specs:
            spec["next_escalation_time"] = None
            levels = levels_by_rule[spec["rule"]]
            if spec["level"] < len(levels):
                groups[spec["calendar"], levels[spec["level"]]].append(spec)
        for (calendar, level), group in groups.items():
            offset = level._get_signed_offset()
            dues = [spec["due_time"] for spec in group]
            if offset:
                times = calendar._bd_add_batch(dues, offset, level.offset_unit)
            else:
                times = dues
            for spec, escalation_time in zip(group, times, strict=True):
                spec["next_escalation_time"] = escalation_time or None

    @api.model
    def _next_action_time(self, spec):
        if spec["state"] not in SWEPT_STATES:
            return None
        candidates = [spec["next_escalation_time"]]
        if spec["state"] == "running" and not spec["warned"]:
            candidates.append(spec["warning_time"])
        if spec["state"] != "breached":
            candidates.append(spec["due_time"])
        candidates = [moment for moment in candidates if moment]
        return min(candidates) if candidates else None

    def _get_spec(self):
        self.ensure_one()
        return {
            "timer": self,
            "rule": self.rule_id,
            "calendar": self.calendar_id,
            "start": self.start_time,
            "shift": self.shift_hours,
            "level": self.escalation_level,
            "warned": self.is_warning_sent,
            "state": self.state,
        }

    def _recompute_times(self, now=None):
        """Recompute the times of open timers from their start, rule and pauses."""
        now = now or fields.Datetime.now()
        timers = self.filtered(lambda timer: timer.state in MOVABLE_STATES)
        specs = self._plan([timer._get_spec() for timer in timers], now)
        self._bulk_update(
            {
                spec["timer"].id: {
                    "due_time": spec["due_time"],
                    "warning_time": spec["warning_time"],
                    "next_escalation_time": spec["next_escalation_time"],
                    "next_action_time": spec["next_action_time"],
                }
                for spec in specs
            }
        )

    @api.model
    def _bulk_update(self, values_by_id):
        """Write different values on many timers in one query per set of columns."""
        by_columns = defaultdict(dict)
        for timer_id, vals in values_by_id.items():
            by_columns[tuple(sorted(vals))][timer_id] = vals
        for columns, rows in by_columns.items():
            ids = list(rows)
            arrays = [
                SQL(
                    "unnest(%s::%s[]) AS %s",
                    [rows[i][column] for i in ids],
                    SQL(COLUMN_TYPES[column]),
                    SQL.identifier(column),
                )
                for column in columns
            ]
            assignments = [
                SQL("%s = v.%s", SQL.identifier(column), SQL.identifier(column))
                for column in columns
            ]
            self.env.cr.execute(
                SQL(
                    """UPDATE business_deadline_timer t
                          SET %(assignments)s, write_date = %(now)s, write_uid = %(uid)s
                         FROM (SELECT unnest(%(ids)s::int4[]) AS id, %(arrays)s) v
                        WHERE t.id = v.id""",
                    assignments=SQL(", ").join(assignments),
                    arrays=SQL(", ").join(arrays),
                    ids=ids,
                    now=fields.Datetime.now(),
                    uid=self.env.uid,
                )
            )
        if values_by_id:
            self.invalidate_model()

    # --------------------------------------------------------------- sweep

    @api.model
    def _get_sweep_domain(self, now):
        return [("state", "in", SWEPT_STATES), ("next_action_time", "<=", now)]

    @api.model
    def _cron_sweep(self, batch_size=1000):
        """Warnings, escalations and breaches, by committed batches."""
        now = fields.Datetime.now()
        timers = self.sudo()
        domain = timers._get_sweep_domain(now)
        remaining = timers.search_count(domain)
        skipped = []
        while remaining > 0:
            batch = timers.search(
                domain + [("id", "not in", skipped)],
                limit=batch_size,
                order="next_action_time, id",
            )
            if not batch:
                break
            skipped += batch._sweep_safely(now)
            remaining = max(remaining - len(batch), 0)
            time_left = self.env["ir.cron"]._commit_progress(
                len(batch), remaining=remaining
            )
            if not time_left:
                break

    def _sweep_safely(self, now):
        """Sweep the batch; if it fails, retry timer by timer and skip the bad ones.

        :return: the ids of the timers that failed
        """
        try:
            with self.env.cr.savepoint():
                self._sweep(now)
            return []
        except Exception:  # noqa: BLE001 - one bad record must not stop the sweep
            self.env.invalidate_all(flush=False)
            _logger.info("Deadline sweep: batch failed, retrying timer by timer")
        failed = []
        for timer in self:
            try:
                with self.env.cr.savepoint():
                    timer._sweep(now)
            except Exception as error:  # noqa: BLE001
                self.env.invalidate_all(flush=False)
                _logger.warning(
                    "Deadline sweep: timer %s (%s,%s) skipped: %s",
                    timer.id,
                    timer.res_model,
                    timer.res_id,
                    error,
                )
                failed.append(timer.id)
        return failed

    def _sweep(self, now):
        """Move the timers in ``self`` to warning or breached and fire their
        escalation levels due at ``now``, in a constant number of queries."""
        rows = self.env.execute_query_dict(
            SQL(
                """SELECT id, rule_id, calendar_id, res_model, res_id, user_id,
                          company_id, state, start_time, due_time, warning_time,
                          next_escalation_time,
                          COALESCE(is_warning_sent, FALSE) AS is_warning_sent,
                          COALESCE(escalation_level, 0) AS escalation_level
                     FROM business_deadline_timer
                    WHERE id = ANY(%s) AND state IN %s
                      FOR UPDATE""",
                self.ids,
                SWEPT_STATES,
            )
        )
        if not rows:
            return
        rules = self.env["business.deadline.rule"].browse({r["rule_id"] for r in rows})
        rules.escalation_ids.fetch()
        calendars = self.env["resource.calendar"].browse(
            {r["calendar_id"] for r in rows}
        )
        calendar_by_id = {calendar.id: calendar for calendar in calendars}
        rule_by_id = {rule.id: rule for rule in rules}
        levels_by_rule_id = {rule.id: rule._get_escalations() for rule in rules}
        values = {}
        fired = []  # (row, escalation level)
        pending = []
        for row in rows:
            vals = {}
            if row["state"] != "breached" and row["due_time"] <= now:
                vals.update(state="breached", breach_time=row["due_time"], is_on_time=0)
            elif (
                row["state"] == "running"
                and row["warning_time"]
                and row["warning_time"] <= now
            ):
                vals["state"] = "warning"
            if row["warning_time"] and row["warning_time"] <= now:
                vals["is_warning_sent"] = True
            row.update(vals)
            values[row["id"]] = vals
            pending.append(row)
        # fire the escalation levels in order; a late sweep fires several at once
        while pending:
            specs = []
            for row in pending:
                escalation_time = row["next_escalation_time"]
                levels = levels_by_rule_id[row["rule_id"]]
                if (
                    escalation_time
                    and escalation_time <= now
                    and row["escalation_level"] < len(levels)
                ):
                    fired.append((row, levels[row["escalation_level"]]))
                    row["escalation_level"] += 1
                    specs.append(
                        {
                            "row": row,
                            "rule": rule_by_id[row["rule_id"]],
                            "calendar": calendar_by_id.get(row["calendar_id"])
                            or rule_by_id[row["rule_id"]]._get_calendar(
                                self.env["res.company"].browse(row["company_id"])
                            ),
                            "due_time": row["due_time"],
                            "level": row["escalation_level"],
                        }
                    )
            self._plan_escalations(specs)
            pending = []
            for spec in specs:
                row = spec["row"]
                row["next_escalation_time"] = spec["next_escalation_time"]
                values[row["id"]].update(
                    escalation_level=row["escalation_level"],
                    next_escalation_time=row["next_escalation_time"],
                )
                pending.append(row)
        for row in rows:
            values[row["id"]]["next_action_time"] = self._next_action_time(
                {
                    "state": row["state"],
                    "warned": row["is_warning_sent"],
                    "warning_time": row["warning_time"],
                    "due_time": row["due_time"],
                    "next_escalation_time": row["next_escalation_time"],
                }
            )
        self._bulk_update(values)
        self._escalate(fired)

    # ---------------------------------------------------------- escalation

    @api.model
    def _escalate(self, fired):
        """Run the actions of the fired escalation levels, in bulk."""
        if not fired:
            return
        self._post_escalation_messages(fired)
        self._schedule_escalation_activities(
            [(row, level) for row, level in fired if level.activity_type_id]
        )
        self._raise_escalation_priorities(
            [(row, level) for row, level in fired if level.priority_field_id]
        )

    @api.model
    def _get_escalation_partners(self, fired):
        """The partners to notify for each fired level, as a list of id sets."""
        users = self.env["res.users"].browse(
            {row["user_id"] for row, __ in fired if row["user_id"]}
        )
        users.partner_id.fetch(["id"])
        group_partners = {}
        for level in {level for __, level in fired}:
            partners = level.notify_user_ids.partner_id
            partners |= level.notify_group_ids.all_user_ids.partner_id
            group_partners[level] = set(partners.ids)
        partner_by_user = {user.id: user.partner_id.id for user in users}
        result = []
        for row, level in fired:
            partner_ids = set(group_partners[level])
            if level.is_notify_responsible and row["user_id"]:
                partner_ids.add(partner_by_user[row["user_id"]])
            result.append(partner_ids)
        return result

    @api.model
    def _post_escalation_messages(self, fired):
        partners = self._get_escalation_partners(fired)
        author = self.env.ref("base.partner_root")
        subtype_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        # computed once, as mail.thread._message_log_batch does, instead of per message
        email_from = author.email_formatted
        reply_to = self.env["mail.thread"]._notify_get_reply_to(
            default=email_from, author_id=author.id
        )[False]
        message_vals = []
        for (row, level), partner_ids in zip(fired, partners, strict=True):
            body = Markup("<p>%s</p>") % self.env._(
                "Deadline %(rule)s due on %(due)s: escalation %(level)s.",
                rule=level.rule_id.name,
                due=fields.Datetime.to_string(row["due_time"]),
                level=level.name,
            )
            message_vals.append(
                {
                    "model": row["res_model"],
                    "res_id": row["res_id"],
                    "body": body,
                    "message_type": "notification",
                    "subtype_id": subtype_id,
                    "is_internal": True,
                    "author_id": author.id,
                    "email_from": email_from,
                    "reply_to": reply_to,
                    "message_id": generate_tracking_message_id("message-notify"),
                    "record_alias_domain_id": False,
                    "record_company_id": False,
                    "email_add_signature": False,
                    "partner_ids": [(6, 0, sorted(partner_ids))],
                }
            )
        messages = self.env["mail.message"].sudo().create(message_vals)
        notification_vals = [
            {
                "mail_message_id": message.id,
                "res_partner_id": partner_id,
                "notification_type": "inbox",
                "is_read": False,
            }
            for message, partner_ids in zip(messages, partners, strict=True)
            for partner_id in sorted(partner_ids)
        ]
        if notification_vals:
            self.env["mail.notification"].sudo().create(notification_vals)

    @api.model
    def _schedule_escalation_activities(self, fired):
        if not fired:
            return
        by_field = defaultdict(set)
        for row, level in fired:
            if level.activity_user_field_id:
                by_field[row["res_model"], level.activity_user_field_id.name].add(
                    row["res_id"]
                )
        role_users = {}
        for (model, fname), res_ids in by_field.items():
            for record in self.env[model].sudo().browse(res_ids):
                role_users[model, fname, record.id] = record[fname].id
        for model, rows in self._group_rows_by_model(
            [row for row, __ in fired]
        ).items():
            # fill the cache once: mail.activity reads the document names one by one
            self.env[model].sudo().browse(rows).mapped("display_name")
        today = fields.Date.context_today(self)
        activity_vals = []
        for row, level in fired:
            user_id = False
            if level.activity_user_field_id:
                user_id = role_users.get(
                    (row["res_model"], level.activity_user_field_id.name, row["res_id"])
                )
            user_id = user_id or level.activity_user_id.id or row["user_id"]
            activity_vals.append(
                {
                    "res_model_id": self.env["ir.model"]._get_id(row["res_model"]),
                    "res_id": row["res_id"],
                    "activity_type_id": level.activity_type_id.id,
                    "summary": level.activity_summary or level.name,
                    "user_id": user_id or self.env.uid,
                    "date_deadline": today,
                }
            )
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(activity_vals)

    @api.model
    def _raise_escalation_priorities(self, fired):
        groups = defaultdict(set)
        for row, level in fired:
            groups[
                row["res_model"], level.priority_field_id.name, level.priority_value
            ].add(row["res_id"])
        for (model, fname, value), res_ids in groups.items():
            records = self.env[model].sudo().browse(res_ids)
            rank = self._priority_rank(records._fields[fname])
            target = rank(value)
            lower = records.browse(
                record.id for record in records if rank(record[fname]) < target
            )
            if lower:
                field = records._fields[fname]
                lower.write({fname: int(value) if field.type == "integer" else value})

    @api.model
    def _priority_rank(self, field):
        """How high a value of a priority field is: selection order, number or text.

        The escalation only raises a priority, it never lowers it.
        """
        if field.type == "selection":
            values = [value for value, __ in field._description_selection(self.env)]
            return lambda value: values.index(value) if value in values else -1
        if field.type == "integer":
            return lambda value: int(value or 0)
        return lambda value: value or ""

    # ---------------------------------------------------------- life cycle

    def _bd_transition(self, status, now):
        """Follow the record's change: return the values to write on the open
        timer, and the spec changes that move its clock (or ``None``).

        A pause stops the clock; on resume the due time moves back by the time
        paused, counted like the rule: wall-clock hours for calendar units,
        working hours of the calendar for working units.
        """
        self.ensure_one()
        vals = {}
        if status["user_id"] and status["user_id"] != self.user_id.id:
            vals["user_id"] = status["user_id"]
        paused_hours = self.paused_hours
        if self.state == "paused" and self.paused_since:
            paused_hours += (now - self.paused_since) / timedelta(hours=1)
        if status["cancel"] or not status["start"]:
            vals.update(state="cancelled", next_action_time=None)
            if self.state == "paused":
                vals.update(paused_since=None, paused_hours=paused_hours)
            return vals, None
        if status["met"]:
            reference = self.paused_since if self.state == "paused" else now
            late = self.state == "breached" or bool(
                self.due_time and reference > self.due_time
            )
            vals.update(
                state="met",
                met_time=now,
                is_late=late,
                is_on_time=0 if late else 100,
                next_action_time=None,
            )
            if self.state == "paused":
                vals.update(paused_since=None, paused_hours=paused_hours)
            return vals, None
        if self.state == "breached":
            return vals, None
        if status["pause"] and self.state != "paused":
            vals.update(state="paused", paused_since=now, next_action_time=None)
            return vals, None
        move = {}
        if not status["pause"] and self.state == "paused":
            state = "warning" if self.is_warning_sent else "running"
            shift = self._shift_hours(
                self.calendar_id, self.rule_id.unit, self.paused_since, now
            )
            vals.update(state=state, paused_since=None, paused_hours=paused_hours)
            move.update(state=state, shift=self.shift_hours + shift)
        if status["start"] != self.start_time:
            move["start"] = status["start"]
        return vals, move or None

    # ---------------------------------------------------------------- misc

    @api.model
    def _group_rows_by_model(self, rows):
        res_ids = defaultdict(set)
        for row in rows:
            res_ids[row["res_model"]].add(row["res_id"])
        return res_ids

    @api.model
    def _get_open_states(self):
        return OPEN_STATES

    @api.model
    def _state_rank(self, state):
        return STATE_RANK.index(state)

    @api.model
    def _shift_hours(self, calendar, unit, since, until):
        """Hours a pause from ``since`` to ``until`` pushes the due time back."""
        if unit in WORKING_UNITS:
            return calendar._bd_working_hours_between(since, until)
        return (until - since) / timedelta(hours=1)
