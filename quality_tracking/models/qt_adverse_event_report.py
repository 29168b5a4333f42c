from odoo import fields, models
from odoo.tools import SQL

from .qt_adverse_event import OUTCOMES


class QtAdverseEventReport(models.Model):
    """Adverse event reporting (000 §7, 001 §7: AE counts by classification and
    device, on-time reporting against the 12 h / 72 h / 15 working days / quarterly
    clocks): one row per event and reporting clock (a deadline timer of the engine
    on the event; an event without a clock has one row without route). Event
    counts are counted once per event, whatever its number of clocks.
    Confidential (000/R-QT-28): quality managers only."""

    _name = "qt.adverse.event.report"
    _description = "Adverse Event Analysis"
    _auto = False
    _order = "date_aware desc"
    _depends = {
        "qt.adverse.event": [
            "company_id",
            "product_id",
            "product_tmpl_id",
            "device_class",
            "date_aware",
            "outcome",
            "is_serious",
            "is_death",
            "is_in_ifu",
            "state",
        ],
        "business.deadline.timer": [
            "rule_id",
            "res_model",
            "res_id",
            "state",
            "start_time",
            "due_time",
            "met_time",
            "breach_time",
            "is_late",
        ],
    }

    event_id = fields.Many2one("qt.adverse.event", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    product_id = fields.Many2one("product.product", string="Device", readonly=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Device Template", readonly=True
    )
    device_class = fields.Selection(
        selection=lambda self: self.env["product.template"]
        ._fields["qt_device_class"]
        .selection,
        readonly=True,
    )
    date_aware = fields.Datetime(string="Aware At", readonly=True)
    outcome = fields.Selection(OUTCOMES, readonly=True)
    is_serious = fields.Boolean(string="Serious", readonly=True)
    is_death = fields.Boolean(string="Death", readonly=True)
    is_in_ifu = fields.Boolean(string="Stated in the Instructions", readonly=True)
    event_state = fields.Selection(
        [
            ("draft", "Detected"),
            ("investigating", "Investigating"),
            ("reported", "Reported"),
            ("confirmed", "Regulator Confirmed"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        string="Event Status",
        readonly=True,
    )
    rule_id = fields.Many2one("business.deadline.rule", string="Route", readonly=True)
    timer_state = fields.Selection(
        [
            ("running", "Running"),
            ("paused", "Paused"),
            ("warning", "Warning"),
            ("breached", "Breached"),
            ("met", "Met"),
            ("cancelled", "Cancelled"),
        ],
        string="Clock Status",
        readonly=True,
    )
    clock_result = fields.Selection(
        [
            ("met", "Met on Time"),
            ("missed", "Missed"),
            ("open", "Open"),
            ("cancelled", "Cancelled"),
            ("none", "No Clock"),
        ],
        readonly=True,
    )
    due_time = fields.Datetime(string="Due", readonly=True)
    met_time = fields.Datetime(string="Reported On", readonly=True)
    event_count = fields.Integer(string="Events", readonly=True)
    clock_count = fields.Integer(string="Clocks", readonly=True)
    met_count = fields.Integer(string="Met on Time", readonly=True)
    missed_count = fields.Integer(string="Missed", readonly=True)
    hours_to_report = fields.Float(
        string="Hours to Report",
        readonly=True,
        aggregator="avg",
        help="Average calendar hours from the awareness time to the submission that "
        "met the clock.",
    )
    on_time_rate = fields.Float(
        string="On Time (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the closed clocks (met or missed) met on time.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT coalesce(t.id * 2, e.id * 2 + 1) AS id,
                   e.id AS event_id,
                   e.company_id,
                   e.product_id,
                   e.product_tmpl_id,
                   e.device_class,
                   e.date_aware,
                   e.outcome,
                   e.is_serious,
                   e.is_death,
                   e.is_in_ifu,
                   e.state AS event_state,
                   t.rule_id,
                   t.state AS timer_state,
                   CASE WHEN t.id IS NULL THEN 'none'
                        WHEN t.state = 'met' AND NOT coalesce(t.is_late, false)
                            THEN 'met'
                        WHEN t.state = 'breached' OR t.is_late THEN 'missed'
                        WHEN t.state = 'cancelled' THEN 'cancelled'
                        ELSE 'open' END AS clock_result,
                   t.due_time,
                   t.met_time,
                   CASE WHEN NOT EXISTS (
                            SELECT 1 FROM business_deadline_timer t2
                             WHERE t2.res_model = 'qt.adverse.event'
                               AND t2.res_id = e.id AND t2.id < t.id)
                        THEN 1 ELSE 0 END AS event_count,
                   CASE WHEN t.id IS NULL THEN 0 ELSE 1 END AS clock_count,
                   CASE WHEN t.state = 'met' AND NOT coalesce(t.is_late, false)
                        THEN 1 ELSE 0 END AS met_count,
                   CASE WHEN t.state = 'breached' OR t.is_late THEN 1 ELSE 0 END
                       AS missed_count,
                   CASE WHEN t.state = 'met'
                        THEN extract(epoch FROM t.met_time - e.date_aware) / 3600.0
                        END AS hours_to_report,
                   CASE WHEN t.state = 'met' AND NOT coalesce(t.is_late, false)
                            THEN 100.0
                        WHEN t.state = 'breached' OR t.is_late THEN 0.0
                        END AS on_time_rate
              FROM qt_adverse_event e
         LEFT JOIN business_deadline_timer t
                ON t.res_model = 'qt.adverse.event' AND t.res_id = e.id
            """
        )
