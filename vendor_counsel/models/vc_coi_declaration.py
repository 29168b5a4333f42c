import logging
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

COI_GROUPS = (
    "vendor_counsel.group_vendor_counsel_compliance",
    "vendor_counsel.group_vendor_counsel_auditor",
    "vendor_counsel.group_vendor_counsel_committee",
)
# 002/R13: the outside positions a DSO may not hold in a business partner or competitor
PROHIBITED_POSITIONS = ("director", "supervisor", "senior_officer", "consultant")
# the states where the declarant may still change what is declared
OPEN_STATES = ("draft", "supplement_requested")


class VcCoiDeclaration(models.Model):
    """《利益冲突申报表》: a declaration of interests (002/F1)."""

    _name = "vc.coi.declaration"
    _description = "Conflict of Interest Declaration"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    declarant_id = fields.Many2one(
        "vc.coi.declarant", required=True, index=True, tracking=True
    )
    user_id = fields.Many2one(related="declarant_id.user_id", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(
        [
            ("annual", "Annual"),
            ("event", "New Conflict"),
            ("transitional", "Transitional"),
        ],
        required=True,
        default="event",
        tracking=True,
    )
    year = fields.Integer()
    line_ids = fields.One2many("vc.coi.declaration.line", "declaration_id")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("supplement_requested", "Supplement Requested"),
            ("review", "Under Review"),
            ("investigation", "Investigation"),
            ("decision", "Awaiting Decision"),
            ("remediation", "Remediation"),
            ("archived", "Archived"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    # --- vc_coi_decl
    unit_and_position = fields.Char(
        string="Unit and Position",
        compute="_compute_unit_and_position",
        store=True,
        readonly=False,
    )
    related_person_ids = fields.One2many(
        related="declarant_id.related_person_ids", readonly=False
    )
    submitted_to = fields.Selection(
        [("internal_audit", "Internal Audit"), ("audit_committee", "Audit Committee")],
        compute="_compute_submitted_to",
        store=True,
        help="002/R2, R4: annual and new-conflict declarations go to internal audit; "
        "transitional ones to the audit committee.",
    )
    date_known = fields.Date(
        tracking=True,
        help="002/R3: the day the declarant knew or should have known of the "
        "conflict; the working-day clock starts here.",
    )
    date_window_start = fields.Date(
        string="Window Opens", readonly=True, help="002/R2: first day of the window."
    )
    date_window_end = fields.Date(
        string="Window Closes", readonly=True, help="002/R2: last day of the window."
    )
    date_clock_start = fields.Date(
        string="Annual Clock Start",
        readonly=True,
        help="002/R2: the working day before the window; the annual deadline allows "
        "the window's working days from its end.",
    )
    date_promulgation = fields.Date(
        string="Policy Promulgation Date",
        readonly=True,
        help="002/R4: copied from the company setting when the transitional "
        "declaration is created.",
    )
    allowed_amount = fields.Integer(
        string="Allowed Time",
        readonly=True,
        help="The time the deadline allows (working days, or the transitional "
        "period's unit), copied from the company settings when the declaration is "
        "created.",
    )
    transitional_unit = fields.Selection(
        [("calendar_days", "Calendar Days"), ("working_days", "Working Days")],
        readonly=True,
    )
    submit_due = fields.Datetime(
        string="Submission Due",
        readonly=True,
        help="Kept by the deadline engine from the declaration's deadline rule.",
    )
    acknowledgement = fields.Boolean(
        string="I Acknowledge",
        help="I know that if I or a related person hold any direct or indirect "
        "interest in a company that does business or competes with the company "
        "(including its branches and subsidiaries), I must declare it to the "
        "company.",
    )
    nil_return = fields.Boolean(
        string="Nothing to Declare",
        help="The declarant has no interest to declare this time.",
    )
    signed_by_id = fields.Many2one("res.users", readonly=True)
    signed_on = fields.Datetime(readonly=True)
    declaration_date = fields.Date(readonly=True)
    date_submitted = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    is_late = fields.Boolean(
        string="Late",
        readonly=True,
        copy=False,
        tracking=True,
        help="002/R3: submitted after its deadline.",
    )
    supplement_request = fields.Text(
        string="Supplement Requested", tracking=True, copy=False
    )
    supplement_response = fields.Text(string="Supplementary Explanation", copy=False)
    supplement_return_state = fields.Char(readonly=True, copy=False)
    conflict_count = fields.Integer(
        compute="_compute_line_counts", store=True, string="Conflicts"
    )
    prohibited_count = fields.Integer(
        compute="_compute_line_counts", store=True, string="Prohibited"
    )
    is_on_time = fields.Integer(
        string="Submitted On Time",
        compute="_compute_is_on_time",
        store=True,
        aggregator="sum",
        help="1 when submitted by its deadline: sums to the on-time count.",
    )
    can_submit = fields.Boolean(compute="_compute_can")
    can_request_supplement = fields.Boolean(compute="_compute_can")
    can_answer_supplement = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _annual_uniq = models.UniqueIndex(
        "(declarant_id, year) WHERE kind = 'annual' AND state != 'cancel'",
        "A declarant has one annual declaration a year.",
    )

    @api.depends("declarant_id")
    def _compute_unit_and_position(self):
        for declaration in self:
            declaration.unit_and_position = (
                declaration.declarant_id.unit_and_position or False
            )

    @api.depends("kind")
    def _compute_submitted_to(self):
        for declaration in self:
            declaration.submitted_to = (
                "audit_committee"
                if declaration.kind == "transitional"
                else "internal_audit"
            )

    @api.depends("line_ids.is_conflict", "line_ids.is_prohibited")
    def _compute_line_counts(self):
        conflicts = dict(
            self.env["vc.coi.declaration.line"]._read_group(
                [("declaration_id", "in", self.ids), ("is_conflict", "=", True)],
                ["declaration_id"],
                ["__count"],
            )
        )
        prohibited = dict(
            self.env["vc.coi.declaration.line"]._read_group(
                [("declaration_id", "in", self.ids), ("is_prohibited", "=", True)],
                ["declaration_id"],
                ["__count"],
            )
        )
        for declaration in self:
            declaration.conflict_count = conflicts.get(declaration, 0)
            declaration.prohibited_count = prohibited.get(declaration, 0)

    @api.depends("date_submitted", "is_late")
    def _compute_is_on_time(self):
        for declaration in self:
            declaration.is_on_time = int(
                bool(declaration.date_submitted) and not declaration.is_late
            )

    @api.depends("state", "declarant_id.user_id")
    @api.depends_context("uid")
    def _compute_can(self):
        is_officer = self._vc_is_coi_officer()
        for declaration in self:
            own = declaration.declarant_id.user_id == self.env.user
            declaration.can_submit = own and declaration.state == "draft"
            declaration.can_request_supplement = is_officer and declaration.state in (
                "submitted",
                "review",
                "investigation",
            )
            declaration.can_answer_supplement = (
                own and declaration.state == "supplement_requested"
            )
            declaration.can_cancel = (
                declaration.state == "draft" and (own or is_officer)
            ) or (is_officer and declaration.state == "submitted")

    def _vc_is_coi_officer(self):
        return any(self.env.user.has_group(group) for group in COI_GROUPS)

    # ------------------------------------------------------------------ create

    @api.model_create_multi
    def create(self, vals_list):
        declarants = self.env["vc.coi.declarant"].browse(
            [vals["declarant_id"] for vals in vals_list if vals.get("declarant_id")]
        )
        company_of = {d.id: d.company_id for d in declarants}
        for vals in vals_list:
            company = company_of.get(vals.get("declarant_id"))
            if company and "company_id" not in vals:
                vals["company_id"] = company.id
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            vals.update(self._vc_deadline_values(vals, company))
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("vc.coi.declaration")
                    or "/"
                )
        return super().create(vals_list)

    @api.model
    def _vc_deadline_values(self, vals, company):
        """The facts the declaration's deadline rule counts from, copied from the
        company settings (002/R2, R3, R4): the working-day dates come from the
        calendar API only."""
        kind = vals.get("kind") or "event"
        if kind == "event":
            # known today unless told otherwise (a form, another flow creating one)
            return {
                "allowed_amount": company.vc_coi_event_days,
                "date_known": vals.get("date_known", fields.Date.context_today(self)),
            }
        if kind == "transitional":
            return {
                "allowed_amount": company.vc_coi_transitional_amount,
                "transitional_unit": company.vc_coi_transitional_unit,
                "date_promulgation": vals.get("date_promulgation")
                or company.vc_coi_promulgation_date,
            }
        year = vals.get("year") or fields.Date.context_today(self).year
        window_days = company.vc_coi_annual_window_days
        days = self._vc_annual_window(company, year, window_days + 1)
        return {
            "year": year,
            "allowed_amount": window_days,
            "date_clock_start": days[0] if days else False,
            "date_window_start": days[1] if len(days) > 1 else False,
            "date_window_end": days[-1] if days else False,
        }

    @api.model
    def _vc_annual_window(self, company, year, days):
        """002/R2: the ``days`` working days before 31 December of ``year``."""
        calendar = self.env["resource.calendar"]._bd_default_calendar(company)
        return calendar._bd_working_days_before(date(year, 12, 31), days)

    # ------------------------------------------------------------------ checks

    @api.constrains("kind", "date_known")
    def _check_date_known(self):
        for declaration in self:
            if declaration.kind == "event" and not declaration.date_known:
                raise ValidationError(
                    self.env._(
                        "A new-conflict declaration needs the date the conflict "
                        "became known (002/R3)."
                    )
                )

    @api.constrains("kind", "year")
    def _check_year(self):
        for declaration in self:
            if declaration.kind == "annual" and not declaration.year:
                raise ValidationError(
                    self.env._("An annual declaration needs its year (002/R2).")
                )

    # ------------------------------------------------------------------ actions

    def action_submit(self):
        """Sign and submit: only the declarant themselves, with the acknowledgement
        ticked and either interests or 'nothing to declare' (002 W1 steps 2-3)."""
        self._check_state(["draft"], self.env._("Submitting"))
        for declaration in self:
            if declaration.declarant_id.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only the declarant %(name)s may sign and submit %(ref)s.",
                        name=declaration.declarant_id.display_name,
                        ref=declaration.name,
                    )
                )
            if not declaration.acknowledgement:
                self._raise_missing(
                    declaration, self.env._("tick the acknowledgement before signing.")
                )
            if not declaration.line_ids and not declaration.nil_return:
                self._raise_missing(
                    declaration,
                    self.env._("declare your interests, or tick 'Nothing to Declare'."),
                )
            if declaration.line_ids and declaration.nil_return:
                self._raise_missing(
                    declaration,
                    self.env._(
                        "'Nothing to Declare' is ticked but interests are declared."
                    ),
                )
        now = fields.Datetime.now()
        self.write(
            {
                "state": "submitted",
                "signed_by_id": self.env.user.id,
                "signed_on": now,
                "date_submitted": now,
                "declaration_date": fields.Date.context_today(self),
            }
        )
        self._vc_flag_late()
        return True

    def action_open_review(self):
        """Internal audit receives a submitted declaration: its confidential review
        (002 W1 step 4) is opened, or shown if the hourly cron opened it already."""
        return self.env["vc.coi.review"].action_open_for_declarations(self)

    def _vc_flag_late(self):
        """002/R3: a declaration submitted after the due time of its deadline is
        late (the due time is the engine's, read after its timers are updated)."""
        self.flush_recordset()
        self.invalidate_recordset(["submit_due"])
        late = self.filtered(
            lambda d: d.submit_due
            and d.date_submitted
            and d.date_submitted > d.submit_due
        )
        if late:
            late.write({"is_late": True})

    def action_request_supplement(self):
        """002 W1 step 5: compliance (or internal audit, the committee) asks the
        declarant for a supplementary explanation."""
        if not self._vc_is_coi_officer():
            raise UserError(
                self.env._(
                    "Only the compliance officer, internal audit or the audit "
                    "committee may request a supplement."
                )
            )
        self._check_state(
            ["submitted", "review", "investigation"],
            self.env._("Requesting a supplement"),
        )
        for declaration in self:
            if not declaration.supplement_request:
                self._raise_missing(
                    declaration, self.env._("write what the declarant must explain.")
                )
            declaration.write(
                {
                    "supplement_return_state": declaration.state,
                    "state": "supplement_requested",
                    "supplement_response": False,
                }
            )
            if declaration.declarant_id.user_id:
                declaration.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=declaration.declarant_id.user_id.id,
                    summary=self.env._("Supplementary explanation requested"),
                    note=declaration.supplement_request,
                )
        return True

    def action_answer_supplement(self):
        """The declarant answers; the declaration goes back where it was."""
        self._check_state(["supplement_requested"], self.env._("Answering"))
        for declaration in self:
            if declaration.declarant_id.user_id != self.env.user:
                raise UserError(
                    self.env._("Only the declarant may answer the supplement request.")
                )
            if not declaration.supplement_response:
                self._raise_missing(
                    declaration, self.env._("write the supplementary explanation.")
                )
            declaration.message_post(
                body=declaration.supplement_response,
                subject=self.env._("Supplementary explanation"),
            )
            declaration.write(
                {"state": declaration.supplement_return_state or "submitted"}
            )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_cancel(self):
        self._check_state(["draft", "submitted"], self.env._("Cancelling"))
        for declaration in self:
            if not declaration.can_cancel:
                raise UserError(
                    self.env._(
                        "Only the compliance officer may cancel a submitted "
                        "declaration; a draft may be cancelled by its declarant."
                    )
                )
        self.write({"state": "cancel"})
        return True

    # ------------------------------------------------------------------ cron

    @api.model
    def _cron_open_annual(self, today=None):
        """002/R2, W1 step 1 (daily): when a company's annual window has opened,
        open each must-declare declarant's annual declaration of the year, once
        (idempotent), and ask the declarant to fill it in (an activity)."""
        today = today or fields.Date.context_today(self)
        declarants = self.env["vc.coi.declarant"].search([("must_declare", "=", True)])
        existing = {
            (declarant.id, year)
            for declarant, year in self._read_group(
                [
                    ("declarant_id", "in", declarants.ids),
                    ("kind", "=", "annual"),
                    ("year", "=", today.year),
                    ("state", "!=", "cancel"),
                ],
                ["declarant_id", "year"],
            )
        }
        cron = self.env["ir.cron"]
        companies = declarants.company_id
        for done, company in enumerate(companies, start=1):
            window = self._vc_annual_window(
                company, today.year, company.vc_coi_annual_window_days
            )
            if not window or not window[0] <= today <= date(today.year, 12, 31):
                cron._commit_progress(1, remaining=len(companies) - done)
                continue
            todo = declarants.filtered(
                lambda d, c=company: d.company_id == c
                and (d.id, today.year) not in existing
            )
            for declarant in todo:
                try:
                    with self.env.cr.savepoint():
                        declaration = self.create(
                            {
                                "declarant_id": declarant.id,
                                "company_id": company.id,
                                "kind": "annual",
                                "year": today.year,
                            }
                        )
                        if declarant.user_id:
                            declaration.activity_schedule(
                                "mail.mail_activity_data_todo",
                                date_deadline=declaration.date_window_end,
                                user_id=declarant.user_id.id,
                                summary=self.env._(
                                    "Fill in and sign your annual conflict of "
                                    "interest declaration"
                                ),
                            )
                except Exception:
                    _logger.exception(
                        "Annual declaration of declarant %s not opened", declarant.id
                    )
            cron._commit_progress(1, remaining=len(companies) - done)


