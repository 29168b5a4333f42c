import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CrBulletin(models.Model):
    """The monthly customer-service information bulletin (002/E43, R20, S8),
    published before the 20th of the month: the deadline rule Bulletin
    publication keeps its due date."""

    _name = "cr.bulletin"
    _description = "Customer Service Information Bulletin"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "business.state.mixin",
    ]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_from = fields.Date(string="Month", required=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Editor",
        domain=[("share", "=", False)],
        tracking=True,
    )
    due_days = fields.Integer(
        string="Days Allowed",
        compute="_compute_due_days",
        store=True,
        help="002/R20: calendar days after the first of the month to the end of the "
        "day before the company's due day.",
    )
    date_due = fields.Datetime(
        string="Due", readonly=True, copy=False, help="002/R20: before the 20th."
    )
    content = fields.Html()
    date_published = fields.Datetime(string="Published On", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    _company_month_uniq = models.Constraint(
        "unique(company_id, date_from)", "One bulletin per company and month."
    )

    @api.depends("company_id")
    def _compute_due_days(self):
        for bulletin in self:
            # a count of calendar days from the 1st ends at the end of its last
            # day: before the 20th is 18 days after the 1st, to the end of the 19th
            bulletin.due_days = max(bulletin.company_id.cr_bulletin_due_day - 2, 1)

    def action_publish(self):
        self._check_state(("draft",), self.env._("Publishing the bulletin"))
        for bulletin in self:
            if not bulletin.content or not bulletin.content.strip():
                self._raise_missing(bulletin, self.env._("write the bulletin first."))
        self.write({"state": "published", "date_published": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self._check_state(("draft",), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("published", "cancel"), self.env._("Resetting to draft"))
        self.write({"state": "draft", "date_published": False})
        return True

    @api.model
    def _cron_create_monthly(self, today=None):
        """002/S8 (daily check): open this month's bulletin of each company once;
        its deadline flags it when it is not published in time."""
        today = today or fields.Date.context_today(self)
        date_from = today.replace(day=1)
        done = {
            company.id
            for [company] in self._read_group(
                [("date_from", "=", date_from)], ["company_id"]
            )
        }
        created = self.browse()
        for company in self.env["res.company"].search([("id", "not in", list(done))]):
            try:
                with self.env.cr.savepoint():
                    created |= self.create(
                        {
                            "name": self.env._(
                                "Customer Service Information Bulletin %(month)s",
                                month=date_from.strftime("%Y-%m"),
                            ),
                            "company_id": company.id,
                            "date_from": date_from,
                        }
                    )
            except Exception:
                _logger.exception("Bulletin of company %s not created", company.id)
        return created
