import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)

COI_OFFICERS = (
    "vendor_counsel.group_vendor_counsel_auditor,"
    "vendor_counsel.group_vendor_counsel_compliance,"
    "vendor_counsel.group_vendor_counsel_committee"
)
# declarations whose own state says "never submitted"
UNSUBMITTED = ("draft",)


class VcCoiSanctionType(models.Model):
    """A rung of the sanction ladder (002/R7: 训诫 < 通报批评 < 公开谴责 <
    取消劳动合同 等): ordered by severity, extensible."""

    _name = "vc.coi.sanction.type"
    _description = "Conflict of Interest Sanction Type"
    _order = "severity, id"

    name = fields.Char(required=True, translate=True)
    severity = fields.Integer(
        required=True,
        default=10,
        help="002/R7: the higher, the more severe; the ladder is read in this order.",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _name_unique = models.Constraint(
        "UNIQUE (name)", "A sanction type with this name already exists."
    )


class VcCoiSanction(models.Model):
    """A sanction for a breach of the conflict-of-interest rules (002 W6, R7, R8):
    proposed (by the system or compliance), decided by the audit committee,
    executed, closed."""

    _name = "vc.coi.sanction"
    _description = "Conflict of Interest Sanction"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    declarant_id = fields.Many2one(
        "vc.coi.declarant",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        "res.users",
        related="declarant_id.user_id",
        store=True,
        index=True,
        string="Person's User",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    trigger = fields.Selection(
        [
            ("missing_declaration", "Missing Declaration"),
            ("late_declaration", "Late Declaration"),
            ("refusal_to_resolve", "Refusal to Resolve"),
            ("damage", "Damage to the Company"),
        ],
        required=True,
        tracking=True,
        help="002/R7: no declaration as required, or refusal to resolve; 002/R8: "
        "the company's interests were damaged.",
    )
    review_id = fields.Many2one("vc.coi.review", index=True, ondelete="set null")
    declaration_id = fields.Many2one(
        "vc.coi.declaration", index=True, ondelete="set null"
    )
    sanction_type_id = fields.Many2one(
        "vc.coi.sanction.type",
        string="Sanction",
        tracking=True,
        help="002/R7: chosen by the audit committee by the seriousness of the case.",
    )
    severity = fields.Integer(related="sanction_type_id.severity", store=True)
    severity_assessment = fields.Text(
        groups=COI_OFFICERS, help="How serious the case is (视情节轻重)."
    )
    decided_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    decision_date = fields.Date(readonly=True, copy=False, tracking=True)
    execution_date = fields.Date(readonly=True, copy=False)
    execution_note = fields.Text()
    # 002/R8: damages
    currency_id = fields.Many2one(related="company_id.currency_id")
    compensation_amount = fields.Monetary(
        tracking=True, help="002/R8: the compensation the person must pay (赔偿)."
    )
    legal_liability = fields.Boolean(
        string="Legal Liability Pursued",
        tracking=True,
        help="002/R8: the company pursues the person's legal liability.",
    )
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("decided", "Decided"),
            ("executed", "Executed"),
            ("closed", "Closed"),
            ("dismissed", "Dismissed"),
        ],
        default="proposed",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    can_decide = fields.Boolean(compute="_compute_can")
    can_execute = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_dismiss = fields.Boolean(compute="_compute_can")

    @api.constrains("compensation_amount")
    def _check_compensation(self):
        """002/R8: a compensation is an amount owed to the company."""
        if any(sanction.compensation_amount < 0 for sanction in self):
            raise ValidationError(self.env._("A compensation cannot be negative."))

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can(self):
        committee = self.env.user.has_group(
            "vendor_counsel.group_vendor_counsel_committee"
        )
        officer = committee or self.env.user.has_group(
            "vendor_counsel.group_vendor_counsel_compliance"
        )
        for sanction in self:
            sanction.can_decide = committee and sanction.state == "proposed"
            sanction.can_dismiss = committee and sanction.state == "proposed"
            sanction.can_execute = officer and sanction.state == "decided"
            sanction.can_close = officer and sanction.state == "executed"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("vc.coi.sanction") or "/"
                )
        return super().create(vals_list)

    def _vc_check_committee(self, action):
        if not self.env.user.has_group("vendor_counsel.group_vendor_counsel_committee"):
            self._raise_missing(
                self[:1],
                self.env._(
                    "%(action)s is the audit committee's (002/R7).", action=action
                ),
            )

    def action_decide(self):
        """The audit committee decides the sanction (002/R7); a damage case states
        the compensation or the legal liability pursued (002/R8)."""
        self._check_state(("proposed",), self.env._("Deciding the sanction"))
        self._vc_check_committee(self.env._("Deciding a sanction"))
        for sanction in self:
            if not sanction.sanction_type_id:
                self._raise_missing(
                    sanction, self.env._("choose the sanction (002/R7).")
                )
            if (
                sanction.trigger == "damage"
                and sanction.compensation_amount <= 0
                and not sanction.legal_liability
            ):
                self._raise_missing(
                    sanction,
                    self.env._(
                        "the company was damaged: set the compensation or pursue "
                        "the legal liability (002/R8)."
                    ),
                )
        self.write(
            {
                "state": "decided",
                "decided_by_id": self.env.user.id,
                "decision_date": fields.Date.context_today(self),
            }
        )
        return True

    def action_execute(self):
        self._check_state(("decided",), self.env._("Executing the sanction"))
        self.write(
            {"state": "executed", "execution_date": fields.Date.context_today(self)}
        )
        return True

    def action_close(self):
        self._check_state(("executed",), self.env._("Closing the sanction"))
        self.write({"state": "closed"})
        return True

    def action_dismiss(self):
        """The committee drops a proposal."""
        self._check_state(("proposed",), self.env._("Dismissing the proposal"))
        self._vc_check_committee(self.env._("Dismissing a proposal"))
        self.write({"state": "dismissed"})
        return True

    # --- proposals (002 W6)

    @api.model
    def _vc_open_proposals(self, trigger, field, records):
        """The records (reviews or declarations) that already have a sanction
        for ``trigger`` (any state but dismissed): proposals never repeat."""
        groups = self._read_group(
            [
                (field, "in", records.ids),
                ("trigger", "=", trigger),
                ("state", "!=", "dismissed"),
            ],
            [field],
        )
        return self.env[records._name].union(*(g[0] for g in groups))

    @api.model
    def _vc_propose_for_reviews(self, reviews, trigger):
        """One proposal per review (refusal to resolve, 002/R7); idempotent."""
        todo = reviews - self._vc_open_proposals(trigger, "review_id", reviews)
        proposals = self.create(
            [
                {
                    "declarant_id": review.declarant_id.id,
                    "company_id": review.company_id.id,
                    "trigger": trigger,
                    "review_id": review.id,
                    "declaration_id": review.declaration_id.id,
                }
                for review in todo
            ]
        )
        proposals._vc_notify_committee()
        return proposals

    @api.model
    def _vc_declaration_deadline_rules(self):
        """The declarations' submission deadlines: the rules on declarations that
        are met on submission (whatever their start); all the declarations' rules
        if none says so."""
        rules = (
            self.env["business.deadline.rule"]
            .sudo()
            .search([("model", "=", "vc.coi.declaration")])
        )
        submitted = self.env.ref(
            "vendor_counsel.selection__vc_coi_declaration__state__submitted"
        )
        on_submission = rules.filtered(lambda r: submitted in r.met_state_ids)
        return on_submission or rules

    @api.model
    def _vc_propose_for_declarations(self):
        """002/R7 (not declared as required): a declaration whose submission
        deadline is breached while it is still a draft gets a 'missing
        declaration' proposal; one submitted late a 'late declaration' proposal.
        Read from the deadline timers, whatever the rule; set-based, idempotent."""
        rules = self._vc_declaration_deadline_rules()
        if not rules:
            return self.browse()
        timers = (
            self.env["business.deadline.timer"]
            .sudo()
            .search(
                [
                    ("rule_id", "in", rules.ids),
                    ("res_model", "=", "vc.coi.declaration"),
                    "|",
                    ("state", "=", "breached"),
                    "&",
                    ("state", "=", "met"),
                    ("is_late", "=", True),
                ]
            )
        )
        declarations = (
            self.env["vc.coi.declaration"].browse(set(timers.mapped("res_id"))).exists()
        )
        missing = declarations.filtered(lambda d: d.state in UNSUBMITTED)
        late = declarations.filtered(lambda d: d.state not in UNSUBMITTED + ("cancel",))
        proposals = self.browse()
        for trigger, records in (
            ("missing_declaration", missing),
            ("late_declaration", late),
        ):
            todo = records - self._vc_open_proposals(trigger, "declaration_id", records)
            proposals |= self.create(
                [
                    {
                        "declarant_id": d.declarant_id.id,
                        "company_id": d.company_id.id,
                        "trigger": trigger,
                        "declaration_id": d.id,
                    }
                    for d in todo
                ]
            )
        proposals._vc_notify_committee()
        return proposals

    def _vc_notify_committee(self):
        for sanction in self:
            sanction.message_post(
                body=self.env._(
                    "Sanction proposal opened for %(person)s: %(trigger)s. The audit "
                    "committee decides by the seriousness of the case (002/R7).",
                    person=sanction.declarant_id.display_name,
                    trigger=dict(
                        self._fields["trigger"]._description_selection(self.env)
                    )[sanction.trigger],
                )
            )

    @api.model
    def _vc_count_by_declarant(self, declarants):
        """{declarant id: number of sanctions}: the declarant form's smart button."""
        return {
            declarant.id: count
            for declarant, count in self._read_group(
                [("declarant_id", "in", declarants.ids)], ["declarant_id"], ["__count"]
            )
        }
