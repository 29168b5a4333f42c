import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


def cadence_dates(delivery, first_period, first_interval, later_interval, after, until):
    """Return-visit dates of a project delivered on ``delivery`` (000/R-CR-16/17):
    every ``first_interval`` months while within ``first_period`` months of the
    delivery (the date exactly one year after included), then every
    ``later_interval`` months; only the dates after ``after`` up to ``until``.
    Months are counted from the delivery (31 Jan → 28 Feb → 31 Mar)."""
    dates = []
    months = first_interval
    last_first = 0
    while months <= first_period:
        last_first = months
        day = delivery + relativedelta(months=months)
        if day > until:
            return dates
        if day > after:
            dates.append(day)
        months += first_interval
    months = last_first + later_interval
    while True:
        day = delivery + relativedelta(months=months)
        if day > until:
            return dates
        if day > after:
            dates.append(day)
        months += later_interval


class CrProject(models.Model):
    """A served project whose return visits follow a cadence from its delivery
    (000/E-CR-8, WF-CR-4; 001/CR-2)."""

    _name = "cr.project"
    _description = "Served Project"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_delivery desc, id desc"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, tracking=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Account Owner",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    department_id = fields.Many2one("hr.department", tracking=True, index=True)
    date_delivery = fields.Date(string="Delivered On", required=True, tracking=True)
    cadence_id = fields.Many2one(
        "cr.return.cadence",
        string="Regime",
        required=True,
        tracking=True,
        domain=[("regime", "=", "project")],
        default=lambda self: self.env.ref(
            "client_relations.cr_return_cadence_project", raise_if_not_found=False
        ),
    )
    origin_model = fields.Char(
        help="Model of the record of another addon it comes from.",
    )
    origin_id = fields.Many2oneReference(
        string="Origin Record", model_field="origin_model"
    )
    note = fields.Html()
    return_visit_ids = fields.One2many("cr.return.visit", "project_id")
    return_visit_count = fields.Integer(compute="_compute_return_visit_count")
    payment_reminder_ids = fields.One2many("cr.payment.reminder", "project_id")

    def _compute_return_visit_count(self):
        counts = dict(
            self.env["cr.return.visit"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.return_visit_count = counts.get(project, 0)

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id.cr_owner_id:
            self.user_id = self.partner_id.cr_owner_id
        if self.partner_id.cr_department_id:
            self.department_id = self.partner_id.cr_department_id

    def action_generate_return_visits(self):
        """Generate the return visits of the coming horizon (company setting)."""
        self._cr_generate_return_visits(orm=True)
        return self.action_view_return_visits()

    def action_view_return_visits(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.action_cr_return_visit"
        )
        action["domain"] = [("project_id", "in", self.ids)]
        action["context"] = {"default_project_id": self.id if len(self) == 1 else False}
        return action

    def _cr_visit_plan(self, today):
        """(project, [dates]) of the visits still to generate: the cadence dates
        after the last generated one (and not before today) up to the horizon.
        One ``_read_group`` for the whole set."""
        last = dict(
            self.env["cr.return.visit"]._read_group(
                [("project_id", "in", self.ids)],
                ["project_id"],
                ["date_scheduled:max"],
            )
        )
        plan = []
        for project in self:
            cadence = project.cadence_id
            after = max(
                last.get(project) or project.date_delivery,
                today - timedelta(days=1),
            )
            until = today + timedelta(days=project.company_id.cr_return_horizon_days)
            dates = cadence_dates(
                project.date_delivery,
                cadence.first_period_months,
                cadence.first_interval_months,
                cadence.later_interval_months,
                after,
                until,
            )
            if dates:
                plan.append((project, dates))
        return plan

    def _cr_generate_return_visits(self, today=None, orm=False):
        """Set-based: one ``_read_group`` for the last generated dates, one
        timeline per company calendar for the holidays (001/R-35), one ``INSERT
        … SELECT`` and the engine's set-based timers for the new visits (the
        ORM ``create`` with ``orm``, for the button on a few projects: the same
        visits and timers). Idempotent: a date is never generated twice."""
        today = today or fields.Date.context_today(self)
        projects = self.filtered("active")
        projects.fetch(
            ["date_delivery", "cadence_id", "company_id", "partner_id", "user_id"]
        )
        vals_list = []
        for project, dates in projects._cr_visit_plan(today):
            for day in dates:
                vals_list.append(
                    {
                        "project_id": project.id,
                        "partner_id": project.partner_id.id,
                        "company_id": project.company_id.id,
                        "cadence_id": project.cadence_id.id,
                        "method": project.cadence_id.method,
                        "user_id": project.user_id.id,
                        "department_id": project.department_id.id,
                        "date_scheduled": day,
                    }
                )
        visits = self.env["cr.return.visit"].with_context(
            tracking_disable=True, mail_create_nolog=True
        )
        if orm:
            return visits.create(vals_list)
        return visits._cr_insert_set_based(vals_list)

    @api.model
    def _cr_cron_generate(self, batch_size=1000):
        """The daily generation, by committed batches; a failing batch is logged
        and skipped."""
        cron = self.env["ir.cron"]
        projects = self.search([("cadence_id.auto_generate", "=", True)], order="id")
        for start in range(0, len(projects), batch_size):
            batch = projects[start : start + batch_size]
            try:
                with self.env.cr.savepoint():
                    batch._cr_generate_return_visits()
            except Exception:
                _logger.exception("Return visits of projects %s not generated", batch)
            cron._commit_progress(
                len(batch), remaining=len(projects) - start - len(batch)
            )
        return True
