from odoo import fields, models


class QtWorkRecord(models.Model):
    """A work record, deliverable, legal document or working paper of a matter
    (000/E-QT-1, D1 4.7(3)-(4))."""

    _name = "qt.work.record"
    _description = "Work Record"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True)
    matter_id = fields.Many2one(
        "qt.matter",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="matter_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="matter_id.department_id", store=True, index=True
    )
    date = fields.Date(default=fields.Date.context_today, required=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    kind = fields.Selection(
        [
            ("work_record", "Work Record"),
            ("deliverable", "Deliverable"),
            ("legal_document", "Legal Document"),
            ("working_paper", "Working Paper"),
        ],
        default="work_record",
        required=True,
        index=True,
    )
    description = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "qt_work_record_attachment_rel",
        "record_id",
        "attachment_id",
        string="Attachments",
    )
