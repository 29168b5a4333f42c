import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

_logger = logging.getLogger(__name__)

PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Urgent")]


class CrAgreement(models.Model):
    """A service-level agreement (003/E3): an SLA with a client, an OLA inside the
    company, or a UC with a supplier."""

    _name = "cr.agreement"
    _description = "Service Level Agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("sla", "SLA (client)"),
            ("ola", "OLA (internal)"),
            ("uc", "UC (supplier)"),
        ],
        required=True,
        default="sla",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Counterparty",
        tracking=True,
        index=True,
        help="The client of an SLA, the supplier of a UC.",
    )
    department_id = fields.Many2one(
        "hr.department", tracking=True, help="The providing department of an OLA."
    )
    user_id = fields.Many2one(
        "res.users",
        string="Service Level Manager",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    date_start = fields.Date(string="Valid From", tracking=True)
    date_end = fields.Date(string="Valid Until", tracking=True)
    service_ids = fields.Many2many(
        "cr.service",
        "cr_agreement_service_rel",
        "agreement_id",
        "service_id",
        string="Services",
    )
    target_ids = fields.One2many(
        "cr.agreement.target", "agreement_id", string="Targets", copy=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    # --- cr-sla
    reference = fields.Char(copy=False, tracking=True)
    contact_ids = fields.Many2many(
        "res.partner",
        "cr_agreement_contact_rel",
        "agreement_id",
        "partner_id",
        string="Contact Persons",
        help="003/HR-D1-2: the persons of the parties.",
    )
    vc_engagement_ref = fields.Reference(
        selection="_selection_vc_engagement_ref",
        string="Outside Counsel Engagement",
        help="A UC with an outside law firm: its engagement in Vendor Counsel, when "
        "that addon is installed.",
    )
    response_events = fields.Html(
        help="003/HR-D1-2: the events that call for a response (request types, "
        "channels, hours of cover).",
    )
    indicator_ids = fields.One2many(
        "cr.agreement.indicator", "agreement_id", string="Indicators", copy=True
    )
    report_spec_ids = fields.One2many(
        "cr.report.spec", "agreement_id", string="Report Specifications"
    )
    is_expiring = fields.Boolean(
        compute="_compute_is_expiring",
        search="_search_is_expiring",
        help="Active and ending within the renewal warning period of the company.",
    )
    missing_elements = fields.Char(
        compute="_compute_missing_elements",
        help="003/HR-D1-2: the elements the agreement still lacks.",
    )
    can_activate = fields.Boolean(compute="_compute_can_actions")
    can_cancel = fields.Boolean(compute="_compute_can_actions")
    can_reset = fields.Boolean(compute="_compute_can_actions")
    request_count = fields.Integer(compute="_compute_request_count")

    @api.model
    def default_get(self, fields_list):
        """A new agreement runs for a year from today unless told otherwise."""
        values = super().default_get(fields_list)
        today = fields.Date.context_today(self)
        if "date_start" in fields_list and not values.get("date_start"):
            values["date_start"] = today
        if "date_end" in fields_list and not values.get("date_end"):
            start = fields.Date.to_date(values.get("date_start")) or today
            values["date_end"] = start + relativedelta(years=1, days=-1)
        return values

    @api.model
    def _selection_vc_engagement_ref(self):
        if "vc.engagement" in self.env:
            return [("vc.engagement", self.env._("Engagement"))]
        return []

    @api.depends("state", "date_end", "company_id.cr_agreement_renewal_days")
    def _compute_is_expiring(self):
        today = fields.Date.context_today(self)
        for agreement in self:
            days = agreement.company_id.cr_agreement_renewal_days
            agreement.is_expiring = bool(
                agreement.state == "active"
                and agreement.date_end
                and agreement.date_end <= today + timedelta(days=days)
            )

    def _search_is_expiring(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        today = fields.Date.context_today(self)
        ids = []
        for company in self.env.companies:
            limit = today + timedelta(days=company.cr_agreement_renewal_days)
            ids += self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "active"),
                    ("date_end", "<=", limit),
                ]
            ).ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def _cr_missing_elements(self):
        """003/HR-D1-2: the labels of the seven elements the agreement lacks."""
        self.ensure_one()
        missing = []
        if not (self.partner_id if self.kind != "ola" else self.department_id):
            missing.append(self.env._("parties"))
        if not (self.date_start and self.date_end):
            missing.append(self.env._("duration"))
        if not self.service_ids:
            missing.append(self.env._("scope"))
        if is_html_empty(self.response_events):
            missing.append(self.env._("response events"))
        if not self.target_ids:
            missing.append(self.env._("service-level targets"))
        if not self.indicator_ids:
            missing.append(self.env._("indicators"))
        if not self.report_spec_ids:
            missing.append(self.env._("service reports"))
        return missing

    @api.depends(
        "kind",
        "partner_id",
        "department_id",
        "date_start",
        "date_end",
        "service_ids",
        "response_events",
        "target_ids",
        "indicator_ids",
        "report_spec_ids",
    )
    def _compute_missing_elements(self):
        for agreement in self:
            agreement.missing_elements = ", ".join(agreement._cr_missing_elements())

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_actions(self):
        is_slm = self.env.user.has_group("client_relations.group_client_relations_slm")
        for agreement in self:
            agreement.can_activate = is_slm and agreement.state == "draft"
            agreement.can_cancel = is_slm and agreement.state in ("draft", "active")
            agreement.can_reset = is_slm and agreement.state in ("cancel", "expired")

    def _compute_request_count(self):
        counts = dict(
            self.env["cr.request"]._read_group(
                [("agreement_id", "in", self.ids)], ["agreement_id"], ["__count"]
            )
        )
        for agreement in self:
            agreement.request_count = counts.get(agreement, 0)

    @api.constrains("date_start", "date_end")
    def _check_cr_dates(self):
        for agreement in self:
            if (
                agreement.date_start
                and agreement.date_end
                and agreement.date_end < agreement.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "%(agreement)s: the agreement cannot end before it starts "
                        "(003/HR-D1-5).",
                        agreement=agreement.display_name,
                    )
                )

    @api.constrains("service_ids")
    def _check_cr_catalog_services(self):
        """003/HR-D1-3: only active services of the agreement's company catalog."""
        for agreement in self:
            services = agreement.with_context(active_test=False).service_ids
            outside = services.filtered(
                lambda service, agreement=agreement: not service.active
                or service.company_id != agreement.company_id
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "%(agreement)s: %(services)s are not in the service catalog "
                        "(003/HR-D1-3).",
                        agreement=agreement.display_name,
                        services=", ".join(outside.mapped("display_name")),
                    )
                )

    @api.onchange("partner_id", "kind")
    def _onchange_cr_tier_template(self):
        """A new SLA for a client proposes the agreement of the client's tier."""
        template = self.partner_id.cr_tier_id.agreement_template_id
        if self.kind == "sla" and template and not self._origin and not self.target_ids:
            self.update(self._cr_template_values(template))

    @api.model
    def _cr_template_values(self, template):
        return {
            "service_ids": [Command.set(template.service_ids.ids)],
            "response_events": template.response_events,
            "target_ids": [Command.clear()]
            + [
                Command.create(vals)
                for vals in template.target_ids.copy_data({"agreement_id": False})
            ],
        }

    def copy(self, default=None):
        """The report specifications follow the copy, measuring the copied
        indicators."""
        new_agreements = super().copy(default)
        for old, new in zip(self, new_agreements, strict=True):
            mapping = dict(zip(old.indicator_ids, new.indicator_ids, strict=True))
            for spec in old.report_spec_ids:
                spec.copy(
                    {
                        "agreement_id": new.id,
                        "indicator_ids": [
                            Command.set([mapping[ind].id for ind in spec.indicator_ids])
                        ],
                    }
                )
        return new_agreements

    def action_activate(self):
        self._check_state(["draft"], self.env._("Activating an agreement"))
        for agreement in self:
            missing = agreement._cr_missing_elements()
            if missing:
                raise UserError(
                    self.env._(
                        "%(agreement)s cannot be activated: it lacks %(missing)s "
                        "(003/HR-D1-2).",
                        agreement=agreement.display_name,
                        missing=", ".join(missing),
                    )
                )
        self.write({"state": "active"})
        return True

    def action_cancel(self):
        self._check_state(["draft", "active"], self.env._("Cancelling an agreement"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(
            ["cancel", "expired"], self.env._("Resetting an agreement to draft")
        )
        self.write({"state": "draft"})
        return True

    def action_view_requests(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Service Requests"),
            "res_model": "cr.request",
            "view_mode": "list,form",
            "domain": [("agreement_id", "=", self.id)],
            "context": {"default_agreement_id": self.id},
        }

    def action_open_adjustment_wizard(self):
        self.ensure_one()
        self._check_state(["active"], self.env._("Adjusting the service levels"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Short-Term Service-Level Adjustment"),
            "res_model": "cr.agreement.adjustment.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_agreement_id": self.id},
        }

    def _cr_notify_adjustment(self, date_from, date_to, description):
        """003/HR-D10-7: a short-term adjustment of the service levels is told to
        the client (the counterparty) and logged on the agreement."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "%(agreement)s has no counterparty to tell the adjustment to.",
                    agreement=self.display_name,
                )
            )
        if date_to < date_from:
            raise ValidationError(
                self.env._("The adjustment cannot end before it starts.")
            )
        body = self.env._(
            "Short-term service-level adjustment from %(date_from)s to %(date_to)s: "
            "%(description)s",
            date_from=date_from,
            date_to=date_to,
            description=description,
        )
        return self.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )

    @api.model
    def _cron_cr_expire_agreements(self):
        """003/HR-D1-5: active agreements past their end expire; those ending within
        the renewal warning period get one renewal activity. Set-based and
        idempotent; a failing company is logged and skipped."""
        for company in self.env["res.company"].search([]):
            try:
                with self.env.cr.savepoint():
                    self._cr_expire_company(company)
                self.env["ir.cron"]._commit_progress(1)
            except Exception as error:  # noqa: BLE001 - one company must not stop all
                _logger.warning("Agreements: company %s skipped: %s", company.id, error)

    @api.model
    def _cr_expire_company(self, company):
        today = fields.Date.context_today(self)
        expired = self.search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "active"),
                ("date_end", "<", today),
            ]
        )
        expired.write({"state": "expired"})
        limit = today + timedelta(days=company.cr_agreement_renewal_days)
        expiring = self.search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "active"),
                ("date_end", "<=", limit),
            ]
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        warned = {
            (activity.res_id, activity.date_deadline)
            for activity in self.env["mail.activity"].search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", expiring.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": agreement.id,
                "activity_type_id": activity_type.id,
                "summary": self.env._("Agreement renewal"),
                "note": self.env._(
                    "The agreement ends on %(date)s: renew it or let it expire.",
                    date=agreement.date_end,
                ),
                "date_deadline": agreement.date_end,
                "user_id": (agreement.user_id or self.env.ref("base.user_admin")).id,
            }
            for agreement in expiring
            if (agreement.id, agreement.date_end) not in warned
        ]
        self.env["mail.activity"].create(vals_list)

    # --- cr-gov
    cr_parent_agreement_id = fields.Many2one(
        "cr.agreement",
        string="Supplement Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="003/HR-D1-21: the signed agreement this one supplements.",
    )
    cr_change_request_id = fields.Many2one(
        "cr.change.request",
        string="From Change Request",
        readonly=True,
        copy=False,
        help="003/HR-D1-21: the approved change request this agreement comes from.",
    )
    cr_service_report_count = fields.Integer(
        string="Service Reports", compute="_compute_cr_gov_counts"
    )
    cr_review_count = fields.Integer(string="Reviews", compute="_compute_cr_gov_counts")
    cr_review_due = fields.Datetime(
        string="Next Review Due",
        compute="_compute_cr_gov_counts",
        help="003/HR-D1-1: the due date of the next SLA review (last review + the "
        "company's interval).",
    )

    def _compute_cr_gov_counts(self):
        reports = dict(
            self.env["cr.service.report"]._read_group(
                [("agreement_id", "in", self.ids)], ["agreement_id"], ["__count"]
            )
        )
        reviews = self.env["cr.review"]._read_group(
            [("agreement_ids", "in", self.ids)],
            ["agreement_ids"],
            ["__count", "date_next_due:max"],
        )
        review_counts = {agreement: (count, due) for agreement, count, due in reviews}
        for agreement in self:
            agreement.cr_service_report_count = reports.get(agreement, 0)
            count, due = review_counts.get(agreement, (0, False))
            agreement.cr_review_count = count
            agreement.cr_review_due = due

    def action_cr_view_service_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.cr_service_report_action"
        )
        action["domain"] = [("agreement_id", "=", self.id)]
        action["context"] = {"default_agreement_id": self.id}
        return action

    def action_cr_view_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.cr_review_action"
        )
        action["domain"] = [("agreement_ids", "in", self.ids)]
        action["context"] = {"default_agreement_ids": self.ids}
        return action

    # --- cr-portal


class CrAgreementTarget(models.Model):
    """The targets of an agreement for one priority (003/E4): first response, next
    response and resolution, in working hours."""

    _name = "cr.agreement.target"
    _description = "Service Level Target"
    _order = "agreement_id, priority desc"

    agreement_id = fields.Many2one(
        "cr.agreement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    priority = fields.Selection(PRIORITIES, required=True, default="1")
    first_response_hours = fields.Float(string="First Response (working hours)")
    next_response_hours = fields.Float(string="Next Response (working hours)")
    resolution_hours = fields.Float(string="Resolution (working hours)")

    _agreement_priority_uniq = models.Constraint(
        "unique(agreement_id, priority)",
        "An agreement has one target line per priority.",
    )

    # --- cr-sla
    @api.constrains("first_response_hours", "next_response_hours", "resolution_hours")
    def _check_cr_hours(self):
        for target in self:
            hours = (
                target.first_response_hours,
                target.next_response_hours,
                target.resolution_hours,
            )
            if any(value <= 0 for value in hours):
                raise ValidationError(
                    self.env._(
                        "%(agreement)s: every target needs a positive number of "
                        "working hours.",
                        agreement=target.agreement_id.display_name,
                    )
                )
            if target.first_response_hours > target.resolution_hours:
                raise ValidationError(
                    self.env._(
                        "%(agreement)s: the first response cannot come after the "
                        "resolution.",
                        agreement=target.agreement_id.display_name,
                    )
                )
