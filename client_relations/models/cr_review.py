from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty


class CrReview(models.Model):
    """An SLA review meeting (003/E13, W3): held at least once a year
    (HR-D1-1), with an agenda (HR-D1-11), participants from the O&M and the
    management departments (HR-D1-12), its inputs (HR-D1-13), minutes sent to
    every participant (HR-D1-14), the cost of the service considered (HR-D1-15)
    and the satisfaction with the performance measured (HR-D1-16)."""

    _name = "cr.review"
    _description = "SLA Review Meeting"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "date desc, id desc"

    name = fields.Char(string="Meeting", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    agreement_ids = fields.Many2many(
        "cr.agreement",
        "cr_review_agreement_rel",
        "review_id",
        "agreement_id",
        string="Agreements",
        help="003/HR-D1-13: the SLA documents reviewed.",
    )
    date = fields.Datetime(
        string="Meeting Time", required=True, default=fields.Datetime.now, tracking=True
    )
    date_held = fields.Datetime(string="Held On", readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users",
        string="Service Level Manager",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        help="003/HR-D1-16: the service level manager runs the review.",
    )
    participant_ids = fields.Many2many(
        "res.users",
        "cr_review_participant_rel",
        "review_id",
        "user_id",
        string="Participants",
        domain=[("share", "=", False)],
        help="003/HR-D1-12: people of the O&M department and of the management "
        "department.",
    )
    agenda_performance = fields.Text(
        string="Previous Period's Performance",
        help="003/HR-D1-11: the agenda reviews the previous period's performance.",
    )
    agenda_issues = fields.Text(
        string="Current Issues",
        help="003/HR-D1-11: the agenda assesses the current issues.",
    )
    service_report_ids = fields.Many2many(
        "cr.service.report",
        "cr_review_service_report_rel",
        "review_id",
        "report_id",
        string="Service Reports",
        help="003/HR-D1-13: the SLA reports reviewed.",
    )
    change_request_ids = fields.Many2many(
        "cr.change.request",
        "cr_review_change_request_rel",
        "review_id",
        "change_id",
        string="Change Records",
        help="003/HR-D1-13: the change records reviewed.",
    )
    previous_review_id = fields.Many2one(
        "cr.review",
        index="btree_not_null",
        help="003/HR-D1-13: the actions and records of the previous review.",
    )
    previous_action_ids = fields.One2many(
        related="previous_review_id.action_ids", string="Previous Actions"
    )
    next_review_ids = fields.One2many("cr.review", "previous_review_id")
    action_ids = fields.One2many(
        "cr.review.action", "review_id", string="Actions", copy=False
    )
    minutes = fields.Html(help="003/HR-D1-14: the minutes of the meeting.")
    improvement = fields.Text(
        string="Service Improvement", help="003/HR-D1-15: how to improve the service."
    )
    cost_assessment = fields.Text(
        string="Potential Cost",
        help="003/HR-D1-15: the potential cost of delivering the service.",
    )
    satisfaction = fields.Selection(
        [
            ("very_satisfied", "Very Satisfied"),
            ("satisfied", "Satisfied"),
            ("neutral", "Neutral"),
            ("dissatisfied", "Dissatisfied"),
        ],
        string="Performance Satisfaction",
        tracking=True,
        help="003/HR-D1-16: the satisfaction with the performance measured against "
        "the SLA.",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("held", "Held"),
            ("done", "Minutes Sent"),
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
    date_minutes_sent = fields.Datetime(
        string="Minutes Sent On", readonly=True, copy=False
    )
    review_interval_days = fields.Integer(
        string="Next Review Within (days)",
        compute="_compute_review_interval_days",
        store=True,
        readonly=False,
        help="003/HR-D1-1: the next review is due this many calendar days after "
        "this one (the company's setting).",
    )
    date_next_due = fields.Datetime(
        string="Next Review Due",
        readonly=True,
        copy=False,
        help="003/HR-D1-1: kept by the deadline rule Next SLA review.",
    )
    is_followed_up = fields.Boolean(
        string="Next Review Held",
        compute="_compute_is_followed_up",
        store=True,
    )
    can_hold = fields.Boolean(compute="_compute_can")
    can_send_minutes = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    @api.depends("company_id")
    def _compute_review_interval_days(self):
        for review in self:
            review.review_interval_days = review.company_id.cr_review_interval_days

    @api.depends("next_review_ids.state")
    def _compute_is_followed_up(self):
        for review in self:
            review.is_followed_up = any(
                state in ("held", "done")
                for state in review.next_review_ids.mapped("state")
            )

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can(self):
        is_slm = self.env.user.has_group("client_relations.group_client_relations_slm")
        for review in self:
            review.can_hold = is_slm and review.state == "planned"
            review.can_send_minutes = is_slm and review.state == "held"
            review.can_cancel = is_slm and review.state in ("planned", "held")

    def action_load_inputs(self):
        """003/HR-D1-13: link the inputs of the review: the service reports and the
        change requests of its agreements since the previous review, and the
        previous review itself (with its actions)."""
        self._check_state(("planned",), self.env._("Loading the inputs"))
        for review in self:
            previous = review.previous_review_id or self.search(
                [
                    ("id", "!=", review.id),
                    ("agreement_ids", "in", review.agreement_ids.ids),
                    ("state", "in", ("held", "done")),
                    ("date_held", "<", review.date),
                ],
                order="date_held desc",
                limit=1,
            )
            since = previous.date_held and previous.date_held.date()
            report_domain = [("agreement_id", "in", review.agreement_ids.ids)]
            change_domain = [("agreement_id", "in", review.agreement_ids.ids)]
            if since:
                report_domain.append(("date_to", ">=", since))
                change_domain.append(("create_date", ">=", previous.date_held))
            review.write(
                {
                    "previous_review_id": previous.id,
                    "service_report_ids": [
                        Command.set(
                            self.env["cr.service.report"].search(report_domain).ids
                        )
                    ],
                    "change_request_ids": [
                        Command.set(
                            self.env["cr.change.request"].search(change_domain).ids
                        )
                    ],
                }
            )
        return True

    def _cr_check_participants(self):
        """003/HR-D1-12: someone of the O&M department and someone of the
        management department take part."""
        for review in self:
            company = review.company_id
            om = company.cr_review_om_department_id
            mgmt = company.cr_review_mgmt_department_id
            if not om or not mgmt:
                raise UserError(
                    self.env._(
                        "Set the O&M and the management departments of the SLA "
                        "reviews in the settings first (003/HR-D1-12)."
                    )
                )
            departments = review.participant_ids.sudo().employee_ids.department_id
            for department in (om, mgmt):
                if not departments.filtered_domain([("id", "child_of", department.id)]):
                    self._raise_missing(
                        review,
                        self.env._(
                            "a participant of the %(department)s is needed "
                            "(003/HR-D1-12).",
                            department=department.display_name,
                        ),
                    )

    def action_hold(self):
        """The meeting is held: its agreements, its agenda (003/HR-D1-11), its
        service level manager and its participants (003/HR-D1-12) are known."""
        self._check_state(("planned",), self.env._("Holding a review meeting"))
        for review in self:
            if not review.agreement_ids:
                self._raise_missing(
                    review, self.env._("choose the agreements reviewed.")
                )
            if not review.user_id:
                self._raise_missing(
                    review, self.env._("name the service level manager.")
                )
            if (
                not (review.agenda_performance or "").strip()
                or not (review.agenda_issues or "").strip()
            ):
                self._raise_missing(
                    review,
                    self.env._(
                        "the agenda covers the previous period's performance and "
                        "the current issues (003/HR-D1-11)."
                    ),
                )
        self._cr_check_participants()
        self.write({"state": "held", "date_held": fields.Datetime.now()})
        return True

    def action_send_minutes(self):
        """003/HR-D1-14: the minutes go to every participant (and the service level
        manager), with the cost considered (HR-D1-15) and the satisfaction
        measured (HR-D1-16)."""
        self._check_state(("held",), self.env._("Sending the minutes"))
        for review in self:
            if is_html_empty(review.minutes):
                self._raise_missing(review, self.env._("write the minutes first."))
            if not (review.cost_assessment or "").strip():
                self._raise_missing(
                    review,
                    self.env._(
                        "assess the potential cost of the service (003/HR-D1-15)."
                    ),
                )
            if not review.satisfaction:
                self._raise_missing(
                    review,
                    self.env._(
                        "measure the satisfaction with the performance (003/HR-D1-16)."
                    ),
                )
        template = self.env.ref("client_relations.mail_template_cr_review_minutes")
        for review in self:
            partners = (review.participant_ids | review.user_id).partner_id
            template.send_mail(
                review.id,
                email_values={"recipient_ids": [Command.set(partners.ids)]},
            )
            review.message_subscribe(partner_ids=partners.ids)
        self.write({"state": "done", "date_minutes_sent": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self._check_state(("planned", "held"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_planned(self):
        self._check_state(("cancel",), self.env._("Planning again"))
        self.write({"state": "planned", "date_held": False})
        return True
