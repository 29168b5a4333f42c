from odoo import fields, models, tools
from odoo.tools import SQL

from .vc_coi_review import DECISION_OPTIONS


class VcCoiConflictReport(models.Model):
    """Declared conflicts under review, one row per declared interest of a reviewed
    declaration: open conflicts by type, decisions by option (002 section 7 KPIs).
    Confidential like the reviews it reads."""

    _name = "vc.coi.conflict.report"
    _description = "Conflict of Interest Analysis"
    _auto = False
    _order = "review_id desc"
    _depends = {
        "vc.coi.review": [
            "declaration_id",
            "declarant_id",
            "declarant_user_id",
            "company_id",
            "state",
            "decision_option",
            "remediation_state",
        ],
        "vc.coi.declaration.line": [
            "declaration_id",
            "kind",
            "counterparty_name",
            "counterparty_id",
        ],
    }

    review_id = fields.Many2one("vc.coi.review", readonly=True)
    declaration_id = fields.Many2one("vc.coi.declaration", readonly=True)
    declarant_id = fields.Many2one("vc.coi.declarant", readonly=True)
    declarant_user_id = fields.Many2one("res.users", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    state = fields.Selection(
        lambda self: self.env["vc.coi.review"]._fields["state"].selection,
        string="Review State",
        readonly=True,
    )
    decision_option = fields.Selection(DECISION_OPTIONS, "Decision", readonly=True)
    remediation_state = fields.Selection(
        lambda self: self.env["vc.coi.review"]._fields["remediation_state"].selection,
        readonly=True,
    )
    kind = fields.Selection(
        lambda self: self.env["vc.coi.declaration.line"]._fields["kind"].selection,
        string="Conflict Type",
        readonly=True,
    )
    counterparty_name = fields.Char(string="Counterparty", readonly=True)
    counterparty_id = fields.Many2one(
        "res.partner", string="Counterparty Partner", readonly=True
    )
    is_open = fields.Boolean(
        string="Open Conflict",
        readonly=True,
        help="The review awaits its decision, or its remediation is not verified.",
    )
    line_count = fields.Integer(string="Conflicts", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE OR REPLACE VIEW %s AS (
                SELECT l.id AS id,
                       r.id AS review_id,
                       r.declaration_id,
                       r.declarant_id,
                       r.declarant_user_id,
                       r.company_id,
                       r.state,
                       r.decision_option,
                       r.remediation_state,
                       l.kind,
                       l.counterparty_name,
                       l.counterparty_id,
                       (r.state IN ('decision', 'feedback')
                        OR (r.state = 'remediation'
                            AND r.remediation_state <> 'done')) AS is_open,
                       1 AS line_count
                  FROM vc_coi_review r
                  JOIN vc_coi_declaration_line l
                    ON l.declaration_id = r.declaration_id
            )""",
                SQL.identifier(self._table),
            )
        )
