from odoo import api, fields, models


class QtFeedbackCard(models.Model):
    """《法律服务质量反馈卡》: the client's feedback on a closed matter (000/E-QT-4).

    Every closed matter gets one (000/R-QT-06); the handling lawyer collects it within
    the company's collection period, counted by a deadline rule in working days.
    """

    _name = "qt.feedback.card"
    _description = "Quality Feedback Card"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "business.deadline.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    matter_id = fields.Many2one(
        "qt.matter", required=True, ondelete="restrict", index=True, check_company=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, index=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users", string="Handler", required=True, index=True, tracking=True
    )
    department_id = fields.Many2one("hr.department", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("issued", "Issued"), ("returned", "Returned"), ("cancel", "Cancelled")],
        default="issued",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_issued = fields.Date(
        string="Issued On", default=fields.Date.context_today, required=True
    )
    date_returned = fields.Date(string="Returned On", copy=False, tracking=True)
    allowed_days = fields.Integer(
        string="Collection Period (working days)",
        default=lambda self: self.env.company.qt_feedback_collect_days,
    )
    collect_due = fields.Datetime(string="Collect By", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("qt.feedback.card") or "/"
        return super().create(vals_list)

    @api.model
    def _prepare_vals_for_matter(self, matter):
        return {
            "matter_id": matter.id,
            "partner_id": matter.partner_id.id,
            "user_id": matter.user_id.id,
            "department_id": matter.department_id.id,
            "company_id": matter.company_id.id,
            "allowed_days": matter.company_id.qt_feedback_collect_days,
        }

    @api.model
    def _create_for_matters(self, matters):
        """One card per matter that has none yet, in one create (000/R-QT-06)."""
        has_card = {
            matter.id
            for [matter] in self._read_group(
                [("matter_id", "in", matters.ids), ("state", "!=", "cancel")],
                ["matter_id"],
            )
        }
        return self.create(
            [
                self._prepare_vals_for_matter(matter)
                for matter in matters
                if matter.id not in has_card
            ]
        )

    def _compute_access_url(self):
        for card in self:
            card.access_url = f"/my/quality/feedback/{card.id}"
