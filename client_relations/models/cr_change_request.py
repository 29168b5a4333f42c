from odoo import api, fields, models
from odoo.exceptions import UserError


class CrChangeRequest(models.Model):
    """A change of the service levels (003/E14, W4): the sales department collects
    a client requirement that differs from the signed agreement (HR-D1-19), the
    Technical Operations Center plans the new or changed service (HR-D1-20), the
    service level manager then the general manager approve it
    (base_tier_validation), and only an approved change leads to a new or
    supplementary agreement (HR-D1-21)."""

    _name = "cr.change.request"
    _description = "Service Level Change Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "business.state.mixin",
    ]
    _order = "id desc"

    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(string="Subject", required=True, tracking=True)
    reference = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Client", tracking=True, index="btree_not_null"
    )
    agreement_id = fields.Many2one(
        "cr.agreement",
        string="Signed Agreement",
        tracking=True,
        index="btree_not_null",
        help="003/HR-D1-19: the agreement of the signed service contract.",
    )
    requirement_id = fields.Many2one(
        "cr.requirement", string="Requirement Analysis", index="btree_not_null"
    )
    description = fields.Text(
        string="New or Changed Requirement",
        help="003/HR-D1-19: the client's new or changed service requirement.",
    )
    mismatch = fields.Text(
        string="Difference from the Agreement",
        help="003/HR-D1-19: how it differs from the signed agreement.",
    )
    raised_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        help="003/HR-D1-19: the sales department collects and reports it.",
    )
    date_raised = fields.Date(
        string="Raised On", default=fields.Date.context_today, tracking=True
    )
    planner_id = fields.Many2one(
        "res.users",
        domain=[("share", "=", False)],
        tracking=True,
        help="003/HR-D1-20: the Technical Operations Center plans the new or "
        "changed service.",
    )
    planning = fields.Text(
        string="Service Planning",
        help="003/HR-D1-20: the planning of the new or changed service.",
    )
    result_kind = fields.Selection(
        [("new", "New Agreement"), ("supplement", "Supplementary Agreement")],
        string="Leads To",
        required=True,
        default="supplement",
        tracking=True,
        help="003/HR-D1-21: an approved change leads to a new or a supplementary "
        "agreement.",
    )
    rejection_reason = fields.Text()
    new_agreement_id = fields.Many2one(
        "cr.agreement", string="Resulting Agreement", readonly=True, copy=False
    )
    state = fields.Selection(
        [
            ("draft", "Collected"),
            ("planning", "Planning"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("done", "Agreement Drafted"),
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
    can_plan = fields.Boolean(compute="_compute_can")
    can_submit = fields.Boolean(compute="_compute_can")
    can_approve = fields.Boolean(compute="_compute_can")
    can_create_agreement = fields.Boolean(compute="_compute_can")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                vals["reference"] = (
                    self.env["ir.sequence"].next_by_code("cr.change.request") or "/"
                )
        return super().create(vals_list)

    @api.depends("state", "validation_status")
    @api.depends_context("uid")
    def _compute_can(self):
        is_slm = self.env.user.has_group("client_relations.group_client_relations_slm")
        for change in self:
            change.can_plan = change.state == "draft"
            change.can_submit = change.state == "planning"
            change.can_approve = is_slm and change.state == "submitted"
            change.can_create_agreement = is_slm and change.state == "approved"

    def action_plan(self):
        """003/HR-D1-19/20: the collected change goes to the Technical Operations
        Center for planning."""
        self._check_state(("draft",), self.env._("Sending to planning"))
        for change in self:
            if not (change.description or "").strip():
                self._raise_missing(
                    change, self.env._("describe the new or changed requirement.")
                )
            if not change.planner_id:
                self._raise_missing(
                    change,
                    self.env._(
                        "name the planner of the Technical Operations Center "
                        "(003/HR-D1-20)."
                    ),
                )
            toc = change.company_id.cr_toc_department_id
            departments = change.planner_id.sudo().employee_ids.department_id
            if toc and not departments.filtered_domain([("id", "child_of", toc.id)]):
                raise UserError(
                    self.env._(
                        "%(user)s is not in the %(department)s: the Technical "
                        "Operations Center plans the service (003/HR-D1-20).",
                        user=change.planner_id.name,
                        department=toc.display_name,
                    )
                )
        self.write({"state": "planning"})
        for change in self:
            change.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=change.planner_id.id,
                summary=self.env._("Plan the new or changed service"),
            )
        return True

    def action_submit(self):
        """The planned change is submitted for approval: the service level manager,
        then the general manager (tier definitions)."""
        self._check_state(("planning",), self.env._("Submitting for approval"))
        for change in self:
            if not (change.planning or "").strip():
                self._raise_missing(
                    change, self.env._("record the service planning (003/HR-D1-20).")
                )
        self.write({"state": "submitted"})
        self.request_validation()
        return True

    def action_approve(self):
        """Every tier has approved."""
        self._check_state(("submitted",), self.env._("Approving"))
        self.invalidate_recordset(
            ["review_ids", "need_validation", "validation_status"]
        )
        for change in self:
            if change.validation_status != "validated":
                self._raise_missing(
                    change,
                    self.env._(
                        "the service level manager and the general manager approve "
                        "it first."
                    ),
                )
        self.write({"state": "approved"})
        return True

    def action_reject(self):
        self._check_state(("submitted", "planning"), self.env._("Rejecting"))
        for change in self:
            if not (change.rejection_reason or "").strip():
                self._raise_missing(change, self.env._("give the rejection reason."))
        self.with_context(skip_validation_check=True).write({"state": "rejected"})
        return True

    def action_cancel(self):
        self._check_state(
            ("draft", "planning", "submitted", "approved"), self.env._("Cancelling")
        )
        self.with_context(skip_validation_check=True).write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("rejected", "cancel"), self.env._("Resetting to draft"))
        self.review_ids.sudo().unlink()
        self.write({"state": "draft"})
        return True

    def action_create_agreement(self):
        """003/HR-D1-21: an approved change leads to a new agreement, or to a
        supplementary agreement of the signed one, in draft for the contract
        approval."""
        self.ensure_one()
        self._check_state(("approved",), self.env._("Drafting the agreement"))
        if self.validation_status != "validated":
            self._raise_missing(self, self.env._("the change is not approved."))
        agreement_model = self.env["cr.agreement"]
        if self.result_kind == "supplement":
            if not self.agreement_id:
                self._raise_missing(
                    self, self.env._("choose the agreement to supplement.")
                )
            agreement = self.agreement_id.copy(
                {
                    "name": self.env._(
                        "%(agreement)s (supplement %(number)s)",
                        agreement=self.agreement_id.name,
                        number=self.reference,
                    ),
                    "cr_parent_agreement_id": self.agreement_id.id,
                    "cr_change_request_id": self.id,
                }
            )
        else:
            agreement = agreement_model.create(
                {
                    "name": self.name,
                    "kind": (self.requirement_id.kind or "sla"),
                    "company_id": self.company_id.id,
                    "partner_id": self.partner_id.id,
                    "cr_change_request_id": self.id,
                }
            )
        self.write({"state": "done", "new_agreement_id": agreement.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "cr.agreement",
            "res_id": agreement.id,
            "view_mode": "form",
        }

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["rejection_reason"]

    @api.model
    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + ["rejection_reason"]
