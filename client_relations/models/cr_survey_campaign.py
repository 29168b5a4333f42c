import logging
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

_logger = logging.getLogger(__name__)

KINDS = [
    ("periodic", "Periodic"),
    ("adhoc", "Ad Hoc"),
    ("annual", "Annual Satisfaction Survey"),
    ("new_year", "New-Year Greeting and Demand Survey"),
    ("closure", "After Request Closure"),
]
BATCH = 500


class CrSurveyCampaign(models.Model):
    """A satisfaction or opinion survey run: periodic and ad hoc (004/R10-8), the
    annual survey summarized for the general manager (003/HR-D19-1, W7), the December
    New-Year greeting with the next-year demand survey (000/R-CR-20) and the surveys
    sent after a request's closure. Invitations are token links to the clients'
    contacts (``survey.user_input`` linked to the client and the campaign)."""

    _name = "cr.survey.campaign"
    _description = "Satisfaction Survey Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    kind = fields.Selection(
        KINDS, required=True, default="adhoc", tracking=True, index=True
    )
    purpose = fields.Selection(
        [
            ("satisfaction", "Satisfaction"),
            ("opinion", "Opinion"),
            ("loyalty", "Loyalty"),
            ("complaint", "Complaint Handling"),
            ("demand", "Next-Year Demand"),
        ],
        required=True,
        default="satisfaction",
        help="004 CR-6: what the survey asks.",
    )
    survey_id = fields.Many2one(
        "survey.survey", string="Questionnaire", required=True, tracking=True
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="Answer By")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    department_id = fields.Many2one("hr.department", string="Conducting Department")
    partner_ids = fields.Many2many(
        "res.partner",
        "cr_survey_campaign_partner_rel",
        "campaign_id",
        "partner_id",
        string="Clients",
        domain=[("cr_is_client", "=", True)],
    )
    greeting = fields.Html(
        help="000/R-CR-20: the New-Year greeting sent with the demand survey.",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In Progress"),
            ("summarized", "Summarized"),
            ("reported", "Reported"),
            ("cancel", "Cancelled"),
        ],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    user_input_ids = fields.One2many(
        "survey.user_input", "cr_campaign_id", string="Invitations", readonly=True
    )
    invited_count = fields.Integer(compute="_compute_stats", string="Invited")
    answered_count = fields.Integer(compute="_compute_stats", string="Answered")
    response_rate = fields.Float(compute="_compute_stats", string="Response Rate (%)")
    csat = fields.Float(compute="_compute_stats", string="CSAT (%)")
    summary = fields.Html(
        help="003/HR-D19-1: the summarized results reported to the general manager."
    )
    date_summarized = fields.Date(string="Summarized On", readonly=True, copy=False)
    date_reported = fields.Date(string="Reported On", readonly=True, copy=False)
    report_user_ids = fields.Many2many(
        "res.users",
        "cr_survey_campaign_report_user_rel",
        "campaign_id",
        "user_id",
        string="Report To",
        domain=[("share", "=", False)],
        help="003/HR-D19-1: the general manager.",
    )
    cc_department_id = fields.Many2one(
        "hr.department",
        string="Copy To",
        help="003/HR-D19-1: the quality management department.",
    )
    can_start = fields.Boolean(compute="_compute_can")
    can_summarize = fields.Boolean(compute="_compute_can")
    can_report = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    _year_kind_uniq = models.UniqueIndex(
        "(company_id, kind, year) WHERE kind IN ('annual', 'new_year') "
        "AND state != 'cancel'",
        "An annual or New-Year campaign is run once a year per company.",
    )

    @api.depends("user_input_ids.state", "user_input_ids.cr_csat")
    def _compute_stats(self):
        Answer = self.env["survey.user_input"].sudo()
        stats = {
            (campaign, state): (count, csat)
            for campaign, state, count, csat in Answer._read_group(
                [("cr_campaign_id", "in", self.ids)],
                ["cr_campaign_id", "state"],
                ["__count", "cr_csat:avg"],
            )
        }
        for campaign in self:
            invited = answered = 0
            csat = 0.0
            for (rec, state), (count, avg) in stats.items():
                if rec != campaign:
                    continue
                invited += count
                if state == "done":
                    answered, csat = count, avg or 0.0
            campaign.invited_count = invited
            campaign.answered_count = answered
            campaign.response_rate = 100.0 * answered / invited if invited else 0.0
            campaign.csat = csat

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can(self):
        is_service = self.env.user.has_group(
            "client_relations.group_client_relations_service"
        )
        for campaign in self:
            state = campaign.state
            campaign.can_start = is_service and state == "planned"
            campaign.can_summarize = is_service and state == "in_progress"
            campaign.can_report = is_service and state == "summarized"
            campaign.can_cancel = is_service and state in ("planned", "in_progress")
            campaign.can_reset = is_service and state == "cancel"

    # ------------------------------------------------------------------ actions

    def _check_service(self, action):
        if not self.env.user.has_group(
            "client_relations.group_client_relations_service"
        ):
            raise UserError(
                self.env._(
                    "%(action)s is for the customer service department.",
                    action=action,
                )
            )

    def action_start(self):
        """Send the token links to the clients' contacts (003 W7: planned → in
        progress)."""
        self._check_state(("planned",), self.env._("Starting a survey"))
        self._check_service(self.env._("Starting a survey"))
        for campaign in self:
            if not campaign.partner_ids:
                raise UserError(
                    self.env._(
                        "Campaign %(name)s has no clients to survey.",
                        name=campaign.name,
                    )
                )
        self.write({"state": "in_progress"})
        for campaign in self:
            campaign._cr_invite_clients(campaign.partner_ids)
        return True

    def action_summarize(self):
        """Summarize the answers (003/HR-D19-1: 将结果汇总)."""
        self._check_state(("in_progress",), self.env._("Summarizing"))
        self._check_service(self.env._("Summarizing"))
        for campaign in self:
            campaign.write(
                {
                    "state": "summarized",
                    "date_summarized": fields.Date.context_today(self),
                    "summary": campaign._cr_summary_html(),
                }
            )
        return True

    def action_report(self):
        """Report the summary to the general manager, copied to the quality
        management department (003/HR-D19-1: 上报总经理,抄报质量管理部)."""
        self._check_state(("summarized",), self.env._("Reporting"))
        self._check_service(self.env._("Reporting"))
        for campaign in self:
            if not campaign.report_user_ids:
                raise UserError(
                    self.env._(
                        "Campaign %(name)s: say to whom the summary is reported "
                        "(the general manager).",
                        name=campaign.name,
                    )
                )
        for campaign in self:
            partners = campaign.report_user_ids.partner_id
            partners |= campaign.cc_department_id.manager_id.user_id.partner_id
            campaign.message_post(
                body=self.env._(
                    "Survey summary reported: %(invited)s invited, %(answered)s "
                    "answered, CSAT %(csat).1f%%.",
                    invited=campaign.invited_count,
                    answered=campaign.answered_count,
                    csat=campaign.csat,
                ),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self.write(
            {"state": "reported", "date_reported": fields.Date.context_today(self)}
        )
        return True

    def action_cancel(self):
        self._check_state(("planned", "in_progress"), self.env._("Cancelling"))
        self._check_service(self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset(self):
        self._check_state(("cancel",), self.env._("Resetting"))
        self._check_service(self.env._("Resetting"))
        self.write({"state": "planned"})
        return True

    def action_view_answers(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Answers"),
            "res_model": "cr.csat.report",
            "view_mode": "list,pivot,graph",
            "domain": [("campaign_id", "=", self.id)],
        }

    def _cr_report_answers(self):
        """The invitations printed on the summary: all for customer service, the
        user's own clients' otherwise."""
        self.ensure_one()
        answers = self.sudo().user_input_ids
        if self.env.user.has_group("client_relations.group_client_relations_service"):
            return answers
        return answers.filtered(lambda a: a.cr_owner_id == self.env.user)

    def _cr_summary_html(self):
        """Per tier: invited, answered, CSAT; one grouped query."""
        self.ensure_one()
        rows = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("cr_campaign_id", "=", self.id)],
                ["cr_tier_id", "state"],
                ["__count", "cr_csat:avg"],
            )
        )
        tiers = {}
        for tier, state, count, avg in rows:
            line = tiers.setdefault(tier, [0, 0, 0.0])
            line[0] += count
            if state == "done":
                line[1], line[2] = count, avg or 0.0
        lines = "".join(
            f"<tr><td>{tier.name or '-'}</td><td>{v[0]}</td><td>{v[1]}</td>"
            f"<td>{v[2]:.1f}</td></tr>"
            for tier, v in tiers.items()
        )
        return (
            "<table class='table table-sm'><tr><th>"
            + self.env._("Tier")
            + "</th><th>"
            + self.env._("Invited")
            + "</th><th>"
            + self.env._("Answered")
            + "</th><th>"
            + self.env._("CSAT (%)")
            + "</th></tr>"
            + lines
            + "</table>"
        )

    # ------------------------------------------------------------------ invitations

    def _cr_contacts(self, clients):
        """{client: contacts to invite}: the client's contacts with an e-mail, else
        the client itself when it has one; one query."""
        contacts = self.env["res.partner"].search(
            [
                ("parent_id", "in", clients.ids),
                ("email", "!=", False),
                ("is_company", "=", False),
            ]
        )
        result = {client: self.env["res.partner"] for client in clients}
        for contact in contacts:
            result[contact.parent_id] |= contact
        for client in clients:
            if not result[client] and client.email:
                result[client] = client
        return result

    def _cr_invite(self, targets):
        """Create the token links and send them. ``targets``: (client, contact,
        request) triples; existing invitations of this campaign are not doubled."""
        self.ensure_one()
        Answer = self.env["survey.user_input"].sudo()
        existing = set(
            Answer.search_fetch(
                [("cr_campaign_id", "=", self.id)],
                ["partner_id", "cr_request_id"],
            ).mapped(lambda a: (a.partner_id.id, a.cr_request_id.id))
        )
        deadline = (
            fields.Datetime.to_datetime(self.date_end) + relativedelta(days=1)
            if self.date_end
            else False
        )
        today = fields.Date.context_today(self)
        vals_list = []
        for client, contact, request in targets:
            key = (contact.id, request.id if request else False)
            if key in existing:
                continue
            existing.add(key)
            vals_list.append(
                {
                    "survey_id": self.survey_id.id,
                    "partner_id": contact.id,
                    "email": contact.email,
                    "nickname": contact.name,
                    "invite_token": Answer._generate_invite_token(),
                    "deadline": deadline,
                    "cr_partner_id": client.id,
                    "cr_request_id": request.id if request else False,
                    "cr_campaign_id": self.id,
                    "cr_company_id": self.company_id.id,
                    "cr_tier_id": client.cr_tier_id.id,
                    "cr_date_sent": today,
                }
            )
        answers = Answer.create(vals_list)
        template = self.env.ref(
            "survey.mail_template_user_input_invite", raise_if_not_found=False
        )
        if answers and template:
            template.sudo().send_mail_batch(answers.ids)
        return answers

    def _cr_invite_clients(self, clients):
        self.ensure_one()
        contacts = self._cr_contacts(clients)
        skipped = clients.filtered(lambda c: not contacts[c])
        if skipped:
            self.message_post(
                body=self.env._(
                    "No contact with an e-mail address, not invited: %(names)s",
                    names=", ".join(skipped.mapped("display_name")),
                )
            )
        return self._cr_invite(
            [(c, contact, False) for c in clients for contact in contacts[c]]
        )

    @api.model
    def _cr_month_campaign(self, company, kind, survey, today):
        """The open campaign of this month for a kind (periodic, closure)."""
        first = today.replace(day=1)
        campaign = self.search(
            [
                ("company_id", "=", company.id),
                ("kind", "=", kind),
                ("date_start", "=", first),
                ("state", "=", "in_progress"),
            ],
            limit=1,
        )
        if campaign:
            return campaign
        label = dict(self._fields["kind"]._description_selection(self.env))[kind]
        return self.create(
            {
                "name": f"{label} {first.year}-{first.month:02d}",
                "company_id": company.id,
                "kind": kind,
                "purpose": "satisfaction",
                "survey_id": survey.id,
                "year": first.year,
                "date_start": first,
                "state": "in_progress",
            }
        )

    @api.model
    def _cr_send_after_close(self, requests):
        """Invite the contact of each closed request with a client (one campaign per
        company and month); a request already surveyed is skipped."""
        requests = requests.filtered(lambda r: r.state == "closed" and r.partner_id)
        if not requests:
            return self.browse()
        surveyed = set(
            self.env["survey.user_input"]
            .sudo()
            .search([("cr_request_id", "in", requests.ids)])
            .cr_request_id.ids
        )
        today = fields.Date.context_today(self)
        campaigns = self.browse()
        for company, company_requests in requests.grouped("company_id").items():
            survey = company.cr_survey_closure_id
            if not survey:
                continue
            targets = []
            for request in company_requests:
                if request.id in surveyed:
                    continue
                contact = request.contact_id or request.partner_id
                if not contact.email:
                    continue
                client = request.partner_id.commercial_partner_id
                targets.append((client, contact, request))
            if not targets:
                continue
            campaign = self.sudo()._cr_month_campaign(company, "closure", survey, today)
            campaign._cr_invite(targets)
            campaigns |= campaign
        return campaigns

    # ------------------------------------------------------------------ crons

    @api.model
    def _cron_periodic_surveys(self):
        """004/R10-8, S11: every client whose tier asks for a survey every N months
        and who was not surveyed in the last N months gets the periodic survey of
        this month. Set-based, batched, idempotent."""
        today = fields.Date.context_today(self)
        Partner = self.env["res.partner"]
        for company in self.env["res.company"].search([]):
            survey = company.cr_survey_satisfaction_id
            if not survey:
                continue
            clients = Partner.search(
                [
                    ("cr_is_client", "=", True),
                    ("is_company", "=", True),
                    ("cr_tier_id.survey_interval_months", ">", 0),
                    ("company_id", "in", (company.id, False)),
                ]
            )
            if not clients:
                continue
            last = dict(
                self.env["survey.user_input"]
                .sudo()
                ._read_group(
                    [
                        ("cr_partner_id", "in", clients.ids),
                        ("cr_campaign_id.kind", "in", ("periodic", "annual")),
                    ],
                    ["cr_partner_id"],
                    ["cr_date:max"],
                )
            )
            due = clients.filtered(
                lambda c, last=last: not last.get(c)
                or last[c] + relativedelta(months=c.cr_tier_id.survey_interval_months)
                <= today
            )
            if not due:
                continue
            campaign = self._cr_month_campaign(company, "periodic", survey, today)
            for start in range(0, len(due), BATCH):
                chunk = due[start : start + BATCH]
                try:
                    with self.env.cr.savepoint():
                        campaign.write({"partner_ids": [(4, c.id) for c in chunk]})
                        campaign._cr_invite_clients(chunk)
                except Exception:
                    _logger.exception(
                        "Periodic surveys: batch of %s clients skipped", len(chunk)
                    )
                self.env["ir.cron"]._commit_progress(len(chunk))

    @api.model
    def _cron_yearly_campaigns(self):
        """003/HR-D19-1: the annual satisfaction survey, and 000/R-CR-20: the
        December New-Year greeting and next-year demand survey of all clients, new
        and old. Each is created once a year per company, planned, in its month."""
        today = fields.Date.context_today(self)
        manager_group = self.env.ref("client_relations.group_client_relations_manager")
        for company in self.env["res.company"].search([]):
            clients = self.env["res.partner"].search(
                [
                    ("cr_is_client", "=", True),
                    ("is_company", "=", True),
                    ("company_id", "in", (company.id, False)),
                ]
            )
            plans = [
                (
                    "annual",
                    company.cr_survey_annual_month,
                    company.cr_survey_satisfaction_id,
                    "satisfaction",
                    self.env._("Annual satisfaction survey %(year)s", year=today.year),
                ),
                (
                    "new_year",
                    company.cr_survey_new_year_month,
                    company.cr_survey_new_year_id,
                    "demand",
                    self.env._(
                        "New-Year greetings and %(next)s demand survey",
                        next=today.year + 1,
                    ),
                ),
            ]
            for kind, month, survey, purpose, name in plans:
                if month != today.month or not survey:
                    continue
                exists = self.search_count(
                    [
                        ("company_id", "=", company.id),
                        ("kind", "=", kind),
                        ("year", "=", today.year),
                        ("state", "!=", "cancel"),
                    ]
                )
                if exists:
                    continue
                try:
                    with self.env.cr.savepoint():
                        self.create(
                            {
                                "name": name,
                                "company_id": company.id,
                                "kind": kind,
                                "purpose": purpose,
                                "survey_id": survey.id,
                                "year": today.year,
                                "date_start": today,
                                "date_end": date(today.year, 12, 31)
                                if kind == "new_year"
                                else False,
                                "partner_ids": [(6, 0, clients.ids)],
                                "cc_department_id": (
                                    company.cr_survey_quality_department_id.id
                                ),
                                "report_user_ids": [
                                    (
                                        6,
                                        0,
                                        manager_group.all_user_ids.filtered(
                                            lambda u, c=company: c in u.company_ids
                                            and not u.share
                                            and u.id != 1
                                        ).ids,
                                    )
                                ],
                            }
                        )
                except Exception:
                    _logger.exception(
                        "Yearly survey campaign %s of %s skipped", kind, company.name
                    )
                self.env["ir.cron"]._commit_progress(1)

    def _cr_period_label(self):
        self.ensure_one()
        return format_date(self.env, self.date_start)
