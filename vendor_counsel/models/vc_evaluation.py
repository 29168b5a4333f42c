import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command, Domain

_logger = logging.getLogger(__name__)

OUTCOMES = [
    ("renew", "Renewal Proposed"),
    ("keep", "Satisfactory"),
    ("warn", "Warning"),
    ("dismiss", "Dismissal Proposed"),
]


class VcEvaluation(models.Model):
    """An evaluation of a firm or lawyer: scheduled or at an engagement's end
    (000/E-VC-9, C-VC-5)."""

    _name = "vc.evaluation"
    _description = "Outside Counsel Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    engagement_id = fields.Many2one(
        "vc.engagement", index=True, tracking=True, check_company=True
    )
    firm_id = fields.Many2one(
        "res.partner",
        string="Law Firm",
        required=True,
        index=True,
        domain=[("vc_is_law_firm", "=", True)],
        tracking=True,
    )
    lawyer_id = fields.Many2one(
        "res.partner",
        domain="[('vc_is_lawyer', '=', True), ('parent_id', '=', firm_id)]",
        tracking=True,
        help="Evaluate one lawyer of the firm; leave empty to evaluate the firm.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    score = fields.Float(
        compute="_compute_score",
        store=True,
        readonly=True,
        aggregator="avg",
        help="Average of the submitted scorecards' weighted scores.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("scoring", "Scoring"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    # --- vc_evaluations
    kind = fields.Selection(
        [
            ("periodic", "Periodic"),
            ("engagement_end", "Engagement End"),
            ("renewal", "Before Renewal"),
        ],
        required=True,
        default="periodic",
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Using Unit",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="The unit that used the counsel gives its opinion (000/E-VC-9, "
        "D13 第四条(四)).",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Organiser (Legal)",
        default=lambda self: self.env.user,
        tracking=True,
    )
    period_key = fields.Char(
        readonly=True,
        copy=False,
        help="Set by the scheduled action: one evaluation per engagement and period.",
    )
    evaluator_ids = fields.One2many(
        "vc.evaluation.evaluator", "evaluation_id", string="Scorecards", copy=False
    )
    evaluator_count = fields.Integer(compute="_compute_evaluator_counts")
    submitted_count = fields.Integer(
        string="Scorecards Received", compute="_compute_evaluator_counts"
    )
    score_max = fields.Integer(
        string="Maximum Score",
        default=lambda self: self.env.company.vc_eval_score_max,
        readonly=True,
    )
    outcome = fields.Selection(OUTCOMES, readonly=True, copy=False, tracking=True)
    fee_reduction_proposed = fields.Boolean(
        readonly=True,
        copy=False,
        tracking=True,
        help="The score is below the warning threshold: the company may reduce the "
        "fees as the contract's fee-reduction clause allows (000/E-VC-9, D2 第十二条).",
    )
    conclusion = fields.Html(help="The legal department's conclusion.")
    filing_id = fields.Many2one(
        "vc.filing", string="Evaluation Filing", readonly=True, copy=False
    )
    can_start_scoring = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    _period_unique = models.UniqueIndex(
        "(engagement_id, period_key) "
        "WHERE period_key IS NOT NULL AND state != 'cancel'",
        "This engagement already has an evaluation for this period.",
    )

    @api.depends("engagement_id")
    def _compute_department_id(self):
        for evaluation in self:
            if evaluation.engagement_id:
                evaluation.department_id = evaluation.engagement_id.department_id

    @api.onchange("engagement_id")
    def _onchange_engagement_id(self):
        if self.engagement_id:
            self.firm_id = self.engagement_id.firm_id

    @api.depends("evaluator_ids.state")
    def _compute_evaluator_counts(self):
        for evaluation in self:
            cards = evaluation.evaluator_ids
            evaluation.evaluator_count = len(cards)
            evaluation.submitted_count = len(
                cards.filtered(lambda c: c.state == "submitted")
            )

    @api.depends("evaluator_ids.state", "evaluator_ids.score")
    def _compute_score(self):
        """Average over the submitted scorecards, one grouped query for the set."""
        stored = self.filtered("id")
        averages = {}
        if stored.ids:
            averages = {
                evaluation.id: avg
                for evaluation, avg in self.env["vc.evaluation.evaluator"]._read_group(
                    [("evaluation_id", "in", stored.ids), ("state", "=", "submitted")],
                    ["evaluation_id"],
                    ["score:avg"],
                )
            }
        for evaluation in self:
            if evaluation.id:
                evaluation.score = averages.get(evaluation.id, 0.0)
            else:
                cards = evaluation.evaluator_ids.filtered(
                    lambda c: c.state == "submitted"
                )
                evaluation.score = (
                    sum(cards.mapped("score")) / len(cards) if cards else 0.0
                )

    @api.depends("state", "evaluator_ids.state")
    @api.depends_context("uid")
    def _compute_can(self):
        is_legal = self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal")
        for evaluation in self:
            state = evaluation.state
            evaluation.can_start_scoring = is_legal and state == "draft"
            evaluation.can_close = is_legal and state == "scoring"
            evaluation.can_cancel = is_legal and state in ("draft", "scoring")
            evaluation.can_reset = is_legal and state == "cancel"

    @api.constrains("firm_id", "lawyer_id")
    def _check_lawyer_of_firm(self):
        for evaluation in self:
            lawyer = evaluation.lawyer_id
            if lawyer and lawyer.commercial_partner_id != evaluation.firm_id:
                raise ValidationError(
                    self.env._(
                        "%(lawyer)s is not a lawyer of %(firm)s.",
                        lawyer=lawyer.display_name,
                        firm=evaluation.firm_id.display_name,
                    )
                )

    @api.constrains("engagement_id", "firm_id")
    def _check_engagement_firm(self):
        for evaluation in self:
            engagement = evaluation.engagement_id
            if engagement and engagement.firm_id != evaluation.firm_id:
                raise ValidationError(
                    self.env._(
                        "The evaluated firm must be the firm of engagement "
                        "%(engagement)s.",
                        engagement=engagement.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("engagement_id") and not vals.get("firm_id"):
                engagement = self.env["vc.engagement"].browse(vals["engagement_id"])
                vals["firm_id"] = engagement.firm_id.id
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("vc.evaluation")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(evaluation.state == "done" for evaluation in self):
            raise UserError(self.env._("A done evaluation cannot be deleted."))

    # ------------------------------------------------------------------ actions
    def _check_legal(self):
        if not self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal"):
            raise AccessError(
                self.env._("Only the legal department organises evaluations.")
            )

    def action_start_scoring(self):
        """Invite the evaluators: each gets a scorecard of the active criteria and
        one activity."""
        self._check_legal()
        self._check_state(["draft"], self.env._("start the scoring"))
        criteria = self.env["vc.evaluation.criterion"].search([])
        if not criteria:
            raise UserError(
                self.env._("Configure at least one evaluation criterion first.")
            )
        for evaluation in self:
            if not evaluation.evaluator_ids:
                self._raise_missing(
                    evaluation, self.env._("invite at least one evaluator.")
                )
        max_score = self.env.company.vc_eval_score_max
        for evaluation in self:
            for card in evaluation.evaluator_ids:
                existing = card.line_ids.criterion_id
                card.line_ids = [
                    Command.create({"criterion_id": criterion.id})
                    for criterion in criteria - existing
                ]
            evaluation.write({"state": "scoring", "score_max": max_score})
            evaluation.evaluator_ids._schedule_scoring_activity()
        return True

    def action_close(self):
        """Close with the scorecards received: all of them, or at least the minimum
        number of evaluators the settings require; then set the outcome."""
        self._check_legal()
        self._check_state(["scoring"], self.env._("close"))
        for evaluation in self:
            cards = evaluation.evaluator_ids
            submitted = cards.filtered(lambda c: c.state == "submitted")
            minimum = evaluation.company_id.vc_eval_min_evaluators
            if not submitted or (
                len(submitted) < len(cards) and len(submitted) < minimum
            ):
                raise UserError(
                    self.env._(
                        "%(evaluation)s: %(received)s of %(invited)s scorecards "
                        "received; at least %(minimum)s are needed to close before "
                        "every evaluator has scored.",
                        evaluation=evaluation.display_name,
                        received=len(submitted),
                        invited=len(cards),
                        minimum=minimum,
                    )
                )
        for evaluation in self:
            pending = evaluation.evaluator_ids.filtered(lambda c: c.state == "pending")
            pending.write({"state": "skipped"})
            pending.activity_unlink(
                ["vendor_counsel.mail_activity_vc_evaluation_score"]
            )
            evaluation._apply_outcome()
        return True

    def _outcome_for(self, score):
        company = self.company_id
        if score < company.vc_eval_block_threshold:
            return "dismiss"
        if score < company.vc_eval_warn_threshold:
            return "warn"
        if score >= company.vc_eval_renew_threshold:
            return "renew"
        return "keep"

    def _apply_outcome(self):
        self.ensure_one()
        outcome = self._outcome_for(self.score)
        self.write(
            {
                "state": "done",
                "outcome": outcome,
                "fee_reduction_proposed": bool(self.engagement_id)
                and outcome in ("warn", "dismiss"),
            }
        )
        if self.company_id.vc_eval_create_filing and self.engagement_id:
            self.filing_id = self.env["vc.filing"].create(
                {"engagement_id": self.engagement_id.id, "filing_type": "evaluation"}
            )
        label = dict(self._fields["outcome"]._description_selection(self.env))
        self.message_post(
            body=self.env._(
                "Evaluation closed with %(score).2f: %(outcome)s.",
                score=self.score,
                outcome=label[outcome],
            )
        )

    def action_cancel(self):
        self._check_legal()
        self._check_state(["draft", "scoring"], self.env._("cancel"))
        self.evaluator_ids.activity_unlink(
            ["vendor_counsel.mail_activity_vc_evaluation_score"]
        )
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_legal()
        self._check_state(["cancel"], self.env._("reset to draft"))
        self.evaluator_ids.write({"state": "pending"})
        self.write({"state": "draft"})
        return True

    def action_view_scorecards(self):
        self.ensure_one()
        name = self.env._("Scorecards")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "vc.evaluation.evaluator",
            "view_mode": "list,form",
            "domain": [("evaluation_id", "=", self.id)],
            "context": {"default_evaluation_id": self.id},
        }

    @api.model
    def _vc_last_done(self, partner_ids, on_date=None, firm_level=False):
        """``{partner_id: evaluation}``: the last done evaluation of each firm (its
        firm-level ones when ``firm_level``) or else of each lawyer, in one query.

        Read as superuser: a firm's standing is a fact every flow that engages it
        must see, whatever evaluations the current user may open."""
        if not partner_ids:
            return {}
        field = "firm_id" if firm_level else "lawyer_id"
        domain = Domain("state", "=", "done") & Domain(field, "in", partner_ids)
        if firm_level:
            domain &= Domain("lawyer_id", "=", False)
        if on_date:
            domain &= Domain("date", "<=", on_date)
        last = {}
        for evaluation in self.sudo().search(domain, order="date desc, id desc"):
            last.setdefault(evaluation[field].id, evaluation)
        return last

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_create_evaluations(self):
        """000/C-VC-5, C-VC-2: evaluations that fall due — periodic, before a retained
        term ends, at an engagement's end — are created once per period."""
        today = fields.Date.context_today(self)
        vals_list = self._prepare_due_evaluations(today)
        created = self.browse()
        try:
            with self.env.cr.savepoint():
                created = self.create(vals_list)
        except Exception:  # noqa: BLE001 - one bad engagement must not stop the run
            _logger.exception("Counsel evaluations: batch failed, creating one by one")
            for vals in vals_list:
                try:
                    with self.env.cr.savepoint():
                        created |= self.create([vals])
                except Exception:  # noqa: BLE001
                    _logger.exception(
                        "Counsel evaluation for engagement %s skipped",
                        vals.get("engagement_id"),
                    )
        created._schedule_organise_activity()
        return created

    def _get_due_engagement_domain(self):
        return Domain("state", "in", ("active", "expired", "terminated"))

    @api.model
    def _prepare_due_evaluations(self, today):
        """Values of the evaluations due on ``today``: three grouped queries for any
        number of engagements."""
        engagements = self.env["vc.engagement"].search(
            self._get_due_engagement_domain()
        )
        if not engagements:
            return []
        last = {}
        for engagement, kind, date_max in self._read_group(
            [("engagement_id", "in", engagements.ids), ("state", "!=", "cancel")],
            ["engagement_id", "kind"],
            ["date:max"],
        ):
            last[engagement.id, kind] = date_max
        vals_list = []
        for engagement in engagements:
            company = engagement.company_id
            months = company.vc_eval_interval_months
            days = company.vc_eval_renewal_days
            dates = [d for (eid, _k), d in last.items() if eid == engagement.id]
            last_any = max(dates) if dates else None
            kind = None
            if engagement.state == "active":
                term_end = engagement.date_end
                last_renewal = last.get((engagement.id, "renewal"))
                if (
                    engagement.engagement_type == "retained"
                    and term_end
                    and today <= term_end <= today + relativedelta(days=days)
                    and not (
                        last_renewal
                        and last_renewal >= term_end - relativedelta(days=days)
                    )
                ):
                    kind, key = "renewal", f"renewal:{term_end}"
                else:
                    since = last_any or engagement.date_start or engagement.date_signed
                    if since and since <= today - relativedelta(months=months):
                        kind, key = "periodic", f"periodic:{today:%Y-%m}"
            elif not last.get((engagement.id, "engagement_end")):
                end = engagement.date_end or today
                last_renewal = last.get((engagement.id, "renewal"))
                if not (
                    last_renewal and last_renewal >= end - relativedelta(days=days)
                ):
                    kind, key = "engagement_end", "engagement_end"
            if kind:
                vals_list.append(
                    {
                        "kind": kind,
                        "period_key": key,
                        "engagement_id": engagement.id,
                        "firm_id": engagement.firm_id.id,
                        "company_id": company.id,
                        "date": today,
                        "user_id": engagement.user_id.id,
                    }
                )
        return vals_list

    def _schedule_organise_activity(self):
        for evaluation in self:
            if evaluation.user_id:
                evaluation.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=evaluation.user_id.id,
                    summary=self.env._("Invite the evaluators"),
                )


class VcEvaluationEvaluator(models.Model):
    """One evaluator's scorecard: the using unit's opinion (000/E-VC-9, D13
    第四条(四))."""

    _name = "vc.evaluation.evaluator"
    _description = "Counsel Evaluation Scorecard"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "evaluation_id, id"
    _rec_name = "user_id"

    evaluation_id = fields.Many2one(
        "vc.evaluation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    firm_id = fields.Many2one(related="evaluation_id.firm_id")
    evaluation_state = fields.Selection(
        related="evaluation_id.state", string="Evaluation Status"
    )
    user_id = fields.Many2one(
        "res.users", string="Evaluator", required=True, index=True
    )
    department_id = fields.Many2one("hr.department", string="Unit")
    line_ids = fields.One2many("vc.evaluation.line", "evaluator_id", string="Scores")
    score = fields.Float(
        compute="_compute_score", store=True, help="Weighted score of this scorecard."
    )
    comment = fields.Text(string="Opinion")
    state = fields.Selection(
        [("pending", "To Score"), ("submitted", "Submitted"), ("skipped", "Skipped")],
        default="pending",
        required=True,
        readonly=True,
        copy=False,
    )
    date_submitted = fields.Datetime(readonly=True, copy=False)
    can_submit = fields.Boolean(compute="_compute_can_submit")

    _evaluator_unique = models.Constraint(
        "UNIQUE (evaluation_id, user_id)",
        "An evaluator has one scorecard per evaluation.",
    )

    @api.depends("line_ids.score", "line_ids.weight")
    def _compute_score(self):
        """Weighted average of the lines, one grouped query for the set."""
        stored = self.filtered("id")
        sums = {}
        if stored.ids:
            sums = {
                card.id: (weighted, weight)
                for card, weighted, weight in self.env[
                    "vc.evaluation.line"
                ]._read_group(
                    [("evaluator_id", "in", stored.ids)],
                    ["evaluator_id"],
                    ["weighted_score:sum", "weight:sum"],
                )
            }
        for card in self:
            if card.id:
                weighted, weight = sums.get(card.id, (0.0, 0.0))
            else:
                weighted = sum(card.line_ids.mapped("weighted_score"))
                weight = sum(card.line_ids.mapped("weight"))
            card.score = weighted / weight if weight else 0.0

    @api.depends("state", "user_id", "evaluation_id.state")
    @api.depends_context("uid")
    def _compute_can_submit(self):
        for card in self:
            card.can_submit = (
                card.state == "pending"
                and card.evaluation_id.state == "scoring"
                and card.user_id == self.env.user
            )

    def _schedule_scoring_activity(self):
        for card in self.filtered(lambda c: c.state == "pending"):
            card.activity_schedule(
                "vendor_counsel.mail_activity_vc_evaluation_score",
                user_id=card.user_id.id,
                summary=self.env._(
                    "Score %(firm)s", firm=card.evaluation_id.firm_id.display_name
                ),
            )

    def action_submit(self):
        """The evaluator hands in their own scorecard, every criterion scored."""
        for card in self:
            if card.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(user)s can submit this scorecard.",
                        user=card.user_id.name,
                    )
                )
            if card.state != "pending" or card.evaluation_id.state != "scoring":
                raise UserError(
                    self.env._("This scorecard can no longer be submitted.")
                )
            if not card.line_ids:
                raise UserError(self.env._("This scorecard has no criteria to score."))
        self.write({"state": "submitted", "date_submitted": fields.Datetime.now()})
        self.activity_feedback(["vendor_counsel.mail_activity_vc_evaluation_score"])
        complete = self.evaluation_id.filtered(
            lambda e: all(c.state == "submitted" for c in e.evaluator_ids)
        )
        for evaluation in complete:
            # the organiser is told the last scorecard arrived; the activity sits
            # on the organiser's record, which the evaluator may not write to
            evaluation.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=evaluation.user_id.id or self.env.uid,
                summary=self.env._("All scorecards received: close the evaluation"),
            )
        return True


