from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command


class QtMatter(models.Model):
    """A piece of tracked work: a legal matter, a project or a delivery (000/E-QT-1).

    It moves draft (intake review) → review (contract review) → open (registered, in
    progress) → closed (结案: feedback cards issued) → archived, or cancel; only through
    the ``action_*`` methods, whose guards the form reads from the ``can_*`` fields.
    """

    _name = "qt.matter"
    _description = "Tracked Matter"
    _inherit = ["mail.thread", "mail.activity.mixin", "qt.state.mixin"]
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
    requires_survey = fields.Boolean(related="category_id.requires_survey")
    date_archived = fields.Date(string="Archived On", readonly=True, copy=False)

    # --- intake review (立案审查, 000/WF-QT-1 step 1, D1 3.6, 3.9)
    intake_capacity_ok = fields.Boolean(
        string="Within the Firm's Capacity",
        tracking=True,
        copy=False,
        help="The firm has the capacity and resources to take the matter on (D1 3.9).",
    )
    intake_integrity_ok = fields.Boolean(
        string="Client Upright and Honest",
        tracking=True,
        copy=False,
        help="The client's integrity was considered before accepting (D1 3.9).",
    )
    intake_conflict_checked = fields.Boolean(
        string="Conflict Check Done",
        tracking=True,
        copy=False,
    )
    intake_competent_handler = fields.Boolean(
        string="Competent Handler Assigned",
        tracking=True,
        copy=False,
        help="The matter is assigned to a handler whose competence matches it "
        "(D1 3.6).",
    )
    intake_notes = fields.Text(string="Intake Review Notes", copy=False)

    # --- pre-contract survey (工程摸底, 001/QT-1) for product and service work
    business_user_id = fields.Many2one(
        "res.users", string="Business Staff", help="Leads the contact with the client."
    )
    technical_user_id = fields.Many2one(
        "res.users", string="Technical Staff", help="Surveys the site and the client."
    )
    site_location = fields.Char()
    quantity = fields.Float(digits="Product Unit")
    quantity_unit = fields.Char(string="Unit", help="e.g. m³, sets, hours")
    settlement_method = fields.Char()
    loss_calculation = fields.Text()
    technical_requirements = fields.Text(string="Technical and Quality Requirements")
    has_special_requirements = fields.Boolean(
        string="Special Technical Requirements",
        tracking=True,
        help="Special technical or quality requirements: the technical preparation "
        "must be done before the quotation (001/R-02).",
    )
    technical_prep_done = fields.Boolean(
        string="Technical Preparation Done", tracking=True, copy=False
    )
    quotation_assisted = fields.Boolean(
        string="Technical Staff Assisted the Quotation", copy=False
    )
    date_quoted = fields.Date(string="Quoted On", readonly=True, copy=False)
    client_technical_competence = fields.Text()
    client_test_facilities = fields.Text()
    client_testing_means = fields.Text()
    client_construction_measures = fields.Text(string="Client Technical Measures")
    transport_time = fields.Float(string="Transport Time (hours)")
    site_conditions = fields.Text(string="On-site Conditions")
    client_meets_codes = fields.Boolean(
        string="Client Meets Codes and Standards",
        default=True,
        tracking=True,
        help="If the client's competence, facilities or measures cannot meet the "
        "applicable codes and standards, the negotiation with the client must be "
        "recorded (001/R-03).",
    )
    negotiation_notes = fields.Text(string="Negotiation Record", copy=False)

    # --- contract review (合同评审, 000/R-QT-05, 001/QT-2, R-01)
    contract_review_ids = fields.One2many("qt.contract.review", "matter_id")
    contract_review_id = fields.Many2one(
        "qt.contract.review",
        string="Latest Contract Review",
        compute="_compute_contract_review_id",
        store=True,
        index="btree_not_null",
    )
    contract_review_state = fields.Selection(
        related="contract_review_id.state", string="Contract Review Result"
    )
    contract_review_count = fields.Integer(compute="_compute_contract_review_count")
    contract_signed = fields.Boolean(tracking=True, copy=False)
    contract_signed_date = fields.Date(tracking=True, copy=False)

    # --- tracked work and supervision
    work_record_ids = fields.One2many("qt.work.record", "matter_id")
    work_record_count = fields.Integer(compute="_compute_child_counts")
    supervision_ids = fields.One2many("qt.supervision", "matter_id")
    supervision_count = fields.Integer(compute="_compute_child_counts")
    site_assignment_ids = fields.One2many("qt.site.assignment", "matter_id")
    site_assignment_count = fields.Integer(compute="_compute_child_counts")
    site_violation_ids = fields.One2many("qt.site.violation", "matter_id")
    site_violation_count = fields.Integer(compute="_compute_child_counts")

    # --- evaluation facts (000/E-QT-1, D1 4.7, 7.2)
    working_papers_archived = fields.Boolean(
        string="Working Papers Complete and Archived",
        tracking=True,
        copy=False,
        help="The working papers are organised, complete and archived (D1 4.7(3), "
        "7.2). Required to archive the matter.",
    )
    client_recognised = fields.Boolean(
        string="Client Recognised the Result", tracking=True, copy=False
    )
    industry_influence = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        string="Industry or Social Influence",
        copy=False,
    )
    industry_influence_note = fields.Text(string="Influence Notes", copy=False)

    can_submit_review = fields.Boolean(compute="_compute_can")
    can_register = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_archive = fields.Boolean(compute="_compute_can")
    can_quote = fields.Boolean(compute="_compute_can")

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

    @api.depends("contract_review_ids")
    def _compute_contract_review_id(self):
        for matter in self:
            matter.contract_review_id = matter.contract_review_ids.sorted(
                "id", reverse=True
            )[:1]

    def _compute_contract_review_count(self):
        counts = dict(
            self.env["qt.contract.review"]._read_group(
                [("matter_id", "in", self.ids)], ["matter_id"], ["__count"]
            )
        )
        for matter in self:
            matter.contract_review_count = counts.get(matter, 0)

    def _compute_child_counts(self):
        counts = {}
        for field, model in (
            ("work_record_count", "qt.work.record"),
            ("supervision_count", "qt.supervision"),
            ("site_assignment_count", "qt.site.assignment"),
            ("site_violation_count", "qt.site.violation"),
        ):
            counts[field] = dict(
                self.env[model]._read_group(
                    [("matter_id", "in", self.ids)], ["matter_id"], ["__count"]
                )
            )
        for matter in self:
            for field, by_matter in counts.items():
                matter[field] = by_matter.get(matter, 0)

    @api.depends(
        "state",
        "contract_signed",
        "working_papers_archived",
        "requires_survey",
        "date_quoted",
    )
    def _compute_can(self):
        for matter in self:
            matter.can_submit_review = matter.state == "draft"
            matter.can_register = matter.state == "review" and matter.contract_signed
            matter.can_close = matter.state == "open"
            matter.can_cancel = matter.state in ("draft", "review", "open")
            matter.can_archive = (
                matter.state == "closed" and matter.working_papers_archived
            )
            matter.can_quote = (
                matter.state in ("draft", "review")
                and matter.requires_survey
                and not matter.date_quoted
            )

    # --- constraints

    @api.constrains("contract_signed", "contract_signed_date")
    def _check_contract_signed(self):
        """000/R-QT-05, 001/R-01: a contract is signed only after its review passed."""
        for matter in self:
            if not matter.contract_signed:
                if matter.contract_signed_date:
                    raise ValidationError(
                        self.env._(
                            "%(matter)s: a signing date is set but the contract is "
                            "not marked signed.",
                            matter=matter.display_name,
                        )
                    )
                continue
            review = matter.contract_review_id
            if review.state != "approved":
                raise ValidationError(
                    self.env._(
                        "%(matter)s: the contract cannot be marked signed before "
                        "the department head has approved its latest contract "
                        "review (000/R-QT-05, 001/R-01).",
                        matter=matter.display_name,
                    )
                )
            if not matter.contract_signed_date:
                raise ValidationError(
                    self.env._(
                        "%(matter)s: give the date the contract was signed.",
                        matter=matter.display_name,
                    )
                )
            if (
                review.date_approved
                and matter.contract_signed_date < review.date_approved
            ):
                raise ValidationError(
                    self.env._(
                        "%(matter)s: the contract cannot be signed on %(signed)s, "
                        "before its review was approved on %(approved)s.",
                        matter=matter.display_name,
                        signed=matter.contract_signed_date,
                        approved=review.date_approved,
                    )
                )

    @api.constrains("date_quoted", "has_special_requirements", "technical_prep_done")
    def _check_technical_preparation(self):
        """001/R-02: special requirements → technical preparation before quotation."""
        for matter in self:
            if (
                matter.date_quoted
                and matter.has_special_requirements
                and not matter.technical_prep_done
            ):
                raise ValidationError(
                    self.env._(
                        "%(matter)s has special technical requirements: the "
                        "technical preparation must be done before the quotation "
                        "(001/R-02).",
                        matter=matter.display_name,
                    )
                )

    @api.constrains("quantity", "transport_time")
    def _check_survey_amounts(self):
        for matter in self:
            if matter.quantity < 0 or matter.transport_time < 0:
                raise ValidationError(
                    self.env._(
                        "%(matter)s: the quantity and the transport time cannot be "
                        "negative.",
                        matter=matter.display_name,
                    )
                )

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

    def write(self, vals):
        if "category_id" in vals:
            self._check_category_change(vals["category_id"])
        res = super().write(vals)
        if "category_id" in vals and "standard_line_ids" not in vals:
            # the checklist follows the category while nothing has been assessed
            for matter in self.filtered(lambda m: m.state == "draft"):
                matter.standard_line_ids = [
                    Command.clear()
                ] + self._standard_line_commands(matter.category_id)
        return res

    def _check_category_change(self, category_id):
        moved = self.filtered(
            lambda m: m.category_id.id != category_id
            and (m.state != "draft" or m.standard_line_ids.filtered("result"))
        )
        if moved:
            raise UserError(
                self.env._(
                    "The category of %(matters)s can no longer change: its quality "
                    "standard is already being assessed or the matter is past its "
                    "intake review.",
                    matters=", ".join(moved.mapped("display_name")),
                )
            )

    @api.onchange("contract_signed")
    def _onchange_contract_signed(self):
        if self.contract_signed and not self.contract_signed_date:
            self.contract_signed_date = fields.Date.context_today(self)
        elif not self.contract_signed:
            self.contract_signed_date = False

    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id and self.state == "draft":
            self.standard_line_ids = [Command.clear()] + self._standard_line_commands(
                self.category_id
            )

    @api.model
    def _standard_line_commands(self, category):
        """The category's active criteria, copied (text and link) to the matter."""
        return [
            Command.create(
                {"sequence": c.sequence, "name": c.name, "criterion_id": c.id}
            )
            for c in category.criterion_ids.filtered("active")
        ]

    # --- state machine

    def _intake_missing(self):
        """The intake-review facts still missing on one matter (labels)."""
        self.ensure_one()
        fields_ = self._fields
        missing = [
            fields_[name]._description_string(self.env)
            for name in (
                "intake_capacity_ok",
                "intake_integrity_ok",
                "intake_conflict_checked",
                "intake_competent_handler",
            )
            if not self[name]
        ]
        if not self.user_id:
            missing.append(fields_["user_id"]._description_string(self.env))
        if self.requires_survey:
            for name in ("site_location", "technical_requirements"):
                if not self[name]:
                    missing.append(fields_[name]._description_string(self.env))
            if self.quantity <= 0:
                missing.append(fields_["quantity"]._description_string(self.env))
            if not self.client_meets_codes and not self.negotiation_notes:
                # 001/R-03
                missing.append(
                    fields_["negotiation_notes"]._description_string(self.env)
                )
        return missing

    def _check_can_submit_review(self):
        """000/R-QT-05's preconditions, 001/QT-1 and R-03: the intake review (and the
        survey of product and service work) is complete."""
        for matter in self:
            missing = matter._intake_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "%(matter)s cannot go to contract review yet; the intake "
                        "review lacks: %(missing)s.",
                        matter=matter.display_name,
                        missing=", ".join(missing),
                    )
                )

    def _check_can_register(self):
        """000/R-QT-05, 001/R-01: registering needs the contract signed, which needs
        the department head's approved contract review."""
        for matter in self:
            if not matter.contract_signed:
                raise UserError(
                    self.env._(
                        "%(matter)s cannot be registered: its contract is not "
                        "signed. Sign it once the department head has approved the "
                        "contract review (000/R-QT-05, 001/R-01).",
                        matter=matter.display_name,
                    )
                )
            if matter.contract_review_id.state != "approved":
                raise UserError(
                    self.env._(
                        "%(matter)s cannot be registered: its latest contract review "
                        "is not approved (000/R-QT-05).",
                        matter=matter.display_name,
                    )
                )

    def _check_can_archive(self):
        for matter in self:
            if not matter.working_papers_archived:
                raise UserError(
                    self.env._(
                        "%(matter)s cannot be archived before its working papers "
                        "are complete and archived.",
                        matter=matter.display_name,
                    )
                )

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

    def action_archive_matter(self):
        """Working papers organised and archived: the matter is archived (归档)."""
        self._check_state(("closed",), self.env._("Archiving"))
        self._check_can_archive()
        self.write(
            {"state": "archived", "date_archived": fields.Date.context_today(self)}
        )
        return True

    def action_quote(self):
        """001/R-02: the quotation is given; special requirements need the technical
        preparation first (also a constraint on the quotation date)."""
        self._check_state(("draft", "review"), self.env._("Quoting"))
        not_surveyed = self.filtered(lambda m: not m.requires_survey)
        if not_surveyed:
            raise UserError(
                self.env._(
                    "%(matters)s: only product and service work with a pre-contract "
                    "survey is quoted here.",
                    matters=", ".join(not_surveyed.mapped("display_name")),
                )
            )
        unprepared = self.filtered(
            lambda m: m.has_special_requirements and not m.technical_prep_done
        )
        if unprepared:
            raise UserError(
                self.env._(
                    "%(matters)s: special technical requirements need the technical "
                    "preparation done before the quotation (001/R-02).",
                    matters=", ".join(unprepared.mapped("display_name")),
                )
            )
        self.write({"date_quoted": fields.Date.context_today(self)})
        return True

    def action_new_contract_review(self):
        """Open a new contract review of the matter, its reviewer the department
        head."""
        self.ensure_one()
        self._check_state(("review",), self.env._("Requesting a contract review"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Contract Review"),
            "res_model": "qt.contract.review",
            "view_mode": "form",
            "target": "current",
            "context": {"default_matter_id": self.id},
        }

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

    def _action_view_children(self, xmlid, **defaults):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("matter_id", "=", self.id)]
        action["context"] = {"default_matter_id": self.id, **defaults}
        return action

    def action_view_work_records(self):
        return self._action_view_children("quality_tracking.qt_work_record_action")

    def action_view_supervisions(self):
        return self._action_view_children("quality_tracking.qt_supervision_action")

    def action_view_contract_reviews(self):
        return self._action_view_children("quality_tracking.qt_contract_review_action")

    def action_view_site_assignments(self):
        return self._action_view_children(
            "quality_tracking.qt_site_assignment_action",
            default_site_location=self.site_location,
        )

    def action_view_site_violations(self):
        return self._action_view_children("quality_tracking.qt_site_violation_action")

    def _compute_display_name(self):
        for matter in self:
            matter.display_name = (
                f"[{matter.ref}] {matter.name}"
                if matter.ref and matter.ref != "/"
                else matter.name
            )

    # --- return visits and evaluation entries (smart buttons)

    return_visit_ids = fields.One2many("qt.return.visit", "matter_id")
    return_visit_count = fields.Integer(compute="_compute_return_visit_count")

    def _compute_return_visit_count(self):
        counts = dict(
            self.env["qt.return.visit"]._read_group(
                [("matter_id", "in", self.ids)], ["matter_id"], ["__count"]
            )
        )
        for matter in self:
            matter.return_visit_count = counts.get(matter, 0)

    def action_view_return_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_return_visit_action"
        )
        action["domain"] = [("matter_id", "=", self.id)]
        action["context"] = {"default_matter_id": self.id}
        return action

    evaluation_entry_ids = fields.One2many("qt.evaluation.entry", "matter_id")
    evaluation_entry_count = fields.Integer(compute="_compute_evaluation_entry_count")

    def _compute_evaluation_entry_count(self):
        counts = dict(
            self.env["qt.evaluation.entry"]._read_group(
                [("matter_id", "in", self.ids)], ["matter_id"], ["__count"]
            )
        )
        for matter in self:
            matter.evaluation_entry_count = counts.get(matter, 0)

    def action_view_evaluation_entries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_evaluation_entry_action"
        )
        action["domain"] = [("matter_id", "=", self.id)]
        action["context"] = {"search_default_group_by_evaluation": False}
        return action


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
    criterion_id = fields.Many2one(
        "qt.category.criterion", string="Standard Criterion", ondelete="set null"
    )
    result = fields.Selection(
        [("met", "Met"), ("not_met", "Not Met"), ("na", "Not Applicable")]
    )
    remark = fields.Char()
