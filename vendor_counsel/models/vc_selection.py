from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL


class VcSelection(models.Model):
    """Competitive selection (选聘 / 竞聘) of a firm for a request (000/E-VC-5,
    WF-VC-3)."""

    _name = "vc.selection"
    _description = "Outside Counsel Selection"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.state.mixin",
        "tier.validation",
    ]
    _order = "id desc"

    # 000/WF-VC-3: the leadership (general counsel) approves the award
    _state_field = "state"
    _state_from = ["scoring"]
    _state_to = ["awarded"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    request_id = fields.Many2one(
        "vc.request", required=True, index=True, ondelete="restrict", tracking=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    candidate_ids = fields.One2many("vc.selection.candidate", "selection_id")
    date_bid_deadline = fields.Date(string="Bids Due", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("invited", "Invitations Sent"),
            ("scoring", "Scoring"),
            ("awarded", "Awarded"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    # --- vc_requests
    procedure = fields.Selection(related="request_id.procedure", store=True)
    engagement_type = fields.Selection(related="request_id.engagement_type", store=True)
    practice_area_id = fields.Many2one(related="request_id.practice_area_id")
    department_id = fields.Many2one(related="request_id.department_id", store=True)
    requester_id = fields.Many2one(related="request_id.user_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Organiser (Legal)",
        default=lambda self: self.env.user,
        tracking=True,
    )
    evaluator_ids = fields.Many2many(
        "res.users",
        "vc_selection_evaluator_rel",
        "selection_id",
        "user_id",
        string="Evaluators",
        help="000/E-VC-5 (D7 第十条): the legal department and the applicant's "
        "representatives who score the bids.",
    )
    criterion_ids = fields.Many2many(
        "vc.selection.criterion",
        string="Criteria",
        default=lambda self: self.env["vc.selection.criterion"].search([]),
    )
    score_ids = fields.One2many("vc.selection.score", "selection_id", string="Scores")
    winner_id = fields.Many2one(
        "vc.selection.candidate",
        domain="[('selection_id', '=', id), ('state', '=', 'bid')]",
        tracking=True,
    )
    award_reason = fields.Text(tracking=True)
    leadership_reviewer_ids = fields.Many2many(
        "res.users",
        compute="_compute_leadership_reviewer_ids",
        string="Leadership Reviewers",
    )
    date_awarded = fields.Date(string="Awarded On", readonly=True, copy=False)
    engagement_id = fields.Many2one("vc.engagement", readonly=True, copy=False)
    min_invited = fields.Integer(string="Minimum Invited", compute="_compute_minimums")
    min_considered = fields.Integer(
        string="Minimum Considered", compute="_compute_minimums"
    )
    considered_count = fields.Integer(compute="_compute_counts")
    invited_count = fields.Integer(compute="_compute_counts")
    bid_count = fields.Integer(compute="_compute_counts")
    shortlisted_count = fields.Integer(compute="_compute_counts")
    can_send_invitations = fields.Boolean(compute="_compute_can")
    can_start_scoring = fields.Boolean(compute="_compute_can")
    can_request_award = fields.Boolean(compute="_compute_can")
    can_award = fields.Boolean(compute="_compute_can")
    can_create_engagement = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    def _compute_leadership_reviewer_ids(self):
        """The award's reviewers: the general counsel group's members, those who
        hold it through a higher role included."""
        members = self.env["vc.request"]._vc_group_members(
            "vendor_counsel.group_vendor_counsel_general_counsel"
        )
        for selection in self:
            selection.leadership_reviewer_ids = members

    @api.depends("procedure", "engagement_type", "company_id")
    def _compute_minimums(self):
        for selection in self:
            company = selection.company_id
            selection.min_invited = (
                company.vc_open_min_invited if selection.procedure == "open" else 1
            )
            selection.min_considered = (
                company.vc_retained_min_considered
                if selection.engagement_type == "retained"
                else 1
            )

    @api.depends("candidate_ids.state", "candidate_ids.is_shortlisted")
    def _compute_counts(self):
        for selection in self:
            candidates = selection.candidate_ids
            selection.considered_count = len(candidates)
            selection.invited_count = len(
                candidates.filtered(lambda c: c.state != "considered")
            )
            selection.bid_count = len(
                candidates.filtered(lambda c: c.state in ("bid", "awarded", "lost"))
            )
            selection.shortlisted_count = len(candidates.filtered("is_shortlisted"))

    @api.depends_context("uid")
    @api.depends("state", "winner_id", "validation_status", "engagement_id")
    def _compute_can(self):
        is_legal = self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal")
        for selection in self:
            state = selection.state if is_legal else False
            selection.can_send_invitations = state == "draft"
            selection.can_start_scoring = state == "invited"
            selection.can_request_award = (
                state == "scoring"
                and bool(selection.winner_id)
                and selection.validation_status in ("no", "rejected")
                and bool(selection.need_validation or selection.review_ids)
            )
            selection.can_award = state == "scoring" and bool(selection.winner_id)
            selection.can_create_engagement = state == "awarded" and not (
                selection.engagement_id
            )
            selection.can_cancel = state in ("draft", "invited", "scoring")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("vc.selection") or "/"
                )
        return super().create(vals_list)

    def _get_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "vc.selection",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _check_legal(self, action):
        if not self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal"):
            raise UserError(
                self.env._("%(action)s is the legal department's work.", action=action)
            )

    def action_propose_candidates(self):
        """000/R-VC-20, R-VC-23: consider the firms of the valid panel for the
        practice area, the company's current retained counsel first for a special
        matter."""
        self._check_state(("draft",), self.env._("Proposing candidates"))
        self._check_legal(self.env._("Proposing candidates"))
        Partner = self.env["res.partner"]
        vals_list = []
        for selection in self:
            request = selection.request_id
            firms = Partner._vc_panel_firms(
                request.practice_area_id,
                request.date_service_start,
                selection.company_id,
            )
            if selection.engagement_type == "special":
                firms = selection._retained_firms() | firms
            firms -= selection.candidate_ids.firm_id
            vals_list += [
                {"selection_id": selection.id, "firm_id": firm.id} for firm in firms
            ]
        self.env["vc.selection.candidate"].create(vals_list)
        return True

    def _retained_firms(self):
        """000/R-VC-23: the firms of the active retained engagements of the
        selections' companies."""
        return (
            self.env["vc.engagement"]
            .search(
                [
                    ("engagement_type", "=", "retained"),
                    ("state", "=", "active"),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
            .firm_id
        )

    def action_send_invitations(self):
        """000/R-VC-13, R-VC-14: enough firms considered and invited."""
        self._check_state(("draft",), self.env._("Sending the invitations"))
        self._check_legal(self.env._("Sending invitations"))
        for selection in self:
            if selection.considered_count < selection.min_considered:
                self._raise_missing(
                    selection,
                    self.env._(
                        "a new retained counsel is chosen among at least %(n)s firms "
                        "considered; %(count)s are (000/R-VC-14).",
                        n=selection.min_considered,
                        count=selection.considered_count,
                    ),
                )
            if selection.invited_count < selection.min_invited:
                self._raise_missing(
                    selection,
                    self.env._(
                        "invite at least %(n)s firms; %(count)s are invited "
                        "(000/R-VC-13).",
                        n=selection.min_invited,
                        count=selection.invited_count,
                    ),
                )
        self.write({"state": "invited"})
        return True

    def action_start_scoring(self):
        """Bids are in: the evaluators score each bidder on each criterion."""
        self._check_state(("invited",), self.env._("Starting the scoring"))
        self._check_legal(self.env._("Starting the scoring"))
        for selection in self:
            if not selection.bid_count:
                self._raise_missing(selection, self.env._("no bid was recorded."))
            if not selection.evaluator_ids:
                self._raise_missing(selection, self.env._("name the evaluators."))
            if not selection.criterion_ids:
                self._raise_missing(selection, self.env._("choose the criteria."))
        self.write({"state": "scoring"})
        self._generate_score_lines()
        return True

    def _generate_score_lines(self):
        """One score line per evaluator, bidder and criterion (the score sheet)."""
        existing = {
            (line.candidate_id.id, line.evaluator_id.id, line.criterion_id.id)
            for line in self.score_ids
        }
        vals_list = [
            {
                "candidate_id": candidate.id,
                "evaluator_id": evaluator.id,
                "criterion_id": criterion.id,
            }
            for selection in self
            for candidate in selection.candidate_ids.filtered(
                lambda c: c.state == "bid"
            )
            for evaluator in selection.evaluator_ids
            for criterion in selection.criterion_ids
            if (candidate.id, evaluator.id, criterion.id) not in existing
        ]
        self.env["vc.selection.score"].create(vals_list)

    def _check_award(self):
        """The award's conditions (000/R-VC-14, E-VC-5, eligibility)."""
        for selection in self:
            winner = selection.winner_id
            if not winner or winner.state != "bid":
                self._raise_missing(
                    selection, self.env._("choose the winner among the bidders.")
                )
            if not (selection.award_reason or "").strip():
                self._raise_missing(selection, self.env._("give the award's reason."))
            if selection.engagement_type == "retained":
                company = selection.company_id
                low = company.vc_retained_shortlist_min
                high = company.vc_retained_shortlist_max
                count = selection.shortlisted_count
                if not low <= count <= high or not winner.is_shortlisted:
                    self._raise_missing(
                        selection,
                        self.env._(
                            "the leadership decides among %(low)s to %(high)s "
                            "shortlisted firms, the winner among them; %(count)s are "
                            "shortlisted (000/R-VC-14).",
                            low=low,
                            high=high,
                            count=count,
                        ),
                    )

    def action_request_award(self):
        """Submit the proposed winner to the leadership (tier validation)."""
        self._check_state(("scoring",), self.env._("Proposing the award"))
        self._check_legal(self.env._("Proposing the award"))
        self._check_award()
        self.request_validation()
        return True

    def action_award(self):
        """The leadership approved: the winner is awarded, the other bidders lose."""
        self._check_state(("scoring",), self.env._("Awarding"))
        self._check_legal(self.env._("Awarding"))
        self._check_award()
        today = fields.Date.context_today(self)
        Partner = self.env["res.partner"]
        for selection in self:
            winner = selection.winner_id
            warnings = Partner._vc_assert_eligible(
                winner.firm_id | winner.lawyer_ids,
                today,
                selection.engagement_type,
                check_panel=winner.is_on_panel,
            )
            if warnings:
                selection.message_post(body="\n".join(warnings))
        self.invalidate_recordset(["review_ids", "need_validation"])
        self.write({"state": "awarded", "date_awarded": today})
        self.winner_id.write({"state": "awarded"})
        self.candidate_ids.filtered(
            lambda c: c.state in ("bid", "invited", "considered")
        ).write({"state": "lost"})
        return True

    def _prepare_engagement_vals(self):
        self.ensure_one()
        request = self.request_id
        winner = self.winner_id
        return {
            "request_id": request.id,
            "firm_id": winner.firm_id.id,
            "lawyer_ids": [fields.Command.set(winner.lawyer_ids.ids)],
            "engagement_type": request.engagement_type,
            "practice_area_id": request.practice_area_id.id,
            "department_id": request.department_id.id,
            "company_id": request.company_id.id,
            "subject": request.description,
            "fee_amount": winner.quote_amount,
        }

    def action_create_engagement(self):
        """The awarded firm's engagement, a draft contract; the request is engaged."""
        self._check_state(("awarded",), self.env._("Creating the engagement"))
        self._check_legal(self.env._("Creating the engagement"))
        if self.filtered("engagement_id"):
            raise UserError(self.env._("The engagement already exists."))
        for selection in self:
            selection.engagement_id = self.env["vc.engagement"].create(
                selection._prepare_engagement_vals()
            )
        self.request_id._action_mark_engaged()
        if len(self) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "vc.engagement",
                "res_id": self.engagement_id.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        return True

    def action_cancel(self):
        self._check_state(("draft", "invited", "scoring"), self.env._("Cancelling"))
        self._check_legal(self.env._("Cancelling a selection"))
        self.with_context(skip_validation_check=True).write({"state": "cancel"})
        return True

    def _score_sheet(self):
        """The score sheet's matrix: per bidder, the mean score of each criterion
        (one grouped query), the weighted total and the rank."""
        self.ensure_one()
        self.env["vc.selection.score"].flush_model(
            ["selection_id", "candidate_id", "criterion_id", "score"]
        )
        self.env.cr.execute(
            SQL(
                """SELECT candidate_id, criterion_id, AVG(score)
                     FROM vc_selection_score
                    WHERE selection_id = %(selection)s
                 GROUP BY candidate_id, criterion_id""",
                selection=self.id,
            )
        )
        means = {(cand, crit): mean for cand, crit, mean in self.env.cr.fetchall()}
        # one query each for the candidates and the criteria, whatever their count
        self.candidate_ids.fetch(["state", "rank", "firm_id", "quote_amount"])
        self.criterion_ids.fetch(["name", "weight"])
        candidates = self.candidate_ids.filtered(
            lambda c: c.state in ("bid", "awarded", "lost")
        ).sorted(lambda c: (c.rank or 10**6, c.id))
        return [
            {
                "candidate": candidate,
                "scores": [
                    means.get((candidate.id, criterion.id))
                    for criterion in self.criterion_ids
                ],
            }
            for candidate in candidates
        ]

    def action_view_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "vc.request",
            "res_id": self.request_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_view_engagement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "vc.engagement",
            "res_id": self.engagement_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }


class VcSelectionCandidate(models.Model):
    """A firm considered, invited and scored in a selection."""

    _name = "vc.selection.candidate"
    _description = "Selection Candidate"
    _inherit = ["business.state.mixin"]
    _order = "selection_id, is_preferred desc, is_on_panel desc, sequence, id"

    selection_id = fields.Many2one(
        "vc.selection", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="selection_id.company_id", store=True)
    currency_id = fields.Many2one(related="selection_id.currency_id")
    sequence = fields.Integer(default=10)
    firm_id = fields.Many2one(
        "res.partner",
        string="Law Firm",
        required=True,
        index=True,
        domain=[("vc_is_law_firm", "=", True)],
    )
    lawyer_ids = fields.Many2many(
        "res.partner",
        "vc_selection_candidate_lawyer_rel",
        "candidate_id",
        "partner_id",
        string="Proposed Lawyers",
        domain=[("vc_is_lawyer", "=", True)],
    )
    quote_amount = fields.Monetary(string="Quoted Fee")
    bid_note = fields.Text(string="Bid")
    date_bid = fields.Datetime(string="Bid Received", readonly=True)
    state = fields.Selection(
        [
            ("considered", "Considered"),
            ("invited", "Invited"),
            ("bid", "Bid Received"),
            ("declined", "Declined"),
            ("awarded", "Awarded"),
            ("lost", "Not Selected"),
        ],
        default="considered",
        required=True,
    )
    # --- vc_requests
    selection_state = fields.Selection(
        related="selection_id.state", string="Selection Status"
    )
    is_on_panel = fields.Boolean(
        string="On Panel",
        compute="_compute_is_on_panel",
        store=True,
        help="000/R-VC-20: on a valid panel for the practice area.",
    )
    off_panel_reason = fields.Text(
        string="Off-Panel Justification",
        help="000/R-VC-20: why this off-panel firm is considered.",
    )
    is_preferred = fields.Boolean(
        string="Preferred (Retained Counsel)",
        compute="_compute_is_preferred",
        store=True,
        help="000/R-VC-23: for a special matter, the company's current retained "
        "counsel are preferred under equal conditions.",
    )
    is_shortlisted = fields.Boolean(
        string="Shortlisted",
        help="000/R-VC-14: shortlisted for the leadership's decision.",
    )
    date_invited = fields.Date(string="Invited On", readonly=True, copy=False)
    score_ids = fields.One2many("vc.selection.score", "candidate_id", string="Scores")
    score_total = fields.Float(
        string="Weighted Score",
        compute="_compute_score_total",
        store=True,
        digits=(16, 2),
        help="The weighted mean of the criteria's scores, averaged over evaluators.",
    )
    rank = fields.Integer(compute="_compute_rank", store=True)

    _firm_uniq = models.Constraint(
        "UNIQUE (selection_id, firm_id)", "A firm is a candidate once per selection."
    )

    @api.depends("firm_id", "selection_id.request_id")
    def _compute_is_on_panel(self):
        Partner = self.env["res.partner"]
        panels = {}
        for candidate in self:
            request = candidate.selection_id.request_id
            if request not in panels:
                panels[request] = Partner._vc_panel_firms(
                    request.practice_area_id,
                    request.date_service_start,
                    request.company_id,
                )
            candidate.is_on_panel = candidate.firm_id in panels[request]

    @api.depends("firm_id", "selection_id.engagement_type")
    def _compute_is_preferred(self):
        special = self.filtered(lambda c: c.selection_id.engagement_type == "special")
        retained = special.selection_id._retained_firms() if special else False
        for candidate in self:
            candidate.is_preferred = (
                candidate in special and candidate.firm_id in retained
            )

    @api.depends("score_ids.score", "score_ids.criterion_id.weight")
    def _compute_score_total(self):
        """Set-based: the mean score per candidate and criterion in one grouped
        query, then weighted by the criteria."""
        means = defaultdict(dict)
        criterion_ids = set()
        if self.ids:
            for candidate, criterion, mean in self.env[
                "vc.selection.score"
            ]._read_group(
                [("candidate_id", "in", self.ids)],
                ["candidate_id", "criterion_id"],
                ["score:avg"],
            ):
                means[candidate.id][criterion.id] = mean
                criterion_ids.add(criterion.id)
        criteria = self.env["vc.selection.criterion"].browse(criterion_ids)
        weights = {criterion.id: criterion.weight for criterion in criteria}
        for candidate in self:
            scored = means.get(candidate.id, {})
            weight = sum(weights[criterion] for criterion in scored)
            candidate.score_total = (
                sum(mean * weights[criterion] for criterion, mean in scored.items())
                / weight
                if weight
                else 0.0
            )

    @api.depends("selection_id.candidate_ids.score_total", "state")
    def _compute_rank(self):
        for selection in self.selection_id:
            ranked = selection.candidate_ids.filtered(
                lambda c: c.state in ("bid", "awarded", "lost") and c.score_total
            ).sorted(lambda c: (-c.score_total, c.id))
            for position, candidate in enumerate(ranked, 1):
                candidate.rank = position
            (selection.candidate_ids - ranked).rank = 0
        (self - self.selection_id.candidate_ids).rank = 0

    def _post_on_selection(self, message):
        for candidate in self:
            candidate.selection_id.message_post(
                body=self.env._(
                    "%(firm)s: %(message)s",
                    firm=candidate.firm_id.display_name,
                    message=message,
                )
            )

    def _check_selection_state(self, allowed, action):
        wrong = self.filtered(lambda c: c.selection_id.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "%(action)s is not possible in selection %(selections)s now.",
                    action=action,
                    selections=", ".join(wrong.selection_id.mapped("display_name")),
                )
            )

    def action_invite(self):
        """Invite a considered firm: off-panel justified (000/R-VC-20), firm and
        lawyers eligible."""
        self._check_state(("considered",), self.env._("Inviting"))
        self._check_selection_state(("draft", "invited"), self.env._("Inviting"))
        self.selection_id._check_legal(self.env._("Inviting a firm"))
        today = fields.Date.context_today(self)
        Partner = self.env["res.partner"]
        for candidate in self:
            if (
                not candidate.is_on_panel
                and not (candidate.off_panel_reason or "").strip()
            ):
                self._raise_missing(
                    candidate,
                    self.env._(
                        "the firm is not on the panel for this practice area: "
                        "justify it (000/R-VC-20)."
                    ),
                )
            # a justified off-panel firm still meets every other condition
            warnings = Partner._vc_assert_eligible(
                candidate.firm_id | candidate.lawyer_ids,
                today,
                candidate.selection_id.engagement_type,
                check_panel=candidate.is_on_panel,
            )
            if warnings:
                candidate._post_on_selection("\n".join(warnings))
        self.write({"state": "invited", "date_invited": today})
        self._post_on_selection(self.env._("invited."))
        return True

    def action_record_bid(self):
        """The legal department records the firm's bid on its behalf."""
        self._check_state(("invited",), self.env._("Recording the bid"))
        self._check_selection_state(("invited",), self.env._("Recording the bid"))
        self.selection_id._check_legal(self.env._("Recording a bid"))
        for candidate in self:
            if candidate.quote_amount <= 0:
                self._raise_missing(candidate, self.env._("enter the quoted fee."))
        self.write({"state": "bid", "date_bid": fields.Datetime.now()})
        self._post_on_selection(self.env._("bid received."))
        return True

    def action_decline(self):
        self._check_state(("invited",), self.env._("Declining"))
        self._check_selection_state(("invited",), self.env._("Declining"))
        self.selection_id._check_legal(self.env._("Recording a refusal"))
        self.write({"state": "declined"})
        self._post_on_selection(self.env._("declined the invitation."))
        return True

    def action_choose_winner(self):
        """Propose this bidder as the winner (the award still needs its reason and
        the leadership's approval)."""
        self.ensure_one()
        self._check_state(("bid",), self.env._("Choosing the winner"))
        self._check_selection_state(("scoring",), self.env._("Choosing the winner"))
        self.selection_id._check_legal(self.env._("Choosing the winner"))
        self.selection_id.winner_id = self
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invited(self):
        if self.filtered(lambda c: c.state != "considered"):
            raise UserError(
                self.env._("Only a firm that was merely considered can be removed.")
            )


class VcSelectionScore(models.Model):
    """One evaluator's score of one candidate on one criterion (the score sheet's
    cell)."""

    _name = "vc.selection.score"
    _description = "Selection Score"
    _order = "selection_id, candidate_id, evaluator_id, criterion_sequence, id"

    candidate_id = fields.Many2one(
        "vc.selection.candidate", required=True, ondelete="cascade", index=True
    )
    selection_id = fields.Many2one(
        related="candidate_id.selection_id", store=True, index=True
    )
    company_id = fields.Many2one(related="candidate_id.company_id", store=True)
    firm_id = fields.Many2one(related="candidate_id.firm_id", store=True)
    evaluator_id = fields.Many2one(
        "res.users", required=True, index=True, ondelete="restrict"
    )
    criterion_id = fields.Many2one(
        "vc.selection.criterion", required=True, ondelete="restrict"
    )
    criterion_sequence = fields.Integer(related="criterion_id.sequence", store=True)
    weight = fields.Float(related="criterion_id.weight")
    score = fields.Float(digits=(16, 2))

    _score_uniq = models.Constraint(
        "UNIQUE (candidate_id, evaluator_id, criterion_id)",
        "An evaluator scores a candidate once per criterion.",
    )

    @api.constrains("score")
    def _check_score(self):
        """000/E-VC-5: a score lies between 0 and the set maximum."""
        for line in self:
            high = line.company_id.vc_score_max
            if not 0 <= line.score <= high:
                raise ValidationError(
                    self.env._(
                        "A score lies between 0 and %(high)s; %(score)s given for "
                        "%(firm)s.",
                        high=high,
                        score=line.score,
                        firm=line.firm_id.display_name,
                    )
                )

    def write(self, vals):
        if "score" in vals:
            wrong = self.filtered(lambda line: line.selection_id.state != "scoring")
            if wrong:
                raise UserError(self.env._("Scores change only while scoring."))
            if not self.env.user.has_group(
                "vendor_counsel.group_vendor_counsel_legal"
            ) and self.filtered(lambda line: line.evaluator_id != self.env.user):
                raise UserError(self.env._("An evaluator enters only their scores."))
        return super().write(vals)
