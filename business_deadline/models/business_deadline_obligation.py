from odoo import api, fields, models
from odoo.exceptions import UserError


class BusinessDeadlineObligation(models.Model):
    """A dated duty that belongs to no other record, e.g. a yearly filing.

    It is also the engine's own user of the deadline mixin: the reference the
    domain addons copy (smart button, search filters) and the target of the
    engine's tests and benchmark.
    """

    _name = "business.deadline.obligation"
    _description = "Compliance Obligation"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.deadline.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    date_start = fields.Datetime(string="Start", tracking=True)
    date_done = fields.Datetime(
        string="Done On",
        compute="_compute_date_done",
        store=True,
        copy=False,
        help="When the obligation was done (set when it reaches Done).",
    )
    date_due = fields.Datetime(
        string="Due On",
        readonly=True,
        copy=False,
        help="The due time of the obligation's deadline, kept by the deadline "
        "engine (the deadline rule names this field).",
    )
    days_allowed = fields.Integer(
        help="The time this obligation allows, when it differs from the deadline "
        "rule's (a rule may take its allowed time from this field).",
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "High"), ("2", "Urgent")], default="0", tracking=True
    )
    description = fields.Html()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "In Progress"),
            ("waiting", "Waiting"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.depends("state")
    def _compute_date_done(self):
        now = fields.Datetime.now()
        for obligation in self:
            if obligation.state != "done":
                obligation.date_done = False
            elif not obligation.date_done:
                obligation.date_done = now

    def _bd_get_raisable_fields(self):
        return ["priority"]

    def _check_state(self, allowed):
        if any(obligation.state not in allowed for obligation in self):
            raise UserError(
                self.env._("This action is not possible in the current state.")
            )

    def action_open(self):
        self._check_state(("draft", "waiting"))
        self.write({"state": "open"})

    def action_wait(self):
        self._check_state(("open",))
        self.write({"state": "waiting"})

    def action_done(self):
        self._check_state(("draft", "open", "waiting"))
        self.write({"state": "done"})

    def action_cancel(self):
        self._check_state(("draft", "open", "waiting"))
        self.write({"state": "cancel"})

    def action_draft(self):
        self._check_state(("cancel",))
        self.write({"state": "draft"})
