from odoo import api, fields, models

from .cr_agreement import PRIORITIES


class CrRequest(models.Model):
    """One desk for service requests and complaints (003/E7, E10; 004 CR-2, CR-5;
    000/E-CR-7, E-CR-10): received, registered, responded, dispatched, tracked and
    closed (003/HR-D3-1), resolved and confirmed by the client (003/HR-D10-5/6)."""

    _name = "cr.request"
    _description = "Service Request"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "id desc"
    _mail_post_access = "read"

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    subject = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("inquiry", "Inquiry"),
            ("complaint", "Complaint"),
            ("suggestion", "Suggestion"),
            ("opinion", "Opinion"),
            ("service", "Service Request"),
            ("fault", "Fault"),
        ],
        string="Type",
        required=True,
        default="service",
        tracking=True,
        index=True,
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("portal", "Portal"),
            ("visit", "Visit"),
            ("outbound", "Outbound Call"),
        ],
        required=True,
        default="phone",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        tracking=True,
        index=True,
        help="The client company (its commercial partner).",
    )
    contact_id = fields.Many2one("res.partner", help="The client's person who called.")
    contact_phone = fields.Char()
    contact_email = fields.Char()
    description = fields.Html()
    date_received = fields.Datetime(
        string="Received On",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        index=True,
    )
    receiver_id = fields.Many2one(
        "res.users",
        string="Received By",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        help="000/R-CR-21: the first contact stays responsible until the client is "
        "answered.",
    )
    department_id = fields.Many2one(
        "hr.department", string="Handling Department", tracking=True, index=True
    )
    team_id = fields.Many2one("cr.team", tracking=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Handler",
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    subject_user_ids = fields.Many2many(
        "res.users",
        "cr_request_subject_user_rel",
        "request_id",
        "user_id",
        string="Persons Complained About",
        domain=[("share", "=", False)],
        help="004 W1, D18 §二(二): the persons a complaint is about never handle, "
        "decide or see it.",
    )
    priority = fields.Selection(
        PRIORITIES, default="1", required=True, tracking=True, index=True
    )
    agreement_id = fields.Many2one(
        "cr.agreement", tracking=True, index="btree_not_null"
    )
    service_id = fields.Many2one(
        "cr.service", string="Catalog Service", tracking=True, index="btree_not_null"
    )
    is_waiting_client = fields.Boolean(
        string="Waiting for the Client",
        tracking=True,
        help="The service-level clocks stop while the desk waits for the client.",
    )
    state = fields.Selection(
        [
            ("new", "Received"),
            ("registered", "Registered"),
            ("responded", "Responded"),
            ("assigned", "Dispatched"),
            ("in_progress", "In Progress"),
            ("resolved", "Resolved"),
            ("confirmed", "Confirmed"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        # Numbering by year and month is the desk's (cr-desk); until then a plain one
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("cr.request") or "/"
        return super().create(vals_list)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/cr_requests/{request.id}"
        return result

    def _cr_after_close(self):
        """Called by the desk once the requests are closed. Each part adds its own
        ``_cr_on_close_<part>()`` method (return visits, surveys, …); they run here in
        name order, so no part overrides another's."""
        for name in sorted(
            attr for attr in dir(type(self)) if attr.startswith("_cr_on_close_")
        ):
            getattr(self, name)()
        return True

    # --- cr-desk

    # --- cr-sla
    sla_first_response_hours = fields.Float(
        string="First Response Target (working hours)",
        compute="_compute_sla_hours",
        store=True,
        help="From the target of the request's agreement for its priority; 0 "
        "without an agreement (no clock).",
    )
    sla_next_response_hours = fields.Float(
        string="Next Response Target (working hours)",
        compute="_compute_sla_hours",
        store=True,
    )
    sla_resolution_hours = fields.Float(
        string="Resolution Target (working hours)",
        compute="_compute_sla_hours",
        store=True,
    )
    sla_first_response_due = fields.Datetime(
        string="First Response Due", readonly=True, copy=False, index="btree_not_null"
    )
    sla_next_response_due = fields.Datetime(
        string="Next Response Due", readonly=True, copy=False
    )
    sla_resolution_due = fields.Datetime(
        string="Resolution Due", readonly=True, copy=False, index="btree_not_null"
    )
    sla_first_response_state = fields.Selection(
        selection="_selection_sla_timer_state",
        string="First Response Status",
        compute="_compute_sla_states",
    )
    sla_next_response_state = fields.Selection(
        selection="_selection_sla_timer_state",
        string="Next Response Status",
        compute="_compute_sla_states",
    )
    sla_resolution_state = fields.Selection(
        selection="_selection_sla_timer_state",
        string="Resolution Status",
        compute="_compute_sla_states",
    )
    sla_first_response_date = fields.Datetime(
        string="First Responded On",
        compute="_compute_sla_first_response_date",
        store=True,
        copy=False,
        help="When the request first left the received and registered states.",
    )
    sla_awaiting_reply_since = fields.Datetime(
        string="Client Awaiting Reply Since",
        readonly=True,
        copy=False,
        help="Set by the client's first unanswered message on a responded request: "
        "the next response clock starts there and stops at the desk's reply.",
    )
    sla_is_awaiting_reply = fields.Boolean(
        string="Client Awaiting Reply", readonly=True, copy=False
    )
    sla_resolution_breached = fields.Boolean(
        string="Resolution Breached",
        compute="_compute_sla_states",
        search="_search_sla_resolution_breached",
        help="003/HR-D10-2: the resolution target was missed (breached, or resolved "
        "late).",
    )

    _SLA_RULES = {
        "first_response": "client_relations.rule_request_first_response",
        "next_response": "client_relations.rule_request_next_response",
        "resolution": "client_relations.rule_request_resolution",
    }

    @api.model
    def _selection_sla_timer_state(self):
        return (
            self.env["business.deadline.timer"]
            ._fields["state"]
            ._description_selection(self.env)
        )

    @api.depends(
        "priority",
        "agreement_id.target_ids.priority",
        "agreement_id.target_ids.first_response_hours",
        "agreement_id.target_ids.next_response_hours",
        "agreement_id.target_ids.resolution_hours",
    )
    def _compute_sla_hours(self):
        for request in self:
            target = request.agreement_id.target_ids.filtered(
                lambda line, request=request: line.priority == request.priority
            )[:1]
            request.sla_first_response_hours = target.first_response_hours
            request.sla_next_response_hours = target.next_response_hours
            request.sla_resolution_hours = target.resolution_hours

    @api.depends("state")
    def _compute_sla_first_response_date(self):
        now = fields.Datetime.now()
        for request in self:
            if not request.sla_first_response_date and request.state not in (
                "new",
                "registered",
                "cancel",
            ):
                request.sla_first_response_date = now
            else:
                request.sla_first_response_date = request.sla_first_response_date

    def _sla_rules(self):
        """The three service-level rules by kind (absent ones left out)."""
        rules = {}
        for kind, xmlid in self._SLA_RULES.items():
            rule = self.env.ref(xmlid, raise_if_not_found=False)
            if rule:
                rules[kind] = rule.sudo()
        return rules

    @api.depends(
        "state",
        "is_waiting_client",
        "sla_is_awaiting_reply",
        "sla_awaiting_reply_since",
        "date_received",
        "sla_first_response_hours",
        "sla_next_response_hours",
        "sla_resolution_hours",
    )
    def _compute_sla_states(self):
        """The state of each clock's latest timer (the engine keeps the timers);
        recomputed when the request changes, read afresh on each form load."""
        rules = self._sla_rules()
        kind_by_rule = {rule.id: kind for kind, rule in rules.items()}
        latest = {}
        breached = set()
        if self.ids and rules:
            timers = (
                self.env["business.deadline.timer"]
                .sudo()
                .search_fetch(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "in", self.ids),
                        ("rule_id", "in", list(kind_by_rule)),
                    ],
                    ["rule_id", "res_id", "state", "breach_time"],
                    order="id",
                )
            )
            for timer in timers:
                kind = kind_by_rule[timer.rule_id.id]
                latest[kind, timer.res_id] = timer.state
                if kind == "resolution" and timer.breach_time:
                    breached.add(timer.res_id)
        for request in self:
            request.sla_first_response_state = latest.get(
                ("first_response", request.id), False
            )
            request.sla_next_response_state = latest.get(
                ("next_response", request.id), False
            )
            request.sla_resolution_state = latest.get(("resolution", request.id), False)
            request.sla_resolution_breached = request.id in breached

    def _search_sla_resolution_breached(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        rule = self._sla_rules().get("resolution")
        ids = []
        if rule:
            ids = (
                self.env["business.deadline.timer"]
                .sudo()
                .search(
                    [
                        ("res_model", "=", self._name),
                        ("rule_id", "=", rule.id),
                        ("breach_time", "!=", False),
                    ]
                )
                .mapped("res_id")
            )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def _message_post_after_hook(self, message, msg_vals):
        """The next response clock: a client's message (not a note) on a responded
        request starts it, the desk's reply meets it."""
        result = super()._message_post_after_hook(message, msg_vals)
        if message.message_type not in ("email", "comment") or (
            message.subtype_id != self.env.ref("mail.mt_comment")
        ):
            return result
        author_is_internal = any(not user.share for user in message.author_id.user_ids)
        for request in self.sudo():
            if author_is_internal:
                if request.sla_is_awaiting_reply:
                    request.sla_is_awaiting_reply = False
            elif not request.sla_is_awaiting_reply and request.state in (
                "responded",
                "assigned",
                "in_progress",
            ):
                request.write(
                    {
                        "sla_awaiting_reply_since": message.date,
                        "sla_is_awaiting_reply": True,
                    }
                )
        return result

    # --- cr-return

    # --- cr-care

    # --- cr-gov

    # --- cr-portal
