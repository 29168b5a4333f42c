import logging
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

_logger = logging.getLogger(__name__)

FIRM_WIDE_KINDS = ("half_year", "year_end")
# The five criteria of 000/R-QT-10, in the order of the regulation (7.2)
CRITERIA = ("skill", "ethics", "files", "satisfaction", "influence")
COMMITTEE_GROUP = "quality_tracking.group_quality_tracking_committee"
MANAGER_GROUP = "quality_tracking.group_quality_tracking_manager"


class QtEvaluation(models.Model):
    """A quality evaluation (质量评比, 000/E-QT-7, WF-QT-4).

    Three kinds (000/R-QT-09): the firm-wide half-year and year-end evaluations,
    organised by the management committee (000/R-QT-13), and each business
    department's same-type case evaluation, organised by the department (7.3).
    draft → open (entries) → scoring → closed (published) / cancel, only through the
    ``action_*`` methods. Publishing a firm-wide evaluation's awards goes through a
    tier validation by the management committee; closing a department evaluation
    needs its excellent cases (000/R-QT-11) and enters them in the firm-wide
    evaluations of the period (000/R-QT-12).
    """

    _name = "qt.evaluation"
    _description = "Quality Evaluation"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "tier.validation",
        "qt.state.mixin",
    ]
    _order = "date_from desc, kind, id desc"
    _check_company_auto = True

    _state_from = ["scoring"]
    _state_to = ["closed"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    kind = fields.Selection(
        [
            ("half_year", "Half-Year Evaluation"),
            ("year_end", "Year-End Evaluation"),
            ("department", "Department Same-Type Evaluation"),
        ],
        string="Type",
        required=True,
        default="department",
        tracking=True,
        index=True,
    )
    organiser = fields.Selection(
        [("committee", "Management Committee"), ("department", "Department")],
        compute="_compute_organiser",
        store=True,
        help="000/R-QT-13: the management committee organises the half-year and "
        "year-end evaluations; each department organises its same-type evaluation.",
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    half = fields.Selection(
        [("1", "First Half"), ("2", "Second Half")],
        default=lambda self: "1" if fields.Date.context_today(self).month <= 6 else "2",
    )
    date_from = fields.Date(
        string="Period Start", compute="_compute_period", store=True, index=True
    )
    date_to = fields.Date(string="Period End", compute="_compute_period", store=True)
    department_id = fields.Many2one(
        "hr.department", tracking=True, check_company=True, index=True
    )
    category_id = fields.Many2one(
        "qt.category",
        string="Case Type",
        check_company=True,
        domain="[('company_id', 'in', [False, company_id])]",
        help="The same type of cases this department evaluation compares (000/D1 7.3).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    scorer_ids = fields.Many2many(
        "res.users",
        "qt_evaluation_scorer_rel",
        "evaluation_id",
        "user_id",
        string="Scorers",
        compute="_compute_scorer_ids",
        store=True,
        readonly=False,
        help="Who scores the entries: members of the management committee for the "
        "firm-wide evaluations, the department's head and people for a department "
        "evaluation (000/R-QT-13).",
    )
    committee_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_committee_user_ids",
        string="Management Committee Members",
        help="Who validates the publication of the awards (tier validation).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Open for Entries"),
            ("scoring", "Scoring"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    entry_ids = fields.One2many("qt.evaluation.entry", "evaluation_id", copy=False)
    score_ids = fields.One2many("qt.evaluation.score", "evaluation_id", copy=False)
    entry_count = fields.Integer(compute="_compute_entry_count")
    excellent_count = fields.Integer(
        string="Excellent Cases", compute="_compute_entry_count"
    )
    firm_wide_count = fields.Integer(
        string="Firm-Wide Evaluations", compute="_compute_firm_wide_count"
    )
    score_max = fields.Integer(
        string="Score Scale",
        default=lambda self: self.env.company.qt_eval_score_max,
        help="000/R-QT-10: each criterion is scored from 0 to this maximum.",
    )
    weight_skill = fields.Integer(
        string="Weight: Professional Skill",
        default=lambda self: self.env.company.qt_eval_weight_skill,
    )
    weight_ethics = fields.Integer(
        string="Weight: Professional Ethics",
        default=lambda self: self.env.company.qt_eval_weight_ethics,
    )
    weight_files = fields.Integer(
        string="Weight: Case Files",
        default=lambda self: self.env.company.qt_eval_weight_files,
    )
    weight_satisfaction = fields.Integer(
        string="Weight: Client Satisfaction",
        default=lambda self: self.env.company.qt_eval_weight_satisfaction,
    )
    weight_influence = fields.Integer(
        string="Weight: Influence",
        default=lambda self: self.env.company.qt_eval_weight_influence,
    )
    scoring_days = fields.Integer(
        string="Scoring Period (days)",
        default=lambda self: self.env.company.qt_eval_scoring_days,
        help="Calendar days from opening the evaluation to closing it.",
    )
    scoring_due = fields.Datetime(string="Close By", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    date_excellent_warned = fields.Date(
        string="Excellent Case Warning Sent On", readonly=True, copy=False
    )
    note = fields.Html()
    can_open = fields.Boolean(compute="_compute_can")
    can_start_scoring = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _firm_wide_unique = models.UniqueIndex(
        "(company_id, kind, year, "
        "(CASE WHEN kind = 'year_end' THEN '0' ELSE half END)) "
        "WHERE kind IN ('half_year', 'year_end') AND state <> 'cancel'",
        "There is already a firm-wide evaluation of this type for this period.",
    )
    _score_max_positive = models.Constraint(
        "CHECK (score_max > 0)", "The score scale must be positive."
    )
    _weights_positive = models.Constraint(
        "CHECK (weight_skill >= 0 AND weight_ethics >= 0 AND weight_files >= 0 "
        "AND weight_satisfaction >= 0 AND weight_influence >= 0 AND weight_skill "
        "+ weight_ethics + weight_files + weight_satisfaction + weight_influence > 0)",
        "The criteria weights cannot be negative and cannot all be zero.",
    )
    _scoring_days_positive = models.Constraint(
        "CHECK (scoring_days >= 0)", "The scoring period cannot be negative."
    )

    # --- computes

    @api.depends("kind", "year", "half", "department_id", "category_id")
    def _compute_name(self):
        # Language-neutral (the scheduled action creates them, users of any language
        # read them; the type is a column of its own): "2026 H1", "2026",
        # "2026 H2 · Litigation (Arbitration)".
        for evaluation in self:
            if evaluation.kind == "year_end":
                name = str(evaluation.year or "")
            else:
                name = f"{evaluation.year or ''} H{evaluation.half or ''}"
            if evaluation.kind == "department":
                name = f"{name} · {evaluation.department_id.name or ''}"
                if evaluation.category_id:
                    name = f"{name} ({evaluation.category_id.name})"
            evaluation.name = name

    @api.depends("kind")
    def _compute_organiser(self):
        for evaluation in self:
            evaluation.organiser = (
                "committee" if evaluation.kind in FIRM_WIDE_KINDS else "department"
            )

    @api.depends("kind", "year", "half")
    def _compute_period(self):
        for evaluation in self:
            evaluation.date_from, evaluation.date_to = self._period_dates(
                evaluation.year, evaluation.kind != "year_end" and evaluation.half
            )

    @api.model
    def _period_dates(self, year, half):
        """(first day, last day) of a half-year (``half`` '1'/'2') or of a year."""
        if not year or year < 1:
            return False, False
        if half == "1":
            return date(year, 1, 1), date(year, 6, 30)
        if half == "2":
            return date(year, 7, 1), date(year, 12, 31)
        return date(year, 1, 1), date(year, 12, 31)

    @api.model
    def _half_of(self, day):
        return "1" if day.month <= 6 else "2"

    @api.depends("kind", "department_id.manager_id.user_id")
    def _compute_user_id(self):
        for evaluation in self:
            head = evaluation.department_id.manager_id.user_id
            if evaluation.kind == "department" and head:
                evaluation.user_id = head
            elif not evaluation.user_id:
                evaluation.user_id = self.env.user

    @api.depends("kind", "department_id.manager_id.user_id")
    def _compute_scorer_ids(self):
        for evaluation in self:
            if evaluation.scorer_ids:
                continue
            if evaluation.kind == "department":
                evaluation.scorer_ids = evaluation.department_id.manager_id.user_id
            else:
                evaluation.scorer_ids = self._committee_members(evaluation.company_id)

    @api.model
    def _committee_members(self, company):
        """The users named to the management committee (direct members)."""
        return (
            self.env.ref(COMMITTEE_GROUP)
            .sudo()
            .user_ids.filtered(lambda u: not u.share and company in u.company_ids)
        )

    def _compute_committee_user_ids(self):
        committee = self.env.ref(COMMITTEE_GROUP).sudo().all_user_ids
        for evaluation in self:
            evaluation.committee_user_ids = committee.filtered(
                lambda u, e=evaluation: not u.share and e.company_id in u.company_ids
            )

    def _compute_entry_count(self):
        counts = {
            (evaluation, is_excellent): count
            for evaluation, is_excellent, count in self.env[
                "qt.evaluation.entry"
            ]._read_group(
                [("evaluation_id", "in", self.ids)],
                ["evaluation_id", "is_excellent"],
                ["__count"],
            )
        }
        for evaluation in self:
            excellent = counts.get((evaluation, True), 0)
            evaluation.excellent_count = excellent
            evaluation.entry_count = excellent + counts.get((evaluation, False), 0)

    def _firm_wide_domain(self):
        return [("entry_ids.source_entry_id.evaluation_id", "in", self.ids)]

    def _compute_firm_wide_count(self):
        Entry = self.env["qt.evaluation.entry"]
        counts = {
            source: count
            for source, count in Entry._read_group(
                [("source_entry_id.evaluation_id", "in", self.ids)],
                ["source_entry_id.evaluation_id"],
                ["evaluation_id:count_distinct"],
            )
        }
        for evaluation in self:
            evaluation.firm_wide_count = counts.get(evaluation, 0)

    @api.depends("state")
    def _compute_can(self):
        for evaluation in self:
            evaluation.can_open = evaluation.state == "draft"
            evaluation.can_start_scoring = evaluation.state == "open"
            evaluation.can_close = evaluation.state == "scoring"
            evaluation.can_cancel = evaluation.state in ("draft", "open", "scoring")

    # --- constraints

    @api.constrains("kind", "department_id", "half", "year")
    def _check_period_and_department(self):
        for evaluation in self:
            if evaluation.kind == "department" and not evaluation.department_id:
                raise ValidationError(
                    self.env._(
                        "A department same-type evaluation needs its department."
                    )
                )
            if evaluation.kind in FIRM_WIDE_KINDS and evaluation.department_id:
                raise ValidationError(
                    self.env._(
                        "The half-year and year-end evaluations are firm-wide: "
                        "they have no department."
                    )
                )
            if evaluation.kind != "year_end" and not evaluation.half:
                raise ValidationError(
                    self.env._(
                        "Say which half of the year the evaluation %(name)s covers.",
                        name=evaluation.name,
                    )
                )
            if evaluation.year < 1900:
                raise ValidationError(
                    self.env._(
                        "The evaluation's year %(year)s is not valid.",
                        year=evaluation.year,
                    )
                )

    @api.constrains("scorer_ids", "kind", "department_id")
    def _check_scorers(self):
        """000/R-QT-13: only the organiser's people score."""
        employees = self.env["hr.employee"].sudo()
        for evaluation in self:
            if evaluation.organiser == "committee":
                wrong = evaluation.scorer_ids.filtered(
                    lambda u: not u.has_group(COMMITTEE_GROUP)
                )
            else:
                department = evaluation.department_id
                members = (
                    employees.search(
                        [
                            ("department_id", "=", department.id),
                            ("user_id", "in", evaluation.scorer_ids.ids),
                        ]
                    ).user_id
                    | department.manager_id.user_id
                )
                wrong = evaluation.scorer_ids - members
            if wrong:
                raise ValidationError(
                    self.env._(
                        "%(users)s cannot score %(evaluation)s: only the members of "
                        "its organiser (%(organiser)s) score it.",
                        users=", ".join(wrong.mapped("name")),
                        evaluation=evaluation.name,
                        organiser=evaluation.department_id.name
                        or self.env._("Management Committee"),
                    )
                )

    # --- state machine

    def action_open(self):
        """Open the evaluation for entries; its scoring clock starts."""
        self._check_state(("draft",), self.env._("Opening"))
        self.write({"state": "open"})
        return True

    def action_start_scoring(self):
        self._check_state(("open",), self.env._("Starting the scoring"))
        for evaluation in self:
            if not evaluation.entry_ids:
                raise UserError(
                    self.env._(
                        "%(evaluation)s has no entry to score.",
                        evaluation=evaluation.name,
                    )
                )
            if not evaluation.scorer_ids:
                raise UserError(
                    self.env._(
                        "Name the scorers of %(evaluation)s first.",
                        evaluation=evaluation.name,
                    )
                )
        self.write({"state": "scoring"})
        return True

    def _check_can_close(self):
        """Guards of the closing: every entry scored, and a department's excellent
        cases (000/R-QT-11, A-1: at least the company's minimum)."""
        for evaluation in self:
            unscored = evaluation.entry_ids.filtered(lambda e: not e.score_count)
            if unscored:
                raise UserError(
                    self.env._(
                        "These entries of %(evaluation)s have no score yet: "
                        "%(entries)s.",
                        evaluation=evaluation.name,
                        entries=", ".join(unscored.matter_id.mapped("display_name")),
                    )
                )
            if evaluation.kind != "department":
                continue
            minimum = evaluation.company_id.qt_excellent_cases_per_half
            excellent = len(evaluation.entry_ids.filtered("is_excellent"))
            if excellent < minimum:
                raise UserError(
                    self.env._(
                        "%(evaluation)s selects %(count)s excellent case(s); each "
                        "department selects at least %(minimum)s per half-year "
                        "(000/R-QT-11).",
                        evaluation=evaluation.name,
                        count=excellent,
                        minimum=minimum,
                    )
                )
            for target in evaluation.sudo()._firm_wide_targets(create=False):
                if target.state == "closed":
                    raise UserError(
                        self.env._(
                            "%(target)s is already closed: the excellent cases of "
                            "%(evaluation)s can no longer enter it.",
                            target=target.name,
                            evaluation=evaluation.name,
                        )
                    )

    def action_close(self):
        """Close and publish: ranks and awards are final. A firm-wide evaluation's
        publication is validated by the management committee (tier validation); a
        department evaluation's excellent cases enter the firm-wide evaluations of
        the period (000/R-QT-12)."""
        self._check_state(("scoring",), self.env._("Closing"))
        self._check_can_close()
        self.write({"state": "closed", "date_closed": fields.Date.context_today(self)})
        self.filtered(lambda e: e.kind == "department")._carry_over_excellent()
        return True

    def action_cancel(self):
        self._check_state(("draft", "open", "scoring"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("cancel",), self.env._("Resetting to draft"))
        self.write({"state": "draft"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(evaluation.state not in ("draft", "cancel") for evaluation in self):
            raise UserError(
                self.env._("Only draft or cancelled evaluations can be deleted.")
            )

    # --- 000/R-QT-12: excellent cases enter the firm-wide evaluations

    def _firm_wide_targets(self, create=True):
        """The firm-wide half-year and year-end evaluations covering this department
        evaluation's half-year, created when missing (the cron may not have run)."""
        self.ensure_one()
        return self._ensure_firm_wide(self.company_id, self.year, self.half, create)

    @api.model
    def _ensure_firm_wide(self, company, year, half, create=True):
        existing = self.search(
            [
                ("company_id", "=", company.id),
                ("state", "!=", "cancel"),
                ("year", "=", year),
                "|",
                "&",
                ("kind", "=", "half_year"),
                ("half", "=", half),
                ("kind", "=", "year_end"),
            ]
        )
        if not create:
            return existing
        kinds = set(existing.mapped("kind"))
        missing = [
            {
                "kind": kind,
                "year": year,
                "half": half if kind == "half_year" else False,
                "company_id": company.id,
            }
            for kind in FIRM_WIDE_KINDS
            if kind not in kinds
        ]
        return existing | self.create(missing)

    def _carry_over_excellent(self):
        """Create, in the firm-wide evaluations, an entry for each excellent case
        of these department evaluations that is not there yet. Idempotent; runs as
        superuser because the department head cannot write firm-wide evaluations."""
        Entry = self.env["qt.evaluation.entry"].sudo()
        for evaluation in self.sudo():
            excellent = evaluation.entry_ids.filtered("is_excellent")
            if not excellent:
                continue
            targets = evaluation._firm_wide_targets()
            present = {
                (target.id, matter.id)
                for target, matter in Entry._read_group(
                    [
                        ("evaluation_id", "in", targets.ids),
                        ("matter_id", "in", excellent.matter_id.ids),
                    ],
                    ["evaluation_id", "matter_id"],
                )
            }
            Entry.create(
                [
                    entry._prepare_carry_over_vals(target)
                    for target in targets
                    for entry in excellent
                    if (target.id, entry.matter_id.id) not in present
                ]
            )

    # --- scheduled actions (000/C-QT-2, C-QT-3)

    @api.model
    def _get_evaluation_department_domain(self, company):
        """Hook: the business departments that run a same-type evaluation each
        half-year: those of the company that have a head to organise it."""
        return [
            ("company_id", "in", [False, company.id]),
            ("manager_id.user_id", "!=", False),
        ]

    @api.model
    def _create_period_evaluations(self, company, day):
        """The evaluations of the periods ``day`` falls in: the firm-wide half-year
        one, the year-end one and each department's same-type one. Idempotent."""
        year, half = day.year, self._half_of(day)
        created = self._ensure_firm_wide(company, year, half)
        departments = self.env["hr.department"].search(
            self._get_evaluation_department_domain(company)
        )
        have = {
            department.id
            for [department] in self._read_group(
                [
                    ("company_id", "=", company.id),
                    ("kind", "=", "department"),
                    ("state", "!=", "cancel"),
                    ("year", "=", year),
                    ("half", "=", half),
                    ("department_id", "in", departments.ids),
                ],
                ["department_id"],
            )
        }
        return created | self.create(
            [
                {
                    "kind": "department",
                    "year": year,
                    "half": half,
                    "department_id": department.id,
                    "company_id": company.id,
                }
                for department in departments
                if department.id not in have
            ]
        )

    @api.model
    def _cron_create_period_evaluations(self):
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            try:
                with self.env.cr.savepoint():
                    self.with_company(company)._create_period_evaluations(
                        company, today
                    )
            except Exception:
                _logger.exception(
                    "Quality evaluations of %s could not be created", company.name
                )

    @api.model
    def _get_excellent_check_domain(self, company, day):
        """Hook: the department evaluations to check on ``day``: those of the
        current half-year, from the company's number of days before its end."""
        year, half = day.year, self._half_of(day)
        __, date_to = self._period_dates(year, half)
        if day < date_to - timedelta(days=company.qt_excellent_check_days):
            return Domain.FALSE
        return Domain(
            [
                ("company_id", "=", company.id),
                ("kind", "=", "department"),
                ("year", "=", year),
                ("half", "=", half),
                ("state", "not in", ("closed", "cancel")),
                ("date_excellent_warned", "=", False),
            ]
        )

    @api.model
    def _cron_check_excellent_cases(self):
        """000/C-QT-2, R-QT-11 (A-1): as the half-year ends, warn each department
        head whose department has not yet selected its excellent case(s)."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            domain = self._get_excellent_check_domain(company, today)
            if domain.is_false():
                continue
            self._create_period_evaluations(company, today)
            self.search(domain)._warn_missing_excellent(today)

    def _warn_missing_excellent(self, today):
        """One activity per department evaluation short of excellent cases, for the
        department head; never twice (``date_excellent_warned``)."""
        Entry = self.env["qt.evaluation.entry"]
        counts = {
            (department.id, year, half): count
            for department, year, half, count in Entry._read_group(
                [
                    ("evaluation_id.kind", "=", "department"),
                    ("evaluation_id.state", "!=", "cancel"),
                    ("department_id", "in", self.department_id.ids),
                    ("is_excellent", "=", True),
                ],
                ["department_id", "year", "half"],
                ["__count"],
            )
        }
        for evaluation in self:
            try:
                with self.env.cr.savepoint():
                    evaluation._warn_one_missing_excellent(counts, today)
            except Exception:
                _logger.exception(
                    "Excellent-case warning of evaluation %s failed", evaluation.id
                )

    def _warn_one_missing_excellent(self, counts, today):
        self.ensure_one()
        minimum = self.company_id.qt_excellent_cases_per_half
        count = counts.get((self.department_id.id, self.year, self.half), 0)
        if count >= minimum:
            return
        head = self.department_id.manager_id.user_id
        if not head:
            _logger.warning("Department %s has no head to warn", self.department_id.id)
            return
        env = self.with_context(lang=head.lang).env
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=self.date_to,
            summary=env._("Select the department's excellent cases"),
            note=env._(
                "%(department)s has selected %(count)s excellent case(s) for "
                "%(year)s %(half)s; at least %(minimum)s are required before the "
                "half-year ends (000/R-QT-11).",
                department=self.department_id.name,
                count=count,
                year=self.year,
                half=dict(self._fields["half"]._description_selection(env))[self.half],
                minimum=minimum,
            ),
            user_id=head.id,
        )
        self.date_excellent_warned = today

    # --- buttons

    def action_view_firm_wide_evaluations(self):
        """The firm-wide evaluations this department evaluation's excellent cases
        entered (000/R-QT-12)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_evaluation_action"
        )
        action.update(
            {
                "domain": self._firm_wide_domain(),
                "context": {},
                "view_mode": "list,form",
                "views": [(False, "list"), (False, "form")],
            }
        )
        return action

    def action_view_entries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_evaluation_entry_action"
        )
        action["domain"] = [("evaluation_id", "=", self.id)]
        action["context"] = {"default_evaluation_id": self.id}
        return action
