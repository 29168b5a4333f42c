from odoo import api, fields, models


class CrRequirement(models.Model):
    """A service-level requirement analysis (003/W1 steps 1-3): started by one of
    two triggers (HR-D1-7), from three inputs (HR-D1-8), in three steps: scope
    and refine, set a baseline, consider the change factors (HR-D1-9), for a
    client, internal or supplier agreement (HR-D1-10)."""

    _name = "cr.requirement"
    _description = "Service Level Requirement Analysis"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one("res.partner", string="Counterparty", tracking=True)
    agreement_id = fields.Many2one(
        "cr.agreement", string="Current Agreement", tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Service Level Manager",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    trigger = fields.Selection(
        [
            ("new_service", "A new service was approved"),
            ("change", "Service strategy, capability or resources changed"),
        ],
        required=True,
        default="new_service",
        tracking=True,
        help="003/HR-D1-7: the two triggers of service level management.",
    )
    kind = fields.Selection(
        [
            ("sla", "Client service levels (SLA)"),
            ("ola", "Internal support (OLA)"),
            ("uc", "External supplier (UC)"),
        ],
        string="Agreement Type",
        required=True,
        default="sla",
        help="003/HR-D1-10: client service level requirements, and the internal "
        "support and external supplier agreements they need.",
    )
    om_status = fields.Text(
        string="Current O&M Service",
        help="003/HR-D1-8: input 1, the current state of the O&M service.",
    )
    satisfaction_report = fields.Text(
        string="Satisfaction Survey Report",
        help="003/HR-D1-8: input 2, the O&M service satisfaction survey report.",
    )
    client_requirements = fields.Text(
        help="003/HR-D1-8: input 3, the O&M service requirements the client raised.",
    )
    scope = fields.Text(help="003/HR-D1-9 step 1: the scope, then its refinement.")
    refinement = fields.Text(help="003/HR-D1-9 step 1: the refined requirements.")
    baseline = fields.Text(help="003/HR-D1-9 step 2: the baseline of the requirements.")
    change_factors = fields.Text(
        help="003/HR-D1-9 step 3: the factors that may change the requirements."
    )
    change_request_ids = fields.One2many(
        "cr.change.request", "requirement_id", string="Change Requests"
    )
    change_request_count = fields.Integer(compute="_compute_change_request_count")
    state = fields.Selection(
        [
            ("draft", "Collecting"),
            ("analysis", "Analysing"),
            ("baseline", "Baselined"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )

    @api.depends("change_request_ids")
    def _compute_change_request_count(self):
        for requirement in self:
            requirement.change_request_count = len(requirement.change_request_ids)

    def _cr_require(self, names, message):
        for requirement in self:
            if any(not (requirement[name] or "").strip() for name in names):
                self._raise_missing(requirement, message)

    def action_analyse(self):
        """003/HR-D1-8: the analysis starts from its three inputs."""
        self._check_state(("draft",), self.env._("Starting the analysis"))
        self._cr_require(
            ("om_status", "satisfaction_report", "client_requirements"),
            self.env._(
                "record the current O&M service, the satisfaction survey report and "
                "the client's requirements (003/HR-D1-8)."
            ),
        )
        self.write({"state": "analysis"})
        return True

    def action_set_baseline(self):
        """003/HR-D1-9 steps 1-2: scope and refine, then set the baseline."""
        self._check_state(("analysis",), self.env._("Setting the baseline"))
        self._cr_require(
            ("scope", "refinement", "baseline"),
            self.env._(
                "define the scope, refine it and set the baseline (003/HR-D1-9)."
            ),
        )
        self.write({"state": "baseline"})
        return True

    def action_done(self):
        """003/HR-D1-9 step 3: the change factors are considered."""
        self._check_state(("baseline",), self.env._("Completing the analysis"))
        self._cr_require(
            ("change_factors",),
            self.env._("consider the change factors (003/HR-D1-9)."),
        )
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "analysis", "baseline"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_create_change_request(self):
        """Only a baselined requirement leads to an agreement (003/HR-D1-9): it
        opens a change request, approved before any agreement is signed."""
        self.ensure_one()
        self._check_state(("baseline", "done"), self.env._("Requesting a change"))
        change = self.env["cr.change.request"].create(
            {
                "name": self.name,
                "company_id": self.company_id.id,
                "partner_id": self.partner_id.id,
                "agreement_id": self.agreement_id.id,
                "requirement_id": self.id,
                "description": self.client_requirements,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "cr.change.request",
            "res_id": change.id,
            "view_mode": "form",
        }

    def action_view_change_requests(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Requests"),
            "res_model": "cr.change.request",
            "view_mode": "list,form",
            "domain": [("requirement_id", "=", self.id)],
            "context": {"default_requirement_id": self.id},
        }
