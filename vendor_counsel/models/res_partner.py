from odoo import fields, models


class ResPartner(models.Model):
    """Law firms are companies, lawyers their contacts: never a parallel address book
    (000/E-VC-1, E-VC-2)."""

    _inherit = "res.partner"

    vc_is_law_firm = fields.Boolean(
        string="Law Firm", help="This company is a law firm (000/E-VC-1)."
    )
    vc_is_lawyer = fields.Boolean(
        string="Lawyer",
        help="This person is a practising lawyer; their firm is the parent company "
        "(000/E-VC-2).",
    )
    vc_practice_area_ids = fields.Many2many(
        "vc.practice.area",
        "vc_practice_area_partner_rel",
        "partner_id",
        "area_id",
        string="Practice Areas",
    )
    # --- firm facts (000/E-VC-1)
    vc_date_established = fields.Date(
        string="Approved / Established On",
        help="Date the judicial administration approved the firm (000/R-VC-01).",
    )
    # --- lawyer facts (000/E-VC-2)
    vc_licence_number = fields.Char(
        string="Practice Licence No.", help="执业证号 (000/E-VC-2, R-VC-25)."
    )
    vc_licence_inspection_until = fields.Date(
        string="Annual Inspection Valid Until",
        help="The practice licence's annual inspection (年检) is valid until this date "
        "(000/R-VC-22).",
    )
    vc_practice_start_date = fields.Date(
        string="Practising Since",
        help="Start of practice, for the years of practice (000/R-VC-15).",
    )
    vc_is_main_partner = fields.Boolean(
        string="Main Partner",
        help="A main partner of the firm: their penalties count against the firm "
        "(000/R-VC-02).",
    )
