import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)


class CrPaymentReminder(models.Model):
    """001/CR-8, R-14: remind the client to pay 3 days before the contractual due
    date (on the working day before when that day is off), then follow up."""

    _name = "cr.payment.reminder"
    _description = "Payment Reminder"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "date_due, id"

    name = fields.Char(string="Contract", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, tracking=True, index=True
    )
    project_id = fields.Many2one("cr.project", index="btree_not_null")
    user_id = fields.Many2one(
        "res.users",
        string="Account Owner",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    department_id = fields.Many2one("hr.department", index=True)
    date_due = fields.Date(string="Payment Due", required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Currency"
    )
    amount = fields.Monetary(tracking=True)
    date_remind = fields.Date(
        string="Remind On",
        compute="_compute_date_remind",
        store=True,
        index=True,
        help="001/R-14: the payment due date minus the company's lead days, on the "
        "working day before when that day is off.",
    )
    state = fields.Selection(
        [
            ("open", "Open"),
            ("reminded", "Reminded"),
            ("paid", "Paid"),
            ("cancel", "Cancelled"),
        ],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    date_reminded = fields.Datetime(readonly=True, copy=False)

    @api.depends("date_due", "company_id.cr_return_payment_lead_days")
    def _compute_date_remind(self):
        calendar_model = self.env["resource.calendar"]
        visits = self.env["cr.return.visit"]
        for company in self.company_id:
            reminders = self.filtered(lambda r, c=company: r.company_id == c)
            days = [
                r.date_due - timedelta(days=company.cr_return_payment_lead_days)
                for r in reminders
                if r.date_due
            ]
            if not days:
                reminders.date_remind = False
                continue
            calendar = calendar_model._bd_default_calendar(company)
            working = visits._cr_working_days(
                calendar, min(days) - timedelta(days=60), max(days)
            )
            for reminder in reminders:
                if not reminder.date_due:
                    reminder.date_remind = False
                    continue
                day = reminder.date_due - timedelta(
                    days=company.cr_return_payment_lead_days
                )
                reminder.date_remind = visits._cr_before_holidays(day, working)
        self.filtered(lambda r: not r.company_id).date_remind = False

    @api.constrains("amount")
    def _check_amount(self):
        for reminder in self:
            if reminder.amount < 0:
                raise ValidationError(self.env._("The amount cannot be negative."))

    def action_paid(self):
        self._check_state(("open", "reminded"), self.env._("mark paid"))
        self.write({"state": "paid"})
        return True

    def action_cancel(self):
        self._check_state(("open", "reminded"), self.env._("cancel"))
        self.write({"state": "cancel"})
        return True

    @api.model
    def _cron_payment_reminders(self, today=None):
        """Daily (001/S-04): an activity for the account owner of each open
        reminder whose reminder day has come; once (the reminder becomes
        reminded). A failing reminder is logged and skipped."""
        today = today or fields.Date.context_today(self)
        reminders = self.search(
            [("state", "=", "open"), ("date_remind", "<=", today)], order="id"
        )
        cron = self.env["ir.cron"]
        for start in range(0, len(reminders), 500):
            batch = reminders[start : start + 500]
            for reminder in batch:
                try:
                    with self.env.cr.savepoint():
                        reminder.activity_schedule(
                            "mail.mail_activity_data_call",
                            date_deadline=today,
                            user_id=(reminder.user_id or self.env.user).id,
                            summary=self.env._("Remind the client to pay"),
                        )
                        reminder.write(
                            {
                                "state": "reminded",
                                "date_reminded": fields.Datetime.now(),
                            }
                        )
                except Exception:
                    _logger.exception("Payment reminder %s not sent", reminder.id)
            cron._commit_progress(len(batch))
        return True
