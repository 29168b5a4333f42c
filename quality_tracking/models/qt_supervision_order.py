from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CHANNELS = [
    ("evaluation", "Service-Recipient Evaluation"),
    ("public_opinion", "Public Opinion"),
    ("social", "Social Supervision"),
    ("internal", "Internal Supervision"),
]
EXTERNAL_CHANNELS = ("evaluation", "public_opinion", "social")
STAGES = [
    ("delivery", "Business Delivery"),
    ("cooperation", "Business Cooperation"),
    ("follow_up", "Service Follow-up"),
]
# 001/R-66: the key points of each stage (D14 四)
CRITERIA = [
    ("delivery_timeliness", "Service Timeliness"),
    ("delivery_attitude", "Service Attitude"),
    ("delivery_records", "Service Record Accuracy"),
    ("delivery_reasonableness", "Reasonableness of Business Delivery"),
    ("cooperation_communication", "Communication Timeliness"),
    ("cooperation_plan", "Conformity of Cooperation Plan Execution"),
    ("cooperation_stability", "Stability of Cooperation Quality"),
    ("follow_up_timeliness", "Follow-up Timeliness"),
    ("follow_up_feedback", "Feedback Accuracy"),
]
MEASURES = [
    ("supervise", "Supervise"),
    ("notice", "Public Notice"),
    ("penalty", "Performance Penalty"),
]


