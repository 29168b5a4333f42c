from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QtRecall(models.Model):
    """A recall / stop-sale of the products or lots concerned (000/WF-QT-8 step 3,
    001/WF-6): the customers who received them, the return notice (退货通知) sent to
    each, the quantities returned and received as nonconforming.

    Customers are entered by hand: ``sale`` and ``stock`` are not dependencies of
    this addon. States move draft → notified → returning → closed (or cancel) only
    through the ``action_*`` methods.
    """

    _name = "qt.recall"
    _description = "Recall"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.state.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    kind = fields.Selection(
        [("recall", "Recall"), ("stop_sale", "Stop-Sale Only")],
        default="recall",
        required=True,
        tracking=True,
        help="A recall takes the goods back; a stop-sale only tells the customers to "
        "stop selling and using them.",
    )
    origin_ref = fields.Reference(
        selection=[
            ("qt.quality.hold", "Quality Hold"),
            ("qt.adverse.event", "Adverse Event"),
        ],
        string="Origin Document",
        index=True,
    )
    product_id = fields.Many2one("product.product", index=True, tracking=True)
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, index=True
    )
    is_focus = fields.Boolean(
        related="product_tmpl_id.qt_is_focus",
        store=True,
        index=True,
        string="Focused Device",
    )
    lot_ref = fields.Char(string="Lots / Batches", index=True, tracking=True)
    reason = fields.Text()
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    date_opened = fields.Datetime(
        string="Opened At", default=fields.Datetime.now, required=True, index=True
    )
    date_closed = fields.Datetime(string="Closed At", readonly=True, copy=False)
    line_ids = fields.One2many("qt.recall.line", "recall_id", string="Customers")
    customer_count = fields.Integer(compute="_compute_counts", store=True)
    notice_count = fields.Integer(
        string="Notices Sent", compute="_compute_counts", store=True
    )
    returned_count = fields.Integer(
        string="Returns Received", compute="_compute_counts", store=True
    )
    outstanding_count = fields.Integer(
        string="Outstanding", compute="_compute_counts", store=True
    )
    qty_delivered = fields.Float(
        string="Quantity Delivered", compute="_compute_counts", store=True
    )
    qty_returned = fields.Float(
        string="Quantity Returned", compute="_compute_counts", store=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("notified", "Notified"),
            ("returning", "Returning"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    notice_hours = fields.Integer(
        string="Notice Period (hours)",
        default=lambda self: self.env.company.qt_recall_notice_hours,
        help="Calendar hours from the recall's opening to the notices sent; from the "
        "company setting.",
    )
    notice_due = fields.Datetime(string="Notify By", readonly=True, copy=False)
    can_notify = fields.Boolean(compute="_compute_can")
    can_start_returns = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _notice_hours_positive = models.Constraint(
        "CHECK (coalesce(notice_hours, 1) > 0)",
        "The notice period must be positive.",
    )

    @api.constrains("product_id", "lot_ref")
    def _check_product_or_lot(self):
        """Issue 8 item 9: a recall names the product or the lot concerned."""
        for recall in self:
            if not recall.product_id and not (recall.lot_ref or "").strip():
                raise ValidationError(
                    self.env._(
                        "A recall needs the product or the lot concerned: "
                        "name at least one."
                    )
                )

    @api.depends(
        "line_ids.date_notified",
        "line_ids.line_state",
        "line_ids.qty_delivered",
        "line_ids.qty_returned",
    )
    def _compute_counts(self):
        for recall in self:
            lines = recall.line_ids
            recall.customer_count = len(lines)
            recall.notice_count = len(lines.filtered("date_notified"))
            recall.returned_count = len(
                lines.filtered(lambda line: line.line_state == "returned")
            )
            recall.outstanding_count = len(
                lines.filtered(lambda line: line.line_state in ("pending", "notified"))
            )
            recall.qty_delivered = sum(lines.mapped("qty_delivered"))
            recall.qty_returned = sum(lines.mapped("qty_returned"))

    @api.depends("state", "line_ids")
    @api.depends_context("uid")
    def _compute_can(self):
        for recall in self:
            recall.can_notify = recall.state in ("draft", "notified") and bool(
                recall.line_ids.filtered(lambda line: not line.date_notified)
            )
            recall.can_start_returns = recall.state == "notified"
            recall.can_close = recall.state in ("notified", "returning")
            recall.can_cancel = recall.state in ("draft", "notified")

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        numbers = self.env["ir.sequence"]._qt_next_by_code_batch(
            "qt.recall", len(unnamed)
        )
        for vals, number in zip(unnamed, numbers, strict=True):
            vals["name"] = number or "/"
        return super().create(vals_list)

    # --- actions

    def action_send_notices(self):
        """Send the return notice to every customer not notified yet (the time is
        recorded on each line); the recall is then notified."""
        self._check_state(["draft", "notified"], self.env._("Sending the notices"))
        if self.filtered(lambda recall: not recall.line_ids):
            raise UserError(
                self.env._(
                    "Enter the customers who received the goods before sending the "
                    "notices."
                )
            )
        lines = self.line_ids.filtered(lambda line: not line.date_notified)
        if not lines:
            raise UserError(self.env._("Every customer has been notified already."))
        lines.write({"date_notified": fields.Datetime.now()})
        self.filtered(lambda recall: recall.state == "draft").state = "notified"

    def action_start_returns(self):
        self._check_state(["notified"], self.env._("Recording the returns"))
        if self.filtered(lambda recall: not recall.qty_returned):
            raise UserError(self.env._("Enter the quantity a customer returned first."))
        self.state = "returning"

    def action_close(self):
        """Closing needs every customer's goods returned (and received as
        nonconforming) or the shortfall explained."""
        self._check_state(["notified", "returning"], self.env._("Closing the recall"))
        open_lines = self.line_ids.filtered(
            lambda line: line.line_state in ("pending", "notified")
        )
        if open_lines:
            raise UserError(
                self.env._(
                    "The recall cannot close: %(customers)s returned nothing or not "
                    "all yet. Record the return or explain why.",
                    customers=", ".join(open_lines.partner_id.mapped("display_name")),
                )
            )
        unflagged = self.line_ids.filtered(
            lambda line: line.qty_returned and not line.is_received_nonconforming
        )
        if unflagged:
            raise UserError(
                self.env._(
                    "The goods returned by %(customers)s must be received as "
                    "nonconforming first.",
                    customers=", ".join(unflagged.partner_id.mapped("display_name")),
                )
            )
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})

    def action_cancel(self):
        self._check_state(["draft", "notified"], self.env._("Cancelling the recall"))
        self.state = "cancel"


