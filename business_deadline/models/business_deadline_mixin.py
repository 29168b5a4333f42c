from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL, date_utils

from .business_deadline_timer import MOVABLE_STATES, OPEN_STATES


class BusinessDeadlineMixin(models.AbstractModel):
    """Give a model deadline timers.

    The records of a model inheriting this mixin get a timer per matching deadline
    rule; the timers are created, recomputed, paused, met and cancelled as the
    records change.
    """

    _name = "business.deadline.mixin"
    _description = "Deadline Mixin"

    deadline_timer_ids = fields.One2many(
        "business.deadline.timer",
        "res_id",
        string="Deadline Timers",
        domain=lambda self: [("res_model", "=", self._name)],
        bypass_search_access=True,
        groups="base.group_user",
    )
    deadline_timer_count = fields.Integer(compute="_compute_deadline_fields")
    deadline_state = fields.Selection(
        [
            ("breached", "Breached"),
            ("warning", "Warning"),
            ("running", "Running"),
            ("paused", "Paused"),
            ("met", "Met"),
            ("cancelled", "Cancelled"),
        ],
        readonly=True,
        copy=False,
        help="The worst state of the deadline timers of the record (kept by the "
        "deadline engine).",
    )
    deadline_next_due = fields.Datetime(
        string="Next Deadline",
        readonly=True,
        copy=False,
        index=True,
        help="The earliest due time of the open deadline timers (kept by the "
        "deadline engine).",
    )
    deadline_is_overdue = fields.Boolean(
        string="Deadline Overdue",
        compute="_compute_deadline_fields",
        search="_search_deadline_is_overdue",
    )
    deadline_is_due_today = fields.Boolean(
        string="Deadline Due Today",
        compute="_compute_deadline_fields",
        search="_search_deadline_is_due_today",
    )
    deadline_is_due_this_week = fields.Boolean(
        string="Deadline Due This Week",
        compute="_compute_deadline_fields",
        search="_search_deadline_is_due_this_week",
    )
    deadline_is_breached_this_month = fields.Boolean(
        string="Deadline Breached This Month",
        compute="_compute_deadline_fields",
        search="_search_deadline_is_breached_this_month",
    )

    @api.depends("deadline_state", "deadline_next_due")
    def _compute_deadline_fields(self):
        """Read as superuser: every user who can read the record sees its deadline
        summary, with or without access to the timers themselves."""
        now = fields.Datetime.now()
        today_start, today_end = self._deadline_period("day")
        week_start, week_end = self._deadline_period("week")
        month_start, month_end = self._deadline_period("month")
        timers_by_record = defaultdict(list)
        if self.ids:
            timers = (
                self.env["business.deadline.timer"]
                .sudo()
                .search_fetch(
                    [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                    ["res_id", "state", "due_time", "breach_time"],
                )
            )
            for timer in timers:
                timers_by_record[timer.res_id].append(timer)
        for record in self:
            timers = timers_by_record.get(record.id, [])
            open_timers = [t for t in timers if t.state in OPEN_STATES]
            dues = [t.due_time for t in open_timers if t.due_time]
            record.deadline_timer_count = len(timers)
            record.deadline_is_overdue = any(
                t.state == "breached" or (t.due_time and t.due_time <= now)
                for t in open_timers
            )
            record.deadline_is_due_today = any(
                today_start <= due < today_end for due in dues
            )
            record.deadline_is_due_this_week = any(
                week_start <= due < week_end for due in dues
            )
            record.deadline_is_breached_this_month = any(
                t.breach_time and month_start <= t.breach_time < month_end
                for t in timers
            )

    # ------------------------------------------------------------- search

    @api.model
    def _deadline_period(self, period):
        """The UTC bounds of the current day, week or month in the user's time zone."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        today = pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()
        start = date_utils.start_of(today, period)
        end = date_utils.end_of(today, period) + timedelta(days=1)

        def to_utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return to_utc(start), to_utc(end)

    @api.model
    def _deadline_records_sql(self, condition, having=None):
        """SQL selecting the ids of the records having timers matching ``condition``."""
        return SQL(
            """SELECT res_id FROM business_deadline_timer
                WHERE res_model = %s AND %s GROUP BY res_id %s""",
            self._name,
            condition,
            SQL("HAVING %s", having) if having else SQL(),
        )

    @api.model
    def _deadline_search(self, operator, value, condition, having=None):
        if operator not in ("in", "not in"):
            return NotImplemented
        positive = (True in value) == (operator == "in")
        records_sql = self._deadline_records_sql(condition, having)
        return Domain("id", "in" if positive else "not in", records_sql)

    def _search_deadline_is_overdue(self, operator, value):
        condition = SQL(
            "(state = 'breached' OR (state IN %s AND due_time <= %s))",
            MOVABLE_STATES,
            fields.Datetime.now(),
        )
        return self._deadline_search(operator, value, condition)

    def _search_deadline_due_between(self, operator, value, period):
        start, end = self._deadline_period(period)
        condition = SQL(
            "state IN %s AND due_time >= %s AND due_time < %s", OPEN_STATES, start, end
        )
        return self._deadline_search(operator, value, condition)

    def _search_deadline_is_due_today(self, operator, value):
        return self._search_deadline_due_between(operator, value, "day")

    def _search_deadline_is_due_this_week(self, operator, value):
        return self._search_deadline_due_between(operator, value, "week")

    def _search_deadline_is_breached_this_month(self, operator, value):
        start, end = self._deadline_period("month")
        condition = SQL("breach_time >= %s AND breach_time < %s", start, end)
        return self._deadline_search(operator, value, condition)

    # -------------------------------------------------------------- hooks

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._bd_sync_timers()
        return records

    def write(self, vals):
        res = super().write(vals)
        if self._bd_is_sync_needed(vals):
            self._bd_sync_timers()
        return res

    def _write_multi(self, vals_list):
        """Stored computed and related fields reach the database here, without
        ``write()``: a rule that starts or is met by one of them follows them."""
        super()._write_multi(vals_list)
        if self.env.context.get("business_deadline_syncing"):
            return
        computed = {
            fname
            for vals in vals_list
            for fname in vals
            if fname in self._fields and self._fields[fname].compute
        }
        if computed and self._bd_is_sync_needed(computed):
            self._bd_sync_timers()

    def unlink(self):
        timers = (
            self.env["business.deadline.timer"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        res = super().unlink()
        timers.unlink()
        return res

    def _bd_get_rules(self):
        rule_model = self.env["business.deadline.rule"].sudo()
        return rule_model.browse(rule_model._get_rule_ids_for_model(self._name))

    def _bd_is_sync_needed(self, fnames):
        rules = self._bd_get_rules()
        if not rules:
            return False
        for rule in rules:
            names = rule._get_trigger_fields()
            if names is None or names & set(fnames):
                return True
        return False

    @api.model
    def _bd_get_raisable_fields(self):
        """Names of the fields an escalation level may raise (a priority): none
        unless the model declares them."""
        return []

    def action_view_deadline_timers(self):
        """Smart button: the deadline timers of the record."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "business_deadline.business_deadline_timer_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # --------------------------------------------------------------- sync

    def _bd_sync_timers(self, rules=None):
        """Create, recompute, pause, resume, meet, cancel and move the timers of
        ``self`` (for ``rules``, by default all the model's active rules).

        Set-based: one search of the open timers, one create, batched calendar
        arithmetic and one update query per set of changed columns. A record with
        no open timer whose start condition holds (again) gets a new timer: the
        closed ones stay as history.
        """
        rules = rules if rules is not None else self._bd_get_rules()
        records = self.sudo().with_context(business_deadline_syncing=True)
        if not rules or not records:
            return
        now = fields.Datetime.now()
        timer_model = records.env["business.deadline.timer"]
        timers = timer_model.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", records.ids),
                ("rule_id", "in", rules.ids),
                ("state", "in", OPEN_STATES),
            ]
        )
        timer_by_key = {(timer.rule_id.id, timer.res_id): timer for timer in timers}
        new_specs, moved_specs, updates, moves = [], [], {}, {}
        for rule in rules.with_env(records.env):
            matching = records
            if rule._get_record_domain() != Domain.TRUE:
                matching = records.filtered_domain(rule._get_record_domain())
            if rule.company_id and "company_id" in records._fields:
                matching = matching.filtered(
                    lambda r, rule=rule: not r.company_id
                    or r.company_id == rule.company_id
                )
            events = {
                event: set(rule._get_event_records(event, records).ids)
                for event in ("met", "pause", "cancel")
            }
            if not rule.start_field_id:
                events["start"] = set(rule._get_event_records("start", records).ids)
            timers_of_rule = [timer_by_key.get((rule.id, rid)) for rid in records.ids]
            statuses = records._bd_statuses(
                rule, set(matching.ids), timers_of_rule, events, now
            )
            for record, timer, status in zip(
                records, timers_of_rule, statuses, strict=True
            ):
                if not timer:
                    if status["start"] and not status["met"] and not status["cancel"]:
                        new_specs.append(record._bd_new_spec(rule, status))
                    continue
                vals, move = timer._bd_transition(status, now)
                if vals:
                    updates[timer.id] = vals
                if move:
                    moves[timer] = move
        moved_timers = timer_model.browse([timer.id for timer in moves])
        for spec in moved_timers._get_specs():
            spec.update(moves[spec["timer"]])
            moved_specs.append(spec)
        timer_model._bd_resume_shifts(moved_specs)
        timer_model._plan(new_specs + moved_specs, now)
        for spec in moved_specs:
            vals = updates.setdefault(spec["timer"].id, {})
            vals.update(timer_model._spec_values(spec))
            vals.update(start_time=spec["start"], shift_hours=spec["shift"])
        timer_model._bulk_update(updates)
        timer_model._write_fired(moved_specs)
        if new_specs:
            created = timer_model._bulk_create(
                [self._bd_prepare_timer_vals(spec) for spec in new_specs]
            )
            records.invalidate_recordset(["deadline_timer_ids"])
            for spec, timer in zip(new_specs, created, strict=True):
                spec["timer"] = timer
            timer_model._write_fired(new_specs)
        timer_model._refresh_records({self._name: set(records.ids)})

    def _bd_statuses(self, rule, matching_ids, timers, events, now):
        """Where each record stands for ``rule``, in the order of ``self``: its
        start, whether the deadline is met, paused or cancelled, its responsible,
        company, calendar and the time allowed.

        Set-based: the rule's settings are read once, the records' values in one
        ``read``, calendars and local midnights once per company and day, so a
        batch of thousands of records costs no more than its values.

        :param matching_ids: ids of the records the rule applies to
        :param timers: the open timer of each record for the rule (or ``None``)
        :param events: {event: set of ids} of the records for which it holds
        """
        start_field = rule.start_field_id
        start_fname = start_field.name
        is_date = start_field.ttype == "date"
        user_fname = rule.user_field_id.name
        if not user_fname:
            field = self._fields.get("user_id")
            if field and field.type == "many2one" and field.comodel_name == "res.users":
                user_fname = "user_id"
        amount_fname = rule.amount_field_id.name
        company_fname = "company_id" if "company_id" in self._fields else None
        fnames = [
            fname
            for fname in (start_fname, user_fname, amount_fname, company_fname)
            if fname
        ]
        rows = self.read(fnames, load=None) if fnames else [{} for _ in self]
        rule_company = rule.company_id
        companies, midnights = {}, {}
        statuses = []
        for row, record_id, timer in zip(rows, self.ids, timers, strict=True):
            company_id = (company_fname and row[company_fname]) or rule_company.id
            calendar = companies.get(company_id)
            if calendar is None:
                company = self.env["res.company"].browse(company_id)
                calendar = companies[company_id] = rule._get_calendar(company)
            start = False
            if start_fname:
                start = row[start_fname]
                if start and is_date:
                    key = (calendar.id, start)
                    if key not in midnights:
                        midnights[key] = calendar._bd_local_midnight(start)
                    start = midnights[key]
            elif timer:
                start = timer.start_time
            elif record_id in events["start"]:
                start = now
            statuses.append(
                {
                    "start": start,
                    "met": record_id in events["met"],
                    "pause": record_id in events["pause"],
                    "cancel": record_id in events["cancel"]
                    or record_id not in matching_ids,
                    "user_id": (user_fname and row[user_fname]) or False,
                    "company_id": company_id or False,
                    "calendar": calendar,
                    "amount": rule._get_amount(
                        row[amount_fname] if amount_fname else None
                    ),
                }
            )
        return statuses

    def _bd_new_spec(self, rule, status):
        return {
            "record": self,
            "rule": rule,
            "calendar": status["calendar"],
            "company_id": status["company_id"],
            "user_id": status["user_id"],
            "start": status["start"],
            "amount": status["amount"],
            "shift": 0.0,
            "fired": set(),
            "warned": False,
            "state": "paused" if status["pause"] else "running",
        }

    @api.model
    def _bd_prepare_timer_vals(self, spec):
        paused = spec["state"] == "paused"
        vals = {
            "rule_id": spec["rule"].id,
            "res_model": spec["record"]._name,
            "res_id": spec["record"].id,
            "company_id": spec["company_id"] or False,
            "user_id": spec["user_id"] or False,
            "calendar_id": spec["calendar"].id,
            "start_time": spec["start"],
            "paused_since": spec["start"] if paused else False,
            "escalation_level": len(spec["fired"]),
        }
        vals.update(self.env["business.deadline.timer"]._spec_values(spec))
        return vals
