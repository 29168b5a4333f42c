import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class VcCoiStatement(models.Model):
    """《关于利益冲突的声明》: the covered person acknowledges the situations of the
    conflict-of-interest system and gives two undertakings (002 F2, W7): to declare
    and to avoid conflicting acts or positions during the tenure. Signed by the
    declarant's own user, on appointment and with each annual campaign (settings).
    """

    _name = "vc.coi.statement"
    _description = "Conflict of Interest Statement"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"
    _rec_name = "declarant_id"

    declarant_id = fields.Many2one(
        "vc.coi.declarant",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        "res.users",
        related="declarant_id.user_id",
        store=True,
        index=True,
        string="Declarant User",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    role = fields.Selection(
        [
            ("director", "Director"),
            ("supervisor", "Supervisor"),
            ("officer", "Senior Officer"),
        ],
        string="As",
        help="The capacity in which the statement is made: director, supervisor or "
        "senior officer (董事、监事、高级管理人员).",
    )
    occasion = fields.Selection(
        [("appointment", "On Appointment"), ("annual", "Annual Campaign")],
        required=True,
        default="appointment",
    )
    year = fields.Integer(help="The year of the annual campaign.")
    acknowledged_situations = fields.Boolean(
        string="Situations Acknowledged",
        help="The declarant knows the conflict situations the policy lists "
        "(已知《利益冲突管理制度》所列的相关利益冲突情形).",
    )
    undertaking_declare = fields.Boolean(
        string="Undertakes to Declare",
        help="Undertaking 1: to declare their conflicts of interest, if any, as "
        "the policy requires.",
    )
    undertaking_avoid = fields.Boolean(
        string="Undertakes to Avoid Conflicts",
        help="Undertaking 2: during the tenure, to take no act or position that "
        "conflicts with the company's interests.",
    )
    date = fields.Date(readonly=True, copy=False, string="Signed On")
    signed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "To Sign"), ("signed", "Signed"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    can_sign = fields.Boolean(compute="_compute_can_sign")

    # what a declarant may write on their own statement: the ticks
    _declarant_fields = frozenset(
        {"acknowledged_situations", "undertaking_declare", "undertaking_avoid"}
    )

    def write(self, vals):
        if not (
            self.env.su
            or self.env.user.has_group("vendor_counsel.group_vendor_counsel_compliance")
        ):
            if set(vals) - self._declarant_fields or self.filtered(
                lambda s: s.state != "draft"
            ):
                raise UserError(
                    self.env._(
                        "A declarant only ticks the acknowledgement and the "
                        "undertakings of a statement to sign."
                    )
                )
        return super().write(vals)

    @api.depends_context("uid")
    @api.depends("state", "user_id")
    def _compute_can_sign(self):
        for statement in self:
            statement.can_sign = (
                statement.state == "draft" and statement.user_id == self.env.user
            )

    def action_sign(self):
        """The declarant signs: only their own user, with the acknowledgement and
        both undertakings ticked (002 F2)."""
        self._check_state(("draft",), self.env._("Signing the statement"))
        for statement in self:
            if statement.user_id != self.env.user:
                self._raise_missing(
                    statement,
                    self.env._("only the declarant signs their own statement."),
                )
            if not (
                statement.acknowledged_situations
                and statement.undertaking_declare
                and statement.undertaking_avoid
            ):
                self._raise_missing(
                    statement,
                    self.env._(
                        "acknowledge the situations and tick both undertakings "
                        "before signing."
                    ),
                )
        # the declarant may not write the signature fields directly: the action
        # writes them once its guards passed
        self.sudo().write(
            {
                "state": "signed",
                "date": fields.Date.context_today(self),
                "signed_by_id": self.env.user.id,
            }
        )
        return True

    def action_cancel(self):
        self._check_state(("draft",), self.env._("Cancelling the statement"))
        self.write({"state": "cancel"})
        return True

    @api.model
    def _vc_role_of(self, declarant):
        return {
            "director": "director",
            "supervisor": "supervisor",
            "officer": "officer",
        }.get(declarant.role)

    @api.model
    def _cron_request_statements(self):
        """W7: ask for the statement of each active declarant with a user: once on
        appointment (no statement yet), and once per annual campaign (a declarant
        with an annual declaration of a year has a statement of that year), as the
        company settings say. Idempotent; a failing company is logged and
        skipped."""
        for company in self.env["res.company"].search([]):
            try:
                with self.env.cr.savepoint():
                    self._vc_request_statements(company)
            except Exception as error:  # noqa: BLE001 - one company must not stop all
                _logger.warning(
                    "COI statements: company %s skipped: %s", company.id, error
                )

    @api.model
    def _vc_request_statements(self, company):
        declarants = self.env["vc.coi.declarant"].search(
            [("company_id", "=", company.id), ("user_id", "!=", False)]
        )
        vals_list = []
        if company.vc_coi_statement_on_appointment and declarants:
            have = {
                declarant.id
                for (declarant,) in self._read_group(
                    [
                        ("declarant_id", "in", declarants.ids),
                        ("occasion", "=", "appointment"),
                    ],
                    ["declarant_id"],
                )
            }
            vals_list += [
                {
                    "declarant_id": d.id,
                    "company_id": company.id,
                    "occasion": "appointment",
                    "role": self._vc_role_of(d),
                }
                for d in declarants
                if d.id not in have
            ]
        if company.vc_coi_statement_with_annual and declarants:
            campaigns = self.env["vc.coi.declaration"]._read_group(
                [
                    ("declarant_id", "in", declarants.ids),
                    ("kind", "=", "annual"),
                    ("year", "!=", False),
                ],
                ["declarant_id", "year"],
            )
            have = set(
                self.search(
                    [
                        ("declarant_id", "in", declarants.ids),
                        ("occasion", "=", "annual"),
                    ]
                ).mapped(lambda s: (s.declarant_id.id, s.year))
            )
            vals_list += [
                {
                    "declarant_id": d.id,
                    "company_id": company.id,
                    "occasion": "annual",
                    "year": year,
                    "role": self._vc_role_of(d),
                }
                for d, year in campaigns
                if (d.id, year) not in have
            ]
        statements = self.create(vals_list)
        for statement in statements:
            statement.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=statement.user_id.id,
                summary=self.env._("Sign your conflict of interest statement"),
            )
        return statements
