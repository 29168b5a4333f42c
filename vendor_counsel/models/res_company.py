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

    # --- vc_engagements
    vc_retained_term_months = fields.Integer(
        string="Retained Counsel Term (Months)",
        default=12,
        help="000/R-VC-04, A-5: a retained counsel's term is in principle one year; "
        "a longer term is allowed with a warning.",
    )
    vc_filing_working_days = fields.Integer(
        string="Filing Deadline (Working Days)",
        default=12,
        help="000/R-VC-09: a signed engagement is filed with the legal department "
        "within this many working days.",
    )
    vc_filing_required_parent = fields.Boolean(
        string="Parent Company Files Its Own Engagements",
        help="000/A-13: the filing is required of every engagement signed by a "
        "non-parent company; tick to require it of the parent company too.",
    )
    vc_renewal_notice_days = fields.Integer(
        string="Renewal Notice (Calendar Days)",
        default=30,
        help="000/C-VC-2: the responsible is reminded this many calendar days before "
        "a retained counsel's term ends, to evaluate and decide on renewal.",
    )
    vc_chairman_threshold = fields.Monetary(
        string="Chairman Approval Above",
        currency_field="currency_id",
        default=30000.0,
        help="003/HR-D12-1, HR-D12-2: contracts above this amount are approved by the "
        "chairman; up to it, by the general manager.",
    )
    vc_company_assets = fields.Monetary(
        string="Company Assets",
        currency_field="currency_id",
        help="003/HR-D12-3: contracts above the board fraction of these assets are "
        "approved by the board; no board tier while empty.",
    )
    vc_board_asset_divisor = fields.Integer(
        string="Board Approval Above 1/N of Assets",
        default=3,
        help="003/HR-D12-3: a contract above 1/N of the company's assets goes to the "
        "board of directors.",
    )
    vc_gm_user_id = fields.Many2one(
        "res.users",
        string="General Manager (Contracts)",
        help="003/HR-D12-2, HR-D12-4: approves every contract.",
    )
    vc_chairman_user_id = fields.Many2one(
        "res.users",
        string="Chairman (Contracts)",
        help="003/HR-D12-1: approves the contracts above the chairman's threshold.",
    )
    vc_board_user_id = fields.Many2one(
        "res.users",
        string="Board Secretary (Contracts)",
        help="003/HR-D12-3: records the board's approval of the contracts above the "
        "board fraction of the assets.",
    )
    vc_archive_custodian_id = fields.Many2one(
        "res.users",
        string="Contract Originals Custodian",
        help="003/HR-D8-1: the dedicated custodian of the contract originals, "
        "proposed on each new engagement.",
    )
    vc_archive_location = fields.Char(
        string="Contract Originals Location",
        help="003/HR-D8-1: where the administrative department keeps the originals.",
    )
    vc_selfcheck_months = fields.Integer(
        string="Performance Self-check Every (Months)",
        default=3,
        help="003/HR-D15-7: the using unit is reminded to self-check the "
        "performance of its active engagements this often; 0 disables it.",
    )
