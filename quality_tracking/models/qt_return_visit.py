from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext


class QtReturnVisit(models.Model):
    """A quality return visit (质量回访) to a client after the work (000/E-QT-5).

    Done irregularly by a department head or supervising partner, on site, by phone
    or by e-mail (letters and faxes for products, 001/QT-7); the visitor must record
    it (000/R-QT-08). What it finds may raise a quality issue.
    """

    _name = "qt.return.visit"
    _description = "Quality Return Visit"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "qt.issue.origin.mixin",
        "qt.state.mixin",
    ]
    _order = "date_planned desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    matter_id = fields.Many2one(
        "qt.matter", index=True, check_company=True, tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
    )
    visitor_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        help="Who visits and records the visit: the department head or the "
        "supervising partner, as a rule (000/E-QT-5).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    method = fields.Selection(
        [
            ("on_site", "On Site"),
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("letter", "Letter"),
            ("fax", "Fax"),
        ],
        required=True,
        default="on_site",
        tracking=True,
    )
    date_planned = fields.Date(
        string="Planned On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_done = fields.Date(string="Visited On", copy=False, tracking=True)
    record = fields.Html(
        string="Visit Record",
        copy=False,
        help="What the client said, written by the visitor (000/R-QT-08).",
    )
    findings = fields.Text(copy=False)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    can_done = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")

    @api.depends("matter_id")
    def _compute_partner_id(self):
        for visit in self:
            if visit.matter_id:
                visit.partner_id = visit.matter_id.partner_id

    @api.depends("matter_id")
    def _compute_department_id(self):
        for visit in self:
            if visit.matter_id:
                visit.department_id = visit.matter_id.department_id

    @api.depends("state")
    def _compute_can(self):
        for visit in self:
            visit.can_done = visit.state == "planned"
            visit.can_cancel = visit.state == "planned"
            visit.can_reset = visit.state == "cancel"

    @api.constrains("matter_id", "partner_id")
    def _check_subject(self):
        for visit in self:
            if not visit.matter_id and not visit.partner_id:
                raise ValidationError(
                    self.env._("A return visit is about a matter or a customer.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("qt.return.visit") or "/"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(visit.state == "done" for visit in self):
            raise UserError(
                self.env._("A return visit that took place cannot be deleted.")
            )

    def action_done(self):
        """The visit took place; the visitor's record is mandatory (000/R-QT-08)."""
        self._check_state(("planned",), self.env._("Marking as done"))
        today = fields.Date.context_today(self)
        for visit in self:
            if visit._is_record_empty():
                raise ValidationError(
                    self.env._(
                        "Write the visit record of %(visit)s before marking it done "
                        "(000/R-QT-08).",
                        visit=visit.name,
                    )
                )
            if visit.date_done and visit.date_done > today:
                raise ValidationError(
                    self.env._(
                        "Return visit %(visit)s cannot be done on a future date.",
                        visit=visit.name,
                    )
                )
            visit.write({"state": "done", "date_done": visit.date_done or today})
        return True

    def _is_record_empty(self):
        self.ensure_one()
        return not html2plaintext(self.record or "").strip()

    def action_cancel(self):
        self._check_state(("planned",), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_reset_planned(self):
        self._check_state(("cancel",), self.env._("Planning again"))
        self.write({"state": "planned"})
        return True

    def action_raise_issue(self):
        """A quality issue from what the visit found."""
        self.ensure_one()
        return self.env["qt.issue"]._action_raise_from(
            self,
            "return_visit",
            title=self.env._("Return visit %(visit)s", visit=self.name),
            description=self.findings or False,
            partner_id=self.partner_id.id,
            matter_id=self.matter_id.id,
            department_id=self.department_id.id,
        )
