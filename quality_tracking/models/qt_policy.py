from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QtPolicy(models.Model):
    """A quality-control policy or procedure (质量控制政策与程序, 000/E-QT-8): firm-wide
    or for one matter (R-QT-01), in one of the seven areas (R-QT-02)."""

    _name = "qt.policy"
    _description = "Quality Control Policy"
    _inherit = ["mail.thread"]
    _order = "level, area, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    level = fields.Selection(
        [("firm", "Firm-wide"), ("matter", "Per Matter")],
        required=True,
        default="firm",
        tracking=True,
        help="000/R-QT-01: the two levels of quality-control policies and procedures.",
    )
    area = fields.Selection(
        [
            ("ethics", "Professional Ethics"),
            ("competence", "Professional Competence"),
            ("assignment", "Work Assignment"),
            ("supervision", "Supervision"),
            ("consultation", "Consultation"),
            ("acceptance", "Engagement Acceptance"),
            ("monitoring", "Monitoring"),
        ],
        required=True,
        tracking=True,
        help="000/R-QT-02: the seven areas of the quality-control policy.",
    )
    matter_id = fields.Many2one(
        "qt.matter", index=True, check_company=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_effective = fields.Date(string="Effective From")
    user_id = fields.Many2one("res.users", string="Responsible")
    description = fields.Html()
    active = fields.Boolean(default=True)

    @api.constrains("level", "matter_id")
    def _check_level_matter(self):
        """000/R-QT-01: a per-matter procedure names its matter; a firm-wide one
        does not."""
        for policy in self:
            if (policy.level == "matter") != bool(policy.matter_id):
                raise ValidationError(
                    self.env._(
                        "%(policy)s: a per-matter procedure names its matter, and a "
                        "firm-wide policy names none (000/R-QT-01).",
                        policy=policy.name,
                    )
                )
