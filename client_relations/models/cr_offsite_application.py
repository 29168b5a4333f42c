from odoo import api, fields, models


class CrOffsiteApplication(models.Model):
    """004 W3, R10-4: the technician's application to go on site, approved by the
    department manager (base_tier_validation) before he leaves."""

    _name = "cr.offsite.application"
    _description = "Off-site Service Application"
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

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    request_id = fields.Many2one(
        "cr.request", string="Service Request", required=True, index=True
    )
    company_id = fields.Many2one(
        related="request_id.company_id", store=True, index=True
    )
    partner_id = fields.Many2one(related="request_id.partner_id", store=True)
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    date_planned = fields.Datetime(string="Leaves On", required=True, tracking=True)
    address = fields.Char(string="Service Address")
    purpose = fields.Text(required=True)
    manager_reviewer_ids = fields.Many2many(
        "res.users",
        compute="_compute_manager_reviewer_ids",
        string="Department Manager",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    can_submit = fields.Boolean(compute="_compute_can")
    can_approve = fields.Boolean(compute="_compute_can")

    @api.depends("request_id")
    def _compute_department_id(self):
        for application in self:
            request = application.request_id
            application.department_id = (
                request.department_id or request.team_id.department_id
            )

    @api.depends("department_id")
    def _compute_manager_reviewer_ids(self):
        for application in self:
            application.manager_reviewer_ids = (
                application.department_id.manager_id.user_id
            )

    @api.depends("state", "validation_status")
    def _compute_can(self):
        for application in self:
            application.can_submit = application.state == "draft"
            application.can_approve = (
                application.state == "submitted"
                and application.validation_status == "validated"
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("cr.offsite.application")
                    or "/"
                )
        return super().create(vals_list)

    def action_submit(self):
        """Submitted to the department manager, whose approval the tier asks."""
        self._check_state(("draft",), self.env._("Submitting"))
        for application in self:
            if not application.manager_reviewer_ids:
                application._raise_missing(
                    application,
                    self.env._(
                        "the department has no manager to approve the off-site "
                        "service (004/R10-4)."
                    ),
                )
        self.write({"state": "submitted"})
        self.request_validation()
        return True

    def action_approve(self):
        """The manager approved: the technician may leave (004/R10-4)."""
        self._check_state(("submitted",), self.env._("Approving"))
        self.write({"state": "approved"})
        return True

    def action_reject(self):
        self._check_state(("submitted",), self.env._("Rejecting"))
        self.write({"state": "rejected"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "submitted"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_state(("rejected", "cancel"), self.env._("Resetting"))
        self.restart_validation()
        self.write({"state": "draft"})
        return True
