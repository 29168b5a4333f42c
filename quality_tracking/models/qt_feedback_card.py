from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The client's answer to each question of the card (000/A-3: the questions are ours)
RATINGS = [
    ("4", "Very Satisfied"),
    ("3", "Satisfied"),
    ("2", "Fair"),
    ("1", "Dissatisfied"),
]
# The rated items of the card, aligned with the evaluation criteria (000/E-QT-4, D1 7.2)
RATING_FIELDS = (
    "rating_skill",
    "rating_ethics",
    "rating_communication",
    "rating_result",
    "rating_overall",
)


class QtFeedbackCard(models.Model):
    """《法律服务质量反馈卡》: the client's feedback on a closed matter (000/E-QT-4).

    Every closed matter gets one (000/R-QT-06); the handling lawyer collects it within
    the company's collection period, counted by a deadline rule in working days. The
    client fills it in through a portal token link, or staff record what the client
    said on paper or by phone (000/R-QT-07: the card is one of the feedback channels).
    """

    _name = "qt.feedback.card"
    _description = "Quality Feedback Card"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.issue.origin.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    matter_id = fields.Many2one(
        "qt.matter", required=True, ondelete="restrict", index=True, check_company=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, index=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users", string="Handler", required=True, index=True, tracking=True
    )
    department_id = fields.Many2one("hr.department", index=True)
    department_head_id = fields.Many2one(
        related="matter_id.department_head_id", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("issued", "Issued"), ("returned", "Returned"), ("cancel", "Cancelled")],
        default="issued",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_issued = fields.Date(
        string="Issued On", default=fields.Date.context_today, required=True
    )
    date_sent = fields.Datetime(string="Link Sent On", readonly=True, copy=False)
    date_returned = fields.Date(string="Returned On", copy=False, tracking=True)
    allowed_days = fields.Integer(
        string="Collection Period (working days)",
        default=lambda self: self.env.company.qt_feedback_collect_days,
    )
    collect_due = fields.Datetime(string="Collect By", readonly=True, copy=False)
    # --- the client's answers
    rating_skill = fields.Selection(RATINGS, string="Professional Skill", copy=False)
    rating_ethics = fields.Selection(RATINGS, string="Professional Ethics", copy=False)
    rating_communication = fields.Selection(
        RATINGS, string="Responsiveness and Communication", copy=False
    )
    rating_result = fields.Selection(
        RATINGS, string="Satisfaction with the Result", copy=False
    )
    rating_overall = fields.Selection(
        RATINGS, string="Overall Satisfaction", copy=False, tracking=True
    )
    score_overall = fields.Integer(
        string="Overall Score",
        compute="_compute_score_overall",
        store=True,
        aggregator="avg",
        help="The overall rating as a number: 4 very satisfied … 1 dissatisfied.",
    )
    comments = fields.Text(copy=False)
    may_publish = fields.Boolean(
        copy=False,
        help="The client allows the firm to quote the comments.",
    )
    respondent_name = fields.Char(string="Filled In By", copy=False)
    channel = fields.Selection(
        [
            ("portal", "Online (Portal Link)"),
            ("paper", "Paper Card"),
            ("phone", "Phone"),
            ("staff", "Recorded by Staff"),
        ],
        copy=False,
        tracking=True,
    )
    cancel_reason = fields.Text(copy=False)
    can_send = fields.Boolean(compute="_compute_can")
    can_return = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    def _get_satisfaction_ratios(self):
        """{card id: the client's satisfaction with the result as a fraction of 1},
        for the evaluation criterion "client satisfaction" (000/R-QT-10)."""
        top = max(int(key) for key, _label in RATINGS)
        return {
            card.id: int(card.rating_result) / top
            for card in self
            if card.rating_result
        }

    @api.depends("rating_overall")
    def _compute_score_overall(self):
        for card in self:
            card.score_overall = int(card.rating_overall or 0)

    @api.depends("state")
    def _compute_can(self):
        for card in self:
            card.can_send = card.state == "issued"
            card.can_return = card.state == "issued"
            card.can_cancel = card.state == "issued"

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        numbers = self.env["ir.sequence"]._qt_next_by_code_batch(
            "qt.feedback.card", len(unnamed)
        )
        for vals, number in zip(unnamed, numbers, strict=True):
            vals["name"] = number or "/"
        return super().create(vals_list)

    @api.model
    def _prepare_vals_for_matter(self, matter):
        return {
            "matter_id": matter.id,
            "partner_id": matter.partner_id.id,
            "user_id": matter.user_id.id,
            "department_id": matter.department_id.id,
            "company_id": matter.company_id.id,
            "allowed_days": matter.company_id.qt_feedback_collect_days,
        }

    @api.model
    def _create_for_matters(self, matters):
        """One card per matter that has none yet, in one create (000/R-QT-06)."""
        has_card = {
            matter.id
            for [matter] in self._read_group(
                [("matter_id", "in", matters.ids), ("state", "!=", "cancel")],
                ["matter_id"],
            )
        }
        # Set-based: the handlers follow their cards with one insert per handler
        # (not per card), and closing their own matters sends them no "assigned to
        # you" mail per card; the collection deadline reminds them instead.
        cards = self.with_context(
            mail_auto_subscribe_no_notify=True,
            mail_create_nosubscribe=True,
            qt_feedback_card_batch=True,
        ).create(
            [
                self._prepare_vals_for_matter(matter)
                for matter in matters
                if matter.id not in has_card
            ]
        )
        followers = self.env["mail.followers"]
        for user, user_cards in cards.grouped("user_id").items():
            followers._insert_followers(self._name, user_cards.ids, user.partner_id.ids)
        return cards.with_env(self.env)

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        if self.env.context.get("qt_feedback_card_batch"):
            return []  # _create_for_matters subscribes the handlers set-based
        return super()._message_auto_subscribe_followers(
            updated_values, default_subtype_ids
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_returned(self):
        if any(card.state == "returned" for card in self):
            raise UserError(
                self.env._(
                    "A returned feedback card is the client's record: it cannot be "
                    "deleted."
                )
            )

    def _compute_access_url(self):
        for card in self:
            card.access_url = f"/my/quality/feedback/{card.id}"

    # --- state machine

    def _check_issued(self, action):
        wrong = self.filtered(lambda c: c.state != "issued")
        if wrong:
            raise UserError(
                self.env._(
                    "%(action)s is only possible for issued feedback cards, not for "
                    "%(cards)s.",
                    action=action,
                    cards=", ".join(wrong.mapped("name")),
                )
            )

    def _check_ratings_filled(self, values=None):
        """000/R-QT-06: a returned card carries the client's answers (``values``:
        the answers about to be written, else the card's own)."""
        for card in self:
            answers = values if values is not None else card
            missing = [
                card._fields[name].get_description(self.env)["string"]
                for name in RATING_FIELDS
                if not answers[name]
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "Feedback card %(card)s cannot be returned: rate %(items)s.",
                        card=card.name,
                        items=", ".join(missing),
                    )
                )

    def action_return(self):
        """The card is back (collected): by staff, on paper or by phone."""
        self._check_issued(self.env._("Recording the returned card"))
        self._check_ratings_filled()
        today = fields.Date.context_today(self)
        for card in self:
            card.write(
                {
                    "state": "returned",
                    "date_returned": card.date_returned or today,
                    "channel": card.channel or "staff",
                }
            )
        return True

    def _portal_return(self, values):
        """The client returns the card through the token link (000/R-QT-07).

        ``values``: the posted form (strings); only the card's questions are read.
        """
        self.ensure_one()
        self._check_issued(self.env._("Filling in the card"))
        allowed = dict(RATINGS)
        vals = {
            name: values.get(name) if values.get(name) in allowed else False
            for name in RATING_FIELDS
        }
        vals.update(
            comments=(values.get("comments") or "").strip() or False,
            may_publish=bool(values.get("may_publish")),
            respondent_name=(values.get("respondent_name") or "").strip() or False,
            channel="portal",
            date_returned=fields.Date.context_today(self),
        )
        self._check_ratings_filled(vals)
        self.write({**vals, "state": "returned"})
        self.message_post(
            body=self.env._("The client filled in the card online."),
            author_id=self.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return True

    def action_cancel(self):
        """Cancel a card (e.g. issued twice); the reason is mandatory."""
        self._check_issued(self.env._("Cancelling"))
        without_reason = self.filtered(lambda c: not (c.cancel_reason or "").strip())
        if without_reason:
            raise ValidationError(
                self.env._(
                    "Give the reason for cancelling feedback card %(card)s.",
                    card=without_reason[0].name,
                )
            )
        self.write({"state": "cancel"})
        return True

    def action_send(self):
        """E-mail the client the link to fill in the card online, without login."""
        self._check_issued(self.env._("Sending the card"))
        no_email = self.filtered(lambda c: not c.partner_id.email)
        if no_email:
            raise UserError(
                self.env._(
                    "Client %(client)s has no e-mail address: give the card on paper "
                    "or record the answers by phone.",
                    client=no_email[0].partner_id.display_name,
                )
            )
        template = self.env.ref("quality_tracking.mail_template_qt_feedback_card")
        for card in self:
            card._portal_ensure_token()
            card.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.write({"date_sent": fields.Datetime.now()})
        return True

    def action_preview(self):
        """Open the client's page of the card (what the token link shows)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "target": "self",
            "url": self.get_portal_url(),
        }

    def action_raise_issue(self):
        """A quality issue from the client's feedback (000/R-QT-07)."""
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "feedback_card",
            title=self.env._("Feedback card %(card)s", card=self.name),
            partner_id=self.partner_id.id,
            matter_id=self.matter_id.id,
            department_id=self.department_id.id,
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Feedback Card %(card)s", card=self.name)
