import logging
from collections import defaultdict
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

_logger = logging.getLogger(__name__)

OVERRIDE_FIELDS = ("first_payment_override", "override_reason")
APPROVER_GROUP = "vendor_counsel.group_vendor_counsel_legal"
FINANCE_GROUP = "vendor_counsel.group_vendor_counsel_finance"
GC_GROUP = "vendor_counsel.group_vendor_counsel_general_counsel"


class VcPayment(models.Model):
    """A fee payment (installment) of an engagement (000/E-VC-7, WF-VC-5).

    The schedule of an engagement is its non-cancelled payments ordered by planned
    date and sequence; the first of them is the first payment that D2 第十一条 limits
    (000/R-VC-05: at most a set percentage of the fixed fee; 000/R-VC-06: on or after
    the signing date plus a set number of calendar months, A-7). Both limits are
    soft (A-6): the legal department may override them with a recorded reason.
    Requests are approved through base_tier_validation (legal department, the
    general counsel above a set amount, then finance) and paid by finance.
    """

    _name = "vc.payment"
    _description = "Outside Counsel Fee Payment"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.state.mixin",
        "tier.validation",
    ]
    _order = "engagement_id, date_planned, sequence, id"
    _check_company_auto = True

    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Reference",
        required=True,
        copy=False,
        readonly=True,
        default="/",
        index="trigram",
    )
    engagement_id = fields.Many2one(
        "vc.engagement",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('company_id', 'in', allowed_company_ids)]",
    )
    company_id = fields.Many2one(
        related="engagement_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="engagement_id.currency_id")
    firm_id = fields.Many2one(
        related="engagement_id.firm_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="engagement_id.department_id", store=True, index=True, precompute=True
    )
    practice_area_id = fields.Many2one(
        related="engagement_id.practice_area_id",
        store=True,
        index=True,
        precompute=True,
    )
    user_id = fields.Many2one(
        related="engagement_id.user_id", string="Responsible (Legal)"
    )
    date_signed = fields.Date(related="engagement_id.date_signed")
    fee_amount = fields.Monetary(related="engagement_id.fee_amount", string="Fee")
    fee_reduction_clause = fields.Boolean(related="engagement_id.fee_reduction_clause")
    sequence = fields.Integer(
        default=10,
        tracking=True,
        help="Orders installments planned on the same date.",
    )
    amount = fields.Monetary(required=True, tracking=True)
    date_planned = fields.Date(string="Planned Date", required=True, tracking=True)
    date_paid = fields.Date(string="Paid On", readonly=True, copy=False, tracking=True)
    paid_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    # --- the schedule
    installment_no = fields.Integer(
        string="Installment No.",
        compute="_compute_installment",
        help="Rank of the installment among the engagement's non-cancelled payments "
        "by planned date and sequence.",
    )
    is_first = fields.Boolean(
        string="First Payment",
        compute="_compute_installment",
        help="The earliest non-cancelled installment: the first payment of "
        "D2 第十一条.",
    )
    fee_percent = fields.Float(
        string="% of Fee",
        compute="_compute_fee_percent",
        digits=(16, 2),
        aggregator=False,
        help="The installment's amount as a percentage of the engagement's fixed fee.",
    )
    # --- first-payment checks (000/R-VC-05, R-VC-06, C-VC-3)
    first_max_amount = fields.Monetary(
        string="First Payment Maximum",
        compute="_compute_first_checks",
        help="000/R-VC-05: the fixed fee times the company's maximum percentage.",
    )
    first_earliest_date = fields.Date(
        string="First Payment Earliest Date",
        compute="_compute_first_checks",
        help="000/R-VC-06: the signing date plus the company's number of calendar "
        "months (A-7: on or after).",
    )
    check_ratio_ok = fields.Boolean(
        string="Percentage Check Passed", compute="_compute_first_checks"
    )
    check_date_ok = fields.Boolean(
        string="Date Check Passed", compute="_compute_first_checks"
    )
    first_payment_override = fields.Boolean(
        string="First-Payment Override",
        copy=False,
        tracking=True,
        help="A-6: the limits of the first payment are soft ('generally', 'in "
        "principle'); the legal department may accept a breach with a reason.",
    )
    override_reason = fields.Text(copy=False, tracking=True)
    override_user_id = fields.Many2one(
        "res.users", string="Overridden By", readonly=True, copy=False, tracking=True
    )
    override_date = fields.Datetime(string="Overridden On", readonly=True, copy=False)
    # --- fee reduction (D2 第十二条)
    reduction_amount = fields.Monetary(
        tracking=True,
        help="D2 第十二条: the fee reduced after an evaluation found the service "
        "ineffective, as the contract's fee-reduction clause allows.",
    )
    reduction_reason = fields.Text(tracking=True)
    evaluation_id = fields.Many2one(
        "vc.evaluation",
        tracking=True,
        check_company=True,
        domain="[('firm_id', '=', firm_id)]",
    )
    amount_net = fields.Monetary(
        string="Net Amount", compute="_compute_amount_net", store=True
    )
    # --- vendor bill (account is not a dependency)
    bill_ref = fields.Char(string="Vendor Bill Reference", copy=False)
    bill_id = fields.Integer(
        string="Vendor Bill ID",
        copy=False,
        help="The id of the vendor bill (account.move) when Invoicing is installed.",
    )
    reminder_sent = fields.Boolean(copy=False, readonly=True)
    # --- buttons
    can_submit = fields.Boolean(compute="_compute_can")
    can_approve = fields.Boolean(compute="_compute_can")
    can_pay = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")
    can_override = fields.Boolean(compute="_compute_can")
    # reviewers of the default tier definitions: every member of the group, also
    # through an implied group (a tier's group review counts its direct members only)
    legal_reviewer_ids = fields.Many2many(
        "res.users", string="Legal Reviewers", compute="_compute_reviewers"
    )
    general_counsel_reviewer_ids = fields.Many2many(
        "res.users", string="General Counsel Reviewers", compute="_compute_reviewers"
    )
    finance_reviewer_ids = fields.Many2many(
        "res.users", string="Finance Reviewers", compute="_compute_reviewers"
    )
    needs_gc_approval = fields.Boolean(
        string="Needs General Counsel",
        compute="_compute_needs_gc_approval",
        search="_search_needs_gc_approval",
        help="The amount is above the company's general counsel threshold.",
    )

    _amount_positive = models.Constraint(
        "CHECK(amount > 0)", "The amount of a payment must be positive."
    )
    _reduction_range = models.Constraint(
        "CHECK(reduction_amount >= 0 AND reduction_amount <= amount)",
        "The reduction must be between zero and the payment's amount.",
    )

    # --- computes

    @api.depends("engagement_id", "date_planned", "sequence", "state")
    def _compute_installment(self):
        engagement_ids = {p.engagement_id._origin.id for p in self} - {False}
        # ranking only (a number and a flag): every installment of the engagement
        # counts, whether or not the reader may see it
        siblings = (
            self.sudo().search_fetch(
                [
                    ("engagement_id", "in", list(engagement_ids)),
                    ("state", "!=", "cancel"),
                ],
                ["engagement_id", "date_planned", "sequence"],
            )
            if engagement_ids
            else self.browse()
        )
        keys = defaultdict(dict)
        for payment in siblings:
            keys[payment.engagement_id.id][payment.id] = (
                payment.date_planned or date.max,
                payment.sequence,
                payment.id,
            )
        for payment in self:
            engagement = payment.engagement_id._origin.id
            origin = payment._origin.id or payment.id
            if payment.state == "cancel":
                keys[engagement].pop(origin, None)
            else:
                keys[engagement][origin] = (
                    payment.date_planned or date.max,
                    payment.sequence,
                    payment._origin.id or float("inf"),
                )
        ranks = {}
        for items in keys.values():
            for rank, key in enumerate(sorted(items, key=items.get), start=1):
                ranks[key] = rank
        for payment in self:
            rank = ranks.get(payment._origin.id or payment.id, 0)
            payment.installment_no = rank
            payment.is_first = rank == 1 and payment.state != "cancel"

    @api.depends("amount", "engagement_id.fee_amount")
    def _compute_fee_percent(self):
        for payment in self:
            fee = payment.engagement_id.fee_amount
            payment.fee_percent = payment.amount * 100.0 / fee if fee else 0.0

    @api.depends("amount", "reduction_amount")
    def _compute_amount_net(self):
        for payment in self:
            payment.amount_net = payment.amount - payment.reduction_amount

    @api.depends(
        "amount",
        "date_planned",
        "engagement_id.fee_amount",
        "engagement_id.date_signed",
        "company_id.vc_first_payment_max_percent",
        "company_id.vc_first_payment_min_months",
    )
    def _compute_first_checks(self):
        fixed = self.engagement_id._vc_fixed_fee()
        for payment in self:
            company = payment.company_id or self.env.company
            fee = fixed.get(
                payment.engagement_id._origin.id or payment.engagement_id.id
            )
            maximum = fee * company.vc_first_payment_max_percent / 100.0 if fee else 0.0
            signed = payment.engagement_id.date_signed
            earliest = (
                signed + relativedelta(months=company.vc_first_payment_min_months)
                if signed
                else False
            )
            payment.first_max_amount = maximum
            payment.first_earliest_date = earliest
            payment.check_ratio_ok = (
                not fee
                or (payment.currency_id or company.currency_id).compare_amounts(
                    payment.amount, maximum
                )
                <= 0
            )
            payment.check_date_ok = bool(
                earliest and payment.date_planned and payment.date_planned >= earliest
            )

    def _compute_reviewers(self):
        reviewers = {}
        for name, xmlid in (
            ("legal_reviewer_ids", APPROVER_GROUP),
            ("general_counsel_reviewer_ids", GC_GROUP),
            ("finance_reviewer_ids", FINANCE_GROUP),
        ):
            # group membership, not record data: read whoever reviews
            users = self.env.ref(xmlid).sudo().all_user_ids
            reviewers[name] = users.filtered(lambda u: not u.share)
        for payment in self:
            payment.update(
                {
                    name: users.filtered(
                        lambda u, p=payment: p.company_id in u.company_ids
                    )
                    for name, users in reviewers.items()
                }
            )

    @api.depends("amount", "company_id.vc_payment_gc_threshold")
    def _compute_needs_gc_approval(self):
        for payment in self:
            company = payment.company_id or self.env.company
            payment.needs_gc_approval = payment.amount > company.vc_payment_gc_threshold

    def _search_needs_gc_approval(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        wanted = (operator == "=") == bool(value)
        ids = []
        for company in self.env["res.company"].search([]):
            comparator = ">" if wanted else "<="
            ids += self._search(
                [
                    ("company_id", "=", company.id),
                    ("amount", comparator, company.vc_payment_gc_threshold),
                ]
            )
        return [("id", "in", ids)]

    @api.depends_context("uid")
    @api.depends("state", "validation_status")
    def _compute_can(self):
        user = self.env.user
        is_finance = user.has_group(FINANCE_GROUP)
        is_approver = user.has_group(APPROVER_GROUP)
        for payment in self:
            state = payment.state
            payment.can_submit = state == "draft"
            payment.can_approve = state == "to_approve" and (
                payment.validation_status == "validated" or not payment.review_ids
            )
            payment.can_pay = state == "approved" and is_finance
            payment.can_cancel = state in ("draft", "to_approve", "approved")
            payment.can_reset = state in ("to_approve", "cancel")
            payment.can_override = is_approver and state in ("draft", "to_approve")

    # --- constraints and checks

    def _vc_first_payments(self):
        """The first installments (not yet paid) of these payments' engagements."""
        engagements = self.engagement_id
        if not engagements:
            return self.browse()
        payments = self.sudo().search(
            [("engagement_id", "in", engagements.ids), ("state", "!=", "cancel")]
        )
        firsts = payments.filtered(lambda p: p.is_first)
        return self.browse(
            firsts.filtered(
                lambda p: p.state in ("draft", "to_approve", "approved")
            ).ids
        )

    def _vc_first_payment_breaches(self):
        """[(rule id, message)] of every first installment among ``self`` that breaks
        000/R-VC-05 or R-VC-06 without a recorded override."""
        breaches = []
        for payment in self.filtered(
            lambda p: p.is_first and not p.first_payment_override
        ):
            company = payment.company_id
            if not payment.check_ratio_ok:
                breaches.append(
                    (
                        "000/R-VC-05",
                        self.env._(
                            "%(payment)s: the first payment (%(amount)s, %(percent)s "
                            "%%) is more than %(max_percent)s %% of the fixed fee "
                            "(at most %(maximum)s).",
                            payment=payment.display_name,
                            amount=payment.amount,
                            percent=round(payment.fee_percent, 2),
                            max_percent=company.vc_first_payment_max_percent,
                            maximum=payment.first_max_amount,
                        ),
                    )
                )
            if payment.first_earliest_date and not payment.check_date_ok:
                breaches.append(
                    (
                        "000/R-VC-06",
                        self.env._(
                            "%(payment)s: the first payment is planned on %(date)s, "
                            "before %(earliest)s (the signing date %(signed)s plus "
                            "%(months)s month(s)).",
                            payment=payment.display_name,
                            date=payment.date_planned,
                            earliest=payment.first_earliest_date,
                            signed=payment.date_signed,
                            months=company.vc_first_payment_min_months,
                        ),
                    )
                )
        return breaches

    def _vc_assert_first_payment(self):
        breaches = self._vc_first_payment_breaches()
        if breaches:
            raise ValidationError(
                self.env._(
                    "The first payment breaks the fee rules (D2 第十一条); correct it "
                    "or ask the legal department to record an override with its "
                    "reason: %(breaches)s",
                    breaches="; ".join(
                        f"{message} ({rule})" for rule, message in breaches
                    ),
                )
            )

    @api.constrains(
        "amount",
        "date_planned",
        "sequence",
        "state",
        "engagement_id",
        "first_payment_override",
    )
    def _check_first_payment(self):
        """000/R-VC-05, R-VC-06, C-VC-3: checked on save for the first installment
        of each engagement touched (a new earlier installment becomes the first)."""
        self._vc_first_payments()._vc_assert_first_payment()

    @api.constrains("first_payment_override", "override_reason")
    def _check_override_reason(self):
        for payment in self:
            if (
                payment.first_payment_override
                and not (payment.override_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "%(payment)s: an override of the first-payment rules needs "
                        "its reason (A-6).",
                        payment=payment.display_name,
                    )
                )

    @api.constrains("amount", "reduction_amount", "state", "engagement_id")
    def _check_schedule_total(self):
        """The net installments of a fixed-fee engagement never exceed its fee."""
        engagements = self.engagement_id
        fees = engagements._vc_fixed_fee()
        if not fees:
            return
        groups = self.sudo()._read_group(
            [("engagement_id", "in", list(fees)), ("state", "!=", "cancel")],
            ["engagement_id"],
            ["amount:sum", "reduction_amount:sum"],
        )
        for engagement, amount, reduction in groups:
            fee = fees[engagement.id]
            if engagement.currency_id.compare_amounts(amount - reduction, fee) > 0:
                raise ValidationError(
                    self.env._(
                        "%(engagement)s: the installments scheduled (%(total)s net) "
                        "exceed the fixed fee of %(fee)s.",
                        engagement=engagement.display_name,
                        total=amount - reduction,
                        fee=fee,
                    )
                )

    @api.constrains("reduction_amount", "reduction_reason", "evaluation_id")
    def _check_reduction(self):
        """D2 第十二条: a reduction needs the contract's clause, a reason and the
        evaluation of the firm that found the service ineffective."""
        for payment in self.filtered(lambda p: p.reduction_amount):
            if not payment.engagement_id.fee_reduction_clause:
                raise ValidationError(
                    self.env._(
                        "%(payment)s: the contract of %(engagement)s has no "
                        "fee-reduction clause; the fee cannot be reduced "
                        "(D2 第十二条).",
                        payment=payment.display_name,
                        engagement=payment.engagement_id.display_name,
                    )
                )
            if (
                not (payment.reduction_reason or "").strip()
                or not payment.evaluation_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(payment)s: a fee reduction needs its reason and the "
                        "evaluation it follows.",
                        payment=payment.display_name,
                    )
                )
            if payment.evaluation_id.firm_id != payment.firm_id:
                raise ValidationError(
                    self.env._(
                        "%(payment)s: the evaluation %(evaluation)s is not of the "
                        "engagement's firm.",
                        payment=payment.display_name,
                        evaluation=payment.evaluation_id.display_name,
                    )
                )

    def _vc_check_override_rights(self, vals):
        if any(name in vals for name in OVERRIDE_FIELDS) and not (
            self.env.su or self.env.user.has_group(APPROVER_GROUP)
        ):
            raise AccessError(
                self.env._(
                    "Only the legal department or the general counsel may override "
                    "the first-payment rules (A-6)."
                )
            )

    def _vc_override_stamp(self, vals):
        if vals.get("first_payment_override"):
            vals["override_user_id"] = self.env.uid
            vals["override_date"] = fields.Datetime.now()
        elif "first_payment_override" in vals:
            vals["override_user_id"] = False
            vals["override_date"] = False
        return vals

    # --- CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._vc_check_override_rights(vals)
            self._vc_override_stamp(vals)
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("vc.payment") or "/"
        return super().create(vals_list)

    def write(self, vals):
        self._vc_check_override_rights(vals)
        vals = self._vc_override_stamp(dict(vals))
        if "date_planned" in vals:
            vals.setdefault("reminder_sent", False)
        return super().write(vals)

    @api.model
    def _get_under_validation_exceptions(self):
        """The legal department records an override while the request is reviewed."""
        return super()._get_under_validation_exceptions() + [
            "first_payment_override",
            "override_reason",
            "override_user_id",
            "override_date",
        ]

    # --- state machine

    def action_submit(self):
        """Request the payment: the engagement is signed and the first-payment rules
        hold (or are overridden); the tier reviews are requested."""
        self._check_state(("draft",), self.env._("Requesting the payment"))
        for payment in self:
            if not payment.engagement_id.date_signed:
                self._raise_missing(
                    payment,
                    self.env._(
                        "the engagement's contract must be signed (signing date) "
                        "before a payment is requested."
                    ),
                )
        self._vc_first_payments()._vc_assert_first_payment()
        self.write({"state": "to_approve"})
        with_reviews = self.filtered("review_ids")
        with_reviews.restart_validation()
        (self - with_reviews).request_validation()
        self.invalidate_recordset(["review_ids", "validation_status", "can_review"])
        return True

    def validate_tier(self):
        """Once the last reviewer validates, the payment is approved."""
        result = super().validate_tier()
        self.invalidate_recordset(["validation_status"])
        done = self.filtered(
            lambda p: p.state == "to_approve" and p.validation_status == "validated"
        )
        if done:
            done.action_approve()
        return result

    def action_approve(self):
        """Approved once every tier review is validated (base_tier_validation); the
        first-payment rules are checked again."""
        self._check_state(("to_approve",), self.env._("Approving"))
        self.invalidate_recordset(
            ["review_ids", "need_validation", "validation_status"]
        )
        self._vc_first_payments()._vc_assert_first_payment()
        self.write({"state": "approved"})
        return True

    def action_pay(self):
        """Finance records the payment."""
        self._check_state(("approved",), self.env._("Paying"))
        if not self.env.user.has_group(FINANCE_GROUP):
            raise AccessError(self.env._("Only finance records a fee payment as paid."))
        self.write(
            {
                "state": "paid",
                "date_paid": fields.Date.context_today(self),
                "paid_by_id": self.env.uid,
            }
        )
        return True

    def action_cancel(self):
        self._check_state(("draft", "to_approve", "approved"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        """Back to draft (a rejected or cancelled request): the reviews are dropped."""
        self._check_state(("to_approve", "cancel"), self.env._("Resetting to draft"))
        self.review_ids.unlink()
        self.with_context(skip_validation_check=True).write({"state": "draft"})
        return True

    def action_open_bill(self):
        """The vendor bill, when Invoicing is installed."""
        self.ensure_one()
        if "account.move" not in self.env or not self.bill_id:
            raise UserError(self.env._("No vendor bill is linked to this payment."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.bill_id,
            "view_mode": "form",
        }

    # --- cron

    @api.model
    def _cron_remind_draft_payments(self):
        """000/WF-VC-5: payments planned within the company's reminder days and
        still in draft get one activity for the engagement's legal responsible."""
        today = fields.Date.context_today(self)
        cron = self.env["ir.cron"]
        companies = self.env["res.company"].search([])
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for company in companies:
            limit = today + timedelta(days=company.vc_payment_reminder_days)
            payments = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "draft"),
                    ("reminder_sent", "=", False),
                    ("date_planned", "<=", limit),
                ]
            )
            reminded = self.browse()
            for payment in payments:
                try:
                    with self.env.cr.savepoint():
                        payment.activity_schedule(
                            activity_type_id=activity_type.id,
                            date_deadline=payment.date_planned,
                            summary=self.env._("Request the fee payment"),
                            note=self.env._(
                                "The payment %(payment)s of %(engagement)s is planned "
                                "on %(date)s and still in draft.",
                                payment=payment.name,
                                engagement=payment.engagement_id.display_name,
                                date=payment.date_planned,
                            ),
                            user_id=(payment.user_id or self.env.user).id,
                        )
                        reminded |= payment
                except Exception:
                    _logger.exception("Payment reminder of %s failed", payment.id)
            reminded.write({"reminder_sent": True})
            cron._commit_progress(len(payments))
