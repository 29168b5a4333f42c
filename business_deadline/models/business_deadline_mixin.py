from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL, date_utils

from .business_deadline_rule import split_states
from .business_deadline_timer import MOVABLE_STATES, OPEN_STATES, STATE_RANK


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
    deadline_timer_count = fields.Integer(
        compute="_compute_deadline_fields", groups="base.group_user"
    )
    deadline_state = fields.Selection(
        [
            ("breached", "Breached"),
            ("warning", "Warning"),
            ("running", "Running"),
            ("paused", "Paused"),
            ("met", "Met"),
            ("cancelled", "Cancelled"),
        ],
        compute="_compute_deadline_fields",
        search="_search_deadline_state",
        groups="base.group_user",
        help="The worst state of the deadline timers of the record.",
    )
    deadline_next_due = fields.Datetime(
        string="Next Deadline",
        compute="_compute_deadline_fields",
        search="_search_deadline_next_due",
        groups="base.group_user",
        help="The earliest due time of the open deadline timers.",
    )
    deadline_is_overdue = fields.Boolean(
        string="Deadline Overdue",
        compute="_compute_deadline_fields",
        search="_search_deadline_is_overdue",
        groups="base.group_user",
    )
    deadline_is_due_today = fields.Boolean(
        string="Deadline Due Today",
        compute="_compute_deadline_fields",
        search="_search_deadline_is_due_today",
        groups="base.group_user",
    )
    deadline_is_due_this_week = fields.Boolean(
        string="Deadline Due This Week",
        compute="_compute_deadline_fields",
        search="_search_deadline_is_due_this_week",
        groups="base.group_user",
    )
    deadline_is_breached_this_month = fields.Boolean(
        string="Deadline Breached This Month",
        compute="_compute_deadline_fields",
        search="_search_deadline_is_breached_this_month",
        groups="base.group_user",
    )

    @api.depends("deadline_timer_ids.state", "deadline_timer_ids.due_time")
    def _compute_deadline_fields(self):
        now = fields.Datetime.now()
        today_start, today_end = self._deadline_period("day")
        week_start, week_end = self._deadline_period("week")
        month_start, month_end = self._deadline_period("month")
        for record in self:
            timers = record.deadline_timer_ids
            open_timers = timers.filtered(lambda t: t.state in OPEN_STATES)
            dues = [t.due_time for t in open_timers if t.due_time]
            next_due = min(dues) if dues else False
            record.deadline_timer_count = len(timers)
            record.deadline_state = (
                min(timers.mapped("state"), key=STATE_RANK.index) if timers else False
            )
            record.deadline_next_due = next_due
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

    def _search_deadline_state(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        states = [state for state in value if state]
        rank = SQL(
            "min(array_position(%s::varchar[], state::varchar))", list(STATE_RANK)
        )
        ranks = [STATE_RANK.index(state) + 1 for state in states]
        records_sql = self._deadline_records_sql(
            SQL("TRUE"), SQL("%s = ANY(%s)", rank, ranks)
        )
        domain = Domain("id", "in", records_sql)
        if False in value:
            domain |= Domain("id", "not in", self._deadline_records_sql(SQL("TRUE")))
        return ~domain if operator == "not in" else domain

    def _search_deadline_next_due(self, operator, value):
        if operator in ("in", "not in") and value == {False}:
            records_sql = self._deadline_records_sql(
                SQL("state IN %s AND due_time IS NOT NULL", OPEN_STATES)
            )
            return Domain("id", "not in" if operator == "in" else "in", records_sql)
        sql_operator = {"<": "<", "<=": "<=", ">": ">", ">=": ">="}.get(operator)
        if not sql_operator:
            return NotImplemented
        records_sql = self._deadline_records_sql(
            SQL("state IN %s", OPEN_STATES),
            SQL("min(due_time) %s %s", SQL(sql_operator), value),
        )
        return Domain("id", "in", records_sql)

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

    def _bd_is_sync_needed(self, vals):
        rules = self._bd_get_rules()
        if not rules:
            return False
        for rule in rules:
            names = rule._get_trigger_fields()
            if names is None or names & set(vals):
                return True
        return False

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

    def _bd_sync_timers(self):
        """Create, recompute, pause, resume, meet and cancel the timers of ``self``.

        Set-based: one search of the existing timers, one create, batched
        calendar arithmetic and one update query per set of changed columns.
        """
        rules = self._bd_get_rules()
        records = self.sudo().exists()
        if not rules or not records:
            return
        now = fields.Datetime.now()
        timer_model = self.env["business.deadline.timer"].sudo()
        timers = timer_model.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", records.ids),
                ("rule_id", "in", rules.ids),
            ]
        )
        timer_by_key = {(timer.rule_id.id, timer.res_id): timer for timer in timers}
        new_specs, moved_specs, updates = [], [], {}
        for rule in rules:
            matching = records
            if rule._get_record_domain() != Domain.TRUE:
                matching = records.filtered_domain(rule._get_record_domain())
            if rule.company_id and "company_id" in records._fields:
                matching = matching.filtered(
                    lambda r, rule=rule: not r.company_id
                    or r.company_id == rule.company_id
                )
            for record in records:
                timer = timer_by_key.get((rule.id, record.id))
                status = record._bd_status(rule, record in matching, timer, now)
                if not timer:
                    if status["start"] and not status["met"] and not status["cancel"]:
                        new_specs.append(record._bd_new_spec(rule, status, now))
                elif timer.state in OPEN_STATES:
                    vals, move = timer._bd_transition(status, now)
                    if vals:
                        updates[timer.id] = vals
                    if move:
                        spec = timer._get_spec()
                        spec.update(move)
                        moved_specs.append(spec)
        timer_model._plan(new_specs + moved_specs, now)
        for spec in moved_specs:
            updates.setdefault(spec["timer"].id, {}).update(
                start_time=spec["start"],
                shift_hours=spec["shift"],
                due_time=spec["due_time"],
                warning_time=spec["warning_time"],
                next_escalation_time=spec["next_escalation_time"],
                next_action_time=spec["next_action_time"],
            )
        timer_model._bulk_update(updates)
        if new_specs:
            timer_model.create([self._bd_prepare_timer_vals(s) for s in new_specs])

    def _bd_status(self, rule, is_matching, timer, now):
        """Where the record stands for ``rule``: its start, and whether the
        deadline is met, paused or cancelled."""
        self.ensure_one()
        state = self["state"] if "state" in self._fields else False
        start = False
        if rule.start_field_id:
            start = self[rule.start_field_id.name]
            if start and rule.start_field_id.ttype == "date":
                start = self._bd_date_start(rule, start)
        elif timer:
            start = timer.start_time
        elif state and state == rule.start_state:
            start = now
        met = state in split_states(rule.met_states) or bool(
            rule.met_field_id and self[rule.met_field_id.name]
        )
        return {
            "start": start,
            "met": met,
            "pause": state in split_states(rule.pause_states),
            "cancel": state in split_states(rule.cancel_states) or not is_matching,
            "user_id": self._bd_responsible().id,
        }

    def _bd_date_start(self, rule, day):
        """A date start counts from the local midnight of the calendar."""
        return rule._get_calendar(self._bd_company())._bd_local_midnight(day)

    def _bd_company(self):
        self.ensure_one()
        if "company_id" in self._fields and self.company_id:
            return self.company_id
        return self.env.company

    def _bd_responsible(self):
        """The responsible user of the record (its ``user_id``, if any)."""
        self.ensure_one()
        field = self._fields.get("user_id")
        if field and field.type == "many2one" and field.comodel_name == "res.users":
            return self.user_id
        return self.env["res.users"]

    def _bd_new_spec(self, rule, status, now):
        company = self._bd_company()
        return {
            "record": self,
            "rule": rule,
            "calendar": rule._get_calendar(company),
            "company": company,
            "user_id": status["user_id"],
            "start": status["start"],
            "shift": 0.0,
            "level": 0,
            "warned": False,
            "state": "paused" if status["pause"] else "running",
        }

    @api.model
    def _bd_prepare_timer_vals(self, spec):
        paused = spec["state"] == "paused"
        return {
            "rule_id": spec["rule"].id,
            "res_model": spec["record"]._name,
            "res_id": spec["record"].id,
            "company_id": spec["company"].id,
            "user_id": spec["user_id"] or False,
            "calendar_id": spec["calendar"].id,
            "state": spec["state"],
            "start_time": spec["start"],
            "due_time": spec["due_time"],
            "warning_time": spec["warning_time"],
            "next_escalation_time": spec["next_escalation_time"],
            "next_action_time": spec["next_action_time"],
            "paused_since": spec["start"] if paused else False,
        }
