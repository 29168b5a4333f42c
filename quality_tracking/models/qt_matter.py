from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class QtMatter(models.Model):
    """A piece of tracked work: a legal matter, a project or a delivery (000/E-QT-1).

    It moves draft (intake review) → review (contract review) → open (registered, in
    progress) → closed (结案: feedback cards issued) → archived, or cancel; only through
    the ``action_*`` methods, whose guards the form reads from the ``can_*`` fields.
    """

    _name = "qt.matter"
    _description = "Tracked Matter"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    ref = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    category_id = fields.Many2one(
        "qt.category",
        required=True,
        tracking=True,
        check_company=True,
        domain="[('company_id', 'in', [False, company_id])]",
    )
    kind = fields.Selection(related="category_id.kind", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, tracking=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    department_id = fields.Many2one(
        "hr.department", tracking=True, check_company=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handler",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    department_head_id = fields.Many2one(
        "res.users",
        compute="_compute_department_head_id",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    supervisor_ids = fields.Many2many(
        "res.users",
        "qt_matter_supervisor_rel",
        "matter_id",
        "user_id",
        string="Supervisors",
    )
    state = fields.Selection(
        [
            ("draft", "Intake Review"),
            ("review", "Contract Review"),
            ("open", "In Progress"),
            ("closed", "Closed"),
            ("archived", "Archived"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_registered = fields.Date(string="Registered On", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    description = fields.Html()
    standard_line_ids = fields.One2many(
        "qt.matter.standard.line", "matter_id", string="Quality Standard", copy=True
    )
    feedback_card_ids = fields.One2many("qt.feedback.card", "matter_id")
    feedback_card_count = fields.Integer(compute="_compute_feedback_card_count")
    issue_ids = fields.One2many("qt.issue", "matter_id")
    issue_count = fields.Integer(compute="_compute_issue_count")
    can_submit_review = fields.Boolean(compute="_compute_can")
    can_register = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _ref_unique = models.UniqueIndex(
        "(company_id, ref) WHERE ref <> '/'", "Matter references must be unique."
    )

    @api.depends("department_id.manager_id.user_id")
    def _compute_department_head_id(self):
        for matter in self:
            head = matter.department_id.manager_id.user_id
            if head or not matter.department_head_id:
                matter.department_head_id = head

    def _compute_feedback_card_count(self):
        counts = dict(
            self.env["qt.feedback.card"]._read_group(
                [("matter_id", "in", self.ids)], ["matter_id"], ["__count"]
            )
        )
        for matter in self:
            matter.feedback_card_count = counts.get(matter, 0)

    def _compute_issue_count(self):
        counts = dict(
            self.env["qt.issue"]._read_group(
                [("matter_id", "in", self.ids)], ["matter_id"], ["__count"]
            )
        )
        for matter in self:
            matter.issue_count = counts.get(matter, 0)

    @api.depends("state")
    def _compute_can(self):
        for matter in self:
            matter.can_submit_review = matter.state == "draft"
            matter.can_register = matter.state == "review"
            matter.can_close = matter.state == "open"
            matter.can_cancel = matter.state in ("draft", "review", "open")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("ref", "/") == "/":
                vals["ref"] = self.env["ir.sequence"].next_by_code("qt.matter") or "/"
            if vals.get("category_id") and "standard_line_ids" not in vals:
                vals["standard_line_ids"] = self._standard_line_commands(
                    self.env["qt.category"].browse(vals["category_id"])
                )
        return super().create(vals_list)

    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id and self.state == "draft":
            self.standard_line_ids = [Command.clear()] + self._standard_line_commands(
                self.category_id
            )

    @api.model
    def _standard_line_commands(self, category):
        return [
            Command.create({"sequence": c.sequence, "name": c.name})
            for c in category.criterion_ids
        ]

    # --- state machine

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda m: m.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(matters)s in state %(state)s.",
                    action=action,
                    matters=", ".join(wrong.mapped("display_name")),
                    state=labels[wrong[0].state],
                )
            )

    def _check_can_submit_review(self):
        """Hook: the intake review's guards (000/R-QT-05's preconditions)."""

    def _check_can_register(self):
        """Hook: the contract review's guards (000/R-QT-05, 001/R-01)."""

    def action_submit_review(self):
        """Intake review done: the department head reviews the contract."""
        self._check_state(("draft",), self.env._("Submitting for contract review"))
        self._check_can_submit_review()
        self.write({"state": "review"})
        return True

    def action_register(self):
        """Contract reviewed and signed: the matter is registered (登记) and opens."""
        self._check_state(("review",), self.env._("Registering"))
        self._check_can_register()
        self.write(
            {"state": "open", "date_registered": fields.Date.context_today(self)}
        )
        return True

    def action_close(self):
        """Close the matters (结案) and issue their feedback cards (000/R-QT-06).

        Set-based: one write and one create for all the matters, whatever their number.
        """
        self._check_state(("open",), self.env._("Closing"))
        self.write({"state": "closed", "date_closed": fields.Date.context_today(self)})
        self.env["qt.feedback.card"]._create_for_matters(self)
        return True

    def action_cancel(self):
        self._check_state(("draft", "review", "open"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("cancel",), self.env._("Resetting to intake review"))
        self.write({"state": "draft"})
        return True

    # --- smart buttons

    def action_view_feedback_cards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_feedback_card_action"
        )
        action["domain"] = [("matter_id", "=", self.id)]
        action["context"] = {"default_matter_id": self.id}
        return action

    def action_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_issue_action"
        )
        action["domain"] = [("matter_id", "=", self.id)]
        action["context"] = {
            "default_matter_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action

    def _compute_display_name(self):
        for matter in self:
            matter.display_name = (
                f"[{matter.ref}] {matter.name}"
                if matter.ref and matter.ref != "/"
                else matter.name
            )


class QtMatterStandardLine(models.Model):
    """The result of one quality-standard criterion on a matter (000/E-QT-2)."""

    _name = "qt.matter.standard.line"
    _description = "Matter Quality Standard Line"
    _order = "matter_id, sequence, id"

    matter_id = fields.Many2one(
        "qt.matter", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Criterion", required=True)
    result = fields.Selection(
        [("met", "Met"), ("not_met", "Not Met"), ("na", "Not Applicable")]
    )
    remark = fields.Char()
