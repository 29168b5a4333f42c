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
    def _cr_on_close_return(self):
        """004/R2-13, 004/W4, 001/S-08: a return visit for every closed service
        request, fault or complaint with a client; set-based (one ``search`` for
        the cadences, one for the visits already made, one batched ``create``),
        never twice for a request. The visit is due ``allowed_days`` of the
        cadence after the closing."""
        requests = self.filtered(
            lambda r: r.state == "closed"
            and r.partner_id
            and r.kind in ("service", "fault", "complaint")
        )
        if not requests:
            return True
        visits = self.env["cr.return.visit"].sudo()
        done = set(visits.search([("request_id", "in", requests.ids)]).request_id.ids)
        cadences = (
            self.env["cr.return.cadence"]
            .sudo()
            .search(
                [
                    ("regime", "=", "request"),
                    ("company_id", "in", (*requests.company_id.ids, False)),
                ]
            )
        )
        vals_list = []
        for request in requests:
            if request.id in done:
                continue
            cadence = (
                cadences.filtered(lambda c, r=request: c.company_id == r.company_id)[:1]
                or cadences.filtered(lambda c: not c.company_id)[:1]
            )
            if not cadence:
                continue
            partner = request.partner_id.commercial_partner_id
            vals_list.append(
                {
                    "partner_id": partner.id,
                    "contact_id": request.contact_id.id,
                    "company_id": request.company_id.id,
                    "request_id": request.id,
                    "cadence_id": cadence.id,
                    "method": cadence.method,
                    "user_id": (request.receiver_id or partner.cr_owner_id).id,
                    "department_id": (
                        request.department_id or partner.cr_department_id
                    ).id,
                    "date_clock_start": request.date_closed or fields.Datetime.now(),
                }
            )
        visits.create(vals_list)
        return True

    # --- cr-care
    def _cr_on_close_care(self):
        """After closure, the client's contact gets a satisfaction survey through a
        token link (issue 11 item 5; 004 W7, CR-6 「以凭填寄客户意见调查表」)."""
        self.env["cr.survey.campaign"]._cr_send_after_close(self)
        return True

    # --- cr-gov

    # --- cr-portal
