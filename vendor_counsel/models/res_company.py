from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # 000/R-VC-17, R-VC-18, R-VC-19, A-29: what kind of unit a company of the group is
    vc_unit_kind = fields.Selection(
        [
            ("headquarters", "Headquarters"),
            ("subsidiary", "Subsidiary"),
            ("branch", "Branch"),
            ("functional_centre", "Functional Centre"),
            ("office", "Office"),
        ],
        string="Unit Kind (Outside Counsel)",
        default="headquarters",
        help="000/R-VC-17..19: branches and functional centres may not hire retained "
        "counsel; a subsidiary's retained counsel needs a written request and the "
        "consent of the executive in charge.",
    )

    # --- vc_coi_review
    vc_coi_statement_on_appointment = fields.Boolean(
        string="COI Statement on Appointment",
        default=True,
        help="002/W7: a new declarant signs the statement on conflicts of interest "
        "(关于利益冲突的声明) on appointment.",
    )
    vc_coi_statement_with_annual = fields.Boolean(
        string="COI Statement with Each Annual Campaign",
        default=True,
        help="002/W7: the statement is signed again with each annual declaration.",
    )
