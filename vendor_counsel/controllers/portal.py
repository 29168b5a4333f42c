from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers import portal

# counter name -> (model, extra domain); the record rules for base.group_portal
# narrow every search to the portal user's own firm
VC_PORTAL_COUNTERS = {
    "vc_engagement_count": ("vc.engagement", []),
    "vc_bid_count": ("vc.selection.candidate", []),
    "vc_payment_count": ("vc.payment", []),
    "vc_filing_count": ("vc.filing", []),
    "vc_evaluation_count": ("vc.evaluation", [("state", "=", "done")]),
}
VC_PORTAL_COUNTERS_BY_MODEL = dict(VC_PORTAL_COUNTERS.values())


class VendorCounselPortal(portal.CustomerPortal):
    """The law-firm portal: a firm's portal users see their firm's engagements,
    invitations to bid, payments, filings and evaluation results under /my."""

    def _vc_domain(self, model, extra=None):
        firm = request.env.user.partner_id.commercial_partner_id
        return [("firm_id", "=", firm.id)] + list(
            extra or VC_PORTAL_COUNTERS_BY_MODEL.get(model, [])
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for counter, (model, extra) in VC_PORTAL_COUNTERS.items():
            if counter in counters:
                records = request.env[model]
                values[counter] = (
                    records.search_count(self._vc_domain(model, extra))
                    if records.has_access("read")
                    else 0
                )
        return values

    def _vc_get_own(self, model, record_id):
        """The record if the current user may read it, else 404."""
        record = request.env[model].browse(record_id).exists()
        if not record:
            raise NotFound()
        try:
            record.check_access("read")
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        return record

    def _vc_list(self, model, url, template, page_name, page, order=None):
        records = request.env[model]
        if not records.has_access("read"):
            raise NotFound()
        domain = self._vc_domain(model)
        count = records.search_count(domain)
        pager = portal.pager(url=url, total=count, page=page, step=self._items_per_page)
        values = self._prepare_portal_layout_values()
        values.update(
            # found with the firm's own access rules; displayed with the linked
            # records (selections, contracts) the portal cannot open itself
            records=records.search(
                domain, order=order, limit=self._items_per_page, offset=pager["offset"]
            ).sudo(),
            pager=pager,
            page_name=page_name,
            default_url=url,
        )
        return request.render(template, values)

    @http.route(
        ["/my/counsel/engagements", "/my/counsel/engagements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_vc_engagements(self, page=1, **kw):
        return self._vc_list(
            "vc.engagement",
            "/my/counsel/engagements",
            "vendor_counsel.portal_my_vc_engagements",
            "vc_engagement",
            page,
        )

    @http.route(
        "/my/counsel/engagements/<int:engagement_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_vc_engagement(self, engagement_id, **kw):
        engagement = self._vc_get_own("vc.engagement", engagement_id)
        values = self._prepare_portal_layout_values()
        values.update(
            # the ownership is checked above; sudo shows the contract's lawyers
            engagement=engagement.sudo(),
            filings=request.env["vc.filing"]
            .search([("engagement_id", "=", engagement.id)])
            .sudo(),
            payments=request.env["vc.payment"]
            .search([("engagement_id", "=", engagement.id)])
            .sudo(),
            page_name="vc_engagement",
        )
        return request.render("vendor_counsel.portal_my_vc_engagement", values)

    @http.route(
        ["/my/counsel/bids", "/my/counsel/bids/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_vc_bids(self, page=1, **kw):
        return self._vc_list(
            "vc.selection.candidate",
            "/my/counsel/bids",
            "vendor_counsel.portal_my_vc_bids",
            "vc_bid",
            page,
            order="id desc",
        )

    @staticmethod
    def _vc_bid_open(candidate_sudo):
        """The selection still takes bids: invitations sent, not past the deadline,
        and the firm invited (or bidding again)."""
        selection = candidate_sudo.selection_id
        deadline = selection.date_bid_deadline
        today = fields.Date.context_today(candidate_sudo)
        return (
            selection.state == "invited"
            and candidate_sudo.state in ("invited", "bid")
            and (not deadline or today <= deadline)
        )

    def _vc_bid_page(self, candidate_sudo, **values):
        page_values = self._prepare_portal_layout_values()
        page_values.update(
            candidate=candidate_sudo,
            bid_open=self._vc_bid_open(candidate_sudo),
            page_name="vc_bid",
            **values,
        )
        return request.render("vendor_counsel.portal_my_vc_bid", page_values)

    @http.route(
        "/my/counsel/bids/<int:candidate_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def portal_my_vc_bid(self, candidate_id, **kw):
        candidate = self._vc_get_own("vc.selection.candidate", candidate_id)
        # ownership checked: the selection's facts are shown through sudo
        return self._vc_bid_page(candidate.sudo())

    @http.route(
        "/my/counsel/bids/<int:candidate_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_vc_bid_submit(self, candidate_id, quote_amount=None, bid_note=None):
        """Submit the bid (the form carries the CSRF token)."""
        candidate = self._vc_get_own("vc.selection.candidate", candidate_id)
        # The portal has read-only access to candidates: a write ACL would open
        # every field (state, scores) to the firm over RPC. After the ownership
        # check above, only the three bid fields are written, while bids are open.
        candidate_sudo = candidate.sudo()
        env = request.env
        if not self._vc_bid_open(candidate_sudo):
            return self._vc_bid_page(
                candidate_sudo, error=env._("This selection no longer takes bids.")
            )
        try:
            amount = float(quote_amount or "")
        except ValueError:
            amount = -1.0
        if amount <= 0:
            return self._vc_bid_page(
                candidate_sudo,
                error=env._("Enter your quoted fee as a positive amount."),
                posted={"quote_amount": quote_amount, "bid_note": bid_note},
            )
        candidate_sudo.write(
            {
                "quote_amount": amount,
                "bid_note": bid_note or False,
                "date_bid": fields.Datetime.now(),
                "state": "bid",
            }
        )
        return self._vc_bid_page(candidate_sudo, thanks=True)

    @http.route(
        ["/my/counsel/payments", "/my/counsel/payments/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_vc_payments(self, page=1, **kw):
        return self._vc_list(
            "vc.payment",
            "/my/counsel/payments",
            "vendor_counsel.portal_my_vc_payments",
            "vc_payment",
            page,
        )

    @http.route(
        "/my/counsel/payments/<int:payment_id>/invoice",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_vc_payment_invoice(self, payment_id, invoice=None, **kw):
        """The firm uploads its invoice for a payment (the form carries the CSRF
        token)."""
        payment = self._vc_get_own("vc.payment", payment_id)
        if invoice and getattr(invoice, "filename", None):
            # The portal reads payments only. After the ownership check above, the
            # invoice is posted on its payment's chatter, in the firm's name.
            payment.sudo().message_post(
                body=request.env._("Invoice uploaded by the firm."),
                attachments=[(invoice.filename, invoice.read())],
                author_id=request.env.user.partner_id.id,
            )
        return request.redirect("/my/counsel/payments")

    @http.route(
        ["/my/counsel/filings", "/my/counsel/filings/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_vc_filings(self, page=1, **kw):
        return self._vc_list(
            "vc.filing",
            "/my/counsel/filings",
            "vendor_counsel.portal_my_vc_filings",
            "vc_filing",
            page,
        )

    @http.route(
        ["/my/counsel/evaluations", "/my/counsel/evaluations/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_vc_evaluations(self, page=1, **kw):
        return self._vc_list(
            "vc.evaluation",
            "/my/counsel/evaluations",
            "vendor_counsel.portal_my_vc_evaluations",
            "vc_evaluation",
            page,
        )
