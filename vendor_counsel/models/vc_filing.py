from odoo import api, fields, models
from odoo.exceptions import ValidationError


class VcFiling(models.Model):
    """《外聘律师备案登记表》: an engagement (or evaluation) filed with the legal
    department (000/E-VC-8, R-VC-09, R-VC-25)."""

    _name = "vc.filing"
    _description = "Outside Counsel Filing"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.state.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    engagement_id = fields.Many2one(
        "vc.engagement", required=True, index=True, ondelete="cascade", tracking=True
    )
    company_id = fields.Many2one(
        related="engagement_id.company_id", store=True, string="Hiring Unit"
    )
    firm_id = fields.Many2one(related="engagement_id.firm_id", store=True)
    filing_type = fields.Selection(
        [("engagement", "Engagement Filing"), ("evaluation", "Evaluation Filing")],
        required=True,
        default="engagement",
    )
    date_filed = fields.Date(string="Filed On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("returned", "Returned"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    # --- vc_engagements: the six items of 000/R-VC-25
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one(
        related="engagement_id.department_id",
        store=True,
        string="Using Unit",
        index=True,
    )
    lawyer_ids = fields.Many2many(
        "res.partner",
        "vc_filing_lawyer_rel",
        "filing_id",
        "partner_id",
        string="Lawyers",
        domain=[("vc_is_lawyer", "=", True)],
    )
    subject = fields.Text(string="Service Matter")
    fee_amount = fields.Monetary(tracking=True)
    fee_ratio = fields.Float(string="Charging Ratio (%)", tracking=True)
    date_start = fields.Date(string="Service Term From")
    date_end = fields.Date(string="Service Term To")
    date_signed = fields.Date(related="engagement_id.date_signed", string="Signed On")
    filing_due = fields.Datetime(related="engagement_id.filing_due")
    is_late = fields.Boolean(
        string="Filed Late",
        compute="_compute_timeliness",
        store=True,
        help="000/R-VC-09: the engagement filing was submitted after its due time.",
    )
    timeliness = fields.Selection(
        [("on_time", "On Time"), ("late", "Late")],
        compute="_compute_timeliness",
        store=True,
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    accepted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    return_reason = fields.Text(copy=False)
    note = fields.Text()
    can_submit = fields.Boolean(compute="_compute_can")
    can_accept = fields.Boolean(compute="_compute_can")
    can_return = fields.Boolean(compute="_compute_can")

    _fee_ratio_range = models.Constraint(
        "CHECK (fee_ratio >= 0 AND fee_ratio <= 100)",
        "The charging ratio is a percentage between 0 and 100.",
    )

    @api.depends("date_filed", "filing_type", "engagement_id.filing_due")
    def _compute_timeliness(self):
        for filing in self:
            due = filing.engagement_id.filing_due
            late = bool(
                filing.filing_type == "engagement"
                and filing.date_filed
                and due
                and fields.Datetime.to_datetime(filing.date_filed) > due
            )
            filing.is_late = late
            filing.timeliness = (
                (late and "late" or "on_time") if filing.date_filed else False
            )

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can(self):
        is_legal = self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal")
        for filing in self:
            filing.can_submit = filing.state in ("draft", "returned")
            filing.can_accept = is_legal and filing.state == "submitted"
            filing.can_return = is_legal and filing.state == "submitted"

    @api.constrains("fee_amount", "fee_ratio")
    def _check_fee_or_ratio(self):
        """000/R-VC-25: the fee amount OR the charging ratio, not both."""
        for filing in self:
            if filing.fee_amount and filing.fee_ratio:
                raise ValidationError(
                    self.env._(
                        "%(filing)s: give the fee amount or the charging ratio, not "
                        "both (000/R-VC-25).",
                        filing=filing.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("vc.filing") or "/"
        return super().create(vals_list)

    def _get_missing_items(self):
        """000/R-VC-25: the items of the form still empty."""
        self.ensure_one()
        missing = []
        if not self.company_id:
            missing.append(self.env._("Hiring unit"))
        if not self.firm_id:
            missing.append(self.env._("Law firm"))
        if not self.lawyer_ids:
            missing.append(self.env._("Lawyers"))
        if not (self.subject or "").strip():
            missing.append(self.env._("Service matter"))
        if not (self.fee_amount or self.fee_ratio):
            missing.append(self.env._("Fee amount or charging ratio"))
        if not (self.date_start and self.date_end):
            missing.append(self.env._("Service term"))
        return missing

    def action_submit(self):
        """The using unit submits the form to the legal department."""
        self._check_state(["draft", "returned"], self.env._("Submitting the filing"))
        for filing in self:
            missing = filing._get_missing_items()
            if missing:
                self._raise_missing(
                    filing,
                    self.env._(
                        "the filing form lacks (000/R-VC-25): %(missing)s.",
                        missing=", ".join(missing),
                    ),
                )
            if filing.engagement_id.state not in (
                "signed",
                "active",
                "expired",
                "terminated",
            ):
                self._raise_missing(
                    filing, self.env._("only a signed engagement is filed.")
                )
        self.write(
            {
                "state": "submitted",
                "date_filed": fields.Date.context_today(self),
                "submitted_by_id": self.env.user.id,
                "return_reason": False,
            }
        )
        return True

    def _check_legal(self, action):
        if not self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal"):
            raise ValidationError(
                self.env._(
                    "%(action)s: only the legal department may do this.",
                    action=action,
                )
            )

    def action_accept(self):
        """The legal department accepts the filing."""
        self._check_state(["submitted"], self.env._("Accepting the filing"))
        self._check_legal(self.env._("Accepting the filing"))
        self.write({"state": "accepted", "accepted_by_id": self.env.user.id})
        return True

    def action_return(self):
        """The legal department returns the filing with its reason."""
        self._check_state(["submitted"], self.env._("Returning the filing"))
        self._check_legal(self.env._("Returning the filing"))
        for filing in self:
            if not (filing.return_reason or "").strip():
                self._raise_missing(
                    filing, self.env._("give the reason for returning the filing.")
                )
        self.write({"state": "returned"})
        return True

    @api.model
    def _vc_filing_timeliness(self, domain=None):
        """Filings on time and late, by month and using unit: one grouped query
        whatever the number of filings."""
        groups = self._read_group(
            (domain or []) + [("timeliness", "!=", False)],
            ["date_filed:month", "department_id", "timeliness"],
            ["__count"],
        )
        return {
            (month, department.id, timeliness): count
            for month, department, timeliness, count in groups
        }
