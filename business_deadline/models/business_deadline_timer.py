import logging
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tools import SQL, sql

from ..tools.bulk import next_ids
from ..tools.timeline import WORKING_UNITS

_logger = logging.getLogger(__name__)

OPEN_STATES = ("running", "paused", "warning", "breached")
# states whose clock can move (the due time is recomputed when the start changes)
MOVABLE_STATES = ("running", "paused", "warning")
# states the sweep looks at
SWEPT_STATES = ("running", "warning", "breached")
# worst first: the state a record shows when it has several timers
STATE_RANK = ["breached", "warning", "running", "paused", "met", "cancelled"]
# timers the sweep handles per committed batch: a batch is one UPDATE plus a few
# set-based inserts, so larger batches save round trips and commits; 10,000 keeps a
# batch's row locks and transaction short (about a second on 2 cores) and its
# memory small
SWEEP_BATCH_SIZE = 10000

# what the sweep reads of a timer (id and state first, next escalation time last)
SWEEP_COLUMNS = (
    "id",
    "state",
    "rule_id",
    "calendar_id",
    "res_model",
    "res_id",
    "user_id",
    "company_id",
    "due_time",
    "next_escalation_time",
)

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
    "allowed_amount": "float8",
    "is_late": "bool",
    "is_warning_sent": "bool",
    "is_on_time": "float8",
    "escalation_level": "int4",
    "user_id": "int4",
    "company_id": "int4",
    "calendar_id": "int4",
    "rule_id": "int4",
    "res_model": "varchar",
    "res_id": "int4",
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
    # both searched through ``_document_idx`` (res_model, res_id): no index of
    # their own, which every timer insert would have to maintain
    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID",
        model_field="res_model",
        required=True,
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
    allowed_amount = fields.Float(
        string="Allowed Time",
        readonly=True,
        help="The time allowed, in the unit of the rule (from the rule, or from the "
        "record when the rule says so).",
    )
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
        string="Time Paused",
        readonly=True,
        help="Wall-clock time the clock was stopped (hours:minutes).",
    )
    shift_hours = fields.Float(
        string="Due Shift (Hours)",
        readonly=True,
        help="How far the pauses pushed the due time back: calendar hours for rules "
        "counted in calendar time, working hours for rules counted in working time.",
    )
    is_warning_sent = fields.Boolean(string="Warning Reached", readonly=True)
    fired_escalation_ids = fields.Many2many(
        "business.deadline.rule.escalation",
        "business_deadline_timer_escalation_rel",
        "timer_id",
        "escalation_id",
        string="Escalations Fired",
        readonly=True,
    )
    escalation_level = fields.Integer(
        string="Escalations Fired (Count)", default=0, readonly=True
    )
    breach_reason = fields.Text(readonly=True)
    acknowledged_by_id = fields.Many2one("res.users", readonly=True)
    acknowledged_date = fields.Datetime(string="Acknowledged On", readonly=True)
    is_acknowledged = fields.Boolean(
        string="Breach Acknowledged",
        compute="_compute_is_acknowledged",
        store=True,
    )
    can_acknowledge = fields.Boolean(compute="_compute_can_acknowledge")
    is_calendar_uncovered = fields.Boolean(
        string="Statutory Days Missing",
        compute="_compute_is_calendar_uncovered",
        search="_search_is_calendar_uncovered",
        help="The deadline runs into a year for which its calendar has no statutory "
        "days imported: that year's public holidays count as working days.",
    )

    _open_timer_unique = models.UniqueIndex(
        "(rule_id, res_model, res_id) "
        "WHERE state IN ('running', 'paused', 'warning', 'breached')",
        "A record has one open timer per deadline rule.",
    )
    _sweep_idx = models.Index(
        "(next_action_time, id) WHERE state IN ('running', 'warning', 'breached')"
    )
    _document_idx = models.Index("(res_model, res_id)")

    def init(self):
        # databases installed before res_model and res_id lost their own
        # indexes (``_document_idx`` serves both)
        for column in ("res_model", "res_id"):
            sql.drop_index(self.env.cr, f"{self._table}__{column}_index", self._table)

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

    @api.depends("acknowledged_by_id")
    def _compute_is_acknowledged(self):
        for timer in self:
            timer.is_acknowledged = bool(timer.acknowledged_by_id)

    @api.depends("breach_time", "acknowledged_by_id", "user_id")
    @api.depends_context("uid")
    def _compute_can_acknowledge(self):
        is_manager = self.env.user.has_group(
            "business_deadline.group_business_deadline_manager"
        )
        for timer in self:
            timer.can_acknowledge = (
                bool(timer.breach_time)
                and not timer.acknowledged_by_id
                and (is_manager or timer.user_id == self.env.user)
            )

    @api.depends("calendar_id", "start_time", "due_time", "state")
    def _compute_is_calendar_uncovered(self):
        for timer in self:
            timer.is_calendar_uncovered = bool(
                timer.state in OPEN_STATES
                and timer.calendar_id
                and timer.calendar_id.sudo()._bd_uncovered_years(
                    timer.start_time, timer.due_time
                )
            )

    def _search_is_calendar_uncovered(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        uncovered = SQL(
            """SELECT t.id FROM business_deadline_timer t
                WHERE t.state IN %(open)s
                  AND EXISTS (SELECT 1 FROM business_deadline_statutory_year y
                               WHERE y.calendar_id = t.calendar_id)
                  AND EXISTS (
                      SELECT 1 FROM generate_series(
                          extract(year FROM t.start_time)::int,
                          extract(year FROM t.due_time)::int) AS g(year)
                       WHERE NOT EXISTS (
                           SELECT 1 FROM business_deadline_statutory_year y
                            WHERE y.calendar_id = t.calendar_id
                              AND y.year = g.year))""",
            open=OPEN_STATES,
        )
        positive = (True in value) == (operator == "in")
        return Domain("id", "any!" if positive else "not any!", uncovered)

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
        """Hide the timers of the records the user cannot read, in SQL: pages,
        counts and groups are exact."""
        if self.env.su or kwargs.get("bypass_access"):
            return super()._search(domain, offset, limit, order, **kwargs)
        domain = Domain(domain) & self._bd_visible_domain()
        return super()._search(domain, offset, limit, order, **kwargs)

    @api.model
    def _bd_visible_domain(self):
        """Timers of the records of the deadline models the user can read."""
        visible = []
        rule_model = self.env["business.deadline.rule"]
        for model_name in rule_model._get_deadline_model_names():
            model = self.env[model_name].with_context(active_test=False)
            if not model.has_access("read"):
                continue
            visible.append(
                Domain("res_model", "=", model_name)
                & Domain("res_id", "any!", model._search([]))
            )
        return Domain.OR(visible) if visible else Domain.FALSE

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
        if any(not timer.breach_time for timer in self):
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
        """Record the reason of the breaches, who acknowledged them and when, and
        say so on the documents' chatter."""
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
        for timer in self.sudo():
            record = self.env[timer.res_model].sudo().browse(timer.res_id).exists()
            if not record or not hasattr(record, "message_post"):
                continue
            record.message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._(
                        "Breach of the deadline %(rule)s acknowledged.",
                        rule=timer.rule_id.name,
                    ),
                    reason.strip(),
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
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
        """Compute the due, warning, escalation and next action times, set-based,
        and settle each timer in its true state at ``now``.

        :param specs: list of dicts with ``rule``, ``calendar``, ``start``,
            ``amount`` (allowed time in the rule's unit), ``shift`` (due shift in
            hours), ``fired`` (set of escalation level ids already fired),
            ``warned``, ``state``; updated in place with ``due_time``,
            ``warning_time``, ``next_escalation_time``, ``next_action_time``, and
            ``breach_time`` when the timer is already breached.
        """
        groups = defaultdict(list)
        for spec in specs:
            groups[spec["calendar"], spec["amount"], spec["rule"].unit].append(spec)
        for (calendar, amount, unit), group in groups.items():
            dues = calendar._bd_add_batch(
                [spec["start"] for spec in group], amount, unit
            )
            for spec, due in zip(group, dues, strict=True):
                spec["due_time"] = due or spec["start"]
        # pauses push the due time back, in the basis of the rule's unit
        shifts = defaultdict(list)
        for spec in specs:
            if spec["shift"]:
                shifts[
                    spec["calendar"], self._basis(spec["rule"].unit), spec["shift"]
                ].append(spec)
        for (calendar, basis, shift), group in shifts.items():
            dues = calendar._bd_add_batch(
                [spec["due_time"] for spec in group], shift, basis
            )
            for spec, due in zip(group, dues, strict=True):
                spec["due_time"] = due or spec["due_time"]
        self._plan_warnings(specs)
        self._plan_escalations(specs, now)
        for spec in specs:
            self._settle(spec, now)
            spec["next_action_time"] = self._next_action_time(spec)
        return specs

    @api.model
    def _basis(self, unit):
        """The hours a pause shifts a due time by: working or wall-clock."""
        return "working_hours" if unit in WORKING_UNITS else "calendar_hours"

    @api.model
    def _plan_warnings(self, specs):
        """Warning times: a fixed lead before the due time, or the due time less a
        percentage of the allowed time (of the working time allowed, for rules
        counted in working time, so the warning falls in working hours)."""
        escalation_model = self.env["business.deadline.rule.escalation"]
        leads = defaultdict(list)
        percents = defaultdict(list)
        for spec in specs:
            rule = spec["rule"]
            spec["warning_time"] = None
            if rule.warning_mode == "lead":
                leads[spec["calendar"], rule].append(spec)
            elif rule.warning_mode == "percent" and rule.unit in WORKING_UNITS:
                percents[spec["calendar"]].append(spec)
            elif rule.warning_mode == "percent":
                allowed = spec["due_time"] - spec["start"]
                spec["warning_time"] = spec["due_time"] - allowed * (
                    rule.warning_percent / 100.0
                )
        for (calendar, rule), group in leads.items():
            times = escalation_model._bd_offset_times(
                calendar,
                [spec["due_time"] for spec in group],
                -rule.warning_amount,
                rule.warning_unit,
            )
            for spec, warning_time in zip(group, times, strict=True):
                spec["warning_time"] = warning_time or None
        for calendar, group in percents.items():
            allowed = calendar._bd_working_hours_between_batch(
                [(spec["start"], spec["due_time"]) for spec in group]
            )
            leads_hours = [
                -hours * spec["rule"].warning_percent / 100.0
                for spec, hours in zip(group, allowed, strict=True)
            ]
            times = calendar._bd_add_batch_amounts(
                [spec["due_time"] for spec in group], leads_hours, "working_hours"
            )
            for spec, warning_time in zip(group, times, strict=True):
                spec["warning_time"] = warning_time or None

    @api.model
    def _plan_escalations(self, specs, now=None):
        """Set each spec's ``level_times`` ({level: time} of the levels not fired
        yet) and ``next_escalation_time`` (the earliest of them).

        Importing with the context key ``business_deadline_mute`` marks the levels
        already due at ``now`` as fired, without their actions.
        """
        levels_by_rule = {
            rule: rule._get_escalations() for rule in {spec["rule"] for spec in specs}
        }
        groups = defaultdict(list)
        for spec in specs:
            spec["level_times"] = {}
            for level in levels_by_rule[spec["rule"]]:
                if level.id not in spec["fired"]:
                    groups[spec["calendar"], level].append(spec)
        for (calendar, level), group in groups.items():
            times = level._bd_times(calendar, [spec["due_time"] for spec in group])
            for spec, moment in zip(group, times, strict=True):
                if moment:
                    spec["level_times"][level] = moment
        mute = now and self.env.context.get("business_deadline_mute")
        for spec in specs:
            if mute:
                for level, moment in list(spec["level_times"].items()):
                    if moment <= now:
                        spec["fired"] = spec["fired"] | {level.id}
                        del spec["level_times"][level]
            moments = spec["level_times"].values()
            spec["next_escalation_time"] = min(moments) if moments else None

    @api.model
    def _settle(self, spec, now):
        """The true state of a running or warning timer at ``now``: born past its
        due time it is breached (at its due time), past its warning time it warns;
        a warning moved later by a recomputation runs again."""
        if spec["state"] not in ("running", "warning"):
            return
        if spec["due_time"] and spec["due_time"] <= now:
            spec.update(state="breached", breach_time=spec["due_time"])
            spec["warned"] = spec["warned"] or bool(spec["warning_time"])
        elif spec["warning_time"] and spec["warning_time"] <= now:
            spec.update(state="warning", warned=True)
        elif spec["state"] == "warning":
            spec.update(state="running", warned=False)

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

    def _fired_ids(self):
        """{timer id: set of fired escalation level ids}, in one query."""
        fired = defaultdict(set)
        if self.ids:
            rows = self.env.execute_query(
                SQL(
                    """SELECT timer_id, escalation_id
                         FROM business_deadline_timer_escalation_rel
                        WHERE timer_id = ANY(%s)""",
                    self.ids,
                )
            )
            for timer_id, level_id in rows:
                fired[timer_id].add(level_id)
        return fired

    def _get_specs(self):
        fired = self._fired_ids()
        return [
            {
                "timer": timer,
                "rule": timer.rule_id,
                "calendar": timer.calendar_id,
                "start": timer.start_time,
                "amount": timer._allowed_amount(),
                "shift": timer.shift_hours,
                "fired": fired[timer.id],
                "warned": timer.is_warning_sent,
                "state": timer.state,
            }
            for timer in self
        ]

    def _allowed_amount(self):
        """The time allowed: the record's (kept on the timer) when the rule takes
        it from a field, else the rule's current amount."""
        self.ensure_one()
        if self.rule_id.amount_field_id and self.allowed_amount:
            return self.allowed_amount
        return self.rule_id.amount

    @api.model
    def _spec_values(self, spec):
        """The timer columns a plan sets."""
        vals = {
            "allowed_amount": spec["amount"],
            "state": spec["state"],
            "is_warning_sent": spec["warned"],
            "due_time": spec["due_time"],
            "warning_time": spec["warning_time"],
            "next_escalation_time": spec["next_escalation_time"],
            "next_action_time": spec["next_action_time"],
        }
        if spec.get("breach_time"):
            vals.update(breach_time=spec["breach_time"], is_on_time=0.0)
        return vals

    def _recompute_times(self, now=None):
        """Recompute the times of open timers from their start, rule and pauses;
        a breached timer keeps its due time and only plans its escalations."""
        now = now or fields.Datetime.now()
        timers = self.filtered(lambda timer: timer.state in MOVABLE_STATES)
        specs = self._plan(timers._get_specs(), now)
        values = {spec["timer"].id: self._spec_values(spec) for spec in specs}
        breached = self.filtered(lambda timer: timer.state == "breached")
        breached_specs = breached._get_specs()
        for spec in breached_specs:
            spec["due_time"] = spec["timer"].due_time
            spec["warning_time"] = spec["timer"].warning_time
        self._plan_escalations(breached_specs)
        for spec in breached_specs:
            values[spec["timer"].id] = {
                "next_escalation_time": spec["next_escalation_time"],
                "next_action_time": self._next_action_time(spec),
            }
        self._bulk_update(values)
        self._write_fired(specs)
        (timers | breached)._refresh_documents()

    def _write_fired(self, specs):
        """Insert the (timer, level) pairs newly marked fired, in one query."""
        pairs = [
            (spec["timer"].id, level_id)
            for spec in specs
            if spec.get("timer")
            for level_id in spec["fired"]
        ]
        if not pairs:
            return
        timer_ids, level_ids = zip(*pairs, strict=True)
        self.env.cr.execute(
            SQL(
                """INSERT INTO business_deadline_timer_escalation_rel
                          (timer_id, escalation_id)
                   SELECT * FROM unnest(%s::int4[], %s::int4[])
                   ON CONFLICT DO NOTHING""",
                list(timer_ids),
                list(level_ids),
            )
        )
        self.invalidate_model(["fired_escalation_ids"])

    def _cancel(self):
        """Cancel open timers (their history is kept)."""
        timers = self.filtered(lambda timer: timer.state in OPEN_STATES)
        self._bulk_update(
            {
                timer.id: {"state": "cancelled", "next_action_time": None}
                for timer in timers
            }
        )
        timers._refresh_documents()

    def _group_by_model(self):
        """{model name: set of record ids} of the timers."""
        res_ids = defaultdict(set)
        for timer in self:
            res_ids[timer.res_model].add(timer.res_id)
        return res_ids

    def _refresh_documents(self):
        self._refresh_records(self._group_by_model())

    @api.model
    def _refresh_records(self, res_ids_by_model):
        """Write the deadline summary (worst state, next due time) and the rules'
        due date fields (the due time of the record's latest timer of the rule;
        unchanged without one) on the records, in SQL: one query per model,
        whatever the number of records and rules."""
        rule_model = self.env["business.deadline.rule"].sudo()
        for model_name, res_ids in res_ids_by_model.items():
            if model_name not in self.env or not res_ids:
                continue
            model = self.env[model_name]
            ids = sorted(res_ids)
            rules = rule_model.browse(
                rule_model._get_rule_ids_for_model(model_name)
            ).filtered("due_field_id")
            due_columns = {}  # column: [rule ids] (a field may serve several)
            for rule in rules:
                due_columns.setdefault(rule.due_field_id.name, []).append(rule.id)
            aggregates, assignments, changed = [], [], []
            for index, (column, rule_ids) in enumerate(due_columns.items()):
                due, has = (
                    SQL.identifier(f"due_{index}"),
                    SQL.identifier(f"has_{index}"),
                )
                aggregates.append(
                    SQL(
                        """(array_agg(t.due_time ORDER BY t.id DESC)
                              FILTER (WHERE t.rule_id = ANY(%(rules)s)))[1] AS %(due)s,
                           bool_or(t.rule_id = ANY(%(rules)s)) AS %(has)s""",
                        rules=rule_ids,
                        due=due,
                        has=has,
                    )
                )
                assignments.append(
                    SQL(
                        "%(column)s = CASE WHEN s.%(has)s THEN s.%(due)s "
                        "ELSE r.%(column)s END",
                        column=SQL.identifier(column),
                        due=due,
                        has=has,
                    )
                )
                changed.append(
                    SQL(
                        "(s.%(has)s AND r.%(column)s IS DISTINCT FROM s.%(due)s)",
                        column=SQL.identifier(column),
                        due=due,
                        has=has,
                    )
                )
            self.env.cr.execute(
                SQL(
                    """UPDATE %(table)s r
                          SET deadline_state = s.state, deadline_next_due = s.next_due
                              %(assignments)s
                         FROM (SELECT d.id,
                                      (array_agg(t.state ORDER BY array_position(
                                          %(rank)s::varchar[], t.state::varchar)))[1]
                                          AS state,
                                      min(t.due_time) FILTER (WHERE t.state IN %(open)s)
                                          AS next_due
                                      %(aggregates)s
                                 FROM unnest(%(ids)s::int4[]) AS d(id)
                            LEFT JOIN business_deadline_timer t
                                   ON t.res_model = %(model)s AND t.res_id = d.id
                             GROUP BY d.id) s
                        WHERE r.id = s.id AND r.id = ANY(%(ids)s)
                          AND (r.deadline_state IS DISTINCT FROM s.state
                               OR r.deadline_next_due IS DISTINCT FROM s.next_due
                               %(changed)s)""",
                    table=SQL.identifier(model._table),
                    assignments=SQL("").join(SQL(", %s", a) for a in assignments),
                    aggregates=SQL("").join(SQL(", %s", a) for a in aggregates),
                    changed=SQL("").join(SQL(" OR %s", c) for c in changed),
                    rank=STATE_RANK,
                    open=OPEN_STATES,
                    ids=ids,
                    model=model_name,
                )
            )
            model.invalidate_model(
                ["deadline_state", "deadline_next_due", *due_columns]
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
                        WHERE t.id = v.id AND t.id = ANY(%(ids)s)""",
                    assignments=SQL(", ").join(assignments),
                    arrays=SQL(", ").join(arrays),
                    ids=ids,
                    now=fields.Datetime.now(),
                    uid=self.env.uid,
                )
            )
        if values_by_id:
            self.invalidate_model()

    @api.model
    def _bulk_create(self, vals_list):
        """Insert many new timers set-based: their ids from the sequence in one
        query, then one ``INSERT … SELECT unnest`` per set of columns (the
        engine's own ``create``: timers have no tracking, no default but their
        state and escalation count and no stored computed field but
        ``is_acknowledged``, false for a new timer). Returns the timers in the
        order of ``vals_list``."""
        if not vals_list:
            return self.browse()
        ids = next_ids(self, len(vals_list))
        defaults = {"state": "running", "escalation_level": 0}
        by_columns = defaultdict(list)
        for index, vals in enumerate(vals_list):
            by_columns[tuple(sorted(set(vals) | set(defaults)))].append(index)
        now = fields.Datetime.now()
        for columns, indexes in by_columns.items():
            arrays = [SQL("%s::int4[]", [ids[i] for i in indexes])]
            for column in columns:
                values = [
                    vals_list[i].get(column, defaults.get(column)) for i in indexes
                ]
                if COLUMN_TYPES[column] != "bool":
                    values = [None if value is False else value for value in values]
                arrays.append(SQL("%s::%s[]", values, SQL(COLUMN_TYPES[column])))
            names = SQL(", ").join(SQL.identifier(column) for column in columns)
            self.env.cr.execute(
                SQL(
                    """INSERT INTO business_deadline_timer
                              (id, %(names)s, is_acknowledged,
                               create_uid, write_uid, create_date, write_date)
                       SELECT v.*, false, %(uid)s, %(uid)s, %(now)s, %(now)s
                         FROM unnest(%(arrays)s) AS v(id, %(names)s)""",
                    names=names,
                    arrays=SQL(", ").join(arrays),
                    uid=self.env.uid,
                    now=now,
                )
            )
        return self.browse(ids)

    # --------------------------------------------------------------- sweep

    @api.model
    def _cron_sweep(self, batch_size=SWEEP_BATCH_SIZE):
        """Warnings, escalations and breaches, by committed batches."""
        now = fields.Datetime.now()
        timers = self.sudo()
        active_rule_ids = self.env["business.deadline.rule"].sudo().search([]).ids
        skipped = []
        while True:
            rows = timers._sweep_rows(
                SQL(
                    """state IN %s AND next_action_time <= %s AND rule_id = ANY(%s)
                       AND id <> ALL(%s)
                  ORDER BY next_action_time, id
                     LIMIT %s""",
                    SWEPT_STATES,
                    now,
                    active_rule_ids,
                    skipped,
                    batch_size,
                )
            )
            if not rows:
                break
            batch = timers.browse([row[0] for row in rows])
            skipped += batch._sweep_safely(now, rows)
            # no count beforehand: a full batch means there may be more
            time_left = self.env["ir.cron"]._commit_progress(
                len(batch), remaining=batch_size if len(batch) == batch_size else 0
            )
            if not time_left or len(batch) < batch_size:
                break

    @api.model
    def _sweep_rows(self, condition):
        """What the sweep reads of its timers, in one query: a row per timer
        (tuples, cheap for large batches; see ``SWEEP_COLUMNS``)."""
        return self.env.execute_query(
            SQL(
                "SELECT %s FROM business_deadline_timer WHERE %s",
                SQL(", ").join(SQL.identifier(column) for column in SWEEP_COLUMNS),
                condition,
            )
        )

    def _sweep_safely(self, now, rows=None):
        """Sweep the batch; if it fails, retry timer by timer and skip the bad ones.

        :return: the ids of the timers that failed
        """
        try:
            with self.env.cr.savepoint():
                self._sweep(now, rows)
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

    def _sweep(self, now, rows=None):
        """Move the timers in ``self`` to warning or breached and fire their
        escalation levels due at ``now``, in a constant number of queries.

        Only the timers whose next escalation time has come are planned in Python;
        one SQL statement then moves the whole batch (states, breach times, fired
        levels, next action times) and raises its records' worst state. A timer
        whose record is gone is cancelled (the autovacuum deletes it) instead of
        firing.

        :param rows: the timers' rows as ``_sweep_rows`` reads them, when the
            caller has them already
        """
        if not self.ids:
            return
        if rows is None:
            rows = self._sweep_rows(SQL("id = ANY(%s)", self.ids))
        escalating = [
            dict(zip(SWEEP_COLUMNS, row, strict=True))
            for row in rows
            if row[1] in SWEPT_STATES and row[-1] and row[-1] <= now
        ]
        fired, escalations, cancelled = [], {}, []
        if escalating:
            fired, escalations, cancelled = self._sweep_escalations(escalating, now)
        ids = self.ids
        has_escalation = [timer_id in escalations for timer_id in ids]
        models_in_batch = [
            self.env[name]
            for name in sorted({row[4] for row in rows})
            if name in self.env
        ]
        self.env.cr.execute(
            SQL(
                """WITH moved AS (
                   UPDATE business_deadline_timer t
                      SET state = CASE
                              WHEN e.cancel THEN 'cancelled'
                              WHEN t.state <> 'breached' AND t.due_time <= %(now)s
                              THEN 'breached'
                              WHEN t.state = 'running' AND t.warning_time <= %(now)s
                              THEN 'warning'
                              ELSE t.state END,
                          breach_time = CASE
                              WHEN e.cancel IS NOT TRUE AND t.state <> 'breached'
                                   AND t.due_time <= %(now)s
                              THEN t.due_time ELSE t.breach_time END,
                          is_on_time = CASE
                              WHEN e.cancel IS NOT TRUE AND t.state <> 'breached'
                                   AND t.due_time <= %(now)s
                              THEN 0 ELSE t.is_on_time END,
                          is_warning_sent = COALESCE(t.is_warning_sent, FALSE)
                              OR COALESCE(t.warning_time <= %(now)s, FALSE),
                          escalation_level = CASE WHEN e.has_escalation
                              THEN COALESCE(e.level, t.escalation_level)
                              ELSE t.escalation_level END,
                          next_escalation_time = CASE WHEN e.has_escalation
                              THEN e.next_escalation ELSE t.next_escalation_time END,
                          next_action_time = CASE
                              WHEN e.cancel THEN NULL
                              WHEN t.state = 'breached' OR t.due_time <= %(now)s
                              THEN CASE WHEN e.has_escalation THEN e.next_escalation
                                        ELSE t.next_escalation_time END
                              WHEN t.state = 'warning' OR t.warning_time <= %(now)s
                              THEN LEAST(t.due_time,
                                         CASE WHEN e.has_escalation
                                              THEN e.next_escalation
                                              ELSE t.next_escalation_time END)
                              ELSE LEAST(CASE WHEN NOT COALESCE(t.is_warning_sent,
                                                                FALSE)
                                              THEN t.warning_time END,
                                         t.due_time,
                                         CASE WHEN e.has_escalation
                                              THEN e.next_escalation
                                              ELSE t.next_escalation_time END) END,
                          write_date = %(now)s, write_uid = %(uid)s
                     FROM unnest(%(ids)s::int4[], %(has)s::bool[], %(levels)s::int4[],
                                 %(next)s::timestamp[], %(cancel)s::bool[])
                          AS e(id, has_escalation, level, next_escalation, cancel)
                    WHERE t.id = e.id AND t.state IN %(swept)s
                RETURNING t.res_model, t.res_id, t.state)
                %(records)s
                SELECT 1""",
                records=SQL("").join(
                    SQL(
                        """, %(alias)s AS (
                           UPDATE %(table)s r SET deadline_state = m.state
                             FROM (SELECT res_id, (array_agg(state ORDER BY
                                          array_position(%(rank)s::varchar[],
                                                         state::varchar)))[1] AS state
                                     FROM moved WHERE res_model = %(model)s
                                 GROUP BY res_id) m
                            WHERE r.id = m.res_id
                              AND array_position(%(rank)s::varchar[], m.state)
                                  < COALESCE(array_position(%(rank)s::varchar[],
                                                            r.deadline_state::varchar),
                                             %(worst)s))""",
                        alias=SQL.identifier(f"records_{index}"),
                        table=SQL.identifier(model._table),
                        rank=STATE_RANK,
                        model=model._name,
                        worst=len(STATE_RANK) + 1,
                    )
                    for index, model in enumerate(models_in_batch)
                ),
                now=now,
                uid=self.env.uid,
                ids=ids,
                has=has_escalation,
                levels=[escalations.get(i, {}).get("level") for i in ids],
                next=[escalations.get(i, {}).get("next") for i in ids],
                cancel=[i in cancelled for i in ids],
                swept=SWEPT_STATES,
            )
        )
        self.invalidate_model()
        if fired:
            self._write_fired(
                [
                    {"timer": self.browse(row["id"]), "fired": {level.id}}
                    for row, level in fired
                ]
            )
        for model in models_in_batch:
            model.invalidate_model(["deadline_state"])
        self.env["business.deadline.rule.escalation"]._bd_fire(fired)

    def _sweep_escalations(self, rows, now):
        """Plan the rows whose next escalation time has come: every level not
        fired yet whose time has come fires (earliest first: a late sweep fires
        several at once).

        :return: ([(row, level)] fired, {timer id: {"level": count fired,
            "next": next escalation time}}, [ids of the orphans to cancel])
        """
        values = {}
        kept = self._sweep_orphans(rows, values)
        cancelled = list(values)
        for timer_id in cancelled:
            values[timer_id] = {"level": None, "next": None}
        rules = self.env["business.deadline.rule"].browse({r["rule_id"] for r in kept})
        rules.escalation_ids.fetch()
        calendars = self.env["resource.calendar"].browse(
            {r["calendar_id"] for r in kept}
        )
        calendar_by_id = {calendar.id: calendar for calendar in calendars}
        rule_by_id = {rule.id: rule for rule in rules}
        fired_ids = self.browse([row["id"] for row in kept])._fired_ids()
        specs = []
        for row in kept:
            rule = rule_by_id[row["rule_id"]]
            specs.append(
                {
                    "row": row,
                    "rule": rule,
                    "calendar": calendar_by_id.get(row["calendar_id"])
                    or rule._get_calendar(
                        self.env["res.company"].browse(row["company_id"])
                    ),
                    "due_time": row["due_time"],
                    "fired": fired_ids[row["id"]],
                }
            )
        self._plan_escalations(specs)
        fired = []
        for spec in specs:
            row = spec["row"]
            due_levels = sorted(
                (moment, level.sequence, level.id, level)
                for level, moment in spec["level_times"].items()
                if moment <= now
            )
            for __, __, __, level in due_levels:
                fired.append((row, level))
                del spec["level_times"][level]
            moments = spec["level_times"].values()
            values[row["id"]] = {
                "level": len(spec["fired"]) + len(due_levels),
                "next": min(moments) if moments else None,
            }
        return fired, values, cancelled

    def _sweep_orphans(self, rows, values):
        """Mark the rows whose record is gone in ``values``; return the others."""
        res_ids = defaultdict(set)
        for row in rows:
            res_ids[row["res_model"]].add(row["res_id"])
        existing = set()
        for model_name, ids in res_ids.items():
            if model_name not in self.env:
                continue
            table = self.env[model_name]._table
            found = self.env.execute_query(
                SQL(
                    "SELECT id FROM %s WHERE id = ANY(%s)",
                    SQL.identifier(table),
                    list(ids),
                )
            )
            existing |= {(model_name, res_id) for (res_id,) in found}
        kept = []
        for row in rows:
            if (row["res_model"], row["res_id"]) in existing:
                kept.append(row)
            else:
                values[row["id"]] = True
        return kept

    @api.autovacuum
    def _gc_orphan_timers(self):
        """Delete the timers whose record (or whose model) is gone."""
        models_used = self.env.execute_query(
            SQL("SELECT DISTINCT res_model FROM business_deadline_timer")
        )
        for (model_name,) in models_used:
            model = self.env.get(model_name)
            if model is None or model._abstract:
                self.env.cr.execute(
                    SQL(
                        "DELETE FROM business_deadline_timer WHERE res_model = %s",
                        model_name,
                    )
                )
                continue
            self.env.cr.execute(
                SQL(
                    """DELETE FROM business_deadline_timer t
                        WHERE t.res_model = %s
                          AND NOT EXISTS (SELECT 1 FROM %s r WHERE r.id = t.res_id)""",
                    model_name,
                    SQL.identifier(model._table),
                )
            )
        self.invalidate_model()

    # ---------------------------------------------------------- life cycle

    def _bd_transition(self, status, now):
        """Follow the record's change: return the values to write on the open
        timer, and the spec changes that move its clock (or ``None``).

        A pause stops the clock; on resume the due time moves back by the time
        paused (see ``_bd_resume_shifts``, which computes it in bulk).
        """
        self.ensure_one()
        vals = {}
        if status["user_id"] != self.user_id.id:
            vals["user_id"] = status["user_id"] or None
        paused_hours = self.paused_hours
        if self.state == "paused" and self.paused_since and now > self.paused_since:
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
            if late and not self.breach_time:
                vals["breach_time"] = self.due_time
            if self.state == "paused":
                vals.update(paused_since=None, paused_hours=paused_hours)
            return vals, None
        move = {}
        if status["company_id"] != self.company_id.id:
            vals["company_id"] = status["company_id"] or None
            if status["calendar"] != self.calendar_id:
                vals["calendar_id"] = status["calendar"].id
                move["calendar"] = status["calendar"]
        if self.state == "breached":
            return vals, None
        if status["pause"] and self.state != "paused":
            vals.update(state="paused", paused_since=now, next_action_time=None)
            return vals, None
        if not status["pause"] and self.state == "paused":
            state = "warning" if self.is_warning_sent else "running"
            vals.update(state=state, paused_since=None, paused_hours=paused_hours)
            move.update(state=state, resume=(self.paused_since, now))
        elif self.state == "paused":
            return vals, None
        if status["start"] != self.start_time:
            move["start"] = status["start"]
        if status["amount"] != self._allowed_amount():
            move["amount"] = status["amount"]
        return vals, move or None

    @api.model
    def _bd_resume_shifts(self, specs):
        """Add to each resumed spec's shift the time it was paused, in bulk: wall
        clock hours for calendar units, working hours of the calendar for working
        units; a pause that ended before the clock started shifts nothing."""
        working = defaultdict(list)
        for spec in specs:
            since, until = spec.pop("resume", (None, None))
            if not since or until <= since:
                continue
            if spec["rule"].unit in WORKING_UNITS:
                working[spec["calendar"]].append((spec, since, until))
            else:
                spec["shift"] += (until - since) / timedelta(hours=1)
        for calendar, group in working.items():
            hours = calendar._bd_working_hours_between_batch(
                [(since, until) for __, since, until in group]
            )
            for (spec, __, __), shift in zip(group, hours, strict=True):
                spec["shift"] += shift
