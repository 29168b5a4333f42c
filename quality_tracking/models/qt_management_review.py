import logging
from datetime import date, datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

_logger = logging.getLogger(__name__)


class QtManagementReview(models.Model):
    """The annual management-review input (001/R-08, QT-12), generated, never typed.

    One per company and year, created by a yearly scheduled action: the return-visit
    and feedback-card figures, the quality issues of the year and every corrective or
    preventive action of the year with its status.
    """

    _name = "qt.management.review"
    _description = "Management Review Input"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    year = fields.Integer(required=True, readonly=True, index=True)
    date_generated = fields.Datetime(string="Generated At", readonly=True)
    state = fields.Selection(
        [("draft", "To Review"), ("done", "Reviewed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    conclusion = fields.Html(string="Review Conclusions")
    card_issued_count = fields.Integer(string="Feedback Cards Issued", readonly=True)
    card_returned_count = fields.Integer(
        string="Feedback Cards Returned", readonly=True
    )
    card_return_rate = fields.Float(string="Return Rate (%)", readonly=True)
    card_rating_avg = fields.Float(string="Average Rating", readonly=True)
    return_visit_count = fields.Integer(string="Return Visits", readonly=True)
    issue_count = fields.Integer(string="Quality Issues", readonly=True)
    issue_general_count = fields.Integer(string="General Issues", readonly=True)
    issue_batch_count = fields.Integer(string="Batch Issues", readonly=True)
    issue_major_count = fields.Integer(string="Major Issues", readonly=True)
    issue_closed_count = fields.Integer(string="Issues Closed", readonly=True)
    issue_on_time_rate = fields.Float(string="Resolved On Time (%)", readonly=True)
    capa_ids = fields.Many2many(
        "qt.capa",
        "qt_management_review_capa_rel",
        "review_id",
        "capa_id",
        string="Corrective Actions",
        readonly=True,
    )
    capa_count = fields.Integer(string="Actions", readonly=True)
    capa_closed_count = fields.Integer(string="Actions Closed", readonly=True)
    capa_open_count = fields.Integer(string="Actions Still Open", readonly=True)

    _year_unique = models.UniqueIndex(
        "(company_id, year)", "There is one management review input per year."
    )

    @api.depends("year")
    def _compute_name(self):
        for review in self:
            review.name = str(review.year or "")

    @api.model
    def _return_visit_count(self, company, date_from, date_to):
        """Return visits of the year, if a return-visit model is installed."""
        model = next((name for name in ("qt.return.visit",) if name in self.env), None)
        if not model:
            return 0
        Visit = self.env[model].sudo()
        date_field = next(
            (f for f in ("date_visit", "date", "visit_date") if f in Visit._fields),
            "create_date",
        )
        domain = [(date_field, ">=", date_from), (date_field, "<", date_to)]
        if "company_id" in Visit._fields:
            domain.append(("company_id", "=", company.id))
        return Visit.search_count(domain)

    @api.model
    def _prepare_vals(self, company, year):
        date_from, date_to = date(year, 1, 1), date(year + 1, 1, 1)
        dt_from = datetime.combine(date_from, time.min)
        dt_to = datetime.combine(date_to, time.min)
        Analysis = self.env["qt.satisfaction.analysis"]
        figures = Analysis._figures(company, date_from, date_to)
        totals = Analysis._company_totals(figures, company)
        Issue = self.env["qt.issue"].sudo()
        issue_domain = [
            ("company_id", "=", company.id),
            ("date_received", ">=", dt_from),
            ("date_received", "<", dt_to),
            ("state", "!=", "cancel"),
        ]
        by_severity = dict(Issue._read_group(issue_domain, ["severity"], ["__count"]))
        [(closed, on_time)] = Issue._read_group(
            issue_domain + [("state", "=", "closed")],
            [],
            ["__count", "on_time_rate:avg"],
        )
        Capa = self.env["qt.capa"].sudo()
        capas = Capa.search(
            [
                ("company_id", "=", company.id),
                ("date_raised", ">=", date_from),
                ("date_raised", "<", date_to),
            ]
        )
        by_state = dict(
            Capa._read_group([("id", "in", capas.ids)], ["state"], ["__count"])
        )
        return {
            "date_generated": fields.Datetime.now(),
            "card_issued_count": totals["card_issued"],
            "card_returned_count": totals["card_returned"],
            "card_return_rate": totals["card_issued"]
            and 100.0 * totals["card_returned"] / totals["card_issued"],
            "card_rating_avg": totals["card_rating"],
            "return_visit_count": self._return_visit_count(company, date_from, date_to),
            "issue_count": sum(by_severity.values()),
            "issue_general_count": by_severity.get("general", 0),
            "issue_batch_count": by_severity.get("batch", 0),
            "issue_major_count": by_severity.get("major", 0),
            "issue_closed_count": closed,
            "issue_on_time_rate": on_time or 0.0,
            "capa_ids": [Command.set(capas.ids)],
            "capa_count": len(capas),
            "capa_closed_count": by_state.get("closed", 0),
            "capa_open_count": sum(
                count
                for state, count in by_state.items()
                if state in ("draft", "in_progress", "done")
            ),
        }

    @api.model
    def _generate(self, companies, year):
        """The inputs of ``year``: created when missing, regenerated while still to
        review; reviewed ones are left as they are."""
        existing = {
            review.company_id: review
            for review in self.sudo().search(
                [("company_id", "in", companies.ids), ("year", "=", year)]
            )
        }
        result = self.browse()
        for company in companies:
            review = existing.get(company)
            if review and review.state == "done":
                result |= review
                continue
            vals = self._prepare_vals(company, year)
            if review:
                review.write(vals)
            else:
                review = self.sudo().create(
                    dict(vals, company_id=company.id, year=year)
                )
            result |= review
        return result

    @api.model
    def _cron_generate(self):
        """Yearly: the input of the year just ended, once per company."""
        year = fields.Date.context_today(self).year - 1
        done = self.sudo().search([("year", "=", year)]).company_id
        for company in self.env["res.company"].sudo().search([]) - done:
            try:
                with self.env.cr.savepoint():
                    self._generate(company, year)
            except Exception:
                _logger.exception(
                    "Management review input of %s for %s failed", company.name, year
                )

    def action_refresh(self):
        for review in self:
            if review.state == "done":
                raise UserError(
                    self.env._(
                        "%(review)s is reviewed: reset it before regenerating it.",
                        review=review.display_name,
                    )
                )
            self._generate(review.company_id, review.year)
        return True

    def action_done(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only an input to review can be reviewed."))
        self.write({"state": "done"})
        return True

    def action_reset(self):
        if self.filtered(lambda r: r.state != "done"):
            raise UserError(self.env._("Only a reviewed input can be reset."))
        self.write({"state": "draft"})
        return True

    def action_new_capa(self):
        """An improvement point of the management review (003/E28)."""
        self.ensure_one()
        return self.env["qt.capa"]._action_raise_from(
            self,
            "management_review",
            title=self.env._("Management review %(year)s", year=self.year),
            capa_type="improvement",
            improvement_reason="management_review",
        )

    def action_view_capas(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_capa_action"
        )
        action["domain"] = [("id", "in", self.capa_ids.ids)]
        action["context"] = {}
        return action
