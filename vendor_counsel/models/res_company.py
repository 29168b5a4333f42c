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

    # --- vc_coi_check
    vc_coi_similarity_threshold = fields.Float(
        string="Conflict Check Similarity Threshold",
        default=0.4,
        digits=(3, 2),
        help="002/W8: the pg_trgm similarity from which two normalised names are a "
        "fuzzy match. 0.4 finds a one-character difference in a six-character "
        "Chinese name; unrelated names of the same city stay below 0.2.",
    )
    vc_coi_match_limit = fields.Integer(
        string="Conflict Check Matches per Name",
        default=10,
        help="002/W8: at most this many matches, best first, are kept per checked "
        "name.",
    )

    _vc_coi_similarity_threshold_range = models.Constraint(
        "CHECK(vc_coi_similarity_threshold > 0 AND vc_coi_similarity_threshold <= 1)",
        "The conflict check's similarity threshold lies above 0 and at most 1.",
    )
    _vc_coi_match_limit_positive = models.Constraint(
        "CHECK(vc_coi_match_limit > 0)",
        "The conflict check keeps at least one match per name.",
    )
