from odoo import api, fields, models

from .cr_agreement import PRIORITIES


class CrRequest(models.Model):
    """One desk for service requests and complaints (003/E7, E10; 004 CR-2, CR-5;
    000/E-CR-7, E-CR-10): received, registered, responded, dispatched, tracked and
    closed (003/HR-D3-1), resolved and confirmed by the client (003/HR-D10-5/6)."""

    _name = "cr.request"
    _description = "Service Request"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "id desc"
    _mail_post_access = "read"

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    subject = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("inquiry", "Inquiry"),
            ("complaint", "Complaint"),
            ("suggestion", "Suggestion"),
            ("opinion", "Opinion"),
            ("service", "Service Request"),
            ("fault", "Fault"),
        ],
        string="Type",
        required=True,
        default="service",
        tracking=True,
        index=True,
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("portal", "Portal"),
            ("visit", "Visit"),
            ("outbound", "Outbound Call"),
        ],
        required=True,
        default="phone",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        tracking=True,
        index=True,
        help="The client company (its commercial partner).",
    )
    contact_id = fields.Many2one("res.partner", help="The client's person who called.")
    contact_phone = fields.Char()
    contact_email = fields.Char()
    description = fields.Html()
    date_received = fields.Datetime(
        string="Received On",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        index=True,
    )
    receiver_id = fields.Many2one(
        "res.users",
        string="Received By",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        help="000/R-CR-21: the first contact stays responsible until the client is "
        "answered.",
    )
    department_id = fields.Many2one(
        "hr.department", string="Handling Department", tracking=True, index=True
    )
    team_id = fields.Many2one("cr.team", tracking=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Handler",
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    subject_user_ids = fields.Many2many(
        "res.users",
        "cr_request_subject_user_rel",
        "request_id",
        "user_id",
        string="Persons Complained About",
        domain=[("share", "=", False)],
        help="004 W1, D18 §二(二): the persons a complaint is about never handle, "
        "decide or see it.",
    )
    priority = fields.Selection(
        PRIORITIES, default="1", required=True, tracking=True, index=True
    )
    agreement_id = fields.Many2one(
        "cr.agreement", tracking=True, index="btree_not_null"
    )
    service_id = fields.Many2one(
        "cr.service", string="Catalog Service", tracking=True, index="btree_not_null"
    )
    is_waiting_client = fields.Boolean(
        string="Waiting for the Client",
        tracking=True,
        help="The service-level clocks stop while the desk waits for the client.",
    )
    state = fields.Selection(
        [
            ("new", "Received"),
            ("registered", "Registered"),
            ("responded", "Responded"),
            ("assigned", "Dispatched"),
            ("in_progress", "In Progress"),
            ("resolved", "Resolved"),
            ("confirmed", "Confirmed"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        # Numbering by year and month is the desk's (cr-desk); until then a plain one
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("cr.request") or "/"
        return super().create(vals_list)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/cr_requests/{request.id}"
        return result

    def _cr_after_close(self):
        """Called by the desk once the requests are closed. Each part adds its own
        ``_cr_on_close_<part>()`` method (return visits, surveys, …); they run here in
        name order, so no part overrides another's."""
        for name in sorted(
            attr for attr in dir(type(self)) if attr.startswith("_cr_on_close_")
        ):
            getattr(self, name)()
        return True

    # --- cr-desk

    # --- cr-sla

    # --- cr-return

    # --- cr-care

    # --- cr-gov

    # --- cr-portal

    # What a client's portal user may read of a request, and set on one when
    # submitting it: the rest (the persons complained about, the handler, internal
    # notes, any field another part adds) stays internal. The mail and portal
    # fields (message_*, access_*) are readable for the portal chatter.
    _CR_PORTAL_READ_FIELDS = frozenset(
        {
            "id",
            "display_name",
            "name",
            "subject",
            "kind",
            "channel",
            "company_id",
            "partner_id",
            "contact_id",
            "contact_phone",
            "contact_email",
            "description",
            "date_received",
            "priority",
            "state",
            "date_closed",
            "create_date",
            "create_uid",
            "write_date",
            "write_uid",
            "has_message",
        }
    )
    _CR_PORTAL_WRITE_FIELDS = frozenset(
        {
            "subject",
            "kind",
            "description",
            "channel",
            "partner_id",
            "contact_id",
            "contact_phone",
            "contact_email",
        }
    )
    _CR_PORTAL_FIELD_PREFIXES = ("message_", "website_message", "access_")

    @api.model
    def _has_field_access(self, field, operation):
        """Portal (share) users reach only the client-facing fields of a request."""
        if not super()._has_field_access(field, operation):
            return False
        if operation == "read":
            allowed = field.name in self._CR_PORTAL_READ_FIELDS or (
                field.name.startswith(self._CR_PORTAL_FIELD_PREFIXES)
            )
        else:
            allowed = field.name in self._CR_PORTAL_WRITE_FIELDS
        # the user is looked at only for the internal fields
        return allowed or self.env.su or not self.env.user.share
