import logging
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from .qt_issue import CAUSES, SEVERITIES

_logger = logging.getLogger(__name__)


def month_bounds(month_start):
    """The first day of ``month_start``'s month and of the next month."""
    start = month_start.replace(day=1)
    return start, start + relativedelta(months=1)


class QtSatisfactionAnalysis(models.Model):
    """The monthly satisfaction analysis (001/R-07, QT-11), generated, never typed.

    One per company and month, created by a monthly scheduled action from the
    feedback cards, the quality issues and the corrective actions of the month, with
    the previous month for the trend; the business department reads it and raises
    corrective or preventive actions from it.
    """

    _name = "qt.satisfaction.analysis"
    _description = "Monthly Satisfaction Analysis"
    _inherit = ["mail.thread"]
    _order = "date_month desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_month = fields.Date(
        string="Month", required=True, readonly=True, index=True, help="Its first day."
    )
    date_generated = fields.Datetime(string="Generated At", readonly=True)
    state = fields.Selection(
        [("draft", "To Review"), ("done", "Reviewed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    user_id = fields.Many2one("res.users", string="Reviewed By", readonly=True)
    summary = fields.Html(
        string="Analysis and Conclusions",
        help="The statistical analysis of the business department and its conclusions.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    card_issued_count = fields.Integer(string="Feedback Cards Issued", readonly=True)
    card_returned_count = fields.Integer(
        string="Feedback Cards Returned", readonly=True
    )
    card_return_rate = fields.Float(string="Return Rate (%)", readonly=True)
    card_rating_avg = fields.Float(string="Average Rating", readonly=True)
    card_issued_previous = fields.Integer(
        string="Feedback Cards Issued (previous month)", readonly=True
    )
    card_rating_avg_previous = fields.Float(
        string="Average Rating (previous month)", readonly=True
    )
    issue_count = fields.Integer(string="Quality Issues", readonly=True)
    issue_count_previous = fields.Integer(
        string="Quality Issues (previous month)", readonly=True
    )
    issue_trend = fields.Integer(
        readonly=True, help="This month's issues minus last's."
    )
    capa_opened_count = fields.Integer(string="Actions Opened", readonly=True)
    capa_closed_count = fields.Integer(string="Actions Closed", readonly=True)
    capa_opened_previous = fields.Integer(
        string="Actions Opened (previous month)", readonly=True
    )
    capa_closed_previous = fields.Integer(
        string="Actions Closed (previous month)", readonly=True
    )
    line_ids = fields.One2many(
        "qt.satisfaction.analysis.line", "analysis_id", string="Lines", readonly=True
    )
    capa_count = fields.Integer(compute="_compute_capa_count")

    _month_unique = models.UniqueIndex(
        "(company_id, date_month)", "There is one satisfaction analysis per month."
    )

    @api.depends("date_month")
    def _compute_name(self):
        for analysis in self:
            analysis.name = (
                analysis.date_month.strftime("%Y-%m") if analysis.date_month else "/"
            )

    def _compute_capa_count(self):
        counts = self.env["qt.capa"]._count_by_origin(self)
        for analysis in self:
            analysis.capa_count = counts.get(analysis.id, 0)

    # --- generation

    @api.model
    def _card_rating_field(self):
        """The numeric rating of the feedback cards, if a rating is installed
        (another part of the cycle adds it): read defensively."""
        fields_ = self.env["qt.feedback.card"]._fields
        names = ["rating", "rating_overall", "satisfaction_score", "score"]
        names += sorted(n for n in fields_ if n.startswith("rating_"))
        for name in names:
            field = fields_.get(name)
            if field and field.store and field.type in ("integer", "float"):
                return name
        return None

    @api.model
    def _figures(self, companies, date_from, date_to):
        """Counts of a period, per company, in a constant number of queries."""
        dt_from = datetime.combine(date_from, time.min)
        dt_to = datetime.combine(date_to, time.min)
        company_domain = [("company_id", "in", companies.ids)]
        Card = self.env["qt.feedback.card"].sudo()
        rating = self._card_rating_field()
        card_aggregates = ["__count"] + ([f"{rating}:avg"] if rating else [])
        card_domain = company_domain + [
            ("date_issued", ">=", date_from),
            ("date_issued", "<", date_to),
            ("state", "!=", "cancel"),
        ]
        cards = {}
        for row in Card._read_group(
            card_domain, ["company_id", "department_id", "state"], card_aggregates
        ):
            company, department, state, count = row[:4]
            avg = row[4] if rating else 0.0
            entry = cards.setdefault((company, department), [0, 0, 0.0, 0])
            entry[0] += count
            if state == "returned":
                entry[1] += count
                if avg:
                    entry[2] += avg * count
                    entry[3] += count
        Issue = self.env["qt.issue"].sudo()
        issue_domain = company_domain + [
            ("date_received", ">=", dt_from),
            ("date_received", "<", dt_to),
            ("state", "!=", "cancel"),
        ]
        issues = {
            key: dict(
                ((company, value), count)
                for company, value, count in Issue._read_group(
                    issue_domain, ["company_id", key], ["__count"]
                )
            )
            for key in ("department_id", "severity", "cause_kind")
        }
        Capa = self.env["qt.capa"].sudo()
        opened = dict(
            Capa._read_group(
                company_domain
                + [("date_raised", ">=", date_from), ("date_raised", "<", date_to)],
                ["company_id"],
                ["__count"],
            )
        )
        closed = dict(
            Capa._read_group(
                company_domain
                + [
                    ("state", "=", "closed"),
                    ("date_closed", ">=", dt_from),
                    ("date_closed", "<", dt_to),
                ],
                ["company_id"],
                ["__count"],
            )
        )
        return {
            "cards": cards,
            "issues": issues,
            "capa_opened": opened,
            "capa_closed": closed,
        }

    @api.model
    def _company_totals(self, figures, company):
        issued = returned = rated = 0
        rating_sum = 0.0
        for (card_company, _department), entry in figures["cards"].items():
            if card_company == company:
                issued += entry[0]
                returned += entry[1]
                rating_sum += entry[2]
                rated += entry[3]
        issue_count = sum(
            count
            for (issue_company, _severity), count in figures["issues"][
                "severity"
            ].items()
            if issue_company == company
        )
        return {
            "card_issued": issued,
            "card_returned": returned,
            "card_rating": rated and rating_sum / rated,
            "issues": issue_count,
            "capa_opened": figures["capa_opened"].get(company, 0),
            "capa_closed": figures["capa_closed"].get(company, 0),
        }

    @api.model
    def _prepare_lines(self, current, previous, company):
        lines = []
        departments = {
            department
            for (card_company, department) in current["cards"]
            if card_company == company
        } | {
            department
            for (issue_company, department) in current["issues"]["department_id"]
            if issue_company == company
        }
        for department in sorted(departments, key=lambda d: d.name or ""):
            issued, returned, rating_sum, rated = current["cards"].get(
                (company, department), [0, 0, 0.0, 0]
            )
            count = current["issues"]["department_id"].get((company, department), 0)
            before = previous["issues"]["department_id"].get((company, department), 0)
            lines.append(
                {
                    "line_type": "department",
                    "department_id": department.id,
                    "card_issued_count": issued,
                    "card_returned_count": returned,
                    "rating_avg": rated and rating_sum / rated,
                    "issue_count": count,
                    "issue_count_previous": before,
                    "issue_trend": count - before,
                }
            )
        for value, _label in SEVERITIES:
            count = current["issues"]["severity"].get((company, value), 0)
            before = previous["issues"]["severity"].get((company, value), 0)
            lines.append(
                {
                    "line_type": "severity",
                    "severity": value,
                    "issue_count": count,
                    "issue_count_previous": before,
                    "issue_trend": count - before,
                }
            )
        causes = {
            cause
            for (issue_company, cause) in current["issues"]["cause_kind"]
            if issue_company == company
        } | {
            cause
            for (issue_company, cause) in previous["issues"]["cause_kind"]
            if issue_company == company
        }
        for cause in sorted(causes, key=lambda c: c or ""):
            count = current["issues"]["cause_kind"].get((company, cause), 0)
            before = previous["issues"]["cause_kind"].get((company, cause), 0)
            lines.append(
                {
                    "line_type": "cause",
                    "cause_kind": cause or False,
                    "issue_count": count,
                    "issue_count_previous": before,
                    "issue_trend": count - before,
                }
            )
        return lines

    @api.model
    def _prepare_vals(self, current, previous, company):
        now = self._company_totals(current, company)
        before = self._company_totals(previous, company)
        return {
            "date_generated": fields.Datetime.now(),
            "card_issued_count": now["card_issued"],
            "card_returned_count": now["card_returned"],
            "card_return_rate": now["card_issued"]
            and 100.0 * now["card_returned"] / now["card_issued"],
            "card_rating_avg": now["card_rating"],
            "card_issued_previous": before["card_issued"],
            "card_rating_avg_previous": before["card_rating"],
            "issue_count": now["issues"],
            "issue_count_previous": before["issues"],
            "issue_trend": now["issues"] - before["issues"],
            "capa_opened_count": now["capa_opened"],
            "capa_closed_count": now["capa_closed"],
            "capa_opened_previous": before["capa_opened"],
            "capa_closed_previous": before["capa_closed"],
            "line_ids": [Command.clear()]
            + [
                Command.create(line)
                for line in self._prepare_lines(current, previous, company)
            ],
        }

    @api.model
    def _generate(self, companies, month):
        """The analyses of ``month`` for ``companies``: created when missing,
        regenerated when still to review; reviewed ones are left as they are."""
        date_from, date_to = month_bounds(month)
        current = self._figures(companies, date_from, date_to)
        previous = self._figures(
            companies, date_from - relativedelta(months=1), date_from
        )
        existing = {
            analysis.company_id: analysis
            for analysis in self.sudo().search(
                [("company_id", "in", companies.ids), ("date_month", "=", date_from)]
            )
        }
        result = self.browse()
        for company in companies:
            analysis = existing.get(company)
            if analysis and analysis.state == "done":
                result |= analysis
                continue
            vals = self._prepare_vals(current, previous, company)
            if analysis:
                analysis.write(vals)
            else:
                analysis = self.sudo().create(
                    dict(vals, company_id=company.id, date_month=date_from)
                )
            result |= analysis
        return result

    @api.model
    def _cron_generate(self):
        """Monthly: the analysis of the month just ended, once per company."""
        month = fields.Date.context_today(self) - relativedelta(months=1)
        date_from = month.replace(day=1)
        done = self.sudo().search([("date_month", "=", date_from)]).company_id
        for company in self.env["res.company"].sudo().search([]) - done:
            try:
                with self.env.cr.savepoint():
                    self._generate(company, date_from)
            except Exception:
                _logger.exception(
                    "Satisfaction analysis of %s for %s failed", company.name, month
                )

    # --- actions

    def action_refresh(self):
        """Regenerate the figures from the current data."""
        for analysis in self:
            if analysis.state == "done":
                raise UserError(
                    self.env._(
                        "%(analysis)s is reviewed: reset it to review before "
                        "regenerating it.",
                        analysis=analysis.display_name,
                    )
                )
            self._generate(analysis.company_id, analysis.date_month)
        return True

    def action_done(self):
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(self.env._("Only an analysis to review can be reviewed."))
        self.write({"state": "done", "user_id": self.env.user.id})
        return True

    def action_reset(self):
        if self.filtered(lambda a: a.state != "done"):
            raise UserError(self.env._("Only a reviewed analysis can be reset."))
        self.write({"state": "draft"})
        return True

    def action_new_capa(self):
        """001/R-07: the analysis produces corrective or preventive actions."""
        self.ensure_one()
        return self.env["qt.capa"]._action_raise_from(
            self,
            "satisfaction_analysis",
            title=self.env._("Satisfaction analysis %(month)s", month=self.name),
            capa_type="preventive",
        )

    def action_view_capas(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_capa_action"
        )
        action["domain"] = [("origin_ref", "=", f"{self._name},{self.id}")]
        action["context"] = {
            "default_origin_kind": "satisfaction_analysis",
            "default_origin_ref": f"{self._name},{self.id}",
        }
        return action

    def action_view_issues(self):
        self.ensure_one()
        date_from, date_to = month_bounds(self.date_month)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_issue_action"
        )
        action["domain"] = [
            ("company_id", "=", self.company_id.id),
            ("date_received", ">=", fields.Datetime.to_string(date_from)),
            ("date_received", "<", fields.Datetime.to_string(date_to)),
        ]
        action["context"] = {}
        return action


class QtSatisfactionAnalysisLine(models.Model):
    """A line of the monthly analysis: a department, a severity or a cause."""

    _name = "qt.satisfaction.analysis.line"
    _description = "Monthly Satisfaction Analysis Line"
    _order = "analysis_id, line_type, id"

    analysis_id = fields.Many2one(
        "qt.satisfaction.analysis", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="analysis_id.company_id", store=True)
    date_month = fields.Date(related="analysis_id.date_month", store=True)
    line_type = fields.Selection(
        [("department", "Department"), ("severity", "Severity"), ("cause", "Cause")],
        string="Breakdown",
        required=True,
    )
    department_id = fields.Many2one("hr.department")
    severity = fields.Selection(SEVERITIES)
    cause_kind = fields.Selection(CAUSES, string="Cause")
    card_issued_count = fields.Integer(string="Cards Issued")
    card_returned_count = fields.Integer(string="Cards Returned")
    rating_avg = fields.Float(string="Average Rating", aggregator="avg")
    issue_count = fields.Integer(string="Issues")
    issue_count_previous = fields.Integer(string="Issues (previous month)")
    issue_trend = fields.Integer(string="Trend")
