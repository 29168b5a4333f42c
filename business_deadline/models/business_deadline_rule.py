from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools.safe_eval import safe_eval

# The units of the deadline arithmetic on resource.calendar (_bd_add and friends).
DEADLINE_UNITS = [
    ("calendar_hours", "Calendar Hours"),
    ("calendar_days", "Calendar Days"),
    ("working_hours", "Working Hours"),
    ("working_days", "Working Days"),
]
WORKING_UNITS = ("working_hours", "working_days")


def split_states(value):
    """Return the list of states of a comma-separated list (``"done, cancel"``)."""
    return [state.strip() for state in (value or "").split(",") if state.strip()]


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
        default=lambda self: self.env.company,
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
    start_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('date', 'datetime'))]",
        help="The clock starts at the date or time held in this field.",
    )
    start_state = fields.Char(
        help="The clock starts when the record enters this state (technical value).",
    )
    amount = fields.Float(required=True, default=1.0)
    unit = fields.Selection(DEADLINE_UNITS, required=True, default="working_days")
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        check_company=True,
        help="Calendar of the working time. Leave empty to use the working calendar "
        "of the record's company.",
    )
    met_states = fields.Char(
        help="Comma-separated states (technical values) in which the deadline is met.",
    )
    met_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('store', '=', True)]",
        help="The deadline is met as soon as this field is set.",
    )
    pause_states = fields.Char(
        help="Comma-separated states (technical values) in which the clock stops.",
    )
    cancel_states = fields.Char(
        help="Comma-separated states (technical values) that cancel the deadline.",
    )
    domain = fields.Char(
        default="[]",
        help="Only the records matching this filter get a deadline.",
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
    warning_unit = fields.Selection(DEADLINE_UNITS, default="working_hours")
    warning_percent = fields.Float(
        string="Warning Percentage",
        help="The timer turns to warning when this percentage of the allowed time "
        "is left.",
    )
    escalation_ids = fields.One2many(
        "business.deadline.rule.escalation", "rule_id", string="Escalation Levels"
    )
    available_states = fields.Char(
        compute="_compute_available_states",
        help="States of the model, as technical value: label.",
    )
    timer_count = fields.Integer(compute="_compute_timer_count")

    _amount_positive = models.Constraint(
        "CHECK (amount > 0)", "The amount of a deadline must be positive."
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
    def _compute_available_states(self):
        for rule in self:
            rule.available_states = ", ".join(
                f"{value}: {label}" for value, label in rule._get_model_states()
            )

    def _compute_timer_count(self):
        counts = dict(
            self.env["business.deadline.timer"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.timer_count = counts.get(rule, 0)

    def _get_model_states(self):
        """The (value, label) pairs of the ``state`` field of the rule's model."""
        self.ensure_one()
        if not self.model or self.model not in self.env:
            return []
        field = self.env[self.model]._fields.get("state")
        if not field or field.type != "selection":
            return []
        return field._description_selection(self.env)

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

    @api.constrains("model_id", "start_field_id", "start_state", "met_field_id")
    def _check_start_and_met(self):
        for rule in self:
            if bool(rule.start_field_id) == bool(rule.start_state):
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: choose either a start field or a "
                        "start state.",
                        rule=rule.name,
                    )
                )
            for field in rule.start_field_id | rule.met_field_id:
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
            if rule.start_field_id and rule.start_field_id.ttype not in (
                "date",
                "datetime",
            ):
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: the start field must be a date or "
                        "a date and time.",
                        rule=rule.name,
                    )
                )

    @api.constrains(
        "model_id", "start_state", "met_states", "pause_states", "cancel_states"
    )
    def _check_states(self):
        for rule in self:
            states = {value for value, _label in rule._get_model_states()}
            used = (
                split_states(rule.start_state)
                + split_states(rule.met_states)
                + split_states(rule.pause_states)
                + split_states(rule.cancel_states)
            )
            unknown = [state for state in used if state not in states]
            if unknown:
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: the model %(model)s has no state "
                        "%(states)s.",
                        rule=rule.name,
                        model=rule.model_id.name,
                        states=", ".join(unknown),
                    )
                )
            if not rule.met_states and not rule.met_field_id:
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: say when the deadline is met (a state "
                        "or a field).",
                        rule=rule.name,
                    )
                )

    @api.constrains("domain", "model_id")
    def _check_domain(self):
        for rule in self:
            try:
                self.env[rule.model].sudo().search_count(
                    rule._get_record_domain(), limit=1
                )
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "Deadline rule %(rule)s: the filter is not valid: %(error)s",
                        rule=rule.name,
                        error=error,
                    )
                ) from error

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

    # --------------------------------------------------------------- CRUD

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env.registry.clear_cache()
        return rules

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        if set(vals) & set(self._get_recompute_fields()):
            self._recompute_open_timers()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res

    @api.model
    def _get_recompute_fields(self):
        """Fields whose change moves the due, warning and escalation times."""
        return [
            "amount",
            "unit",
            "calendar_id",
            "warning_mode",
            "warning_amount",
            "warning_unit",
            "warning_percent",
            "escalation_ids",
        ]

    def _recompute_open_timers(self):
        """Recompute the times of the running, paused and warning timers only."""
        timers = (
            self.env["business.deadline.timer"]
            .sudo()
            .search(
                [
                    ("rule_id", "in", self.ids),
                    ("state", "in", ("running", "paused", "warning")),
                ]
            )
        )
        timers._recompute_times()

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

    def _get_trigger_fields(self):
        """Names of the fields of the model whose change can move the rule's timers.

        ``None`` means any field (the rule has a filter on the records).
        """
        self.ensure_one()
        names = {"state", "user_id", "company_id"} & set(self.env[self.model]._fields)
        names |= {
            field.name for field in self.start_field_id | self.met_field_id if field
        }
        if self._get_record_domain() != Domain.TRUE:
            # a filtered rule follows every change of its records
            return None
        return names

    def _get_calendar(self, company):
        """The rule's calendar, else the default one (see _bd_default_calendar)."""
        self.ensure_one()
        return self.calendar_id or self.env["resource.calendar"]._bd_default_calendar(
            company
        )

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


