from odoo import api, fields, models

from .qt_issue import count_by_origin, raise_from_action

CAPA_ORIGINS = [
    ("issue", "Quality Issue"),
    ("satisfaction_analysis", "Satisfaction Analysis"),
    ("tracking_statistics", "Quality Tracking Statistics"),
    ("evaluation", "Quality Evaluation"),
    ("supervision_order", "Supervision Order"),
    ("management_review", "Management Review"),
    ("committee", "Committee Meeting"),
    ("audit", "Audit"),
    ("other", "Other"),
]


class QtCapa(models.Model):
    """A corrective, preventive or improvement action (001/QT-10, 002/E21, 003/E27,
    E28, 004/QT-7, QT-8), or the anomaly handling sheet of a no-loss anomaly.

    draft → in_progress → done → closed (effectiveness verified, re-evaluated, the
    result fed back to the customer, staff trained; the quality manager validates the
    closing through base_tier_validation) or cancel. The period allowed counts in
    working days from the start (a deadline rule of the engine).
    """

    _name = "qt.capa"
    _description = "Corrective and Preventive Action"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "tier.validation",
        "qt.state.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["done"]
    _state_to = ["closed"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    title = fields.Char(string="Subject", required=True, tracking=True)
    capa_type = fields.Selection(
        [
            ("corrective", "Corrective"),
            ("preventive", "Preventive"),
            ("improvement", "Improvement"),
            ("anomaly", "Anomaly Handling Sheet"),
        ],
        string="Type",
        default="corrective",
        required=True,
        tracking=True,
        index=True,
        help="An anomaly handling sheet records a customer anomaly that caused no "
        "loss, so the units concerned improve (004/QT-7).",
    )
    improvement_reason = fields.Selection(
        [
            ("execution_gap", "Deficiency Found While Running the Process"),
            ("self_check_gap", "Deficiency Found in the Process Self-Check"),
            ("audit_nonconformity", "Audit Nonconformity"),
            ("management_review", "Management Review Improvement Point"),
        ],
        help="Why a service or process improvement is raised (003/E28).",
    )
    issue_id = fields.Many2one(
        "qt.issue",
        string="Quality Issue",
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    origin_kind = fields.Selection(
        CAPA_ORIGINS, string="Origin", default="issue", required=True, index=True
    )
    origin_ref = fields.Reference(
        selection="_selection_origin_ref", string="Origin Document", index=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index=True)
    description = fields.Html(string="Problem Found")
    product_name = fields.Char(string="Product")
    part_number = fields.Char()
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department", string="Responsible Department", index=True, tracking=True
    )
    notified_department_ids = fields.Many2many(
        "hr.department",
        "qt_capa_notified_department_rel",
        "capa_id",
        "department_id",
        string="Units Notified",
    )
    measures = fields.Text()
    execution_result = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    allowed_days = fields.Integer(
        string="Allowed Period (working days)",
        default=lambda self: self.env.company.qt_capa_allowed_days,
    )
    date_raised = fields.Date(
        string="Raised On",
        default=fields.Date.context_today,
        required=True,
        index=True,
    )
    date_start = fields.Datetime(string="Started At", readonly=True, copy=False)
    date_due = fields.Datetime(string="Due", readonly=True, copy=False)
    date_done = fields.Datetime(string="Done At", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed At", readonly=True, copy=False)

    # --- closing facts
    effectiveness = fields.Selection(
        [("effective", "Effective"), ("not_effective", "Not Effective")],
        tracking=True,
    )
    verified_by_id = fields.Many2one("res.users")
    date_verified = fields.Date(string="Verified On")
    verification_note = fields.Text(string="Verification Notes")
    reevaluation = fields.Text(
        string="Re-evaluation", help="The re-evaluation after the improvement."
    )
    date_customer_informed = fields.Date(
        string="Result Fed Back to the Customer On",
        help="Sales feeds the result back to the customer (000/WF-QT-5, 001/QT-10).",
    )
    customer_informed_by_id = fields.Many2one("res.users", string="Fed Back By")
    needs_training = fields.Boolean(
        string="Staff Training Needed",
        help="All staff are trained on the summary of the action (001/QT-10).",
    )
    is_training_done = fields.Boolean(string="Staff Trained", tracking=True)
    can_start = fields.Boolean(compute="_compute_can")
    can_done = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _allowed_days_positive = models.Constraint(
        "CHECK (coalesce(allowed_days, 0) >= 0)",
        "The allowed period of a corrective action cannot be negative.",
    )

    @api.depends("state")
    def _compute_can(self):
        for capa in self:
            capa.can_start = capa.state == "draft"
            capa.can_done = capa.state == "in_progress"
            capa.can_close = capa.state == "done"
            capa.can_cancel = capa.state in ("draft", "in_progress", "done")

    @api.onchange("effectiveness")
    def _onchange_effectiveness(self):
        if self.effectiveness and not self.verified_by_id:
            self.verified_by_id = self.env.user
        if self.effectiveness and not self.date_verified:
            self.date_verified = fields.Date.context_today(self)

    @api.onchange("issue_id")
    def _onchange_issue_id(self):
        if self.issue_id:
            self.origin_kind = "issue"
            self.partner_id = self.partner_id or self.issue_id.partner_id
            self.department_id = self.department_id or self.issue_id.department_id

    @api.model
    def _selection_origin_ref(self):
        names = self._origin_models()
        models_ = self.env["ir.model"].sudo().search([("model", "in", names)])
        return [(m.model, m.name) for m in models_]

    @api.model
    def _origin_models(self):
        """Hook: the documents a corrective action can come from (those installed)."""
        return [
            "qt.issue",
            "qt.satisfaction.analysis",
            "qt.management.review",
            "qt.evaluation",
            "qt.supervision.order",
            "qt.tracking.record",
            "cr.review",
        ]

    @api.model
    def _count_by_origin(self, origins):
        """{origin id: number of actions} for the records ``origins``, one query."""
        return count_by_origin(self, origins)

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("qt.capa") or "/"
            if vals.get("issue_id") and not vals.get("origin_ref"):
                vals["origin_ref"] = f"qt.issue,{vals['issue_id']}"
        return super().create(vals_list)

    def _compute_display_name(self):
        for capa in self:
            capa.display_name = (
                f"[{capa.name}] {capa.title}"
                if capa.name and capa.name != "/"
                else capa.title
            )

    @api.model
    def _action_raise_from(self, origin, origin_kind, **defaults):
        """The form of a new action raised from ``origin`` (any record), prefilled."""
        return raise_from_action(
            self, self.env._("Corrective Action"), origin, origin_kind, defaults
        )

    # --- state machine

    def action_start(self):
        """The owner starts the measures: the allowed period starts."""
        self._check_state(("draft",), self.env._("Starting"))
        for capa in self:
            if not capa.measures:
                self._raise_missing(capa, self.env._("describe the measures first."))
        self.write({"state": "in_progress", "date_start": fields.Datetime.now()})
        return True

    def action_done(self):
        """The measures are carried out."""
        self._check_state(("in_progress",), self.env._("Marking done"))
        for capa in self:
            if not capa.execution_result:
                self._raise_missing(
                    capa, self.env._("record the execution result first.")
                )
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        return True

    def _check_can_close(self):
        for capa in self:
            if not (
                capa.effectiveness
                and capa.verified_by_id
                and capa.date_verified
                and capa.reevaluation
            ):
                self._raise_missing(
                    capa,
                    self.env._(
                        "verify the effectiveness (who, when, effective or not) and "
                        "record the re-evaluation before closing."
                    ),
                )
            if capa.effectiveness != "effective":
                self._raise_missing(
                    capa,
                    self.env._(
                        "the action was not effective: reopen it and improve the "
                        "measures."
                    ),
                )
            if (capa.partner_id or capa.issue_id.partner_id) and not (
                capa.date_customer_informed
            ):
                self._raise_missing(
                    capa,
                    self.env._(
                        "Sales feeds the result back to the customer before closing "
                        "(000/WF-QT-5)."
                    ),
                )
            if capa.needs_training and not capa.is_training_done:
                self._raise_missing(
                    capa, self.env._("train the staff on the summary before closing.")
                )

    def action_close(self):
        """Close after the quality manager's validation (base_tier_validation)."""
        self._check_state(("done",), self.env._("Closing"))
        self._check_can_close()
        # the tier mixin's guards are not stored: read them afresh
        self.invalidate_recordset(["review_ids", "need_validation"])
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})
        return True

    def action_reopen(self):
        """Not effective: back to work."""
        self._check_state(("done",), self.env._("Reopening"))
        self.restart_validation()
        self.write({"state": "in_progress"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "in_progress", "done"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("cancel",), self.env._("Resetting to draft"))
        self.write({"state": "draft"})
        return True
