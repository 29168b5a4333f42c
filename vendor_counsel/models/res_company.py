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

    # --- vc_requests
    vc_request_lead_days = fields.Integer(
        string="Request Lead Time (working days)",
        default=7,
        help="000/R-VC-08: a request reaches the legal department this many working "
        "days before the service is needed.",
    )
    vc_request_late_policy = fields.Selection(
        [("block", "Refuse"), ("warn", "Warn")],
        string="Late Request",
        default="block",
        required=True,
        help="000/R-VC-08, A-11: a request submitted after its latest submission date "
        "is refused or accepted with a warning.",
    )
    vc_open_subject_threshold = fields.Monetary(
        string="Open Competition: Subject Amount Above",
        currency_field="currency_id",
        default=2000000.0,
        help="000/R-VC-10, A-9: a subject amount strictly above this needs the open "
        "competitive procedure.",
    )
    vc_open_fee_threshold = fields.Monetary(
        string="Open Competition: Expected Fee Above",
        currency_field="currency_id",
        default=100000.0,
        help="000/R-VC-11, A-9: an expected fee strictly above this needs the open "
        "competitive procedure.",
    )
    vc_open_min_invited = fields.Integer(
        string="Open Competition: Minimum Firms Invited",
        default=2,
        help="000/R-VC-13, A-10: firms invited at least in an open competitive "
        "selection.",
    )
    vc_retained_min_considered = fields.Integer(
        string="New Retained Counsel: Minimum Firms Considered",
        default=3,
        help="000/R-VC-14, A-10: firms considered at least for a new retained counsel.",
    )
    vc_retained_shortlist_min = fields.Integer(
        string="New Retained Counsel: Shortlist At Least",
        default=1,
        help="000/R-VC-14: firms shortlisted at least for the leadership's decision.",
    )
    vc_retained_shortlist_max = fields.Integer(
        string="New Retained Counsel: Shortlist At Most",
        default=2,
        help="000/R-VC-14: firms shortlisted at most for the leadership's decision.",
    )
    vc_score_max = fields.Float(
        string="Maximum Score per Criterion",
        default=100.0,
        help="000/E-VC-5: each evaluator scores each criterion from 0 to this.",
    )
    vc_executive_user_id = fields.Many2one(
        "res.users",
        string="Executive in Charge (Outside Counsel)",
        help="000/R-VC-12, R-VC-19: the executive whose consent a subsidiary's "
        "retained counsel and an urgent exception need.",
    )