class BusinessDeadlineRuleEscalation(models.Model):
    _name = "business.deadline.rule.escalation"
    _description = "Deadline Escalation Level"
    _order = "sequence, id"

    rule_id = fields.Many2one(
        "business.deadline.rule", required=True, index=True, ondelete="cascade"
    )
    model_id = fields.Many2one(related="rule_id.model_id")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    offset_amount = fields.Float(
        string="Offset", help="How long before or after the due time the level fires."
    )
    offset_unit = fields.Selection(
        DEADLINE_UNITS, required=True, default="working_hours"
    )
    offset_direction = fields.Selection(
        [("before", "Before Due Time"), ("after", "After Due Time")],
        required=True,
        default="after",
    )
    notify_user_ids = fields.Many2many("res.users", string="Notify Users")
    notify_group_ids = fields.Many2many("res.groups", string="Notify Groups")
    is_notify_responsible = fields.Boolean(
        string="Notify the Responsible",
        help="Also notify the responsible of the timer.",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        help="Schedule an activity of this type on the record.",
    )
    activity_summary = fields.Char(translate=True)
    activity_user_id = fields.Many2one("res.users", string="Assign Activity To")
    activity_user_field_id = fields.Many2one(
        "ir.model.fields",
        string="Assign Activity To (Field)",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one'), "
        "('relation', '=', 'res.users')]",
        help="Assign the activity to the user held in this field of the record "
        "(a role, e.g. the salesperson). The fixed user above is used when the "
        "field is empty.",
    )
    priority_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', "
        "('selection', 'integer', 'char'))]",
    )
    priority_value = fields.Char(
        help="Value written into the priority field (technical value).",
    )

    _offset_positive = models.Constraint(
        "CHECK (offset_amount >= 0)", "The offset of an escalation cannot be negative."
    )

    @api.constrains("activity_user_field_id", "priority_field_id", "priority_value")
    def _check_fields(self):
        for level in self:
            for field in level.activity_user_field_id | level.priority_field_id:
                if field.model_id != level.rule_id.model_id:
                    raise ValidationError(
                        self.env._(
                            "Escalation %(level)s: the field %(field)s does not belong "
                            "to the model of the rule.",
                            level=level.name,
                            field=field.field_description,
                        )
                    )
            if level.priority_field_id and not level.priority_value:
                raise ValidationError(
                    self.env._(
                        "Escalation %(level)s: give the value of the priority to set.",
                        level=level.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        levels = super().create(vals_list)
        levels.rule_id._recompute_open_timers()
        return levels

    def write(self, vals):
        res = super().write(vals)
        if {"sequence", "offset_amount", "offset_unit", "offset_direction"} & set(vals):
            self.rule_id._recompute_open_timers()
        return res

    def unlink(self):
        rules = self.rule_id
        res = super().unlink()
        rules._recompute_open_timers()
        return res

    def _get_signed_offset(self):
        self.ensure_one()
        sign = -1 if self.offset_direction == "before" else 1
        return sign * self.offset_amount