class QtSupervisionOrder(models.Model):
    """《服务质量督办单》: a service-quality supervision order (001/QT-18, 001/WF-11).

    The general management section issues it to a section with the problem and
    phased requirements; the section head rectifies within the allowed working days
    (a deadline rule); the issuer verifies and closes it. Major problems are escalated
    level by level; the assessment counts toward the annual performance (001/R-65).
    """

    _name = "qt.supervision.order"
    _description = "Service Quality Supervision Order"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.issue.origin.mixin",
        "qt.state.mixin",
    ]
    _order = "date_issued desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    issuer_department_id = fields.Many2one(
        "hr.department",
        string="Issued By",
        default=lambda self: self.env.company.qt_supervision_issuer_department_id,
        check_company=True,
        help="综合管理科, the general management section (001/QT-18).",
    )
    issuer_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    unit_id = fields.Many2one(
        "qt.supervised.unit",
        string="Supervised Unit",
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    group_id = fields.Many2one(
        "qt.supervision.group",
        string="Supervision Group",
        compute="_compute_group_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
        help="Its members read the order.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Section",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    post = fields.Char()
    responsible_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        compute="_compute_responsible_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        tracking=True,
        help="The section head, directly responsible (各科室负责人为直接责任人).",
    )
    channel = fields.Selection(
        CHANNELS, required=True, default="internal", tracking=True
    )
    channel_kind = fields.Selection(
        [("external", "External Supervision"), ("internal", "Internal Supervision")],
        compute="_compute_channel_kind",
        store=True,
    )
    stage = fields.Selection(STAGES, required=True, default="delivery", tracking=True)
    criterion = fields.Selection(CRITERIA, required=True, tracking=True)
    problem = fields.Html(string="Service Quality Problem", required=True)
    line_ids = fields.One2many(
        "qt.supervision.order.line",
        "order_id",
        string="Phased Requirements",
        copy=True,
    )
    measure = fields.Selection(
        MEASURES,
        string="Assessment Measure",
        required=True,
        default="supervise",
        tracking=True,
    )
    is_major = fields.Boolean(
        string="Major Problem",
        tracking=True,
        help="重大服务质量问题 are escalated level by level (001/QT-18).",
    )
    escalated_to_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    date_issued = fields.Date(string="Issued On", readonly=True, copy=False, index=True)
    performance_year = fields.Integer(
        compute="_compute_performance_year",
        store=True,
        aggregator=None,
        help="The year of the annual performance assessment the order counts "
        "toward (001/R-65).",
    )
    counts_for_performance = fields.Boolean(
        string="Counts Toward Annual Performance",
        default=True,
        help="001/R-65: assessment results feed the annual performance assessment.",
    )
    rectify_days = fields.Integer(
        string="Rectification Period (working days)",
        default=lambda self: self.env.company.qt_supervision_rectify_days,
    )
    rectify_due = fields.Datetime(string="Rectify By", readonly=True, copy=False)
    rectification = fields.Html(string="Rectification Report", copy=False)
    verification = fields.Text(string="Verification Result", copy=False)
    date_verified = fields.Date(string="Verified On", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("issued", "Issued"),
            ("rectifying", "Rectifying"),
            ("verified", "Verified"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    reward_penalty_count = fields.Integer(compute="_compute_counts")
    can_issue = fields.Boolean(compute="_compute_can")
    can_start = fields.Boolean(compute="_compute_can")
    can_verify = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_escalate = fields.Boolean(compute="_compute_can")

    _rectify_days_positive = models.Constraint(
        "CHECK (rectify_days >= 0)", "The rectification period cannot be negative."
    )

    @api.depends("unit_id.department_id")
    def _compute_department_id(self):
        for order in self:
            order.department_id = order.unit_id.department_id or order.department_id

    @api.depends("unit_id.group_id", "company_id")
    def _compute_group_id(self):
        for order in self:
            if order.unit_id.group_id:
                order.group_id = order.unit_id.group_id
            elif order.group_id:
                order.group_id = order.group_id
            else:
                order.group_id = self.env["qt.supervision.group"].search(
                    [("company_id", "=", order.company_id.id)], limit=1
                )

    @api.depends("department_id.manager_id.user_id")
    def _compute_responsible_id(self):
        for order in self:
            head = order.department_id.manager_id.user_id
            order.responsible_id = head or order.responsible_id

    @api.depends("channel")
    def _compute_channel_kind(self):
        for order in self:
            order.channel_kind = (
                "external" if order.channel in EXTERNAL_CHANNELS else "internal"
            )

    @api.depends("date_issued")
    def _compute_performance_year(self):
        for order in self:
            order.performance_year = order.date_issued.year if order.date_issued else 0

    def _compute_counts(self):
        refs = [f"{self._name},{order.id}" for order in self]
        penalties = dict(
            self.env["qt.reward.penalty"]._read_group(
                [("source_ref", "in", refs)], ["source_ref"], ["__count"]
            )
        )
        for order in self:
            order.reward_penalty_count = penalties.get(f"{self._name},{order.id}", 0)

    @api.depends("state", "is_major")
    def _compute_can(self):
        for order in self:
            order.can_issue = order.state == "draft"
            order.can_start = order.state == "issued"
            order.can_verify = order.state == "rectifying"
            order.can_close = order.state == "verified"
            order.can_cancel = order.state in ("draft", "issued", "rectifying")
            order.can_escalate = order.is_major and order.state in (
                "issued",
                "rectifying",
            )

    @api.constrains("stage", "criterion")
    def _check_criterion(self):
        """001/R-66: the criterion is one of the key points of the order's stage."""
        stages = dict(STAGES)
        for order in self:
            if order.criterion and not order.criterion.startswith(f"{order.stage}_"):
                raise ValidationError(
                    self.env._(
                        "%(criterion)s is not a key point of the %(stage)s stage "
                        "(001/R-66).",
                        criterion=dict(CRITERIA)[order.criterion],
                        stage=stages[order.stage],
                    )
                )

    @api.onchange("stage")
    def _onchange_stage(self):
        if self.criterion and not self.criterion.startswith(f"{self.stage}_"):
            self.criterion = False

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("qt.supervision.order") or "/"
        return super().create(vals_list)

    # --- state machine

    def action_issue(self):
        """The general management section issues the order (001/WF-11 step 1)."""
        self._check_state(("draft",), self.env._("Issuing"))
        for order in self:
            if not order.line_ids:
                raise UserError(
                    self.env._(
                        "Give %(order)s at least one phased requirement with its due "
                        "date.",
                        order=order.name,
                    )
                )
        self.write({"state": "issued", "date_issued": fields.Date.context_today(self)})
        self.filtered("is_major")._escalate()
        return True

    def action_start(self):
        """The section head acknowledges and starts rectifying."""
        self._check_state(("issued",), self.env._("Starting the rectification"))
        self.write({"state": "rectifying"})
        return True

    def action_verify(self):
        """The issuer verifies the rectification (001/WF-11 step 3)."""
        self._check_state(("rectifying",), self.env._("Verifying"))
        for order in self:
            if order.responsible_id == self.env.user:
                raise UserError(
                    self.env._(
                        "%(order)s is yours to rectify: the general management "
                        "section verifies it.",
                        order=order.name,
                    )
                )
            if order.line_ids.filtered(lambda line: not line.is_done):
                raise UserError(
                    self.env._(
                        "Every phased requirement of %(order)s must be done before "
                        "it is verified.",
                        order=order.name,
                    )
                )
            if not order.verification:
                raise UserError(
                    self.env._(
                        "Record the verification result of %(order)s.",
                        order=order.name,
                    )
                )
        self.write(
            {"state": "verified", "date_verified": fields.Date.context_today(self)}
        )
        return True

    def action_close(self):
        self._check_state(("verified",), self.env._("Closing"))
        self.write({"state": "closed", "date_closed": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        self._check_state(("draft", "issued", "rectifying"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("cancel",), self.env._("Resetting to draft"))
        self.write({"state": "draft", "date_issued": False})
        return True

    # --- escalation of major problems (逐级上报)

    @api.model
    def _next_level(self, user, department):
        """The manager above ``user``: their employee's manager, else the manager of
        the parent department."""
        employee = user.employee_id
        manager = employee.parent_id.user_id if employee else self.env["res.users"]
        if manager and manager != user:
            return manager
        parent = department.parent_id
        while parent:
            head = parent.manager_id.user_id
            if head and head != user:
                return head
            parent = parent.parent_id
        return self.env["res.users"]

    def _escalate(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        for order in self:
            current = order.escalated_to_id or order.responsible_id
            department = (
                current.employee_id.department_id
                if order.escalated_to_id
                else order.department_id
            ) or order.department_id
            target = self._next_level(current, department)
            if not target:
                raise UserError(
                    self.env._(
                        "%(order)s cannot be escalated above %(user)s: no higher "
                        "manager is known.",
                        order=order.name,
                        user=current.name,
                    )
                )
            order.activity_schedule(
                activity_type_id=todo.id,
                user_id=target.id,
                summary=self.env._("Major service-quality problem"),
                note=self.env._(
                    "%(order)s reports a major service-quality problem of "
                    "%(section)s, escalated level by level (001/QT-18).",
                    order=order.name,
                    section=order.department_id.display_name,
                ),
            )
            order.escalated_to_id = target
        return True

    def action_escalate(self):
        """Escalate the major problem one level further up."""
        for order in self:
            if not order.can_escalate:
                raise UserError(
                    self.env._(
                        "Only an issued major problem under rectification is "
                        "escalated (%(order)s).",
                        order=order.name,
                    )
                )
        return self._escalate()

    # --- links

    def action_raise_issue(self):
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "supervision_order",
            title=self.env._(
                "%(order)s: %(section)s",
                order=self.name,
                section=self.department_id.display_name,
            ),
            department_id=self.department_id.id,
            user_id=self.responsible_id.id,
            description=self.problem or False,
            severity="major" if self.is_major else "general",
        )

    def action_create_penalty(self):
        """001/R-65: a performance penalty of the responsible person, in draft."""
        self.ensure_one()
        if self.measure != "penalty":
            raise UserError(
                self.env._(
                    "%(order)s's assessment measure is not a performance penalty.",
                    order=self.name,
                )
            )
        penalty = self.env["qt.reward.penalty"].create(
            {
                "user_id": self.responsible_id.id,
                "department_id": self.department_id.id,
                "role_in_case": "responsible",
                "kind": "penalty",
                "company_id": self.company_id.id,
                "source_ref": f"{self._name},{self.id}",
                "description": self.env._(
                    "Performance penalty of supervision order %(order)s.",
                    order=self.name,
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "qt.reward.penalty",
            "res_id": penalty.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_view_rewards_penalties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_reward_penalty_action"
        )
        action["domain"] = [("source_ref", "=", f"{self._name},{self.id}")]
        return action


class QtSupervisionOrderLine(models.Model):
    """A phased work requirement of a supervision order (阶段性的工作要求)."""

    _name = "qt.supervision.order.line"
    _description = "Supervision Order Requirement"
    _order = "order_id, date_due, sequence, id"

    order_id = fields.Many2one(
        "qt.supervision.order", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Requirement", required=True)
    date_due = fields.Date(string="Due On", required=True)
    is_done = fields.Boolean(string="Done")
    note = fields.Char()
