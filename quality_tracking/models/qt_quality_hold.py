from odoo import api, fields, models
from odoo.exceptions import UserError

SEVERITIES = [("serious", "Serious Defect"), ("fatal", "Fatal Defect")]
SOURCES = [
    ("internal", "Internal Tracking"),
    ("customer", "Customer"),
    ("regulator_website", "Regulator Website"),
    ("regulator_notice", "Regulator Emergency Notice"),
    ("media", "Public Media"),
]
REGULATOR_SOURCES = ("regulator_website", "regulator_notice")
DISPOSITIONS = [
    ("return", "Supplier Return"),
    ("exchange", "Supplier Exchange"),
    ("destruction", "Destruction"),
]


def _ref_key(origin):
    """A Reference group key as its "model,id" string."""
    return origin if isinstance(origin, str) else f"{origin._name},{origin.id}"


class QtQualityHold(models.Model):
    """A nonconforming product / quality hold (不合格品处理, 000/E-QT-13, 001/QT-15).

    Suspicious quality information is evaluated by the quality department; a
    confirmed serious or fatal defect stops the sale of the same product (or lot) and
    moves the goods to the nonconforming area before it can be confirmed (000/R-QT-27,
    001/R-40). Sold goods are recalled (``qt.recall``), purchasing is notified and the
    supplier takes them back, exchanges them or they are destroyed (000/WF-QT-8,
    001/WF-6). States move suspected → evaluating → confirmed → contained → disposed
    → closed (or cancel) only through the ``action_*`` methods.
    """

    _name = "qt.quality.hold"
    _description = "Quality Hold"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.state.mixin",
        "qt.issue.origin.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    description = fields.Text(string="Quality Information")
    product_id = fields.Many2one(
        "product.product", required=True, index=True, tracking=True
    )
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, index=True
    )
    device_class = fields.Selection(
        related="product_tmpl_id.qt_device_class", store=True
    )
    is_focus = fields.Boolean(
        related="product_tmpl_id.qt_is_focus",
        store=True,
        index=True,
        string="Focused Device",
    )
    product_spec = fields.Char(string="Specification")
    product_model = fields.Char(string="Model")
    manufacturer = fields.Char()
    lot_ref = fields.Char(
        string="Lots / Batches",
        index=True,
        tracking=True,
        help="The lot or batch numbers concerned, separated by commas.",
    )
    stop_scope = fields.Selection(
        [("product", "Same Product"), ("lot", "Same Lot")],
        string="Stop-Sale Scope",
        default="product",
        required=True,
        tracking=True,
        help="Stop the sale of every item with the same name, specification, model "
        "and manufacturer, or only of the same lot (001/R-40).",
    )
    severity = fields.Selection(
        SEVERITIES,
        string="Defect Severity",
        tracking=True,
        index=True,
        help="The seeds give two levels only; both force stop-sale and quarantine "
        "(000/R-QT-27).",
    )
    location = fields.Selection(
        [("stock", "In Stock"), ("sold", "Already Sold")],
        string="Scope",
        default="stock",
        required=True,
        tracking=True,
        help="Sold goods are also traced to their customers and recalled.",
    )
    source = fields.Selection(
        SOURCES, default="internal", required=True, tracking=True, index=True
    )
    origin_ref = fields.Reference(
        selection=[
            ("qt.regulator.notice", "Regulator Notice"),
            ("qt.adverse.event", "Adverse Event"),
        ],
        string="Origin Document",
        index=True,
    )
    reporter_id = fields.Many2one(
        "res.users",
        string="Reported By",
        default=lambda self: self.env.user,
        required=True,
        index=True,
    )
    date_reported = fields.Datetime(
        string="Reported At", default=fields.Datetime.now, required=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Quality Officer", index=True, tracking=True
    )
    evaluation = fields.Text(string="Analysis and Evaluation")
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_confirmed = fields.Datetime(
        string="Confirmed At", readonly=True, copy=False, index=True
    )

    # --- containment (000/R-QT-27, 001/R-40)
    is_staff_notified = fields.Boolean(
        string="Storage and Maintenance Staff Notified", tracking=True
    )
    is_stop_sale = fields.Boolean(string="Sale Stopped", tracking=True, copy=False)
    date_stop_sale = fields.Datetime(
        string="Sale Stopped At",
        compute="_compute_date_stop_sale",
        store=True,
        readonly=False,
        copy=False,
    )
    is_quarantined = fields.Boolean(
        string="Moved to the Nonconforming Area", tracking=True, copy=False
    )
    date_quarantined = fields.Datetime(
        string="Quarantined At",
        compute="_compute_date_quarantined",
        store=True,
        readonly=False,
        copy=False,
    )
    is_purchasing_notified = fields.Boolean(
        string="Purchasing Notified", tracking=True, copy=False
    )
    date_purchasing_notified = fields.Datetime(
        string="Purchasing Notified At",
        compute="_compute_date_purchasing_notified",
        store=True,
        readonly=False,
        copy=False,
    )
    # --- regulator-sourced case (001 D11 §7)
    is_pss_checked = fields.Boolean(
        string="Purchase-Sale-Stock Checked",
        tracking=True,
        copy=False,
        help="A hold from a regulator notice: purchases, sales and stock are checked "
        "at once (001 D11 §7).",
    )
    date_pss_checked = fields.Datetime(
        string="Checked At",
        compute="_compute_date_pss_checked",
        store=True,
        readonly=False,
        copy=False,
    )
    is_regulator_reported = fields.Boolean(
        string="Reported to the Local Regulator", tracking=True, copy=False
    )
    date_regulator_reported = fields.Datetime(
        string="Reported to the Regulator At",
        compute="_compute_date_regulator_reported",
        store=True,
        readonly=False,
        copy=False,
    )
    regulator_instruction = fields.Text(string="Regulator's Instructions")
    is_regulator_sourced = fields.Boolean(
        compute="_compute_is_regulator_sourced", string="Regulator-Sourced"
    )
    # --- disposition
    disposition = fields.Selection(DISPOSITIONS, tracking=True)
    disposition_note = fields.Text()
    date_disposed = fields.Datetime(string="Disposed At", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed At", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("suspected", "Suspected"),
            ("evaluating", "Evaluating"),
            ("confirmed", "Confirmed"),
            ("contained", "Contained"),
            ("disposed", "Disposed"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="suspected",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    # --- deadline (engine rule rule_qt_quality_hold_contain)
    contain_hours = fields.Integer(
        string="Containment Period (hours)",
        default=lambda self: self.env.company.qt_hold_contain_hours,
        help="Calendar hours from the confirmation to the containment; from the "
        "company setting.",
    )
    contain_due = fields.Datetime(string="Contain By", readonly=True, copy=False)
    recall_count = fields.Integer(
        compute="_compute_recall_count",
        groups="quality_tracking.group_quality_tracking_officer",
    )
    can_evaluate = fields.Boolean(compute="_compute_can")
    can_confirm = fields.Boolean(compute="_compute_can")
    can_open_recall = fields.Boolean(compute="_compute_can")
    can_contain = fields.Boolean(compute="_compute_can")
    can_dispose = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")

    _contain_hours_positive = models.Constraint(
        "CHECK (coalesce(contain_hours, 1) > 0)",
        "The containment period must be positive.",
    )

    @api.depends("is_stop_sale")
    def _compute_date_stop_sale(self):
        self._stamp("is_stop_sale", "date_stop_sale")

    @api.depends("is_quarantined")
    def _compute_date_quarantined(self):
        self._stamp("is_quarantined", "date_quarantined")

    @api.depends("is_purchasing_notified")
    def _compute_date_purchasing_notified(self):
        self._stamp("is_purchasing_notified", "date_purchasing_notified")

    @api.depends("is_pss_checked")
    def _compute_date_pss_checked(self):
        self._stamp("is_pss_checked", "date_pss_checked")

    @api.depends("is_regulator_reported")
    def _compute_date_regulator_reported(self):
        self._stamp("is_regulator_reported", "date_regulator_reported")

    def _stamp(self, flag, date_field):
        """The seeds say "immediately": record when each step was done."""
        now = fields.Datetime.now()
        for hold in self:
            if not hold[flag]:
                hold[date_field] = False
            elif not hold[date_field]:
                hold[date_field] = now

    @api.depends("source", "origin_ref")
    def _compute_is_regulator_sourced(self):
        for hold in self:
            hold.is_regulator_sourced = hold.source in REGULATOR_SOURCES or bool(
                hold.origin_ref and hold.origin_ref._name == "qt.regulator.notice"
            )

    def _compute_recall_count(self):
        counts = {
            _ref_key(origin): count
            for origin, count in self.env["qt.recall"]._read_group(
                [("origin_ref", "in", [f"{self._name},{i}" for i in self.ids])],
                ["origin_ref"],
                ["__count"],
            )
        }
        for hold in self:
            hold.recall_count = counts.get(f"{hold._name},{hold.id}", 0)

    @api.depends("state", "location")
    @api.depends_context("uid")
    def _compute_can(self):
        is_officer = self._is_quality_officer()
        for hold in self:
            state = hold.state
            hold.can_evaluate = state == "suspected" and is_officer
            hold.can_confirm = state == "evaluating" and is_officer
            hold.can_open_recall = (
                state in ("confirmed", "contained")
                and hold.location == "sold"
                and is_officer
            )
            hold.can_contain = state == "confirmed" and is_officer
            hold.can_dispose = state == "contained" and is_officer
            hold.can_close = state == "disposed" and is_officer
            hold.can_cancel = state in ("suspected", "evaluating") and is_officer

    def _is_quality_officer(self):
        return self.env.user.has_group(
            "quality_tracking.group_quality_tracking_officer"
        )

    # --- CRUD

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        numbers = self.env["ir.sequence"]._qt_next_by_code_batch(
            "qt.quality.hold", len(unnamed)
        )
        for vals, number in zip(unnamed, numbers, strict=True):
            vals["name"] = number or "/"
        return super().create(vals_list)

    # --- guards

    def _check_officer(self, action):
        if not self._is_quality_officer():
            raise UserError(
                self.env._(
                    "%(action)s: only the quality department may do this.",
                    action=action,
                )
            )

    def _check_can_confirm(self):
        """000/R-QT-27, 001/R-40: a serious or fatal defect is confirmed only with the
        sale of the same product (or lot) stopped and the goods quarantined."""
        action = self.env._("Confirming the defect")
        self._check_state(["evaluating"], action)
        self._check_officer(action)
        for hold in self:
            missing = []
            if not hold.severity:
                missing.append(self.env._("the defect severity (serious or fatal)"))
            if hold.stop_scope == "lot" and not hold.lot_ref:
                missing.append(self.env._("the lot whose sale stops"))
            if not hold.is_stop_sale:
                missing.append(self.env._("the stop-sale of the same product or lot"))
            if not hold.is_quarantined:
                missing.append(self.env._("the move to the nonconforming area"))
            if hold.is_regulator_sourced and not hold.is_pss_checked:
                missing.append(self.env._("the purchase-sale-stock check"))
            if missing:
                raise UserError(
                    self.env._(
                        "%(hold)s cannot be confirmed without %(missing)s "
                        "(000/R-QT-27, 001/R-40).",
                        hold=hold.display_name,
                        missing=", ".join(missing),
                    )
                )

    def _check_can_contain(self):
        action = self.env._("Recording the containment")
        self._check_state(["confirmed"], action)
        self._check_officer(action)
        recalled = self._recalled_holds()
        for hold in self:
            missing = []
            if not hold.is_purchasing_notified:
                missing.append(self.env._("purchasing notified"))
            if hold.location == "sold" and hold not in recalled:
                missing.append(self.env._("a recall of the goods sold"))
            if hold.is_regulator_sourced and not hold.is_regulator_reported:
                missing.append(self.env._("the report to the local regulator"))
            if missing:
                raise UserError(
                    self.env._(
                        "%(hold)s is not contained yet: %(missing)s missing.",
                        hold=hold.display_name,
                        missing=", ".join(missing),
                    )
                )

    def _recalled_holds(self, states=None):
        """The holds of ``self`` with a recall (not cancelled, or in ``states``)."""
        domain = [("origin_ref", "in", [f"{self._name},{i}" for i in self.ids])]
        if states:
            domain.append(("state", "in", states))
        else:
            domain.append(("state", "!=", "cancel"))
        groups = self.env["qt.recall"].sudo()._read_group(domain, ["origin_ref"])
        return self.browse(
            [int(_ref_key(origin).split(",")[1]) for (origin,) in groups]
        )

    def _check_can_dispose(self):
        self._check_state(["contained"], self.env._("Recording the disposition"))
        self._check_officer(self.env._("Recording the disposition"))
        if self.filtered(lambda hold: not hold.disposition):
            raise UserError(
                self.env._(
                    "Choose the disposition first: supplier return, exchange or "
                    "destruction."
                )
            )

    def _check_can_close(self):
        self._check_state(["disposed"], self.env._("Closing the hold"))
        self._check_officer(self.env._("Closing the hold"))
        sold = self.filtered(lambda hold: hold.location == "sold")
        open_recalls = sold._recalled_holds(states=["draft", "notified", "returning"])
        if open_recalls:
            raise UserError(
                self.env._(
                    "%(holds)s still has a recall in progress: close it first.",
                    holds=", ".join(open_recalls.mapped("display_name")),
                )
            )

    # --- actions

    def action_evaluate(self):
        action = self.env._("Starting the evaluation")
        self._check_state(["suspected"], action)
        self._check_officer(action)
        for hold in self.filtered(lambda h: not h.user_id):
            hold.user_id = self.env.user
        self.state = "evaluating"

    def action_confirm(self):
        self._check_can_confirm()
        self.write(
            {
                "state": "confirmed",
                "confirmed_by_id": self.env.uid,
                "date_confirmed": fields.Datetime.now(),
            }
        )

    def action_open_recall(self):
        """Trace the customers of the goods sold: the recall of this hold (a new one,
        prefilled, when it has none)."""
        self.ensure_one()
        action_name = self.env._("Opening a recall")
        self._check_state(["confirmed", "contained"], action_name)
        self._check_officer(action_name)
        if self.location != "sold":
            raise UserError(
                self.env._("Only goods already sold are recalled from customers.")
            )
        recall = self.env["qt.recall"].search(
            [("origin_ref", "=", f"{self._name},{self.id}"), ("state", "!=", "cancel")],
            limit=1,
        )
        if not recall:
            recall = self.env["qt.recall"].create(self._prepare_recall_vals())
        return {
            "type": "ir.actions.act_window",
            "res_model": "qt.recall",
            "res_id": recall.id,
            "view_mode": "form",
            "target": "current",
        }

    def _prepare_recall_vals(self):
        return {
            "origin_ref": f"{self._name},{self.id}",
            "product_id": self.product_id.id,
            "lot_ref": self.lot_ref,
            "reason": self.description or self.evaluation,
            "company_id": self.company_id.id,
        }

    def action_contain(self):
        self._check_can_contain()
        self.state = "contained"

    def action_dispose(self):
        self._check_can_dispose()
        self.write({"state": "disposed", "date_disposed": fields.Datetime.now()})

    def action_close(self):
        self._check_can_close()
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})

    def action_cancel(self):
        action = self.env._("Cancelling the hold")
        self._check_state(["suspected", "evaluating"], action)
        self._check_officer(action)
        self.state = "cancel"

    def action_view_recalls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_tracking.qt_recall_action"
        )
        action["domain"] = [("origin_ref", "=", f"{self._name},{self.id}")]
        return action

    def action_raise_issue(self):
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "other",
            title=self.display_name,
            product_name=self.product_id.display_name,
            batch_number=self.lot_ref,
            is_nonconforming=True,
        )
