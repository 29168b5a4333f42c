from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import plaintext2html

from odoo.addons.portal.controllers import portal

# The report of cr-gov; linked and downloadable only when it exists
SERVICE_REPORT_ACTION = "client_relations.action_report_cr_service_report"
# counter -> model; the portal record rules narrow every search to the user's
# own client (its commercial partner)
CR_PORTAL_COUNTERS = {
    "cr_request_count": "cr.request",
    "cr_agreement_count": "cr.agreement",
    "cr_service_report_count": "cr.service.report",
}
SUBJECT_MAX_LENGTH = 200


class ClientRelationsPortal(portal.CustomerPortal):
    """The client portal: a client's contacts submit and follow their requests and
    complaints, confirm their resolution, and read their SLAs and service reports
    under /my."""

    def _cr_client(self):
        return request.env.user.commercial_partner_id

    def _cr_domain(self, model):
        domain = [("partner_id", "=", self._cr_client().id)]
        if model == "cr.agreement":
            domain += [("kind", "=", "sla"), ("state", "in", ("active", "expired"))]
        elif model == "cr.service.report":
            domain += [("state", "=", "sent")]
        return domain

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for counter, model in CR_PORTAL_COUNTERS.items():
            if counter in counters:
                records = request.env[model]
                values[counter] = (
                    records.search_count(self._cr_domain(model))
                    if records.has_access("read")
                    else 0
                )
        return values

    def _cr_get_own(self, model, record_id):
        """The record if the current user may read it, else 404."""
        record = request.env[model].browse(record_id).exists()
        if not record:
            raise NotFound()
        try:
            record.check_access("read")
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        return record

    def _cr_list(self, model, url, template, page_name, page, order, **values):
        records = request.env[model]
        if not records.has_access("read"):
            raise NotFound()
        domain = self._cr_domain(model) + list(values.pop("extra_domain", []))
        count = records.search_count(domain)
        pager = portal.pager(
            url=url,
            url_args=values.pop("url_args", None),
            total=count,
            page=page,
            step=self._items_per_page,
        )
        page_values = self._prepare_portal_layout_values()
        page_values.update(
            # found with the client's own access rules; displayed through sudo
            # with only client-facing fields in the templates
            records=records.search(
                domain, order=order, limit=self._items_per_page, offset=pager["offset"]
            ).sudo(),
            pager=pager,
            page_name=page_name,
            default_url=url,
            **values,
        )
        return request.render(template, page_values)

    # ------------------------------------------------------------ requests

    def _cr_request_sortings(self):
        env = request.env
        return {
            "date": {"label": env._("Newest"), "order": "date_received desc, id desc"},
            "name": {"label": env._("Number"), "order": "name desc, id desc"},
            "state": {"label": env._("Status"), "order": "state, id desc"},
        }

    def _cr_request_filters(self):
        env = request.env
        return {
            "all": {"label": env._("All"), "domain": []},
            "open": {
                "label": env._("In Progress"),
                "domain": [
                    ("state", "not in", ("resolved", "confirmed", "closed", "cancel"))
                ],
            },
            "resolved": {
                "label": env._("To Confirm"),
                "domain": [("state", "=", "resolved")],
            },
            "done": {
                "label": env._("Closed"),
                "domain": [("state", "in", ("confirmed", "closed", "cancel"))],
            },
            "complaint": {
                "label": env._("Complaints"),
                "domain": [("kind", "=", "complaint")],
            },
        }

    @http.route(
        ["/my/cr_requests", "/my/cr_requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_cr_requests(self, page=1, sortby=None, filterby=None, **kw):
        sortings = self._cr_request_sortings()
        filters = self._cr_request_filters()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        return self._cr_list(
            "cr.request",
            "/my/cr_requests",
            "client_relations.portal_my_cr_requests",
            "cr_request",
            page,
            sortings[sortby]["order"],
            extra_domain=filters[filterby]["domain"],
            url_args={"sortby": sortby, "filterby": filterby},
            searchbar_sortings=sortings,
            sortby=sortby,
            searchbar_filters=filters,
            filterby=filterby,
        )

    def _cr_kinds(self):
        return (
            request.env["cr.request"]
            ._fields["kind"]
            ._description_selection(request.env)
        )

    def _cr_request_form(self, **values):
        page_values = self._prepare_portal_layout_values()
        page_values.update(
            kinds=self._cr_kinds(),
            posted=values.pop("posted", {}),
            page_name="cr_request_new",
            **values,
        )
        return request.render("client_relations.portal_my_cr_request_new", page_values)

    @http.route(
        "/my/cr_requests/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def portal_my_cr_request_new(self, **kw):
        if not request.env["cr.request"].has_access("create"):
            raise NotFound()
        return self._cr_request_form()

    @http.route(
        "/my/cr_requests/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_cr_request_submit(
        self, subject=None, kind=None, description=None, **kw
    ):
        """Submit a request or complaint (the form carries the CSRF token). The
        client is the user's commercial partner and the channel the portal; on bad
        input the form comes back with the errors and nothing is created."""
        env = request.env
        requests = env["cr.request"]
        if not requests.has_access("create"):
            raise NotFound()
        subject = (subject or "").strip()
        description = (description or "").strip()
        errors = []
        if not subject:
            errors.append(env._("Enter a subject."))
        elif len(subject) > SUBJECT_MAX_LENGTH:
            errors.append(
                env._(
                    "Keep the subject under %(max)s characters.",
                    max=SUBJECT_MAX_LENGTH,
                )
            )
        if kind not in dict(self._cr_kinds()):
            errors.append(env._("Choose the type of your request."))
        if not description:
            errors.append(env._("Describe your request."))
        client = self._cr_client()
        if not client.cr_is_client:
            errors.append(
                env._("Your company is not registered as our client: call the desk.")
            )
        if errors:
            return self._cr_request_form(
                errors=errors,
                posted={"subject": subject, "kind": kind, "description": description},
            )
        contact = env.user.partner_id
        # The portal may create requests of its own client only (ACL and record
        # rule); the values are set here, not taken from the form: the request is
        # created through sudo so that no desk-side default (receiver, handler)
        # runs as the portal user.
        record = requests.sudo().create(
            {
                "subject": subject,
                "kind": kind,
                "description": plaintext2html(description),
                "channel": "portal",
                "partner_id": client.id,
                "contact_id": contact.id,
                "contact_phone": contact.phone or False,
                "contact_email": contact.email or False,
                "company_id": (client.company_id or env.user.company_id).id,
                "receiver_id": False,
            }
        )
        record.message_subscribe(partner_ids=contact.ids)
        return request.redirect(f"/my/cr_requests/{record.id}?submitted=1")

    def _cr_request_page(self, record, **values):
        record_sudo = record.sudo()
        page_values = self._prepare_portal_layout_values()
        page_values = self._get_page_view_values(
            record_sudo, None, page_values, "my_cr_requests_history", False
        )
        page_values.update(
            cr_request=record_sudo,
            can_confirm=record_sudo.state == "resolved",
            page_name="cr_request",
            **values,
        )
        return request.render("client_relations.portal_my_cr_request", page_values)

    @http.route(
        "/my/cr_requests/<int:request_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def portal_my_cr_request(self, request_id, submitted=None, confirmed=None, **kw):
        record = self._cr_get_own("cr.request", request_id)
        return self._cr_request_page(
            record, submitted=bool(submitted), confirmed=bool(confirmed)
        )

    @http.route(
        "/my/cr_requests/<int:request_id>/confirm",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_cr_request_confirm(self, request_id, **kw):
        """The client confirms the resolution (the form carries the CSRF token).
        The state machine is the desk's: ``action_confirm()``."""
        env = request.env
        record = self._cr_get_own("cr.request", request_id)
        record_sudo = record.sudo()
        if record_sudo.state != "resolved":
            return self._cr_request_page(
                record, error=env._("Only a resolved request can be confirmed.")
            )
        if not hasattr(record_sudo, "action_confirm"):
            return self._cr_request_page(
                record,
                error=env._("The confirmation is not available: call the desk."),
            )
        # The portal reads requests only; after the ownership check above the
        # desk's own action records the confirmation, in the client's name.
        try:
            with env.cr.savepoint():
                record_sudo.action_confirm()
        except (UserError, ValidationError) as error:
            return self._cr_request_page(record, error=str(error.args[0]))
        return request.redirect(f"/my/cr_requests/{record.id}?confirmed=1")

    # ---------------------------------------------------------- agreements

    @http.route(
        ["/my/cr_agreements", "/my/cr_agreements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_cr_agreements(self, page=1, **kw):
        return self._cr_list(
            "cr.agreement",
            "/my/cr_agreements",
            "client_relations.portal_my_cr_agreements",
            "cr_agreement",
            page,
            "date_start desc, id desc",
        )

    @http.route(
        "/my/cr_agreements/<int:agreement_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_cr_agreement(self, agreement_id, **kw):
        agreement = self._cr_get_own("cr.agreement", agreement_id)
        values = self._prepare_portal_layout_values()
        values.update(agreement=agreement.sudo(), page_name="cr_agreement")
        return request.render("client_relations.portal_my_cr_agreement", values)

    # ----------------------------------------------------- service reports

    def _cr_report_action(self):
        return request.env.ref(SERVICE_REPORT_ACTION, raise_if_not_found=False)

    @http.route(
        ["/my/cr_service_reports", "/my/cr_service_reports/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_cr_service_reports(self, page=1, **kw):
        return self._cr_list(
            "cr.service.report",
            "/my/cr_service_reports",
            "client_relations.portal_my_cr_service_reports",
            "cr_service_report",
            page,
            "date_to desc, id desc",
            has_pdf=bool(self._cr_report_action()),
        )

    @http.route(
        "/my/cr_service_reports/<int:report_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_cr_service_report(self, report_id, **kw):
        report = self._cr_get_own("cr.service.report", report_id)
        values = self._prepare_portal_layout_values()
        values.update(
            service_report=report.sudo(),
            has_pdf=bool(self._cr_report_action()),
            page_name="cr_service_report",
        )
        return request.render("client_relations.portal_my_cr_service_report", values)

    @http.route(
        "/my/cr_service_reports/<int:report_id>/pdf",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_cr_service_report_pdf(self, report_id, **kw):
        report = self._cr_get_own("cr.service.report", report_id)
        if not self._cr_report_action():
            raise NotFound()
        return self._show_report(
            report.sudo(), "pdf", SERVICE_REPORT_ACTION, download=True
        )
