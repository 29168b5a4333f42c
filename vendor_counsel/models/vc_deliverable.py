from odoo import api, fields, models


class VcDeliverable(models.Model):
    """A counsel's work result archived by the using unit: legal opinions,
    due-diligence reports, contract drafts (000/E-VC-10, D13 第四条(五))."""

    _name = "vc.deliverable"
    _description = "Counsel Deliverable"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    engagement_id = fields.Many2one(
        "vc.engagement",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        related="engagement_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(
        related="engagement_id.department_id", store=True, string="Using Unit"
    )
    firm_id = fields.Many2one(related="engagement_id.firm_id", store=True)
    kind = fields.Selection(
        [
            ("opinion", "Legal Opinion"),
            ("due_diligence", "Due-diligence Report"),
            ("contract_draft", "Contract Draft"),
            ("other", "Other"),
        ],
        required=True,
        default="opinion",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "vc_deliverable_attachment_rel",
        "deliverable_id",
        "attachment_id",
        string="Documents",
    )
    note = fields.Text()

    @api.depends("name", "kind")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for deliverable in self:
            deliverable.display_name = (
                f"{labels.get(deliverable.kind, '')}: {deliverable.name or ''}"
            )
