import logging

from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from .qt_spot_check import month_bounds, month_start

_logger = logging.getLogger(__name__)


class QtBulletin(models.Model):
    """服务质量情况通报: the monthly service-quality bulletin (001/QT-19, 001/R-64).

    Counts the month's supervision orders, spot checks, ranking and quality issues
    (each with one _read_group) and is published to its followers (办公网).
    """

    _name = "qt.bulletin"
    _description = "Monthly Service-Quality Bulletin"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_month desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    date_month = fields.Date(
        string="Month",
        required=True,
        default=lambda self: month_start(fields.Date.context_today(self)),
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    order_count = fields.Integer(string="Orders Issued", readonly=True)
    order_major_count = fields.Integer(string="Major Problems", readonly=True)
    order_open_count = fields.Integer(
        string="Orders Under Rectification", readonly=True
    )
    order_closed_count = fields.Integer(string="Orders Closed", readonly=True)
    check_count = fields.Integer(string="Spot Checks Done", readonly=True)
    unit_checked_count = fields.Integer(string="Units Checked", readonly=True)
    unit_count = fields.Integer(string="Active Units", readonly=True)
    coverage = fields.Float(
        string="Spot Check Coverage (%)", readonly=True, digits=(16, 1)
    )
    score_avg = fields.Float(string="Average Score", readonly=True, digits=(16, 2))
    issue_count = fields.Integer(string="Quality Issues", readonly=True)
    ranking_id = fields.Many2one("qt.ranking", readonly=True)
    summary = fields.Html()
    published_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_published = fields.Date(string="Published On", readonly=True, copy=False)
    can_generate = fields.Boolean(compute="_compute_can")
    can_publish = fields.Boolean(compute="_compute_can")

    _month_unique = models.UniqueIndex(
        "(company_id, date_month)", "A company has one bulletin per month."
    )

    @api.depends("date_month")
    def _compute_name(self):
        for bulletin in self:
            bulletin.name = self.env._(
                "Service-Quality Bulletin %(month)s",
                month=bulletin.date_month.strftime("%Y-%m")
                if bulletin.date_month
                else "",
            )

    @api.depends("state")
    def _compute_can(self):
        for bulletin in self:
            bulletin.can_generate = bulletin.state == "draft"
            bulletin.can_publish = bulletin.state == "draft"

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

    def _prepare_figures(self):
        """The month's figures: a constant number of aggregate queries."""
        self.ensure_one()
        first, after = month_bounds(self.date_month)
        company = [("company_id", "=", self.company_id.id)]
        states = dict(
            self.env["qt.supervision.order"]._read_group(
                company
                + [
                    ("date_issued", ">=", first),
                    ("date_issued", "<", after),
                ],
                ["state"],
                ["__count"],
            )
        )
        [[majors]] = self.env["qt.supervision.order"]._read_group(
            company
            + [
                ("date_issued", ">=", first),
                ("date_issued", "<", after),
                ("is_major", "=", True),
            ],
            [],
            ["__count"],
        )
        [[checks, units_checked, score]] = self.env["qt.spot.check"]._read_group(
            company
            + [
                ("kind", "=", "spot"),
                ("state", "in", ("done", "rectified")),
                ("date", ">=", first),
                ("date", "<", after),
            ],
            [],
            ["__count", "unit_id:count_distinct", "score_avg:avg"],
        )
        units = self.env["qt.supervised.unit"].search_count(company)
        [[issues]] = self.env["qt.issue"]._read_group(
            company
            + [
                ("date_received", ">=", fields.Datetime.to_datetime(first)),
                ("date_received", "<", fields.Datetime.to_datetime(after)),
            ],
            [],
            ["__count"],
        )
        ranking = self.env["qt.ranking"].search(
            company + [("date_month", "=", first), ("state", "!=", "cancel")], limit=1
        )
        return {
            "order_count": sum(states.values()),
            "order_major_count": majors,
            "order_open_count": states.get("issued", 0) + states.get("rectifying", 0),
            "order_closed_count": states.get("verified", 0) + states.get("closed", 0),
            "check_count": checks,
            "unit_checked_count": units_checked,
            "unit_count": units,
            "coverage": round(100.0 * units_checked / units, 1) if units else 0.0,
            "score_avg": round(score or 0.0, 2),
            "issue_count": issues,
            "ranking_id": ranking.id,
        }

    def _render_summary(self, figures):
        ranking = self.env["qt.ranking"].browse(figures["ranking_id"])
        rows = [
            (self.env._("Supervision orders issued"), figures["order_count"]),
            (self.env._("Major problems escalated"), figures["order_major_count"]),
            (self.env._("Orders under rectification"), figures["order_open_count"]),
            (self.env._("Orders verified or closed"), figures["order_closed_count"]),
            (self.env._("Spot checks done"), figures["check_count"]),
            (
                self.env._("Units checked"),
                f"{figures['unit_checked_count']} / {figures['unit_count']}",
            ),
            (self.env._("Average score"), f"{figures['score_avg']:.2f}"),
            (self.env._("Quality issues"), figures["issue_count"]),
        ]
        body = Markup("<ul>%s</ul>") % Markup("").join(
            Markup("<li>%s: %s</li>") % (label, value) for label, value in rows
        )
        labelled = ranking.line_ids.filtered(
            lambda line: line.label in ("benchmark", "laggard")
        )
        if labelled:
            labels = dict(labelled._fields["label"]._description_selection(self.env))
            body += Markup("<p>%s</p>") % escape(
                "; ".join(
                    f"{labels[line.label]}: {line.unit_id.display_name}"
                    for line in labelled
                )
            )
        return body

    def action_generate(self):
        """(Re)count the month's figures."""
        self.check_access("write")
        if self.filtered(lambda b: b.state != "draft"):
            raise UserError(self.env._("A published bulletin is not counted again."))
        for bulletin in self:
            figures = bulletin._prepare_figures()
            figures["summary"] = bulletin._render_summary(figures)
            bulletin.write(figures)
        return True

    def action_publish(self):
        """001/R-64: publish the bulletin to its followers."""
        if self.filtered(lambda b: b.state != "draft"):
            raise UserError(self.env._("This bulletin is already published."))
        for bulletin in self:
            if not bulletin.summary:
                raise UserError(
                    self.env._(
                        "Generate %(bulletin)s before publishing it.",
                        bulletin=bulletin.name,
                    )
                )
        self.write(
            {
                "state": "published",
                "published_by_id": self.env.user.id,
                "date_published": fields.Date.context_today(self),
            }
        )
        for bulletin in self:
            bulletin.message_post(
                body=bulletin.summary,
                subject=bulletin.name,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    @api.model
    def _cron_generate(self):
        """001/R-64: each company gets the bulletin of the past month, once."""
        month = month_start(fields.Date.context_today(self)) - relativedelta(months=1)
        done = {
            company.id
            for [company] in self._read_group(
                [("date_month", "=", month)], ["company_id"]
            )
        }
        created = self.browse()
        for company in self.env["res.company"].search([("id", "not in", list(done))]):
            try:
                with self.env.cr.savepoint():
                    bulletin = self.create(
                        {"date_month": month, "company_id": company.id}
                    )
                    bulletin.action_generate()
                created |= bulletin
            except Exception:
                _logger.exception(
                    "Could not count the bulletin of company %s", company.id
                )
        return created
