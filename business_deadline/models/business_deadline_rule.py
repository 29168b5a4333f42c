import math

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.safe_eval import safe_eval

from ..tools.timeline import DAY_UNITS, UNITS, WORKING_UNITS
from .business_deadline_timer import OPEN_STATES

# the events of a rule other than its start: each is met by states and/or a filter
CONDITIONS = ("start", "met", "pause", "cancel")
# records synchronised at once when a rule is applied to the existing records: large
# enough for set-based work, small enough to keep the prefetch cache bounded
APPLY_BATCH_SIZE = 5000


class BusinessDeadlineRule(models.Model):
    _name = "business.deadline.rule"
    _description = "Deadline Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to apply the rule to the records of every company.",
    )
    model_id = fields.Many2one(
        "ir.model",
        required=True,
        index=True,
        ondelete="cascade",
        domain=lambda self: self._get_model_id_domain(),
        help="The kind of record the deadline applies to. Only the models that use "
        "the deadline engine are offered.",
    )
    model = fields.Char(
        related="model_id.model", store=True, index=True, string="Model Name"
    )
    state_field_id = fields.Many2one(
        "ir.model.fields",
        compute="_compute_state_field_id",
        help="The status field of the model, whose values the rule's events use.",
    )
    start_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('date', 'datetime'))]",
        help="The clock starts at the date or time held in this field.",
    )
    start_state_ids = fields.Many2many(
        "ir.model.fields.selection",
        "business_deadline_rule_start_state_rel",
        "rule_id",
        "selection_id",
        string="Start States",
        domain="[('field_id', '=', state_field_id)]",
        help="The clock starts when the record enters one of these states.",
    )
    start_domain = fields.Char(
        string="Start Condition",
        help="The clock starts when the record comes to match this condition.",
    )
    amount = fields.Float(required=True, default=1.0)
    amount_days = fields.Integer(
        string="Days",
        compute="_compute_amount_days",
        inverse="_inverse_amount_days",
        help="The allowed time, in whole days.",
    )
    amount_field_id = fields.Many2one(
        "ir.model.fields",
        string="Allowed Time From",
        ondelete="set null",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('float', 'integer'))]",
        help="Take the allowed time from this field of the record (in the rule's "
        "unit; whole days are rounded up), e.g. the hours of the record's service "
        "agreement. When the field is empty or zero, the amount of the rule is used.",
    )
    unit = fields.Selection(UNITS, required=True, default="working_days")
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        check_company=True,
        help="Calendar of the working time. Leave empty to use the working calendar "
        "of the record's company.",
    )
    met_state_ids = fields.Many2many(
        "ir.model.fields.selection",
        "business_deadline_rule_met_state_rel",
        "rule_id",
        "selection_id",
        string="Met States",
        domain="[('field_id', '=', state_field_id)]",
        help="The deadline is met when the record reaches one of these states.",
    )
    met_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('store', '=', True)]",
        help="The deadline is met as soon as this field is set.",
    )
    met_domain = fields.Char(
        string="Met Condition",
        help="The deadline is met when the record matches this condition.",
    )
    pause_state_ids = fields.Many2many(
        "ir.model.fields.selection",
        "business_deadline_rule_pause_state_rel",
        "rule_id",
        "selection_id",
        string="Pause States",
        domain="[('field_id', '=', state_field_id)]",
        help="The clock stops while the record is in one of these states.",
    )
    pause_domain = fields.Char(
        string="Pause Condition",
        help="The clock stops while the record matches this condition.",
    )
    cancel_state_ids = fields.Many2many(
        "ir.model.fields.selection",
        "business_deadline_rule_cancel_state_rel",
        "rule_id",
        "selection_id",
        string="Cancel States",
        domain="[('field_id', '=', state_field_id)]",
        help="These states cancel the deadline.",
    )
    cancel_domain = fields.Char(
        string="Cancel Condition",
        help="The deadline is cancelled when the record matches this condition.",
    )
    domain = fields.Char(
        string="Applies To",
        default="[]",
        help="Only the records matching this filter get a deadline.",
    )
    user_field_id = fields.Many2one(
        "ir.model.fields",
        string="Responsible From",
        ondelete="set null",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one'), "
        "('relation', '=', 'res.users')]",
        help="The field of the record holding the responsible of the deadline. "
        "Empty: the record's Responsible (user_id), if it has one.",
    )
    fallback_user_id = fields.Many2one(
        "res.users",
        domain="[('share', '=', False)]",
        help="Gets the escalation activities of the records that have no responsible.",
    )
    due_field_id = fields.Many2one(
        "ir.model.fields",
        string="Due Date Field",
        ondelete="set null",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'datetime'), "
        "('store', '=', True), ('readonly', '=', True)]",
        help="A stored date and time field of the record that the engine keeps "
        "equal to the due time of the record's latest timer of this rule, to "
        "search, sort and group the records by it.",
    )
    warning_mode = fields.Selection(
        [
            ("none", "No Warning"),
            ("lead", "Fixed Lead Time"),
            ("percent", "Percentage of the Allowed Time"),
        ],
        required=True,
        default="none",
    )
    warning_amount = fields.Float(
        string="Warning Lead",
        help="The timer turns to warning this long before the due time.",
    )
    warning_unit = fields.Selection(UNITS, default="working_hours")
    warning_percent = fields.Float(
        string="Warning Percentage",
        help="The timer turns to warning when this percentage of the allowed time "
        "is left (of the working time allowed, for rules counted in working time).",
    )
    escalation_ids = fields.One2many(
        "business.deadline.rule.escalation", "rule_id", string="Escalation Levels"
    )
    timer_count = fields.Integer(compute="_compute_timer_count")

    _amount_positive = models.Constraint(
        "CHECK (amount > 0 OR (amount = 0 AND unit IN ('calendar_days', "
        "'working_days', 'calendar_hours')))",
        "The amount of a deadline must be positive (zero days: the same day; zero "
        "calendar hours: at the start).",
    )
    _warning_amount_positive = models.Constraint(
        "CHECK (warning_amount IS NULL OR warning_amount >= 0)",
        "The warning lead cannot be negative.",
    )
    _warning_percent_range = models.Constraint(
        "CHECK (warning_percent IS NULL OR (warning_percent >= 0 "
        "AND warning_percent <= 100))",
        "The warning percentage must be between 0 and 100.",
    )

    @api.model
    def _get_model_id_domain(self):
        return [("model", "in", self._get_deadline_model_names())]

    @api.model
    def _get_deadline_model_names(self):
        """Names of the models that inherit the engine's mixin."""
        mixin = self.env.registry["business.deadline.mixin"]
        return [
            name
            for name, model_class in self.env.registry.items()
            if name != mixin._name
            and not model_class._abstract
            and issubclass(model_class, mixin)
        ]

    @api.depends("model_id")
    def _compute_state_field_id(self):
        for rule in self:
            field = rule.model and self.env["ir.model.fields"]._get(rule.model, "state")
            rule.state_field_id = (
                field if field and field.ttype == "selection" else False
            )

    @api.depends("amount")
    def _compute_amount_days(self):
        for rule in self:
            rule.amount_days = round(rule.amount)

    def _inverse_amount_days(self):
        for rule in self:
            if rule.unit in DAY_UNITS:
                rule.amount = rule.amount_days

    def _compute_timer_count(self):
        counts = dict(
            self.env["business.deadline.timer"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.timer_count = counts.get(rule, 0)

    # ------------------------------------------------------------ constraints

    @api.constrains("model_id")
    def _check_model_id(self):
        allowed = set(self._get_deadline_model_names())
        for rule in self:
            if rule.model not in allowed:
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: the model %(model)s does not use the "
                        "deadline engine.",
                        rule=rule.name,
                        model=rule.model_id.name,
                    )
                )

    @api.constrains(
        "model_id",
        "start_field_id",
        "start_state_ids",
        "start_domain",
        "met_field_id",
        "met_state_ids",
        "met_domain",
        "amount_field_id",
        "user_field_id",
        "due_field_id",
    )
    def _check_events(self):
        for rule in self:
            has_start_condition = bool(
                rule.start_state_ids or rule._get_condition_domain("start")
            )
            if bool(rule.start_field_id) == has_start_condition:
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: the clock starts either at a date "
                        "field or when the record enters a state or condition; "
                        "choose one.",
                        rule=rule.name,
                    )
                )
            if not (
                rule.met_state_ids
                or rule.met_field_id
                or rule._get_condition_domain("met")
            ):
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: say when the deadline is met (a "
                        "state, a field or a condition).",
                        rule=rule.name,
                    )
                )
            fields_used = (
                rule.start_field_id
                | rule.met_field_id
                | rule.amount_field_id
                | rule.user_field_id
                | rule.due_field_id
            )
            for field in fields_used:
                if field.model_id != rule.model_id:
                    raise ValidationError(
                        self.env._(
                            "Deadline rule %(rule)s: the field %(field)s does not "
                            "belong to the model %(model)s.",
                            rule=rule.name,
                            field=field.field_description,
                            model=rule.model_id.name,
                        )
                    )
            if rule.start_field_id.ttype not in (False, "date", "datetime"):
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: the start field must be a date or "
                        "a date and time.",
                        rule=rule.name,
                    )
                )
            if rule.due_field_id and (
                rule.due_field_id.ttype != "datetime" or not rule.due_field_id.store
            ):
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: the due date field must be a stored "
                        "date and time field.",
                        rule=rule.name,
                    )
                )
            states = rule.start_state_ids | rule.met_state_ids
            states |= rule.pause_state_ids | rule.cancel_state_ids
            if any(state.field_id != rule.state_field_id for state in states):
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: the states must be states of the "
                        "model %(model)s.",
                        rule=rule.name,
                        model=rule.model_id.name,
                    )
                )

    @api.constrains(
        "domain",
        "model_id",
        "start_domain",
        "met_domain",
        "pause_domain",
        "cancel_domain",
    )
    def _check_domain(self):
        for rule in self:
            for fname in ("domain", *(f"{event}_domain" for event in CONDITIONS)):
                try:
                    domain = Domain(safe_eval(rule[fname] or "[]"))
                    self.env[rule.model].sudo().search_count(domain, limit=1)
                except Exception as error:
                    raise ValidationError(
                        self.env._(
                            "Deadline rule %(rule)s: the condition %(field)s is not "
                            "valid: %(error)s",
                            rule=rule.name,
                            field=rule._fields[fname]._description_string(self.env),
                            error=error,
                        )
                    ) from error

    @api.constrains("amount", "unit")
    def _check_amount(self):
        """Whole days for day units: refused when the rule is saved, not later."""
        for rule in self:
            if rule.unit in DAY_UNITS and not float(rule.amount).is_integer():
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: a deadline in days needs a whole "
                        "number of days (got %(amount)s).",
                        rule=rule.name,
                        amount=rule.amount,
                    )
                )

    @api.constrains("warning_mode", "warning_amount", "warning_unit")
    def _check_warning(self):
        for rule in self:
            if rule.warning_mode == "lead" and (
                not rule.warning_amount or not rule.warning_unit
            ):
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: a fixed warning lead needs an amount "
                        "and a unit.",
                        rule=rule.name,
                    )
                )
            if (
                rule.warning_mode == "lead"
                and rule.warning_unit in DAY_UNITS
                and not float(rule.warning_amount).is_integer()
            ):
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: a warning lead in days needs a whole "
                        "number of days (got %(amount)s).",
                        rule=rule.name,
                        amount=rule.warning_amount,
                    )
                )

    @api.constrains("calendar_id", "unit", "warning_unit", "warning_mode")
    def _check_calendar(self):
        """A flexible-hours calendar cannot count working time: refused here,
        when the rule is saved."""
        for rule in self:
            units = {rule.unit} | set(rule.escalation_ids.mapped("offset_unit"))
            if rule.warning_mode == "lead":
                units.add(rule.warning_unit)
            if units & set(WORKING_UNITS):
                rule.calendar_id._bd_check_countable()

    # --------------------------------------------------------------- CRUD

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env.registry.clear_cache()
        return rules

    def write(self, vals):
        if "model_id" in vals and self._has_timers(vals["model_id"]):
            raise UserError(
                self.env._(
                    "A deadline rule that has timers cannot be moved to another "
                    "model: archive it and create a new rule."
                )
            )
        was_active = {rule: rule.active for rule in self}
        res = super().write(vals)
        self.env.registry.clear_cache()
        if "active" in vals:
            archived = self.filtered(lambda r: was_active[r] and not r.active)
            archived._cancel_open_timers()
            restored = self.filtered(lambda r: not was_active[r] and r.active)
            restored.action_apply_to_existing()
        active = self.filtered("active")
        if set(vals) & set(self._get_recheck_fields()):
            active._recheck_open_timers()
        elif set(vals) & set(self._get_recompute_fields()):
            active._recompute_open_timers()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_timers(self):
        if self._has_timers():
            raise UserError(
                self.env._(
                    "A deadline rule that has timers cannot be deleted: archive it "
                    "instead."
                )
            )

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res

    def _has_timers(self, model_id=None):
        rules = self
        if model_id:
            rules = self.filtered(lambda rule: rule.model_id.id != model_id)
        return bool(
            rules
            and self.env["business.deadline.timer"]
            .sudo()
            .search_count([("rule_id", "in", rules.ids)], limit=1)
        )

    @api.model
    def _get_recompute_fields(self):
        """Fields whose change moves the due, warning and escalation times."""
        return [
            "amount",
            "amount_days",
            "unit",
            "calendar_id",
            "warning_mode",
            "warning_amount",
            "warning_unit",
            "warning_percent",
            "escalation_ids",
        ]

    @api.model
    def _get_recheck_fields(self):
        """Fields whose change can start, meet, pause, cancel or move the
        rule's open timers: each record is checked again."""
        return [
            "domain",
            "company_id",
            "start_field_id",
            "start_state_ids",
            "start_domain",
            "met_field_id",
            "met_state_ids",
            "met_domain",
            "pause_state_ids",
            "pause_domain",
            "cancel_state_ids",
            "cancel_domain",
            "amount_field_id",
            "user_field_id",
            "due_field_id",
        ]

    def _open_timers(self):
        return (
            self.env["business.deadline.timer"]
            .sudo()
            .search(
                [
                    ("rule_id", "in", self.ids),
                    ("state", "in", OPEN_STATES),
                ]
            )
        )

    def _recompute_open_timers(self):
        """Recompute the times of the open timers (of a breached one, only its
        escalations). A rule taking its allowed time from the records reads them
        again."""
        self.filtered("amount_field_id")._recheck_open_timers()
        self._open_timers()._recompute_times()

    def _recheck_open_timers(self):
        """Check again each record that has an open timer of these rules."""
        for rule in self:
            timers = rule._open_timers()
            for model, res_ids in timers._group_by_model().items():
                records = self.env[model].sudo().browse(res_ids)
                records._bd_sync_timers(rules=rule)

    def _cancel_open_timers(self):
        """An archived rule cancels its open timers (their history is kept)."""
        self._open_timers()._cancel()

    def action_apply_to_existing(self):
        """Give the existing records of the model their timers, set-based."""
        for rule in self.filtered("active"):
            records = self.env[rule.model].sudo().search(rule._get_record_domain())
            for batch in tools.split_every(APPLY_BATCH_SIZE, records.ids):
                rule.env[rule.model].sudo().browse(batch)._bd_sync_timers(rules=rule)
        return True

    # ------------------------------------------------------------ helpers

    @api.model
    @tools.ormcache("model_name")
    def _get_rule_ids_for_model(self, model_name):
        return tuple(
            self.sudo().search([("model", "=", model_name)], order="sequence, id").ids
        )

    def _get_record_domain(self):
        self.ensure_one()
        return Domain(safe_eval(self.domain or "[]"))

    def _get_condition_domain(self, event):
        """The filter of an event (start, met, pause, cancel), or None when unused."""
        self.ensure_one()
        domain = Domain(safe_eval(self[f"{event}_domain"] or "[]"))
        return None if domain.is_true() else domain

    def _get_event_records(self, event, records):
        """The records among ``records`` for which the event holds (set-based)."""
        self.ensure_one()
        matched = records.browse()
        states = self[f"{event}_state_ids"].mapped("value")
        if states:
            matched |= records.browse(
                record_id
                for record_id, state in zip(
                    records.ids, records.mapped("state"), strict=True
                )
                if state in states
            )
        domain = self._get_condition_domain(event)
        if domain is not None:
            matched |= records.filtered_domain(domain)
        if event == "met" and self.met_field_id:
            fname = self.met_field_id.name
            matched |= records.filtered(lambda record: bool(record[fname]))
        return matched

    def _get_trigger_fields(self):
        """Names of the fields of the model whose change can move the rule's timers.

        ``None`` means any field (the rule has a filter or a condition).
        """
        self.ensure_one()
        model_fields = self.env[self.model]._fields
        names = {"state", "user_id", "company_id"} & set(model_fields)
        names |= {
            field.name
            for field in self.start_field_id
            | self.met_field_id
            | self.amount_field_id
            | self.user_field_id
            if field
        }
        if self._get_record_domain() != Domain.TRUE or any(
            self._get_condition_domain(event) is not None for event in CONDITIONS
        ):
            # a filtered rule follows every change of its records
            return None
        return names

    def _get_amount(self, value=None):
        """The time allowed for a record whose amount field (if the rule has one)
        holds ``value``: that value, else the rule's."""
        self.ensure_one()
        amount = self.amount
        if self.amount_field_id:
            amount = value or amount
            if amount <= 0:
                amount = self.amount
            elif self.unit in DAY_UNITS:
                amount = math.ceil(amount)
        return amount

    def _get_calendar(self, company):
        """The rule's calendar, else the company's, else Odoo's standard one."""
        self.ensure_one()
        if self.calendar_id:
            return self.calendar_id
        calendar_model = self.env["resource.calendar"].sudo()
        if company:
            return calendar_model._bd_default_calendar(company)
        return self.env.ref("resource.resource_calendar_std").sudo()

    def _get_escalations(self):
        """The escalation levels in firing order (level 1 first)."""
        self.ensure_one()
        return self.escalation_ids.sorted(lambda level: (level.sequence, level.id))

    def action_view_timers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "business_deadline.business_deadline_timer_action"
        )
        action["domain"] = [("rule_id", "=", self.id)]
        action["context"] = {}
        return action
