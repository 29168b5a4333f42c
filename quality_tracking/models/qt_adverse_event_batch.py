import logging
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command, Domain
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]


class QtAdverseEventBatch(models.Model):
    """The quarterly aggregate report of adverse events (每季度集中报告, 000/R-QT-19,
    001/R-24, 001/QT-14): per company and quarter, the other suspected events not in
    the instructions (neither serious nor fatal) and every event already stated in
    the instructions, submitted together to the local regulator (001 §8 item 4).
    Confidential like the events (000/R-QT-28): quality managers only."""

    _name = "qt.adverse.event.batch"
    _description = "Quarterly Adverse Event Report"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.state.mixin",
    ]
    _order = "date_from desc, company_id, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, string="Quarter Name")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
        readonly=True,
    )
    year = fields.Integer(required=True, readonly=True)
    quarter = fields.Selection(QUARTERS, required=True, readonly=True)
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    date_quarter_end = fields.Datetime(
        string="Quarter Ends At",
        required=True,
        readonly=True,
        help="The first instant after the quarter, in the company's time zone: the "
        "submission clock starts here.",
    )
    event_ids = fields.Many2many(
        "qt.adverse.event",
        "qt_adverse_event_batch_event_rel",
        "batch_id",
        "event_id",
        string="Events",
        readonly=True,
        help="Filled by the assembly from the company's own events only.",
    )
    event_count = fields.Integer(compute="_compute_event_count")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    authority_id = fields.Many2one(
        "res.partner",
        tracking=True,
        help="The local regulator the quarterly report goes to (001 §8 item 4).",
    )
    submission_ref = fields.Char(string="Submission Reference", tracking=True)
    date_submitted = fields.Datetime(string="Submitted On", tracking=True)
    submit_days = fields.Integer(
        string="Submission Period (working days)",
        default=lambda self: self.env.company.qt_ae_batch_submit_days,
        readonly=True,
        help="Working days after the quarter's end within which the report is "
        "submitted (000/R-QT-19; taken from the company's setting when the batch "
        "is assembled).",
    )
    date_due = fields.Datetime(
        string="Submission Due",
        readonly=True,
        copy=False,
        help="Kept by the deadline engine from the submission rule.",
    )
    note = fields.Text()
    can_submit = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    _quarter_unique = models.UniqueIndex(
        "(company_id, year, quarter)",
        "A company has one quarterly adverse event report per quarter.",
    )
    _submit_days_positive = models.Constraint(
        "CHECK (submit_days >= 0)",
        "The submission period cannot be negative.",
    )

    @api.depends("year", "quarter")
    def _compute_name(self):
        for batch in self:
            batch.name = f"{batch.year} Q{batch.quarter}" if batch.year else False

    def _compute_event_count(self):
        counts = dict.fromkeys(self.ids, 0)
        if self.ids:
            self.flush_model(["event_ids"])
            rows = self.env.execute_query(
                SQL(
                    """SELECT batch_id, count(*)
                         FROM qt_adverse_event_batch_event_rel
                        WHERE batch_id IN %s
                     GROUP BY batch_id""",
                    tuple(self.ids),
                )
            )
            counts.update(rows)
        for batch in self:
            batch.event_count = counts.get(batch.id, 0)

    @api.depends("state")
    def _compute_can(self):
        for batch in self:
            batch.can_submit = batch.state == "draft"
            batch.can_cancel = batch.state == "draft"
            batch.can_reset = batch.state == "cancel"

    @api.constrains("date_submitted", "date_quarter_end")
    def _check_date_submitted(self):
        for batch in self:
            if batch.date_submitted and batch.date_submitted < batch.date_quarter_end:
                raise ValidationError(
                    self.env._(
                        "The quarterly report %(name)s cannot be submitted before its "
                        "quarter ends (%(end)s).",
                        name=batch.display_name,
                        end=fields.Datetime.to_string(batch.date_quarter_end),
                    )
                )

    # --- quarters

    @api.model
    def _company_calendar(self, company):
        """The working calendar of the company's deadlines: its quarters are counted
        in that calendar's time zone."""
        return self.env["resource.calendar"]._bd_default_calendar(company)

    @api.model
    def _quarter_of(self, day):
        """(year, quarter number, first day, last day) of the quarter of ``day``."""
        number = (day.month - 1) // 3 + 1
        first = date(day.year, 3 * number - 2, 1)
        return day.year, number, first, first + relativedelta(months=3, days=-1)

    @api.model
    def _quarter_vals(self, company, day):
        """The values of the batch of ``company`` for the quarter of ``day``."""
        year, number, first, last = self._quarter_of(day)
        return {
            "company_id": company.id,
            "year": year,
            "quarter": str(number),
            "date_from": first,
            "date_to": last,
            "date_quarter_end": self._company_calendar(company)._bd_local_midnight(
                last + relativedelta(days=1)
            ),
            "submit_days": company.qt_ae_batch_submit_days,
        }

    # --- which events

    @api.model
    def _get_batch_event_domain(self, company, date_from=None, date_to=None):
        """Hook: the events of ``company`` aware in [date_from, date_to) (naive UTC)
        that go to the quarterly batch and are not yet in a live batch.

        000/R-QT-19, 001/R-24: the other suspected events not stated in the
        instructions (neither serious nor fatal: those go to the 12 h / 72 h routes)
        and every event already stated in the instructions."""
        batched = SQL(
            """SELECT rel.event_id
                 FROM qt_adverse_event_batch_event_rel rel
                 JOIN qt_adverse_event_batch b ON b.id = rel.batch_id
                WHERE b.state != 'cancel'"""
        )
        domain = Domain(
            [
                ("company_id", "=", company.id),
                ("state", "!=", "cancel"),
                ("id", "not in", batched),
            ]
        ) & (
            Domain("is_in_ifu", "=", True)
            | Domain(
                [
                    ("is_suspected", "=", True),
                    ("is_serious", "=", False),
                    ("is_death", "=", False),
                ]
            )
        )
        if date_from:
            domain &= Domain("date_aware", ">=", date_from)
        if date_to:
            domain &= Domain("date_aware", "<", date_to)
        return domain

    # --- assembling

    @api.model
    def _assemble_company(self, company, date_from=None, date_to=None):
        """Assemble the quarterly batches of ``company`` from its events aware in
        [date_from, date_to) (naive UTC), set-based: one grouped query gives each
        quarter's new events, one search the existing batches, one create the
        missing ones. A draft batch takes the events added later; a submitted or
        cancelled quarter is never filled again. Returns the batches touched."""
        tz = self._company_calendar(company)._bd_tz()
        Event = self.env["qt.adverse.event"].with_context(tz=tz.zone)
        groups = Event._read_group(
            self._get_batch_event_domain(company, date_from, date_to),
            ["date_aware:quarter"],
            ["id:array_agg"],
        )
        if not groups:
            return self.browse()
        wanted = {}
        for quarter_start, event_ids in groups:
            day = (
                quarter_start.date()
                if isinstance(quarter_start, datetime)
                else quarter_start
            )
            vals = self._quarter_vals(company, day)
            wanted[(vals["year"], vals["quarter"])] = (vals, event_ids)
        existing = self.search(
            [
                ("company_id", "=", company.id),
                ("year", "in", list({year for year, __ in wanted})),
            ]
        )
        by_quarter = {(batch.year, batch.quarter): batch for batch in existing}
        touched = self.browse()
        to_create = []
        for key, (vals, event_ids) in wanted.items():
            batch = by_quarter.get(key)
            if not batch:
                to_create.append(
                    {**vals, "event_ids": [Command.set(event_ids)]},
                )
            elif batch.state == "draft":
                batch.write({"event_ids": [Command.link(i) for i in event_ids]})
                touched |= batch
            else:
                _logger.info(
                    "%s adverse event(s) of %s %s Q%s reached after its quarterly "
                    "report was %s: left for a manual report",
                    len(event_ids),
                    company.name,
                    key[0],
                    key[1],
                    batch.state,
                )
        if to_create:
            touched |= self.create(to_create)
        return touched

    @api.model
    def _cron_assemble(self):
        """000/C-QT-7: each company gets the quarterly report of each past quarter
        with events for it, once; later events join the draft report. A company
        that fails is logged and skipped."""
        companies = self.env["res.company"].search([])
        cron = self.env["ir.cron"]
        now = fields.Datetime.now()
        done = 0
        for company in companies:
            try:
                with self.env.cr.savepoint():
                    calendar = self._company_calendar(company)
                    __, __, first, __ = self._quarter_of(calendar._bd_local_date(now))
                    self.with_company(company)._assemble_company(
                        company, None, calendar._bd_local_midnight(first)
                    )
            except Exception:
                _logger.exception(
                    "Quarterly adverse event report of company %s could not be "
                    "assembled",
                    company.id,
                )
            done += 1
            cron._commit_progress(1, remaining=len(companies) - done)

    # --- actions

    def action_submit(self):
        """Submit the quarterly report to the local regulator: the authority, the
        submission reference and date are required; meets the submission clock."""
        self._check_state(("draft",), self.env._("Submitting"))
        for batch in self:
            missing = [
                batch._fields[name]._description_string(self.env)
                for name in ("authority_id", "submission_ref")
                if not batch[name]
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "Before submitting %(name)s, enter: %(fields)s.",
                        name=batch.display_name,
                        fields=", ".join(missing),
                    )
                )
        now = fields.Datetime.now()
        for batch in self:
            batch.write(
                {"state": "submitted", "date_submitted": batch.date_submitted or now}
            )
        return True

    def action_cancel(self):
        self._check_state(("draft",), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(("cancel",), self.env._("Resetting to draft"))
        self.write({"state": "draft"})
        return True

    def action_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_adverse_event_action"
        )
        action["domain"] = [("id", "in", self.event_ids.ids)]
        action["context"] = {"create": False}
        return action

    def _report_summary(self):
        """Rows of the report's summary: (device, class, events, in the
        instructions, other suspected), by one grouped query."""
        self.ensure_one()
        rows = self.env["qt.adverse.event"]._read_group(
            [("id", "in", self.event_ids.ids)],
            ["product_id", "is_in_ifu"],
            ["__count"],
        )
        summary = {}
        for product, in_ifu, count in rows:
            line = summary.setdefault(product, [product, 0, 0])
            line[1 if in_ifu else 2] += count
        return [
            {
                "product": product,
                "device_class": product.qt_device_class,
                "in_ifu": in_ifu,
                "other": other,
                "total": in_ifu + other,
            }
            for product, in_ifu, other in summary.values()
        ]