class VcEvaluationLine(models.Model):
    """A criterion's score on a scorecard."""

    _name = "vc.evaluation.line"
    _description = "Counsel Evaluation Score"
    _order = "evaluator_id, sequence, id"

    evaluator_id = fields.Many2one(
        "vc.evaluation.evaluator", required=True, ondelete="cascade", index=True
    )
    evaluation_id = fields.Many2one(
        related="evaluator_id.evaluation_id", store=True, index=True
    )
    company_id = fields.Many2one(related="evaluator_id.company_id", store=True)
    criterion_id = fields.Many2one(
        "vc.evaluation.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    weight = fields.Float(
        compute="_compute_weight", store=True, readonly=True, precompute=True
    )
    score = fields.Float()
    weighted_score = fields.Float(compute="_compute_weighted_score", store=True)

    _criterion_unique = models.Constraint(
        "UNIQUE (evaluator_id, criterion_id)",
        "A criterion is scored once per scorecard.",
    )

    @api.depends("criterion_id")
    def _compute_weight(self):
        """The criterion's weight when scored: later changes keep past scores."""
        for line in self:
            line.weight = line.criterion_id.weight

    @api.depends("score", "weight")
    def _compute_weighted_score(self):
        for line in self:
            line.weighted_score = line.score * line.weight

    @api.constrains("score")
    def _check_score_range(self):
        for line in self:
            maximum = line.evaluation_id.score_max or line.company_id.vc_eval_score_max
            if not 0 <= line.score <= maximum:
                raise ValidationError(
                    self.env._(
                        "A score must be between 0 and %(max)s (%(criterion)s: "
                        "%(score)s).",
                        max=maximum,
                        criterion=line.criterion_id.name,
                        score=line.score,
                    )
                )

    def write(self, vals):
        if "score" in vals and any(
            line.evaluator_id.state != "pending"
            or line.evaluation_id.state != "scoring"
            for line in self
        ):
            raise UserError(
                self.env._("Scores can only change on a scorecard still to score.")
            )
        return super().write(vals)
