from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id
from odoo.tools.misc import format_datetime

from ..tools.timeline import DAY_UNITS, UNITS

# offsets in days count from the last instant of the due period (24:00 of the last
# day is also the first instant of the next one)
_LAST_INSTANT = timedelta(microseconds=1)


class BusinessDeadlineRuleEscalation(models.Model):
    """A level of escalation of a deadline rule, and the actions it fires.

    A level fires once per timer, at its offset before or after the due time; the
    timer remembers which levels fired (not how many), so adding, removing or
    reordering levels on live timers neither fires one twice nor skips one.
    """

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
    offset_unit = fields.Selection(UNITS, required=True, default="working_hours")
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
        "field is empty, then the responsible, then the rule's fallback user.",
    )
    priority_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', "
        "('selection', 'integer', 'char'))]",
        help="Only the fields the model declares raisable are accepted.",
    )
    priority_value = fields.Char(
        help="Value written into the priority field (technical value).",
    )

    _offset_positive = models.Constraint(
        "CHECK (offset_amount >= 0)", "The offset of an escalation cannot be negative."
    )

    @api.constrains(
        "activity_user_field_id",
        "priority_field_id",
        "priority_value",
        "offset_amount",
        "offset_unit",
    )
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
            if level.priority_field_id:
                raisable = self.env[level.rule_id.model]._bd_get_raisable_fields()
                if level.priority_field_id.name not in raisable:
                    raise ValidationError(
                        self.env._(
                            "Escalation %(level)s: the field %(field)s cannot be "
                            "raised by an escalation.",
                            level=level.name,
                            field=level.priority_field_id.field_description,
                        )
                    )
                if not level.priority_value:
                    raise ValidationError(
                        self.env._(
                            "Escalation %(level)s: give the value of the priority "
                            "to set.",
                            level=level.name,
                        )
                    )
            if (
                level.offset_unit in DAY_UNITS
                and not float(level.offset_amount).is_integer()
            ):
                raise ValidationError(
                    self.env._(
                        "Escalation %(level)s: an offset in days needs a whole number "
                        "of days.",
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
        if {"offset_amount", "offset_unit", "offset_direction"} & set(vals):
            self.rule_id._recompute_open_timers()
        return res

    def unlink(self):
        rules = self.rule_id
        res = super().unlink()
        rules._recompute_open_timers()
        return res

    # ------------------------------------------------------------ timing

    def _get_signed_offset(self):
        self.ensure_one()
        sign = -1 if self.offset_direction == "before" else 1
        return sign * self.offset_amount

    def _bd_times(self, calendar, dues):
        """When this level fires for timers due at ``dues`` (naive UTC), in bulk.

        Offsets in days count from the last instant of the due period, so that
        "1 day before" a deadline ending at 24:00 is 24:00 of the day before.
        """
        self.ensure_one()
        return self.env["business.deadline.rule.escalation"]._bd_offset_times(
            calendar, dues, self._get_signed_offset(), self.offset_unit
        )

    @api.model
    def _bd_offset_times(self, calendar, dues, offset, unit):
        """``dues`` moved by a signed offset: the shared arithmetic of warning leads
        and escalation levels."""
        if not offset:
            return list(dues)
        if unit in DAY_UNITS:
            dues = [due - _LAST_INSTANT if due else due for due in dues]
        return calendar._bd_add_batch(dues, offset, unit)

    # ------------------------------------------------------------ actions

    @api.model
    def _bd_fire(self, fired):
        """Run the actions of the fired levels, in bulk.

        :param fired: list of (timer row, level); a row is a dict with ``res_model``,
            ``res_id``, ``user_id``, ``due_time`` and ``calendar_id``.
        """
        if not fired or self.env.context.get("business_deadline_mute"):
            return
        self._bd_post_messages(fired)
        self._bd_schedule_activities(
            [(row, level) for row, level in fired if level.activity_type_id]
        )
        self._bd_raise_priorities(
            [(row, level) for row, level in fired if level.priority_field_id]
        )

    @api.model
    def _bd_recipients(self, fired):
        """The users to notify for each fired level (one recordset per distinct
        level and responsible, shared by the rows that have them)."""
        responsibles = (
            self.env["res.users"]
            .sudo()
            .browse({row["user_id"] for row, __ in fired if row["user_id"]})
        )
        by_id = {user.id: user for user in responsibles}
        cache = {}
        result = []
        for row, level in fired:
            user_id = row["user_id"] if level.is_notify_responsible else False
            key = (level, user_id)
            if key not in cache:
                users = level.notify_user_ids | level.notify_group_ids.all_user_ids
                users = users.filtered("active")
                if user_id:
                    users |= by_id[user_id]
                cache[key] = users
            result.append(cache[key])
        return result

    @api.model
    def _bd_post_messages(self, fired):
        """One note per fired level and recipients' language, in that language and
        in the calendar's time zone; each recipient is reached as they chose in
        their preferences (Odoo inbox or e-mail)."""
        recipients = self._bd_recipients(fired)
        users = self.env["res.users"].sudo().browse()
        for group in set(recipients):
            users |= group
        users.fetch(["partner_id", "notification_type", "lang"])
        by_lang_cache = {}  # recipients -> [(lang, users, partner ids)]
        calendars = (
            self.env["resource.calendar"]
            .sudo()
            .browse({row["calendar_id"] for row, __ in fired if row["calendar_id"]})
        )
        tz_by_calendar = {calendar.id: calendar.tz for calendar in calendars}
        author = self.env.ref("base.partner_root")
        subtype_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        # computed once, as mail.thread._message_log_batch does, instead of per message
        email_from = author.email_formatted
        reply_to = self.env["mail.thread"]._notify_get_reply_to(
            default=email_from, author_id=author.id
        )[False]
        default_lang = self.env.lang or "en_US"
        message_vals, deliveries = [], []
        bodies = {}  # the same text for the same level, language, due time and zone
        for (row, level), group in zip(fired, recipients, strict=True):
            if group not in by_lang_cache:
                by_lang = defaultdict(lambda: self.env["res.users"])
                for user in group:
                    by_lang[user.lang or default_lang] |= user
                if not by_lang:
                    by_lang[default_lang] = self.env["res.users"]
                by_lang_cache[group] = [
                    (lang, lang_users, sorted(lang_users.partner_id.ids))
                    for lang, lang_users in sorted(by_lang.items())
                ]
            for lang, lang_users, partner_ids in by_lang_cache[group]:
                tz = tz_by_calendar.get(row["calendar_id"]) or "UTC"
                key = (level, lang, row["due_time"], tz)
                if key not in bodies:
                    env = self.with_context(lang=lang).env
                    due = format_datetime(env, row["due_time"], tz=tz, lang_code=lang)
                    bodies[key] = Markup("<p>%s</p>") % env._(
                        "Deadline %(rule)s due on %(due)s: escalation %(level)s.",
                        rule=level.rule_id.with_env(env).name,
                        due=due,
                        level=level.with_env(env).name,
                    )
                body = bodies[key]
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
                        "partner_ids": [(6, 0, partner_ids)],
                    }
                )
                deliveries.append((lang_users, body))
        messages = self._bd_insert_messages(message_vals)
        self._bd_deliver(messages, deliveries, email_from)

    @api.model
    def _bd_insert_messages(self, message_vals):
        """Insert the escalation notes and their recipients in two queries.

        The notes are the engine's own text (nothing to sanitise), logged as
        internal notes by OdooBot; the ORM's per-message work (sanitising,
        access checks, document invalidation) is not needed for them.
        """
        if not message_vals:
            return self.env["mail.message"]
        now = fields.Datetime.now()
        columns = [
            ("model", "varchar"),
            ("res_id", "int4"),
            ("body", "text"),
            ("message_type", "varchar"),
            ("subtype_id", "int4"),
            ("is_internal", "bool"),
            ("author_id", "int4"),
            ("email_from", "varchar"),
            ("reply_to", "varchar"),
            ("message_id", "varchar"),
            ("email_add_signature", "bool"),
        ]
        arrays = [
            SQL(
                "%s::%s[]",
                [
                    str(vals[name]) if name == "body" else vals[name]
                    for vals in message_vals
                ],
                SQL(sql_type),
            )
            for name, sql_type in columns
        ]
        ids = [
            row[0]
            for row in self.env.execute_query(
                SQL(
                    """INSERT INTO mail_message
                              (%(names)s, date, create_uid, create_date, write_uid,
                               write_date)
                       SELECT *, %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                         FROM unnest(%(arrays)s)
                    RETURNING id""",
                    names=SQL(", ").join(SQL.identifier(name) for name, __ in columns),
                    arrays=SQL(", ").join(arrays),
                    now=now,
                    uid=self.env.uid,
                )
            )
        ]
        pairs = [
            (message_id, partner_id)
            for message_id, vals in zip(ids, message_vals, strict=True)
            for partner_id in vals["partner_ids"][0][2]
        ]
        if pairs:
            self.env.cr.execute(
                SQL(
                    """INSERT INTO mail_message_res_partner_rel
                              (mail_message_id, res_partner_id)
                       SELECT * FROM unnest(%s::int4[], %s::int4[])""",
                    [pair[0] for pair in pairs],
                    [pair[1] for pair in pairs],
                )
            )
        return self.env["mail.message"].sudo().browse(ids)

    @api.model
    def _bd_deliver(self, messages, deliveries, email_from):
        """Inbox notifications, and one e-mail per message for the users who
        prefer e-mail, in bulk."""
        notification_vals, mail_vals, email_index = [], [], []
        split = {}  # recipients -> (inbox partner ids, users by e-mail)
        for message, (users, body) in zip(messages, deliveries, strict=True):
            if users not in split:
                by_email = users.filtered(lambda u: u.notification_type == "email")
                split[users] = ((users - by_email).partner_id.ids, by_email)
            inbox_partner_ids, by_email = split[users]
            for partner_id in inbox_partner_ids:
                notification_vals.append(
                    {
                        "mail_message_id": message.id,
                        "res_partner_id": partner_id,
                        "notification_type": "inbox",
                        "notification_status": "ready",
                        "is_read": False,
                    }
                )
            if by_email:
                email_index.append((message, by_email))
                mail_vals.append(
                    {
                        "mail_message_id": message.id,
                        "body_html": body,
                        "email_from": email_from,
                        "recipient_ids": [(6, 0, by_email.partner_id.ids)],
                        "auto_delete": True,
                        "state": "outgoing",
                    }
                )
        mails = self.env["mail.mail"].sudo().create(mail_vals) if mail_vals else []
        for mail, (message, users) in zip(mails, email_index, strict=True):
            notification_vals += [
                {
                    "mail_message_id": message.id,
                    "mail_mail_id": mail.id,
                    "res_partner_id": user.partner_id.id,
                    "notification_type": "email",
                    "notification_status": "ready",
                    "is_read": True,
                }
                for user in users
            ]
        if not notification_vals:
            return
        columns = [
            ("mail_message_id", "int4"),
            ("mail_mail_id", "int4"),
            ("res_partner_id", "int4"),
            ("notification_type", "varchar"),
            ("notification_status", "varchar"),
            ("is_read", "bool"),
        ]
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_notification (%(names)s)
                   SELECT * FROM unnest(%(arrays)s)""",
                names=SQL(", ").join(SQL.identifier(name) for name, __ in columns),
                arrays=SQL(", ").join(
                    SQL(
                        "%s::%s[]",
                        [vals.get(name) for vals in notification_vals],
                        SQL(sql_type),
                    )
                    for name, sql_type in columns
                ),
            )
        )
        self.env["mail.notification"].invalidate_model()

    @api.model
    def _bd_schedule_activities(self, fired):
        """Activities for the role user, else the level's user, else the
        responsible, else the rule's fallback user; never the superuser."""
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
        res_ids = defaultdict(set)
        for row, __ in fired:
            res_ids[row["res_model"]].add(row["res_id"])
        today = fields.Date.context_today(self)
        settings = {
            level: (
                level.activity_user_field_id.name,
                level.activity_user_id.id,
                level.rule_id.fallback_user_id.id,
                level.activity_type_id.id,
                level.activity_summary or level.name,
            )
            for level in {level for __, level in fired}
        }
        model_ids = {model: self.env["ir.model"]._get_id(model) for model in res_ids}
        activity_vals = []
        for row, level in fired:
            fname, fixed_user_id, fallback_id, type_id, summary = settings[level]
            user_id = False
            if fname:
                user_id = role_users.get((row["res_model"], fname, row["res_id"]))
            user_id = user_id or fixed_user_id or row["user_id"] or fallback_id
            if not user_id:
                continue
            activity_vals.append(
                {
                    "res_model_id": model_ids[row["res_model"]],
                    "res_id": row["res_id"],
                    "activity_type_id": type_id,
                    "summary": summary,
                    "user_id": user_id,
                    "date_deadline": today,
                }
            )
        self._bd_insert_activities(activity_vals, res_ids)

    @api.model
    def _bd_insert_activities(self, activity_vals, res_ids):
        """Insert the escalation activities (automated, like Odoo's own), follow
        the documents with their assignees and tell them, in a constant number of
        queries."""
        if not activity_vals:
            return
        now = fields.Datetime.now()
        users = (
            self.env["res.users"]
            .sudo()
            .browse({vals["user_id"] for vals in activity_vals})
        )
        users.fetch(["partner_id", "tz"])
        tz_by_user = {user.id: user.tz for user in users}
        names = {}
        for model, ids in res_ids.items():
            for record in self.env[model].sudo().browse(ids):
                names[model, record.id] = record.display_name
        models_by_id = {
            vals["res_model_id"]: self.env["ir.model"].browse(vals["res_model_id"])
            for vals in activity_vals
        }
        model_names = {
            model_id: model.sudo().model for model_id, model in models_by_id.items()
        }
        rows = []
        for vals in activity_vals:
            model = model_names[vals["res_model_id"]]
            rows.append(
                (
                    vals["res_model_id"],
                    model,
                    vals["res_id"],
                    names.get((model, vals["res_id"])),
                    vals["activity_type_id"],
                    vals["summary"],
                    vals["date_deadline"],
                    vals["user_id"],
                    tz_by_user.get(vals["user_id"]),
                )
            )
        columns = [
            ("res_model_id", "int4"),
            ("res_model", "varchar"),
            ("res_id", "int4"),
            ("res_name", "varchar"),
            ("activity_type_id", "int4"),
            ("summary", "varchar"),
            ("date_deadline", "date"),
            ("user_id", "int4"),
            ("user_tz", "varchar"),
        ]
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_activity
                          (%(names)s, automated, active, create_uid, create_date,
                           write_uid, write_date)
                   SELECT *, TRUE, TRUE, %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(arrays)s)""",
                names=SQL(", ").join(SQL.identifier(name) for name, __ in columns),
                arrays=SQL(", ").join(
                    SQL("%s::%s[]", [row[i] for row in rows], SQL(sql_type))
                    for i, (__, sql_type) in enumerate(columns)
                ),
                uid=self.env.uid,
                now=now,
            )
        )
        self.env["mail.activity"].invalidate_model()
        partner_by_user = {user.id: user.partner_id.id for user in users}
        followers = {
            (row[1], row[2], partner_by_user[row[7]])
            for row in rows
            if "message_follower_ids" in self.env[row[1]]._fields
        }
        self._bd_insert_followers(followers)
        today = fields.Date.context_today(self)
        counts = defaultdict(int)
        for vals in activity_vals:
            if vals["date_deadline"] <= today:
                counts[vals["user_id"]] += 1
        for user in users:
            if counts.get(user.id):
                user._bus_send(
                    "mail.activity/updated",
                    {"activity_created": True, "count_diff": counts[user.id]},
                )

    @api.model
    def _bd_insert_followers(self, followers):
        """Make partners follow documents (with the default subtypes), skipping
        those who already do: two queries per model."""
        by_model = defaultdict(set)
        for model, res_id, partner_id in followers:
            by_model[model].add((res_id, partner_id))
        for model, pairs in by_model.items():
            pairs = sorted(pairs)
            inserted = [
                row[0]
                for row in self.env.execute_query(
                    SQL(
                        """INSERT INTO mail_followers (res_model, res_id, partner_id)
                           SELECT %s, * FROM unnest(%s::int4[], %s::int4[])
                           ON CONFLICT DO NOTHING
                           RETURNING id""",
                        model,
                        [pair[0] for pair in pairs],
                        [pair[1] for pair in pairs],
                    )
                )
            ]
            subtypes = self.env["mail.message.subtype"].sudo().default_subtypes(model)
            if inserted and subtypes[0]:
                self.env.cr.execute(
                    SQL(
                        """INSERT INTO mail_followers_mail_message_subtype_rel
                                  (mail_followers_id, mail_message_subtype_id)
                           SELECT f, s FROM unnest(%s::int4[]) f,
                                           unnest(%s::int4[]) s""",
                        inserted,
                        subtypes[0].ids,
                    )
                )
        self.env["mail.followers"].invalidate_model()

    @api.model
    def _bd_raise_priorities(self, fired):
        """Raise the declared priority fields; never lower them."""
        groups = defaultdict(set)
        for row, level in fired:
            groups[
                row["res_model"], level.priority_field_id.name, level.priority_value
            ].add(row["res_id"])
        for (model, fname, value), res_ids in groups.items():
            records = self.env[model].sudo().browse(res_ids)
            if fname not in records._bd_get_raisable_fields():
                continue
            rank = self._bd_priority_rank(records._fields[fname])
            target = rank(value)
            lower = records.browse(
                record.id for record in records if rank(record[fname]) < target
            )
            if lower:
                field = records._fields[fname]
                lower.write({fname: int(value) if field.type == "integer" else value})

    @api.model
    def _bd_priority_rank(self, field):
        """How high a value of a priority field is: selection order, number or text."""
        if field.type == "selection":
            values = [value for value, __ in field._description_selection(self.env)]
            return lambda value: values.index(value) if value in values else -1
        if field.type == "integer":
            return lambda value: int(value or 0)
        return lambda value: value or ""
