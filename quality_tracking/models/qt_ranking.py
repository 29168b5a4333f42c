import logging
import math

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .qt_spot_check import month_bounds, month_start

_logger = logging.getLogger(__name__)

LABELS = [
    ("benchmark", "Benchmark"),
    ("advanced", "Advanced"),
    ("normal", "Normal"),
    ("laggard", "Laggard"),
]


class QtRanking(models.Model):
    """每月总结评比: the monthly ranking of the supervised units (004/QT-4, 004/R3-2).

    Generated from the month's done spot checks (average score per unit), labelled
    benchmark / advanced / laggard by the company's settings; confirming it drafts
    the rewards of the benchmarks and the penalties of the laggards (004/QT-5).
    """

    _name = "qt.ranking"
    _description = "Monthly Service Ranking"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_month desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    date_month = fields.Date(
        string="Month",
        required=True,
        default=lambda self: month_start(fields.Date.context_today(self)),
        tracking=True,
        index=True,
        help="Any day of the month; stored as its first day.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    line_ids = fields.One2many("qt.ranking.line", "ranking_id", string="Units")
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_confirmed = fields.Date(string="Confirmed On", readonly=True, copy=False)
    note = fields.Html()
    reward_penalty_count = fields.Integer(compute="_compute_reward_penalty_count")
    can_generate = fields.Boolean(compute="_compute_can")
    can_confirm = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _month_unique = models.UniqueIndex(
        "(company_id, date_month) WHERE state <> 'cancel'",
        "A company has one ranking per month.",
    )

    @api.depends("date_month")
    def _compute_name(self):
        for ranking in self:
            ranking.name = self.env._(
                "Service Ranking %(month)s",
                month=ranking.date_month.strftime("%Y-%m")
                if ranking.date_month
                else "",
            )

    def _compute_reward_penalty_count(self):
        refs = [f"{self._name},{ranking.id}" for ranking in self]
        counts = dict(
            self.env["qt.reward.penalty"]._read_group(
                [("source_ref", "in", refs)], ["source_ref"], ["__count"]
            )
        )
        for ranking in self:
            ranking.reward_penalty_count = counts.get(f"{self._name},{ranking.id}", 0)

    @api.depends("state")
    def _compute_can(self):
        for ranking in self:
            ranking.can_generate = ranking.state == "draft"
            ranking.can_confirm = ranking.state == "draft" and bool(ranking.line_ids)
            ranking.can_cancel = ranking.state == "draft"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_month"):
                vals["date_month"] = month_start(
                    fields.Date.to_date(vals["date_month"])
                )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("date_month"):
            vals["date_month"] = month_start(fields.Date.to_date(vals["date_month"]))
        return super().write(vals)

    # --- generation

    @api.model
    def _label(self, rank, rank_from_bottom, count, company):
        """004/R3-2: the label of a unit ranked ``rank`` (1 = best) and
        ``rank_from_bottom`` (1 = worst) among ``count`` units."""
        benchmarks = company.qt_ranking_benchmark_count
        advanced = math.ceil(
            round(count * company.qt_ranking_advanced_percent / 100, 6)
        )
        laggards = math.ceil(round(count * company.qt_ranking_laggard_percent / 100, 6))
        if rank <= benchmarks:
            return "benchmark"
        if rank <= advanced:
            return "advanced"
        if rank_from_bottom <= laggards:
            return "laggard"
        return "normal"

    def _get_check_domain(self):
        self.ensure_one()
        first, after = month_bounds(self.date_month)
        return [
            ("company_id", "=", self.company_id.id),
            ("kind", "=", "spot"),
            ("state", "in", ("done", "rectified")),
            ("date", ">=", first),
            ("date", "<", after),
        ]

    def _prepare_line_vals(self):
        """The lines of the ranking: one _read_group over the month's checks."""
        self.ensure_one()
        groups = self.env["qt.spot.check"]._read_group(
            self._get_check_domain(), ["unit_id"], ["score_avg:avg", "__count"]
        )
        scores = [round(score or 0.0, 2) for _unit, score, _count in groups]
        count = len(groups)
        vals_list = []
        for unit, score, checks in groups:
            score = round(score or 0.0, 2)
            rank = 1 + sum(1 for other in scores if other > score)
            rank_from_bottom = 1 + sum(1 for other in scores if other < score)
            vals_list.append(
                {
                    "ranking_id": self.id,
                    "unit_id": unit.id,
                    "check_count": checks,
                    "score_avg": score,
                    "rank": rank,
                    "label": self._label(
                        rank, rank_from_bottom, count, self.company_id
                    ),
                }
            )
        return vals_list

    def action_generate(self):
        """(Re)compute the lines from the month's done spot checks."""
        self.check_access("write")
        self._check_state(("draft",), self.env._("Generating"))
        self.line_ids.unlink()
        self.env["qt.ranking.line"].create(
            [vals for ranking in self for vals in ranking._prepare_line_vals()]
        )
        return True

    # --- state machine

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(records)s in state %(state)s.",
                    action=action,
                    records=", ".join(wrong.mapped("display_name")),
                    state=labels[wrong[0].state],
                )
            )

    def _check_can_confirm(self):
        user = self.env.user
        is_manager = user.has_group("quality_tracking.group_quality_tracking_manager")
        for ranking in self:
            if not ranking.line_ids:
                raise UserError(
                    self.env._(
                        "%(ranking)s has no units: generate it from the month's "
                        "spot checks first.",
                        ranking=ranking.name,
                    )
                )
            coordinators = (
                self.env["qt.supervision.group"]
                .search([("company_id", "=", ranking.company_id.id)])
                .coordinator_id
            )
            if not is_manager and user not in coordinators:
                raise UserError(
                    self.env._(
                        "Only the supervision group's general coordinator or the "
                        "quality manager confirms the monthly ranking."
                    )
                )

    def action_confirm(self):
        """Confirm the ranking; draft the rewards and penalties (004/QT-4, QT-5)."""
        self._check_state(("draft",), self.env._("Confirming"))
        self._check_can_confirm()
        self.write(
            {
                "state": "confirmed",
                "confirmed_by_id": self.env.user.id,
                "date_confirmed": fields.Date.context_today(self),
            }
        )
        self._create_rewards_penalties()
        return True

    def _create_rewards_penalties(self):
        vals_list = []
        for ranking in self:
            company = ranking.company_id
            rules = {
                "benchmark": ("reward", company.qt_ranking_reward_rule_id),
                "laggard": ("penalty", company.qt_ranking_penalty_rule_id),
            }
            for line in ranking.line_ids:
                if line.label not in rules or not line.unit_id.head_id:
                    continue
                kind, rule = rules[line.label]
                vals_list.append(
                    {
                        "user_id": line.unit_id.head_id.id,
                        "department_id": line.unit_id.department_id.id,
                        "role_in_case": "unit_head",
                        "kind": kind,
                        "rule_id": rule.id,
                        "date": ranking.date_confirmed,
                        "company_id": company.id,
                        "source_ref": f"{ranking._name},{ranking.id}",
                        "description": self.env._(
                            "%(ranking)s: %(unit)s ranked %(rank)s (%(label)s).",
                            ranking=ranking.name,
                            unit=line.unit_id.display_name,
                            rank=line.rank,
                            label=dict(
                                line._fields["label"]._description_selection(self.env)
                            )[line.label],
                        ),
                    }
                )
        return self.env["qt.reward.penalty"].create(vals_list)

    def action_cancel(self):
        self._check_state(("draft",), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_view_rewards_penalties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_reward_penalty_action"
        )
        action["domain"] = [("source_ref", "=", f"{self._name},{self.id}")]
        return action

    # --- cron

    @api.model
    def _cron_generate(self):
        """004/R3-2: each company gets the ranking of the past month, once."""
        month = month_start(fields.Date.context_today(self)) - relativedelta(months=1)
        done = {
            company.id
            for [company] in self._read_group(
                [("date_month", "=", month), ("state", "!=", "cancel")],
                ["company_id"],
            )
        }
        created = self.browse()
        for company in self.env["res.company"].search([("id", "not in", list(done))]):
            try:
                with self.env.cr.savepoint():
                    ranking = self.create(
                        {"date_month": month, "company_id": company.id}
                    )
                    ranking.action_generate()
                created |= ranking
            except Exception:
                _logger.exception("Could not rank the units of company %s", company.id)
        return created


class QtRankingLine(models.Model):
    """One unit's place in the monthly ranking."""

    _name = "qt.ranking.line"
    _description = "Monthly Service Ranking Line"
    _order = "ranking_id, rank, id"

    ranking_id = fields.Many2one(
        "qt.ranking", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="ranking_id.company_id", store=True)
    date_month = fields.Date(related="ranking_id.date_month", store=True)
    unit_id = fields.Many2one(
        "qt.supervised.unit", string="Supervised Unit", required=True, index=True
    )
    department_id = fields.Many2one(related="unit_id.department_id", store=True)
    check_count = fields.Integer(string="Spot Checks")
    score_avg = fields.Float(string="Average Score", digits=(16, 2), aggregator="avg")
    rank = fields.Integer(aggregator=None)
    label = fields.Selection(LABELS, required=True, default="normal")
