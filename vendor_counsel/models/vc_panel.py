from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SCORES = (
    "score_ability",
    "score_track_record",
    "score_experience",
    "score_fees",
    "score_quality",
)


class VcPanel(models.Model):
    """The preferred panel of outside law firms of a practice area (优选律师事务所名单
    / 外聘律师事务所及律师备选库, 000/E-VC-3, WF-VC-1): the legal department ranks the
    firms after a market survey, company leadership approves it (base_tier_validation,
    the general counsel by default), it is valid from/to and reviewed on a date.
    003/HR-D13-1: it is the qualified-supplier archive of outside counsel."""

    _name = "vc.panel"
    _description = "Preferred Law Firm Panel"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.state.mixin",
        "tier.validation",
    ]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    _state_field = "state"
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False

    name = fields.Char(required=True, tracking=True)
    practice_area_id = fields.Many2one(
        "vc.practice.area", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible (Legal)",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    date_from = fields.Date(string="Valid From", required=True, tracking=True)
    date_to = fields.Date(string="Valid To", required=True, tracking=True)
    date_review = fields.Date(
        string="Review Date",
        tracking=True,
        help="When the legal department reviews the panel again; its responsible is "
        "reminded the company's notice days before (000/WF-VC-1).",
    )
    date_approved = fields.Date(string="Approved On", readonly=True, copy=False)
    review_reminded_for = fields.Date(
        readonly=True,
        copy=False,
        help="Technical: the review date already reminded.",
    )
    survey_notes = fields.Text(
        string="Market Survey",
        help="The market survey by business field the ranking rests on (000/E-VC-3).",
    )
    line_ids = fields.One2many("vc.panel.line", "panel_id", string="Firms", copy=True)
    firm_count = fields.Integer(compute="_compute_firm_count", store=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("expired", "Expired"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    approver_ids = fields.Many2many(
        "res.users",
        compute="_compute_approver_ids",
        string="Approvers",
        help="Company leadership approving the panel: the general counsel group, "
        "with the users implied in it (the default tier definition asks them).",
    )
    can_submit = fields.Boolean(compute="_compute_can")
    can_approve = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")
    can_expire = fields.Boolean(compute="_compute_can")

    _dates_ordered = models.Constraint(
        "CHECK (date_to >= date_from)",
        "A panel's validity ends after it starts.",
    )

    @api.depends("line_ids")
    def _compute_firm_count(self):
        for panel in self:
            panel.firm_count = len(panel.line_ids)

    @api.depends("company_id")
    def _compute_approver_ids(self):
        group = self.env.ref("vendor_counsel.group_vendor_counsel_general_counsel")
        users = group.all_user_ids.filtered(lambda u: not u.share and u.active)
        for panel in self:
            panel.approver_ids = users.filtered(
                lambda u, company=panel.company_id: company in u.company_ids
            )

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can(self):
        legal = self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal")
        approver = self.env.user.has_group(
            "vendor_counsel.group_vendor_counsel_general_counsel"
        )
        for panel in self:
            panel.can_submit = legal and panel.state == "draft"
            panel.can_approve = approver and panel.state == "submitted"
            panel.can_reset = legal and panel.state == "submitted"
            panel.can_expire = legal and panel.state == "approved"

    def _check_legal(self, group="legal"):
        if not self.env.user.has_group(f"vendor_counsel.group_vendor_counsel_{group}"):
            raise UserError(
                self.env._(
                    "Only the legal department prepares panels and company "
                    "leadership (general counsel) approves them (000/WF-VC-1)."
                )
            )

    def action_submit(self):
        """The legal department submits the ranked list to company leadership; every
        firm on it has been vetted (003/HR-D12-6)."""
        self._check_state(("draft",), self.env._("Submitting"))
        self._check_legal()
        for panel in self:
            if not panel.line_ids:
                self._raise_missing(panel, self.env._("rank at least one firm."))
            unvetted = panel.line_ids.firm_id.filtered(lambda f: not f.vc_is_vetted)
            if unvetted:
                self._raise_missing(
                    panel,
                    self.env._(
                        "vet the qualification and credit of %(firms)s first "
                        "(003/HR-D12-6).",
                        firms=", ".join(unvetted.mapped("name")),
                    ),
                )
        self.write({"state": "submitted"})
        self.request_validation()
        return True

    def action_approve(self):
        """Company leadership approves (the general counsel's tier review)."""
        self._check_state(("submitted",), self.env._("Approving"))
        self._check_legal("general_counsel")
        for panel in self:
            if panel.review_ids and panel.can_review:
                panel.validate_tier()
        self.invalidate_recordset(["review_ids", "need_validation"])
        self.write(
            {"state": "approved", "date_approved": fields.Date.context_today(self)}
        )
        return True

    def action_reset_draft(self):
        """Back to draft for changes (the tier reviews restart)."""
        self._check_state(("submitted",), self.env._("Resetting to draft"))
        self._check_legal()
        self.restart_validation()
        self.with_context(skip_validation_check=True).write({"state": "draft"})
        return True

    def action_expire(self):
        self._check_state(("approved",), self.env._("Expiring"))
        self._check_legal()
        self._expire()
        return True

    def _expire(self):
        self.write({"state": "expired"})

    def action_print(self):
        return self.env.ref("vendor_counsel.vc_panel_report_action").report_action(self)

    # cron (000/WF-VC-1)

    @api.model
    def _get_expire_domain(self, today):
        return [("state", "=", "approved"), ("date_to", "<", today)]

    @api.model
    def _get_review_reminder_domain(self, today, company):
        return [
            ("state", "=", "approved"),
            ("company_id", "=", company.id),
            ("date_review", "!=", False),
            (
                "date_review",
                "<=",
                today + relativedelta(days=company.vc_panel_review_notice_days),
            ),
        ]

    @api.model
    def _cron_expire_and_remind(self):
        """Expire the panels past their validity; remind each panel's responsible
        once per review date, the notice days before it."""
        today = fields.Date.context_today(self)
        self.search(self._get_expire_domain(today))._expire()
        reminded = self.browse()
        for company in self.env["res.company"].search([]):
            panels = self.search(self._get_review_reminder_domain(today, company))
            for panel in panels.filtered(
                lambda p: p.review_reminded_for != p.date_review
            ):
                panel.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=panel.date_review,
                    summary=self.env._("Review the panel %(name)s", name=panel.name),
                    user_id=(
                        panel.user_id or self.env["res.partner"]._vc_counsel_manager()
                    ).id,
                )
                panel.review_reminded_for = panel.date_review
                reminded |= panel
        return reminded


class VcPanelLine(models.Model):
    """A ranked firm of a panel, with its lawyers and the ranking factors of D7 第七条
    (ability, track record, experience, fees, work quality; 000/E-VC-3)."""

    _name = "vc.panel.line"
    _description = "Preferred Panel Firm"
    _order = "panel_id, rank, id"

    panel_id = fields.Many2one(
        "vc.panel", required=True, index=True, ondelete="cascade"
    )
    rank = fields.Integer(default=1, required=True)
    firm_id = fields.Many2one(
        "res.partner",
        string="Law Firm",
        required=True,
        index=True,
        domain=[("vc_is_law_firm", "=", True)],
    )
    lawyer_ids = fields.Many2many(
        "res.partner",
        "vc_panel_line_lawyer_rel",
        "line_id",
        "partner_id",
        string="Lawyers",
        domain="[('vc_is_lawyer', '=', True), ('parent_id', '=', firm_id)]",
    )
    score_ability = fields.Float(string="Ability", aggregator="avg")
    score_track_record = fields.Float(string="Track Record", aggregator="avg")
    score_experience = fields.Float(string="Experience", aggregator="avg")
    score_fees = fields.Float(string="Fees", aggregator="avg")
    score_quality = fields.Float(string="Work Quality", aggregator="avg")
    score_total = fields.Float(
        string="Score",
        compute="_compute_score_total",
        store=True,
        aggregator="avg",
        help="Average of the five ranking factors (0-100).",
    )
    notes = fields.Char()
    state = fields.Selection(related="panel_id.state", store=True, index=True)
    practice_area_id = fields.Many2one(
        related="panel_id.practice_area_id", store=True, index=True
    )
    company_id = fields.Many2one(related="panel_id.company_id", store=True, index=True)
    date_from = fields.Date(related="panel_id.date_from", store=True)
    date_to = fields.Date(related="panel_id.date_to", store=True)

    _firm_once = models.Constraint(
        "UNIQUE (panel_id, firm_id)", "A firm is ranked once per panel."
    )
    _scores_range = models.Constraint(
        "CHECK (score_ability BETWEEN 0 AND 100 AND score_track_record BETWEEN 0 "
        "AND 100 AND score_experience BETWEEN 0 AND 100 AND score_fees BETWEEN 0 "
        "AND 100 AND score_quality BETWEEN 0 AND 100)",
        "Ranking scores are between 0 and 100.",
    )
    _rank_positive = models.Constraint("CHECK (rank > 0)", "A rank is 1 or more.")

    def _check_panel_draft(self, panels):
        """A submitted, approved or expired panel's ranking is frozen."""
        frozen = panels.filtered(lambda p: p.state != "draft")
        if frozen:
            raise UserError(
                self.env._(
                    "The firms of %(panels)s can only change while it is a draft.",
                    panels=", ".join(frozen.mapped("display_name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self._check_panel_draft(lines.panel_id)
        return lines

    def write(self, vals):
        self._check_panel_draft(self.panel_id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        self._check_panel_draft(self.panel_id)

    @api.depends(*SCORES)
    def _compute_score_total(self):
        for line in self:
            line.score_total = sum(line[name] for name in SCORES) / len(SCORES)

    @api.constrains("firm_id", "lawyer_ids")
    def _check_lawyers_of_firm(self):
        for line in self:
            strangers = line.lawyer_ids.filtered(
                lambda p, firm=line.firm_id: p.parent_id != firm
            )
            if strangers:
                raise ValidationError(
                    self.env._(
                        "%(lawyers)s do not belong to %(firm)s.",
                        lawyers=", ".join(strangers.mapped("name")),
                        firm=line.firm_id.name,
                    )
                )
