from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers import portal

from ..models.qt_feedback_card import RATING_FIELDS


class QualityFeedbackPortal(portal.CustomerPortal):
    """The client's feedback card: a token link without login, or /my for portal
    users (000/R-QT-06, R-QT-07)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "qt_feedback_card_count" in counters:
            cards = request.env["qt.feedback.card"]
            values["qt_feedback_card_count"] = (
                cards.search_count(self._qt_feedback_card_domain())
                if cards.has_access("read")
                else 0
            )
        return values

    def _qt_feedback_card_domain(self):
        partner = request.env.user.partner_id
        return [
            ("partner_id", "child_of", [partner.commercial_partner_id.id]),
            ("state", "!=", "cancel"),
        ]

    @http.route(
        ["/my/quality/feedback", "/my/quality/feedback/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_qt_feedback_cards(self, page=1, **kw):
        cards = request.env["qt.feedback.card"]
        domain = self._qt_feedback_card_domain()
        count = cards.search_count(domain)
        pager = portal.pager(
            url="/my/quality/feedback",
            total=count,
            page=page,
            step=self._items_per_page,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            # found with the client's own access rules; shown with their matters
            cards=cards.search(
                domain, limit=self._items_per_page, offset=pager["offset"]
            ).sudo(),
            pager=pager,
            page_name="qt_feedback_card",
            default_url="/my/quality/feedback",
        )
        return request.render("quality_tracking.portal_my_qt_feedback_cards", values)

    def _qt_card_values(self, card_sudo, access_token, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            card=card_sudo,
            # the rating levels in the visitor's language
            ratings=card_sudo._fields[RATING_FIELDS[0]]._description_selection(
                request.env
            ),
            rating_fields=[
                (name, card_sudo._fields[name].get_description(request.env)["string"])
                for name in RATING_FIELDS
            ],
            page_name="qt_feedback_card",
        )
        return self._get_page_view_values(
            card_sudo, access_token, values, "my_qt_feedback_history", False, **kw
        )

    @http.route(
        "/my/quality/feedback/<int:card_id>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def portal_qt_feedback_card(self, card_id, access_token=None, **kw):
        try:
            card_sudo = self._document_check_access(
                "qt.feedback.card", card_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._qt_card_values(card_sudo, access_token, **kw)
        return request.render("quality_tracking.portal_qt_feedback_card", values)

    @http.route(
        "/my/quality/feedback/<int:card_id>",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def portal_qt_feedback_card_submit(self, card_id, access_token=None, **post):
        """The client's answers (the form carries the CSRF token)."""
        try:
            card_sudo = self._document_check_access(
                "qt.feedback.card", card_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if card_sudo.state != "issued":
            values = self._qt_card_values(card_sudo, access_token)
            return request.render("quality_tracking.portal_qt_feedback_card", values)
        lang = card_sudo.partner_id.lang or request.env.lang
        try:
            card_sudo.with_context(lang=lang)._portal_return(post)
        except ValidationError as error:
            values = self._qt_card_values(card_sudo, access_token, error=error.args[0])
            values["posted"] = post
            return request.render("quality_tracking.portal_qt_feedback_card", values)
        values = self._qt_card_values(card_sudo, access_token)
        values["thanks"] = True
        return request.render("quality_tracking.portal_qt_feedback_card", values)