class VcCoiDeclarationLine(models.Model):
    """One declared interest: the facts a reviewer needs (002 section 2.A)."""

    _name = "vc.coi.declaration.line"
    _description = "Declared Interest"

    declaration_id = fields.Many2one(
        "vc.coi.declaration", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="declaration_id.company_id", store=True)
    kind = fields.Selection(
        [
            ("holding", "Holding"),
            ("loan", "Loan"),
            ("guarantee", "Guarantee"),
            ("related_transaction", "Related-Party Transaction"),
            ("position", "Outside Position"),
            ("investment", "Prohibited Investment"),
            ("gift", "Gift"),
            ("other", "Other Interest"),
        ],
        required=True,
    )
    counterparty_name = fields.Char(
        string="Counterparty", required=True, index="trigram"
    )
    counterparty_id = fields.Many2one("res.partner", string="Counterparty Partner")
    description = fields.Text()
    # --- vc_coi_decl
    user_id = fields.Many2one(related="declaration_id.user_id", store=True)
    declarant_id = fields.Many2one(related="declaration_id.declarant_id", store=True)
    holder = fields.Selection(
        [("self", "Myself"), ("related_person", "Related Person")],
        default="self",
        required=True,
    )
    related_person_id = fields.Many2one(
        "vc.coi.related.person",
        domain="[('declarant_id', '=', declarant_id)]",
    )
    counterparty_relation = fields.Selection(
        [
            ("business_partner", "Business Partner"),
            ("competitor", "Competitor"),
            ("client", "Client"),
            ("supplier", "Supplier"),
        ],
        string="Counterparty Is",
    )
    holding_pct = fields.Float(string="Holding (%)", digits=(5, 2))
    via_securities_market = fields.Boolean(string="Acquired on the Securities Market")
    is_listed = fields.Boolean(string="Listed Company")
    loan_normal_financial = fields.Boolean(
        string="Normal Loan from a Financial Institution",
        help="002/R11: a normal loan with a financial institution is not a conflict.",
    )
    position_kind = fields.Selection(
        [
            ("director", "Director"),
            ("supervisor", "Supervisor"),
            ("senior_officer", "Senior Officer"),
            ("consultant", "Consultant or Adviser"),
            ("employee", "Employee"),
            ("other", "Other"),
        ],
        string="Position",
    )
    position_title = fields.Char()
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary()
    is_exempt = fields.Boolean(
        string="Exempt",
        compute="_compute_assessment",
        store=True,
        help="002/R1, R11: a small listed holding bought on the securities market, or "
        "a normal loan from a financial institution.",
    )
    is_conflict = fields.Boolean(
        string="Conflict", compute="_compute_assessment", store=True
    )
    is_prohibited = fields.Boolean(
        string="Prohibited",
        compute="_compute_assessment",
        store=True,
        help="002/R12, R13: an investment in, or a director's, supervisor's, "
        "officer's or consultant's position with, a business partner or competitor.",
    )

    @api.depends(
        "kind",
        "holding_pct",
        "via_securities_market",
        "loan_normal_financial",
        "position_kind",
        "counterparty_relation",
        "company_id.vc_coi_holding_exempt_pct",
    )
    def _compute_assessment(self):
        for line in self:
            exempt = prohibited = False
            conflict = True
            if line.kind == "holding":
                exempt = (
                    line.via_securities_market
                    and line.holding_pct < line.company_id.vc_coi_holding_exempt_pct
                )
                prohibited = not exempt and bool(line.counterparty_relation)
            elif line.kind == "loan":
                exempt = line.loan_normal_financial
            elif line.kind == "investment":
                prohibited = True
            elif line.kind == "position":
                conflict = bool(line.counterparty_relation)
                prohibited = conflict and line.position_kind in PROHIBITED_POSITIONS
            line.is_exempt = exempt
            line.is_conflict = conflict and not exempt
            line.is_prohibited = prohibited

    @api.constrains("holding_pct")
    def _check_holding_pct(self):
        for line in self:
            if not 0 <= line.holding_pct <= 100:
                raise ValidationError(
                    self.env._("A holding is between 0 and 100 % (002/R1).")
                )

    @api.constrains("kind", "description")
    def _check_explanation(self):
        for line in self:
            if line.kind == "related_transaction" and not line.description:
                raise ValidationError(
                    self.env._(
                        "Explain the related-party transaction with %(name)s "
                        "(002/R14).",
                        name=line.counterparty_name,
                    )
                )

    @api.constrains("holder", "related_person_id")
    def _check_holder(self):
        for line in self:
            if line.holder == "related_person" and not line.related_person_id:
                raise ValidationError(
                    self.env._("Say which related person holds this interest.")
                )

    @api.onchange("counterparty_id")
    def _onchange_counterparty_id(self):
        if self.counterparty_id:
            self.counterparty_name = self.counterparty_id.name

    def _vc_check_open(self):
        if self.env.su:
            return
        closed = self.declaration_id.filtered(lambda d: d.state not in OPEN_STATES)
        if closed:
            raise UserError(
                self.env._(
                    "%(ref)s is signed: its interests change only through a "
                    "supplement request.",
                    ref=closed[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._vc_check_open()
        return lines

    def write(self, vals):
        self._vc_check_open()
        return super().write(vals)

    def unlink(self):
        self._vc_check_open()
        return super().unlink()
