from datetime import date

from odoo import api, fields, models


class CrCareAction(models.Model):
    """One action of a key-client care plan (004 CR-7): a visit, a greeting, a review
    or a call, with its owner and its deadline from the deadline engine (the rule's
    due field ``date_deadline``), escalated when overdue."""

    _name = "cr.care.action"
    _description = "Care Action"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "date_planned, id"

    name = fields.Char(required=True, tracking=True)
    plan_id = fields.Many2one(
        "cr.care.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        related="plan_id.partner_id", store=True, string="Client", index=True
    )
    department_id = fields.Many2one(
        related="plan_id.department_id", store=True, index=True
    )
    plan_user_id = fields.Many2one(
        related="plan_id.user_id", store=True, string="Plan Owner"
    )
    kind = fields.Selection(
        [
            ("visit", "Visit"),
            ("greeting", "Greeting"),
            ("review", "Review"),
            ("call", "Phone Call"),
            ("survey", "Online Survey"),
            ("other", "Other"),
        ],
        required=True,
        default="visit",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    date_planned = fields.Date(string="Planned On", required=True, tracking=True)
    allowed_days = fields.Integer(
        string="Working Days Allowed",
        default=lambda self: self.env.company.cr_care_action_days,
        help="004 CR-7, S14: working days after the planned date to do it (company "
        "setting).",
    )
    date_deadline = fields.Datetime(
        string="Deadline",
        readonly=True,
        copy=False,
        help="Kept by the deadline engine.",
    )
    date_done = fields.Date(string="Done On", readonly=True, copy=False)
    note = fields.Text(string="Outcome")
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done"), ("cancel", "Cancelled")],
        default="todo",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    can_done = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    @api.depends_context("uid")
    @api.depends("state", "user_id")
    def _compute_can(self):
        is_supervisor = self.env.user.has_group(
            "client_relations.group_client_relations_supervisor"
        )
        for action in self:
            allowed = (
                action.user_id == self.env.user
                or action.plan_user_id == self.env.user
                or is_supervisor
            )
            action.can_done = action.state == "todo" and allowed
            action.can_cancel = action.state == "todo" and allowed

    def action_done(self):
        self._check_state(("todo",), self.env._("Marking done"))
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        self._check_state(("todo",), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reopen(self):
        self._check_state(("done", "cancel"), self.env._("Reopening"))
        self.write({"state": "todo", "date_done": False})
        return True

    @api.model
    def _cr_default_actions(self, year, owner):
        """The default actions of a year's plan: a visit a quarter, the New-Year
        greeting (000/R-CR-20) and the year-end review."""
        user = (owner or self.env.user).id
        visits = [
            {
                "name": self.env._("Quarterly visit Q%(q)s", q=quarter),
                "kind": "visit",
                "user_id": user,
                "date_planned": date(year, quarter * 3 - 1, 15),
            }
            for quarter in (1, 2, 3, 4)
        ]
        return visits + [
            {
                "name": self.env._("New-Year greeting"),
                "kind": "greeting",
                "user_id": user,
                "date_planned": date(year, 12, 15),
            },
            {
                "name": self.env._("Year-end care review"),
                "kind": "review",
                "user_id": user,
                "date_planned": date(year, 12, 20),
            },
        ]
