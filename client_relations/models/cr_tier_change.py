import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

PENDING = ("draft", "to_approve")


class CrTierChange(models.Model):
    """A proposed move of a client into another revenue tier (000/WF-CR-1: compute
    the tier from the annual revenue → tier approval by the right level). Approved
    through base_tier_validation: Diamond and Platinum by the provincial level
    (Administrator group), Gold and VIP by the city level (Customer Service
    Department group) (000/R-CR-06). The approval writes the client's tier and a
    tier-history line. At most one pending change per client."""

    _name = "cr.tier.change"
    _description = "Client Tier Change"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "business.state.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    _state_field = "state"
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain=[("is_company", "=", True), ("cr_is_client", "=", True)],
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        string="Revenue Year",
        required=True,
        default=lambda self: fields.Date.context_today(self).year - 1,
        tracking=True,
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    revenue = fields.Monetary(
        compute="_compute_revenue",
        store=True,
        precompute=True,
        readonly=False,
        help="The client's revenue of the year (sum of its revenue lines).",
    )
    from_tier_id = fields.Many2one(
        "cr.tier",
        string="Current Tier",
        compute="_compute_from_tier_id",
        store=True,
        precompute=True,
        readonly=True,
    )
    to_tier_id = fields.Many2one("cr.tier", string="New Tier", tracking=True)
    approval_level = fields.Selection(
        [("provincial", "Provincial Bureau"), ("city", "City Bureau")],
        compute="_compute_approval_level",
        store=True,
        precompute=True,
        help="000/R-CR-06: Diamond and Platinum are approved by the provincial level, "
        "Gold and VIP by the city level.",
    )
    origin = fields.Selection(
        [("manual", "Requested"), ("recompute", "Yearly Recompute")],
        default="manual",
        required=True,
        readonly=True,
    )
    reason = fields.Text(tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    date_approved = fields.Date(string="Approved On", readonly=True, copy=False)
    owner_id = fields.Many2one(
        related="partner_id.cr_owner_id", store=True, string="Account Owner"
    )
    department_id = fields.Many2one(
        related="partner_id.cr_department_id", store=True, string="Client Department"
    )
    provincial_approver_ids = fields.Many2many(
        "res.users",
        compute="_compute_approver_ids",
        string="Provincial Approvers",
        help="000/R-CR-06: the provincial level, i.e. the Administrator group.",
    )
    city_approver_ids = fields.Many2many(
        "res.users",
        compute="_compute_approver_ids",
        string="City Approvers",
        help="000/R-CR-06: the city level, i.e. the Customer Service Department group.",
    )
    can_submit = fields.Boolean(compute="_compute_can")
    can_approve = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    _one_pending = models.UniqueIndex(
        "(partner_id) WHERE state IN ('draft', 'to_approve')",
        "A client has at most one pending tier change.",
    )

    @api.depends("company_id")
    def _compute_currency_id(self):
        for change in self:
            company = change.company_id or self.env.company
            change.currency_id = company.cr_tier_currency_id or company.currency_id

    @api.depends("partner_id", "year", "company_id")
    def _compute_revenue(self):
        todo = self.filtered(lambda c: c.partner_id and c.year)
        totals = {}
        if todo:
            groups = (
                self.env["cr.revenue"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id", "in", todo.partner_id.ids),
                        ("year", "in", list(set(todo.mapped("year")))),
                        ("company_id", "in", todo.company_id.ids),
                    ],
                    ["partner_id", "year", "company_id"],
                    ["amount:sum"],
                )
            )
            totals = {(p.id, y, c.id): amount for p, y, c, amount in groups}
        for change in self:
            change.revenue = totals.get(
                (change.partner_id.id, change.year, change.company_id.id), 0.0
            )

    @api.depends("partner_id")
    def _compute_from_tier_id(self):
        for change in self:
            if change.state in PENDING or not change.from_tier_id:
                change.from_tier_id = change.partner_id.cr_tier_id

    @api.depends("to_tier_id", "from_tier_id")
    def _compute_approval_level(self):
        for change in self:
            tier = change.to_tier_id or change.from_tier_id
            change.approval_level = tier.approval_level or "city"

    @api.depends("company_id")
    def _compute_approver_ids(self):
        provincial = self.env.ref("client_relations.group_client_relations_manager")
        city = self.env.ref("client_relations.group_client_relations_service")
        users = {
            "provincial": provincial.all_user_ids.filtered(lambda u: not u.share),
            "city": city.all_user_ids.filtered(lambda u: not u.share),
        }
        for change in self:
            company = change.company_id
            change.provincial_approver_ids = users["provincial"].filtered(
                lambda u, company=company: company in u.company_ids
            )
            change.city_approver_ids = users["city"].filtered(
                lambda u, company=company: company in u.company_ids
            )

    @api.depends("state", "approval_level")
    @api.depends_context("uid")
    def _compute_can(self):
        user = self.env.user
        service = user.has_group("client_relations.group_client_relations_service")
        requester = user.has_group("client_relations.group_client_relations_user")
        for change in self:
            change.can_submit = requester and change.state == "draft"
            change.can_approve = change.state == "to_approve" and (
                change._cr_is_decider()
            )
            change.can_cancel = change.state in PENDING and (
                service or change.create_uid == user or change.owner_id == user
            )
            change.can_reset = requester and change.state in ("rejected", "cancel")

    @api.depends("partner_id", "to_tier_id", "year")
    def _compute_display_name(self):
        for change in self:
            change.display_name = self.env._(
                "%(client)s → %(tier)s (%(year)s)",
                client=change.partner_id.display_name or "",
                tier=change.to_tier_id.name or self.env._("no tier"),
                year=change.year or "",
            )

    @api.constrains("from_tier_id", "to_tier_id", "state")
    def _check_tiers(self):
        for change in self:
            if change.state in PENDING and change.from_tier_id == change.to_tier_id:
                raise ValidationError(
                    self.env._(
                        "%(client)s is already in this tier: a tier change needs "
                        "another tier.",
                        client=change.partner_id.display_name,
                    )
                )

    @api.constrains("partner_id")
    def _check_partner(self):
        for change in self:
            if not change.partner_id.cr_is_client:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not a client.",
                        partner=change.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        partner_ids = [vals.get("partner_id") for vals in vals_list]
        if len(set(partner_ids)) < len(partner_ids):
            raise ValidationError(
                self.env._("A client has at most one pending tier change.")
            )
        self._cr_check_no_pending(partner_ids)
        return super().create(vals_list)

    def _cr_check_no_pending(self, partner_ids, exclude=None):
        pending = self.sudo().search(
            [
                ("partner_id", "in", [pid for pid in partner_ids if pid]),
                ("state", "in", PENDING),
                ("id", "not in", (exclude or self.browse()).ids),
            ],
            limit=1,
        )
        if pending:
            raise ValidationError(
                self.env._(
                    "%(client)s already has a pending tier change: %(change)s.",
                    client=pending.partner_id.display_name,
                    change=pending.display_name,
                )
            )

    def _cr_is_decider(self):
        """000/R-CR-06: the provincial level (Administrator) decides Diamond and
        Platinum, the city level (Customer Service Department, and above) Gold and
        VIP; leaving the key accounts, the level of the tier left."""
        self.ensure_one()
        group = (
            "client_relations.group_client_relations_manager"
            if self.approval_level == "provincial"
            else "client_relations.group_client_relations_service"
        )
        return self.env.user.has_group(group)

    def _cr_check_decider(self):
        for change in self:
            if not change._cr_is_decider():
                level = dict(
                    self._fields["approval_level"]._description_selection(self.env)
                )[change.approval_level]
                raise UserError(
                    self.env._(
                        "Only the %(level)s approves the tier change %(change)s "
                        "(000/R-CR-06).",
                        level=level,
                        change=change.display_name,
                    )
                )

    def action_submit(self):
        """The account owner (or the service department) asks for approval; the
        tier reviews of the approval level open."""
        self._check_state(["draft"], self.env._("Submitting a tier change"))
        for change in self:
            change.from_tier_id = change.partner_id.cr_tier_id
            if change.from_tier_id == change.to_tier_id:
                self._raise_missing(
                    change, self.env._("choose a tier other than the current one.")
                )
        self.write({"state": "to_approve"})
        self.request_validation()
        return True

    def action_approve(self):
        """The approval level validates: the client's tier is written and a history
        line is added."""
        self._check_state(["to_approve"], self.env._("Approving a tier change"))
        self._cr_check_decider()
        for change in self:
            if change.review_ids and change.can_review:
                change.validate_tier()
        self.invalidate_recordset(
            ["review_ids", "validation_status", "need_validation"]
        )
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "date_approved": fields.Date.context_today(self),
            }
        )
        self._cr_apply()
        return True

    def action_reject(self):
        self._check_state(["to_approve"], self.env._("Rejecting a tier change"))
        self._cr_check_decider()
        for change in self:
            if change.review_ids and change.can_review:
                change.reject_tier()
        self.with_context(skip_validation_check=True).write({"state": "rejected"})
        return True

    def action_cancel(self):
        self._check_state(list(PENDING), self.env._("Cancelling a tier change"))
        for change in self:
            if not change.can_cancel:
                raise UserError(
                    self.env._(
                        "Only the requester, the account owner or the customer "
                        "service department cancels %(change)s.",
                        change=change.display_name,
                    )
                )
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self._check_state(
            ["rejected", "cancel"], self.env._("Resetting a tier change to draft")
        )
        self._cr_check_no_pending(self.partner_id.ids, exclude=self)
        self.restart_validation()
        self.with_context(skip_validation_check=True).write({"state": "draft"})
        return True

    def _cr_apply(self):
        """Write the approved tiers on the clients and one history line each."""
        history = []
        for change in self:
            change.partner_id.sudo().write({"cr_tier_id": change.to_tier_id.id})
            history.append(
                {
                    "partner_id": change.partner_id.id,
                    "company_id": change.company_id.id,
                    "change_id": change.id,
                    "from_tier_id": change.from_tier_id.id,
                    "to_tier_id": change.to_tier_id.id,
                    "date": change.date_approved,
                    "year": change.year,
                    "currency_id": change.currency_id.id,
                    "revenue": change.revenue,
                    "reason": change.reason,
                    "approved_by_id": change.approved_by_id.id,
                }
            )
        return self.env["cr.tier.history"].sudo().create(history)

    # the yearly recompute (000/R-CR-01..05), set-based

    @api.model
    def _cr_tier_query(self, year, company):
        """The SQL selecting, for every active client of ``company``, its current
        tier, its revenue of ``year`` and the tier the revenue earns: the band with
        the highest inclusive lower bound not above the revenue, the bounds times
        the region's coefficient for revenue groups 2 and 3 (000/R-CR-05); an
        upstream key account registered by the provincial company gets the top tier
        whatever its revenue (000/R-CR-01). Company tiers replace the shared ones."""
        own = (
            self.env["cr.tier"]
            .sudo()
            .with_context(active_test=True)
            .search_count([("company_id", "=", company.id)], limit=1)
        )
        return SQL(
            """WITH rev AS (
                   SELECT partner_id, SUM(amount) AS amount
                     FROM cr_revenue
                    WHERE year = %(year)s AND company_id = %(company)s
                 GROUP BY partner_id),
               bands AS (
                   SELECT id, lower_bound
                     FROM cr_tier
                    WHERE active
                      AND company_id IS NOT DISTINCT FROM %(tier_company)s),
               top AS (SELECT id FROM bands ORDER BY lower_bound DESC LIMIT 1)
               SELECT p.id AS partner_id, p.cr_tier_id AS from_tier,
                      COALESCE(rev.amount, 0) AS amount,
                      CASE WHEN p.cr_upstream_key_account THEN (SELECT id FROM top)
                      ELSE (
                          SELECT b.id FROM bands b
                           WHERE COALESCE(rev.amount, 0) >= ROUND(
                                 b.lower_bound * CASE
                                     WHEN r.revenue_group IN ('2', '3')
                                     THEN COALESCE(r.tier_coefficient, 1)::numeric
                                     ELSE 1 END, 2)
                        ORDER BY b.lower_bound DESC LIMIT 1)
                      END AS to_tier
                 FROM res_partner p
            LEFT JOIN rev ON rev.partner_id = p.id
            LEFT JOIN cr_region r ON r.id = p.cr_region_id
                WHERE p.cr_is_client AND p.active AND p.is_company
                  AND (p.company_id = %(company)s OR p.company_id IS NULL)""",
            year=year,
            company=company.id,
            tier_company=company.id if own else None,
        )

    @api.model
    def _cr_propose_tier_changes(self, year, company):
        """Propose, in one INSERT, a draft tier change for every client whose
        earned tier differs from its current one. Idempotent: a client with a
        pending change, or with a change of the same year to the same tier already
        decided, gets none. Returns the new changes."""
        self.env.flush_all()
        # the year's revenue is aggregated in memory, not spilled to disk
        self.env.cr.execute("SET LOCAL work_mem = '64MB'")
        reason = self.env._("Yearly recompute from the %(year)s revenue.", year=year)
        self.env.cr.execute(
            SQL(
                """WITH target AS (%(query)s)
                   INSERT INTO cr_tier_change
                       (partner_id, company_id, year, revenue,
                        from_tier_id, to_tier_id, approval_level, origin, state,
                        reason, owner_id, department_id, create_uid, write_uid,
                        create_date, write_date)
                   SELECT t.partner_id, %(company)s, %(year)s,
                          t.amount, t.from_tier, t.to_tier,
                          COALESCE(tt.approval_level, ft.approval_level, 'city'),
                          'recompute', 'draft', %(reason)s, p.cr_owner_id,
                          p.cr_department_id, %(uid)s, %(uid)s,
                          now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                     FROM target t
                     JOIN res_partner p ON p.id = t.partner_id
                LEFT JOIN cr_tier tt ON tt.id = t.to_tier
                LEFT JOIN cr_tier ft ON ft.id = t.from_tier
                    WHERE t.to_tier IS DISTINCT FROM t.from_tier
                      AND NOT EXISTS (
                          SELECT 1 FROM cr_tier_change c
                           WHERE c.partner_id = t.partner_id
                             AND (c.state IN ('draft', 'to_approve')
                                  OR (c.year = %(year)s AND c.state != 'cancel'
                                      AND c.to_tier_id IS NOT DISTINCT FROM t.to_tier)))
                   RETURNING id""",
                query=self._cr_tier_query(year, company),
                company=company.id,
                year=year,
                reason=reason,
                uid=self.env.uid,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        self.env.cr.execute("SET LOCAL work_mem TO DEFAULT")
        self.env.invalidate_all()
        return self.browse(ids)

    @api.model
    def _cron_recompute_tiers(self):
        """Daily, thin: for each company whose recompute date of this year has come
        and whose previous year is not recomputed yet, sum the invoices (when
        Invoicing is installed and the setting is on) and propose the tier changes
        of the previous year. One failing company is logged and skipped."""
        today = fields.Date.context_today(self)
        year = today.year - 1
        companies = self.env["res.company"].search(
            [
                "|",
                ("cr_tier_recomputed_year", "=", False),
                ("cr_tier_recomputed_year", "<", year),
            ]
        )
        for company in companies:
            due = fields.Date.to_date(
                f"{today.year}-{company.cr_tier_recompute_month:02d}-"
                f"{company.cr_tier_recompute_day:02d}"
            )
            if today < due:
                continue
            try:
                with self.env.cr.savepoint():
                    self.env["cr.revenue"]._cr_sync_invoice_revenue(year, company)
                    changes = self.with_company(company)._cr_propose_tier_changes(
                        year, company
                    )
                    company.cr_tier_recomputed_year = year
                    _logger.info(
                        "Tiers of %s for %s: %s changes proposed",
                        year,
                        company.name,
                        len(changes),
                    )
            except Exception:
                _logger.exception("Tier recompute failed for company %s", company.id)
        return True
