from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .qt_evaluation import CRITERIA, MANAGER_GROUP

# Fields of ``qt.feedback.card`` that may hold the client's satisfaction, read
# defensively: the ratings come with another part of the quality cycle.


class QtEvaluationEntry(models.Model):
    """A matter already handled (已经办理, 000/E-QT-7) entered in an evaluation, with
    the averages of its scorers' scores on the five criteria (000/R-QT-10), its
    weighted total, its rank in the evaluation, the excellent flag and the award."""

    _name = "qt.evaluation.entry"
    _description = "Quality Evaluation Entry"
    _order = "evaluation_id desc, rank, id"
    _check_company_auto = True

    evaluation_id = fields.Many2one(
        "qt.evaluation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="evaluation_id.company_id", store=True, index=True
    )
    kind = fields.Selection(related="evaluation_id.kind", store=True, string="Type")
    year = fields.Integer(related="evaluation_id.year", store=True)
    half = fields.Selection(related="evaluation_id.half", store=True)
    date_from = fields.Date(
        related="evaluation_id.date_from", store=True, string="Period Start"
    )
    evaluation_state = fields.Selection(
        related="evaluation_id.state", string="Evaluation Status"
    )
    matter_id = fields.Many2one(
        "qt.matter",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        domain="[('state', 'in', ('closed', 'archived')), "
        "('company_id', '=', company_id)]",
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_from_matter",
        store=True,
        readonly=False,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handler",
        compute="_compute_from_matter",
        store=True,
        index=True,
    )
    category_id = fields.Many2one(
        related="matter_id.category_id", store=True, string="Case Type"
    )
    partner_id = fields.Many2one(related="matter_id.partner_id", string="Client")
    source_entry_id = fields.Many2one(
        "qt.evaluation.entry",
        string="Selected In",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The department evaluation whose excellent case this entry is "
        "(000/R-QT-12).",
    )
    score_ids = fields.One2many("qt.evaluation.score", "entry_id", string="Scores")
    score_count = fields.Integer(
        string="Scorers", compute="_compute_scores", store=True
    )
    feedback_satisfaction = fields.Float(
        string="Satisfaction (Feedback Card)",
        compute="_compute_feedback_satisfaction",
        store=True,
        digits=(16, 2),
        help="The client's satisfaction from the matter's returned feedback card, "
        "on the evaluation's scale; it prefills each scorer's satisfaction score.",
    )
    score_skill = fields.Float(
        string="Professional Skill",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    score_ethics = fields.Float(
        string="Professional Ethics",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    score_files = fields.Float(
        string="Case Files",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    score_satisfaction = fields.Float(
        string="Client Satisfaction",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    score_influence = fields.Float(
        string="Influence",
        compute="_compute_scores",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    total = fields.Float(
        compute="_compute_total",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="The weighted average of the five criteria (weights of the evaluation).",
    )
    rank = fields.Integer(
        compute="_compute_rank",
        store=True,
        aggregator="min",
        help="Rank of the entry in its evaluation by total (ties share a rank); "
        "0 while unscored.",
    )
    is_excellent = fields.Boolean(
        string="Excellent Case",
        help="Selected as an excellent case (优秀案件); a department's excellent "
        "cases enter the firm-wide evaluations (000/R-QT-11, R-QT-12).",
    )
    award_level_id = fields.Many2one("qt.award.level", string="Award")
    note = fields.Text(string="Comment")

    _matter_unique = models.Constraint(
        "UNIQUE (evaluation_id, matter_id)",
        "A matter is entered only once in an evaluation.",
    )

    @api.depends("matter_id")
    def _compute_from_matter(self):
        for entry in self:
            source = entry.source_entry_id
            entry.department_id = source.department_id or entry.matter_id.department_id
            entry.user_id = entry.matter_id.user_id

    @api.depends("matter_id", "evaluation_id.score_max")
    def _compute_feedback_satisfaction(self):
        ratios = self._get_feedback_satisfaction_ratios(self.matter_id)
        for entry in self:
            ratio = ratios.get(entry.matter_id.id)
            entry.feedback_satisfaction = (
                round(ratio * entry.evaluation_id.score_max, 2)
                if ratio is not None
                else 0.0
            )

    @api.model
    def _get_feedback_satisfaction_ratios(self, matters):
        """{matter id: the client's satisfaction with the result as a fraction of 1}
        from each matter's latest returned feedback card (000/WF-QT-2: the card
        feeds the criterion "client satisfaction with the result")."""
        if not matters:
            return {}
        cards = (
            self.env["qt.feedback.card"]
            .sudo()
            .search(
                [("matter_id", "in", matters.ids), ("state", "=", "returned")],
                order="date_returned desc, id desc",
            )
        )
        by_card = cards._get_satisfaction_ratios()
        ratios = {}
        for card in cards:
            if card.id in by_card and card.matter_id.id not in ratios:
                ratios[card.matter_id.id] = by_card[card.id]
        return ratios

    @api.depends(*[f"score_ids.score_{c}" for c in CRITERIA])
    def _compute_scores(self):
        for entry in self:
            lines = entry.score_ids
            entry.score_count = len(lines)
            for criterion in CRITERIA:
                fname = f"score_{criterion}"
                entry[fname] = (
                    round(sum(lines.mapped(fname)) / len(lines), 2) if lines else 0.0
                )

    @api.depends(
        *[f"score_{c}" for c in CRITERIA],
        *[f"evaluation_id.weight_{c}" for c in CRITERIA],
    )
    def _compute_total(self):
        for entry in self:
            evaluation = entry.evaluation_id
            weights = {c: evaluation[f"weight_{c}"] for c in CRITERIA}
            weight_sum = sum(weights.values())
            entry.total = (
                round(
                    sum(entry[f"score_{c}"] * w for c, w in weights.items())
                    / weight_sum,
                    2,
                )
                if weight_sum
                else 0.0
            )

    @api.depends("evaluation_id.entry_ids.total", "evaluation_id.entry_ids.score_count")
    def _compute_rank(self):
        """Competition ranking ("1224") of each evaluation's scored entries, one
        evaluation at a time on prefetched values: the number of queries does not
        depend on the number of entries."""
        for evaluation in self.evaluation_id:
            entries = evaluation.entry_ids
            scored = sorted((e.total for e in entries if e.score_count), reverse=True)
            first_rank = {}
            for position, total in enumerate(scored, start=1):
                first_rank.setdefault(total, position)
            for entry in entries:
                entry.rank = first_rank.get(entry.total, 0) if entry.score_count else 0
        for entry in self.filtered(lambda e: not e.evaluation_id):
            entry.rank = 0

    # --- guards

    @api.constrains("matter_id", "evaluation_id")
    def _check_matter(self):
        for entry in self:
            matter = entry.matter_id
            if matter.state not in ("closed", "archived"):
                raise ValidationError(
                    self.env._(
                        "Only matters already handled (closed or archived) enter an "
                        "evaluation: %(matter)s is not.",
                        matter=matter.display_name,
                    )
                )
            evaluation = entry.evaluation_id
            if evaluation.kind != "department":
                continue
            if matter.department_id != evaluation.department_id:
                raise ValidationError(
                    self.env._(
                        "%(matter)s is not a matter of %(department)s.",
                        matter=matter.display_name,
                        department=evaluation.department_id.name,
                    )
                )
            if evaluation.category_id and matter.category_id != evaluation.category_id:
                raise ValidationError(
                    self.env._(
                        "%(matter)s is not of the type %(category)s that this "
                        "evaluation compares.",
                        matter=matter.display_name,
                        category=evaluation.category_id.name,
                    )
                )

    @api.constrains("is_excellent", "award_level_id")
    def _check_excellent(self):
        for entry in self:
            if not (entry.is_excellent or entry.award_level_id):
                continue
            if entry.evaluation_id.state not in ("scoring", "closed"):
                raise ValidationError(
                    self.env._(
                        "Excellent cases and awards are chosen while scoring: "
                        "%(evaluation)s is not being scored.",
                        evaluation=entry.evaluation_id.name,
                    )
                )
            if not entry.score_count:
                raise ValidationError(
                    self.env._(
                        "Score %(matter)s before selecting it or giving it an award.",
                        matter=entry.matter_id.display_name,
                    )
                )

    def _check_evaluation_editable(self, creating=False):
        for entry in self:
            state = entry.evaluation_id.state
            if creating and state not in ("draft", "open"):
                # only the excellent cases of a department evaluation arrive later
                if not (state == "scoring" and entry.source_entry_id):
                    raise UserError(
                        self.env._(
                            "%(evaluation)s no longer takes entries.",
                            evaluation=entry.evaluation_id.name,
                        )
                    )
            if state in ("closed", "cancel"):
                raise UserError(
                    self.env._(
                        "%(evaluation)s is closed or cancelled: its entries cannot "
                        "change.",
                        evaluation=entry.evaluation_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        entries = super().create(vals_list)
        entries._check_evaluation_editable(creating=True)
        return entries

    def write(self, vals):
        self._check_evaluation_editable()
        result = super().write(vals)
        if "evaluation_id" in vals:
            self._check_evaluation_editable(creating=True)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        if any(e.evaluation_id.state in ("scoring", "closed") for e in self):
            raise UserError(
                self.env._(
                    "Entries of an evaluation being scored or closed cannot be deleted."
                )
            )

    def _prepare_carry_over_vals(self, target):
        """An excellent case of a department evaluation entering ``target``."""
        self.ensure_one()
        return {
            "evaluation_id": target.id,
            "matter_id": self.matter_id.id,
            "department_id": self.department_id.id,
            "source_entry_id": self.id,
        }

    def _compute_display_name(self):
        for entry in self:
            entry.display_name = entry.matter_id.display_name or ""


class QtEvaluationScore(models.Model):
    """One scorer's scores of one entry on the five criteria (000/R-QT-10); the
    entry shows their average. Only the organiser's people score (000/R-QT-13),
    while the evaluation is being scored, each their own lines."""

    _name = "qt.evaluation.score"
    _description = "Quality Evaluation Score"
    _order = "entry_id, scorer_id"

    entry_id = fields.Many2one(
        "qt.evaluation.entry",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('evaluation_id', '=', evaluation_id)]",
    )
    evaluation_id = fields.Many2one(
        "qt.evaluation",
        compute="_compute_evaluation_id",
        store=True,
        precompute=True,
        readonly=False,
        index=True,
        required=True,
    )
    company_id = fields.Many2one(
        related="evaluation_id.company_id", store=True, index=True
    )
    scorer_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    score_skill = fields.Float(string="Professional Skill", digits=(16, 2))
    score_ethics = fields.Float(string="Professional Ethics", digits=(16, 2))
    score_files = fields.Float(string="Case Files", digits=(16, 2))
    score_satisfaction = fields.Float(
        string="Client Satisfaction",
        digits=(16, 2),
        compute="_compute_score_satisfaction",
        store=True,
        readonly=False,
        help="Prefilled from the matter's returned feedback card.",
    )
    score_influence = fields.Float(string="Influence", digits=(16, 2))
    note = fields.Char(string="Comment")

    _scorer_unique = models.Constraint(
        "UNIQUE (entry_id, scorer_id)", "A scorer scores an entry once."
    )

    @api.depends("entry_id")
    def _compute_evaluation_id(self):
        for score in self:
            if score.entry_id:
                score.evaluation_id = score.entry_id.evaluation_id

    @api.depends("entry_id")
    def _compute_score_satisfaction(self):
        for score in self:
            if not score.score_satisfaction:
                score.score_satisfaction = score.entry_id.feedback_satisfaction

    @api.constrains(*[f"score_{c}" for c in CRITERIA], "entry_id")
    def _check_scale(self):
        """000/R-QT-10: every criterion within 0 and the evaluation's scale."""
        for score in self:
            top = score.evaluation_id.score_max
            for criterion in CRITERIA:
                value = score[f"score_{criterion}"]
                if value < 0 or value > top:
                    raise ValidationError(
                        self.env._(
                            "%(criterion)s: %(value)s is outside the scale 0 to "
                            "%(top)s.",
                            criterion=self._fields[
                                f"score_{criterion}"
                            ].get_description(self.env)["string"],
                            value=value,
                            top=top,
                        )
                    )

    @api.constrains("scorer_id", "entry_id", "evaluation_id")
    def _check_scorer(self):
        for score in self:
            if score.entry_id.evaluation_id != score.evaluation_id:
                raise ValidationError(
                    self.env._("A score belongs to an entry of its own evaluation.")
                )
            if score.scorer_id not in score.evaluation_id.scorer_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a scorer of %(evaluation)s.",
                        user=score.scorer_id.name,
                        evaluation=score.evaluation_id.name,
                    )
                )

    def _check_can_score(self):
        """Scores change only while the evaluation is being scored, and each scorer
        writes their own (the quality manager may record a scorer's sheet)."""
        is_manager = self.env.su or self.env.user.has_group(MANAGER_GROUP)
        for score in self:
            if score.evaluation_id.state != "scoring":
                raise UserError(
                    self.env._(
                        "%(evaluation)s is not being scored.",
                        evaluation=score.evaluation_id.name,
                    )
                )
            if score.scorer_id != self.env.user and not is_manager:
                raise AccessError(
                    self.env._(
                        "Only %(user)s enters their own scores.",
                        user=score.scorer_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        scores = super().create(vals_list)
        scores._check_can_score()
        return scores

    def write(self, vals):
        self._check_can_score()
        result = super().write(vals)
        self._check_can_score()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_scoring(self):
        self._check_can_score()