class QtRecallLine(models.Model):
    """A customer of a recall: quantity delivered, notice, return."""

    _name = "qt.recall.line"
    _description = "Recall Customer"
    _order = "recall_id, id"
    _check_company_auto = True

    recall_id = fields.Many2one(
        "qt.recall", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="recall_id.company_id", store=True, index=True)
    product_id = fields.Many2one(related="recall_id.product_id", store=True)
    is_focus = fields.Boolean(related="recall_id.is_focus", store=True)
    recall_state = fields.Selection(related="recall_id.state", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True
    )
    lot_ref = fields.Char(string="Lot / Batch")
    qty_delivered = fields.Float(string="Quantity Delivered", default=0.0)
    date_delivered = fields.Date(string="Delivered On")
    date_notified = fields.Datetime(string="Notice Sent At", copy=False)
    qty_returned = fields.Float(string="Quantity Returned", default=0.0, copy=False)
    date_returned = fields.Date(string="Returned On", copy=False)
    is_received_nonconforming = fields.Boolean(
        string="Received as Nonconforming",
        copy=False,
        help="The returned goods were marked nonconforming at receipt and moved to "
        "the nonconforming area.",
    )
    explanation = fields.Char(
        string="Shortfall Explained",
        help="Why the rest will not come back (used, lost, destroyed on site).",
    )
    line_state = fields.Selection(
        [
            ("pending", "To Notify"),
            ("notified", "Notified"),
            ("returned", "Returned"),
            ("explained", "Explained"),
        ],
        string="Return Status",
        compute="_compute_line_state",
        store=True,
        index=True,
    )

    _qty_positive = models.Constraint(
        "CHECK (qty_delivered >= 0 AND qty_returned >= 0)",
        "Quantities cannot be negative.",
    )
    _qty_returned_le_delivered = models.Constraint(
        "CHECK (qty_returned <= qty_delivered)",
        "A customer cannot return more than was delivered.",
    )

    @api.depends("date_notified", "qty_delivered", "qty_returned", "explanation")
    def _compute_line_state(self):
        for line in self:
            if line.qty_delivered and line.qty_returned >= line.qty_delivered:
                line.line_state = "returned"
            elif line.explanation:
                line.line_state = "explained"
            elif line.date_notified:
                line.line_state = "notified"
            else:
                line.line_state = "pending"
