from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

KEY_TIERS = ("diamond", "platinum")


class CrCarePlan(models.Model):
    """The yearly care plan of a key client (004 CR-7 重点客户关怀计划): its visits,
    greetings and reviews, each with an owner and a deadline, and the key-account
    service team (002/E42, R26)."""

    _name = "cr.care.plan"
    _description = "Key-Client Care Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "year desc, partner_id"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Key Client",
        required=True,
        domain=[("cr_is_client", "=", True), ("is_company", "=", True)],
        tracking=True,
        index=True,
    )
    tier_id = fields.Many2one(related="partner_id.cr_tier_id", string="Tier")
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Plan Owner",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
        help="004 CR-7 (D16 Art. 10): the named customer service owner.",
    )
    department_id = fields.Many2one("hr.department", tracking=True, index=True)
    needs = fields.Text(
        string="Needs Identified", help="004 CR-7 (D11 §一1 C): 了解客户需求."
    )
    regional_issues = fields.Text(
        string="Regional Issues Found",
        help="004 CR-7 (D11 §一2 B): feedback of the region's clients.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    action_ids = fields.One2many("cr.care.action", "plan_id", string="Actions")
    member_ids = fields.One2many(
        "cr.care.team.member", "plan_id", string="Service Team", copy=True
    )
    action_count = fields.Integer(compute="_compute_action_stats")
    action_done_count = fields.Integer(compute="_compute_action_stats")
    action_overdue_count = fields.Integer(compute="_compute_action_stats")
    progress = fields.Float(compute="_compute_action_stats")
    color = fields.Integer()
    can_activate = fields.Boolean(compute="_compute_can")
    can_done = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    _partner_year_uniq = models.UniqueIndex(
        "(company_id, partner_id, year) WHERE state != 'cancel'",
        "A key client has one care plan a year.",
    )

    @api.depends("partner_id.name", "year")
    def _compute_name(self):
        for plan in self:
            plan.name = f"{plan.year} {plan.partner_id.name or ''}".strip()

    @api.depends("action_ids.state", "action_ids.date_deadline")
    def _compute_action_stats(self):
        Action = self.env["cr.care.action"]
        rows = Action._read_group(
            [("plan_id", "in", self.ids)], ["plan_id", "state"], ["__count"]
        )
        overdue = dict(
            Action._read_group(
                [
                    ("plan_id", "in", self.ids),
                    ("state", "=", "todo"),
                    ("deadline_is_overdue", "=", True),
                ],
                ["plan_id"],
                ["__count"],
            )
        )
        stats = {}
        for plan, state, count in rows:
            line = stats.setdefault(plan, [0, 0])
            line[0] += count
            if state == "done":
                line[1] += count
        for plan in self:
            total, done = stats.get(plan, (0, 0))
            plan.action_count = total
            plan.action_done_count = done
            plan.action_overdue_count = overdue.get(plan, 0)
            plan.progress = 100.0 * done / total if total else 0.0

    @api.depends_context("uid")
    @api.depends("state", "user_id")
    def _compute_can(self):
        is_supervisor = self.env.user.has_group(
            "client_relations.group_client_relations_supervisor"
        )
        for plan in self:
            mine = plan.user_id == self.env.user or is_supervisor
            plan.can_activate = plan.state == "draft" and mine
            plan.can_done = plan.state == "active" and mine
            plan.can_cancel = plan.state in ("draft", "active") and mine
            plan.can_reset = plan.state == "cancel" and mine

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id:
            self.user_id = self.partner_id.cr_owner_id or self.user_id
            self.department_id = self.partner_id.cr_department_id

    @api.constrains("partner_id")
    def _check_key_client(self):
        """004 CR-7: care plans are for key clients, the Diamond and Platinum
        tiers."""
        for plan in self:
            if plan.partner_id.cr_tier_id.code not in KEY_TIERS:
                raise ValidationError(
                    self.env._(
                        "%(client)s is not a key client: care plans are for Diamond "
                        "and Platinum clients.",
                        client=plan.partner_id.display_name,
                    )
                )

    @api.constrains("member_ids", "state")
    def _check_team(self):
        """002/R26: 1 lead and 1-2 specialists, at least one member certified; a
        plan is activated only with a valid team."""
        for plan in self.filtered(lambda p: p.state in ("active", "done")):
            members = plan.member_ids
            leads = members.filtered(lambda m: m.role == "lead")
            specialists = members.filtered(lambda m: m.role == "specialist")
            if len(leads) != 1 or not 1 <= len(specialists) <= 2:
                raise ValidationError(
                    self.env._(
                        "%(plan)s: the key-account team is 1 lead and 1 or 2 "
                        "specialists (it has %(leads)s lead(s) and %(specialists)s "
                        "specialist(s)).",
                        plan=plan.display_name,
                        leads=len(leads),
                        specialists=len(specialists),
                    )
                )
            if not members.filtered("is_certified"):
                raise ValidationError(
                    self.env._(
                        "%(plan)s: at least one team member must hold the "
                        "qualification certificate.",
                        plan=plan.display_name,
                    )
                )

    def action_activate(self):
        self._check_state(("draft",), self.env._("Activating a care plan"))
        self.write({"state": "active"})
        return True

    def action_done(self):
        self._check_state(("active",), self.env._("Closing a care plan"))
        open_actions = self.action_ids.filtered(lambda a: a.state == "todo")
        if open_actions:
            raise UserError(
                self.env._(
                    "Finish or cancel the open actions first: %(actions)s",
                    actions=", ".join(open_actions.mapped("display_name")),
                )
            )
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "active"), self.env._("Cancelling a care plan"))
        self.action_ids.filtered(lambda a: a.state == "todo").write({"state": "cancel"})
        self.write({"state": "cancel"})
        return True

    def action_reset(self):
        self._check_state(("cancel",), self.env._("Resetting a care plan"))
        self.write({"state": "draft"})
        return True

    def action_view_actions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Care Actions"),
            "res_model": "cr.care.action",
            "view_mode": "list,kanban,calendar,form",
            "domain": [("plan_id", "=", self.id)],
            "context": {"default_plan_id": self.id},
        }

    @api.model
    def _cron_create_plans(self):
        """004 CR-7: each key client (Diamond, Platinum) gets a draft care plan for
        the year, with its default actions; idempotent, set-based."""
        today = fields.Date.context_today(self)
        clients = self.env["res.partner"].search(
            [
                ("cr_is_client", "=", True),
                ("is_company", "=", True),
                ("cr_tier_id.code", "in", KEY_TIERS),
            ]
        )
        planned = {
            (plan.partner_id.id, plan.company_id.id)
            for plan in self.search(
                [
                    ("partner_id", "in", clients.ids),
                    ("year", "=", today.year),
                    ("state", "!=", "cancel"),
                ]
            )
        }
        vals_list = []
        for client in clients:
            company = client.company_id or self.env.company
            if (client.id, company.id) in planned:
                continue
            owner = client.cr_owner_id
            vals_list.append(
                {
                    "partner_id": client.id,
                    "company_id": company.id,
                    "year": today.year,
                    "user_id": (owner or self.env.ref("base.user_admin")).id,
                    "department_id": client.cr_department_id.id,
                    "action_ids": [
                        (0, 0, vals)
                        for vals in self.env["cr.care.action"]._cr_default_actions(
                            today.year, owner
                        )
                    ],
                }
            )
        return self.create(vals_list)
