from odoo import api, fields, models

OUTCOMES = [
    ("death", "Death"),
    ("life_threatening", "Life-Threatening"),
    ("disability", "Disability"),
    ("birth_defect", "Birth Defect"),
    ("other", "Other"),
]
SERIOUS_CRITERIA = (
    "is_criterion_death",
    "is_criterion_carcinogenic",
    "is_criterion_vital_organ",
    "is_criterion_hospitalisation",
    "is_criterion_prolonged",
)


class QtAdverseEvent(models.Model):
    """A medical-device adverse event report (医疗器械不良事件报告, 000/E-QT-12,
    001/QT-13). Confidential: only the quality managers and the people named on the
    event read it (000/R-QT-28)."""

    _name = "qt.adverse.event"
    _description = "Adverse Event"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
        "qt.state.mixin",
    ]
    _order = "date_aware desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    product_id = fields.Many2one(
        "product.product", string="Device", required=True, index=True, tracking=True
    )
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", store=True, index=True
    )
    device_class = fields.Selection(
        related="product_tmpl_id.qt_device_class", store=True, index=True
    )
    lot_ref = fields.Char(string="Lot / Serial", index=True, tracking=True)
    reporter_id = fields.Many2one(
        "res.users",
        string="Reported By",
        default=lambda self: self.env.user,
        required=True,
        index=True,
    )
    person_ids = fields.Many2many(
        "res.users",
        "qt_adverse_event_person_rel",
        "event_id",
        "user_id",
        string="People Named",
        help="Besides the quality managers, only the reporter and these people read "
        "the event (000/R-QT-28).",
    )
    date_aware = fields.Datetime(
        string="Aware At",
        required=True,
        default=fields.Datetime.now,
        index=True,
        tracking=True,
        help="When the company became aware of the event: the reporting clocks start "
        "here.",
    )
    date_event = fields.Date(string="Event Date")
    outcome = fields.Selection(OUTCOMES, tracking=True)
    death_time = fields.Datetime()
    is_criterion_death = fields.Boolean(string="Death")
    is_criterion_carcinogenic = fields.Boolean(string="Carcinogenic or Teratogenic")
    is_criterion_vital_organ = fields.Boolean(
        string="Vital Organ Damage",
        help="Damage to a vital organ threatening life or causing the loss of the "
        "ability to live independently.",
    )
    is_criterion_hospitalisation = fields.Boolean(string="Hospitalisation")
    is_criterion_prolonged = fields.Boolean(string="Prolonged Hospitalisation")
    is_serious = fields.Boolean(
        compute="_compute_is_serious", store=True, index=True, string="Serious"
    )
    is_death = fields.Boolean(compute="_compute_is_serious", store=True, index=True)
    is_suspected = fields.Boolean(string="Suspected", default=True)
    is_in_ifu = fields.Boolean(
        string="Stated in the Instructions",
        help="The effect is already stated in the instructions for use.",
    )
    is_rare = fields.Boolean(string="Rare")
    is_new = fields.Boolean(
        string="New", help="Not in the instructions or the literature."
    )
    state = fields.Selection(
        [
            ("draft", "Detected"),
            ("investigating", "Investigating"),
            ("reported", "Reported"),
            ("confirmed", "Regulator Confirmed"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.depends(*SERIOUS_CRITERIA, "outcome")
    def _compute_is_serious(self):
        """000/R-QT-24: serious is any one of the five criteria (death included)."""
        for event in self:
            event.is_death = event.outcome == "death" or event.is_criterion_death
            event.is_serious = event.is_death or any(
                event[name] for name in SERIOUS_CRITERIA
            )

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        numbers = self.env["ir.sequence"]._qt_next_by_code_batch(
            "qt.adverse.event", len(unnamed)
        )
        for vals, number in zip(unnamed, numbers, strict=True):
            vals["name"] = number or "/"
        return super().create(vals_list)
