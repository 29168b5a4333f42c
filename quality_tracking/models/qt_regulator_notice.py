from odoo import api, fields, models
from odoo.exceptions import UserError

from .qt_quality_hold import _ref_key


class QtRegulatorNotice(models.Model):
    """Regulator information watch (监管信息, 001/QT-16, D11 §2, §7).

    A notice of the regulator's website, an emergency notice or a public media report
    about products the company deals in is checked at once against purchases, sales
    and stock (deadline rule ``rule_qt_regulator_notice_check``); each affected
    product may open a quality hold (``qt.quality.hold``), linked back by its origin.
    """

    _name = "qt.regulator.notice"
    _description = "Regulator Notice"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.state.mixin",
    ]
    _order = "date_received desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    title = fields.Char(string="Subject", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    source = fields.Selection(
        [
            ("regulator_website", "Regulator Website"),
            ("regulator_notice", "Regulator Emergency Notice"),
            ("media", "Public Media"),
        ],
        default="regulator_website",
        required=True,
        tracking=True,
    )
    date_notice = fields.Date(string="Notice Date")
    date_received = fields.Datetime(
        string="Received At",
        default=fields.Datetime.now,
        required=True,
        index=True,
        help="When the company learnt of the notice: the check's clock starts here.",
    )
    content = fields.Text()
    url = fields.Char(string="Link")
    product_ids = fields.Many2many(
        "product.product",
        "qt_regulator_notice_product_rel",
        "notice_id",
        "product_id",
        string="Affected Products",
        help="The products the notice names that the company deals in.",
    )
    lot_ref = fields.Char(string="Lots / Batches")
    reporter_id = fields.Many2one(
        "res.users",
        string="Reported By",
        default=lambda self: self.env.user,
        required=True,
        index=True,
    )
    check_note = fields.Text(
        string="Purchase-Sale-Stock Check",
        help="What the check of purchases, sales and stock found (001 D11 §7).",
    )
    date_checked = fields.Datetime(string="Checked At", readonly=True, copy=False)
    checked_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Received"),
            ("checked", "Checked"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    check_hours = fields.Integer(
        string="Check Period (hours)",
        default=lambda self: self.env.company.qt_notice_check_hours,
        help="Calendar hours from the receipt to the check; from the company setting.",
    )
    check_due = fields.Datetime(string="Check By", readonly=True, copy=False)
    hold_count = fields.Integer(compute="_compute_hold_count")
    can_check = fields.Boolean(compute="_compute_can")
    can_open_hold = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _check_hours_positive = models.Constraint(
        "CHECK (coalesce(check_hours, 1) > 0)",
        "The check period must be positive.",
    )

    def _origin_refs(self):
        return [f"{self._name},{notice_id}" for notice_id in self.ids]

    def _compute_hold_count(self):
        counts = {
            _ref_key(origin): count
            for origin, count in self.env["qt.quality.hold"]._read_group(
                [("origin_ref", "in", self._origin_refs())], ["origin_ref"], ["__count"]
            )
        }
        for notice in self:
            notice.hold_count = counts.get(f"{notice._name},{notice.id}", 0)

    @api.depends("state", "product_ids")
    @api.depends_context("uid")
    def _compute_can(self):
        is_officer = self.env.user.has_group(
            "quality_tracking.group_quality_tracking_officer"
        )
        for notice in self:
            notice.can_check = notice.state == "draft" and is_officer
            notice.can_open_hold = (
                notice.state in ("draft", "checked")
                and bool(notice.product_ids)
                and is_officer
            )
            notice.can_close = notice.state == "checked" and is_officer
            notice.can_cancel = notice.state == "draft" and is_officer

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        numbers = self.env["ir.sequence"]._qt_next_by_code_batch(
            "qt.regulator.notice", len(unnamed)
        )
        for vals, number in zip(unnamed, numbers, strict=True):
            vals["name"] = number or "/"
        return super().create(vals_list)

    def _check_officer(self, action):
        if not self.env.user.has_group(
            "quality_tracking.group_quality_tracking_officer"
        ):
            raise UserError(
                self.env._(
                    "%(action)s: only the quality department may do this.",
                    action=action,
                )
            )

    def action_check(self):
        """001/QT-16: the check is done, by whom and when."""
        action = self.env._("Recording the check")
        self._check_state(["draft"], action)
        self._check_officer(action)
        if self.filtered(lambda notice: not notice.check_note):
            raise UserError(
                self.env._("Write down what the purchase-sale-stock check found first.")
            )
        self.write(
            {
                "state": "checked",
                "date_checked": fields.Datetime.now(),
                "checked_by_id": self.env.uid,
            }
        )

    def action_open_hold(self):
        """Open a quality hold for each affected product that has none from this
        notice yet (set-based), and show them."""
        self.ensure_one()
        action = self.env._("Opening a quality hold")
        self._check_state(["draft", "checked"], action)
        self._check_officer(action)
        if not self.product_ids:
            raise UserError(
                self.env._("Name the affected products before opening a hold.")
            )
        ref = f"{self._name},{self.id}"
        Hold = self.env["qt.quality.hold"]
        held = Hold.search([("origin_ref", "=", ref), ("state", "!=", "cancel")])
        products = self.product_ids - held.product_id
        holds = Hold.create(
            [
                {
                    "origin_ref": ref,
                    "source": self.source,
                    "product_id": product.id,
                    "lot_ref": self.lot_ref,
                    "stop_scope": "lot" if self.lot_ref else "product",
                    "description": self.content or self.title,
                    "company_id": self.company_id.id,
                }
                for product in products
            ]
        )
        if len(holds) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "qt.quality.hold",
                "res_id": holds.id,
                "view_mode": "form",
                "target": "current",
            }
        return self.action_view_holds()

    def action_close(self):
        action = self.env._("Closing the notice")
        self._check_state(["checked"], action)
        self._check_officer(action)
        self.state = "closed"

    def action_cancel(self):
        action = self.env._("Cancelling the notice")
        self._check_state(["draft"], action)
        self._check_officer(action)
        self.state = "cancel"

    def action_view_holds(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_quality_hold_action"
        )
        action["domain"] = [("origin_ref", "=", f"{self._name},{self.id}")]
        action["context"] = {"default_origin_ref": f"{self._name},{self.id}"}
        return action
