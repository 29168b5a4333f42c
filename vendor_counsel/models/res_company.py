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

    # --- vc_firms: eligibility of firms and lawyers, panel, legal staff
    vc_firm_min_age_years = fields.Integer(
        string="Firm Minimum Age (years)",
        default=3,
        help="000/R-VC-01, A-8: a firm is eligible when approved/established at least "
        "this many years before the check date (inclusive).",
    )
    vc_penalty_window_years = fields.Integer(
        string="Penalty Window (years)",
        default=3,
        help="000/R-VC-02, A-8: no penalty of the firm, its main partners or the "
        "lawyer within this many years before the check date (inclusive).",
    )
    vc_retained_min_practice_years = fields.Integer(
        string="Retained Counsel Minimum Practice (years)",
        default=5,
        help="000/R-VC-15: a retained counsel lawyer has practised at least this many "
        "years.",
    )
    vc_inspection_notice_days = fields.Integer(
        string="Annual Inspection Notice (days)",
        default=30,
        help="000/C-VC-4: the legal department is told this many days before a "
        "lawyer's annual inspection lapses.",
    )
    vc_panel_review_notice_days = fields.Integer(
        string="Panel Review Notice (days)",
        default=30,
        help="000/WF-VC-1: the panel's responsible is reminded this many days before "
        "its review date.",
    )
    vc_level_firm_age = fields.Selection(
        [("block", "Block"), ("warn", "Warn")],
        string="Level of R-VC-01 (firm age)",
        default="block",
        required=True,
    )
    vc_level_penalty = fields.Selection(
        [("block", "Block"), ("warn", "Warn")],
        string="Level of R-VC-02 (penalties)",
        default="block",
        required=True,
    )
    vc_level_practice_years = fields.Selection(
        [("block", "Block"), ("warn", "Warn")],
        string="Level of R-VC-15 (years of practice)",
        default="block",
        required=True,
    )
    vc_level_inspection = fields.Selection(
        [("block", "Block"), ("warn", "Warn")],
        string="Level of R-VC-22 (annual inspection)",
        default="block",
        required=True,
    )
    vc_level_panel = fields.Selection(
        [("block", "Block"), ("warn", "Warn")],
        string="Level of R-VC-21 (on the panel)",
        default="block",
        required=True,
    )
    vc_level_legal_qualification = fields.Selection(
        [("block", "Block"), ("warn", "Warn")],
        string="Level of R-VC-24 (legal staff qualification)",
        default="warn",
        required=True,
        help="000/R-VC-24: block refuses an unqualified user in the legal department "
        "group or as responsible of an engagement; warn only flags them.",
    )
    vc_counsel_manager_id = fields.Many2one(
        "res.users",
        string="Counsel Manager",
        help="000/A-25, C-VC-4: who receives the eligibility re-check's activities; "
        "by default the first user of the Legal Department group.",
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

    # --- vc_fees
    vc_first_payment_max_percent = fields.Float(
        string="First Payment Maximum (%)",
        default=40.0,
        help="000/R-VC-05: the first payment of a fixed-fee engagement is at most this "
        "percentage of the fee (D2 第十一条: 40 %).",
    )
    vc_first_payment_min_months = fields.Integer(
        string="First Payment After (months)",
        default=1,
        help="000/R-VC-06: the first payment is due on or after the signing date plus "
        "this many calendar months (D2 第十一条: one month; A-7).",
    )
    vc_payment_gc_threshold = fields.Float(
        string="General Counsel Approval Above",
        default=100000.0,
        help="000/WF-VC-5: payment requests above this amount are also approved by the "
        "general counsel (inferred from D13 第九条's 100,000 CNY fee threshold).",
    )
    vc_payment_reminder_days = fields.Integer(
        string="Payment Reminder (days)",
        default=5,
        help="000/WF-VC-5: payments planned within this many days and still in draft "
        "get an activity for the engagement's legal responsible.",
    )

    # --- vc_evaluations (000/E-VC-9, C-VC-2, C-VC-5)
    vc_eval_score_max = fields.Integer(
        string="Evaluation: Maximum Score",
        default=100,
        help="000/E-VC-9: criteria are scored from 0 to this value.",
    )
    vc_eval_min_evaluators = fields.Integer(
        string="Evaluation: Minimum Evaluators",
        default=1,
        help="000/E-VC-9: scorecards needed to close an evaluation before every "
        "evaluator has scored.",
    )
    vc_eval_renew_threshold = fields.Float(
        string="Evaluation: Renewal Threshold",
        default=80.0,
        help="000/E-VC-9: a score at or above it proposes renewal (续聘).",
    )
    vc_eval_warn_threshold = fields.Float(
        string="Evaluation: Warning Threshold",
        default=70.0,
        help="000/E-VC-9: a score below it warns on the firm's new engagements and "
        "proposes a fee reduction.",
    )
    vc_eval_block_threshold = fields.Float(
        string="Evaluation: Dismissal Threshold",
        default=60.0,
        help="000/E-VC-9: a score below it proposes dismissal (解聘) and blocks the "
        "firm for new engagements.",
    )
    vc_eval_interval_months = fields.Integer(
        string="Evaluation: Interval (Months)",
        default=12,
        help="000/C-VC-5: an active engagement is evaluated again after this many "
        "months.",
    )
    vc_eval_renewal_days = fields.Integer(
        string="Evaluation: Days Before Term End",
        default=30,
        help="000/C-VC-2: a retained-counsel term ending within this many days is "
        "evaluated before renewal.",
    )
    vc_eval_create_filing = fields.Boolean(
        string="Evaluation: File Evaluations",
        default=True,
        help="000/E-VC-9 (D8 第七条): a closed evaluation opens an evaluation filing.",
    )

    _vc_eval_settings_positive = models.Constraint(
        "CHECK (vc_eval_score_max > 0 AND vc_eval_min_evaluators >= 1 "
        "AND vc_eval_interval_months >= 1 AND vc_eval_renewal_days >= 0)",
        "Evaluation settings: the maximum score, the minimum evaluators and the "
        "interval must be positive.",
    )
    _vc_eval_thresholds_rise = models.Constraint(
        "CHECK (0 <= vc_eval_block_threshold "
        "AND vc_eval_block_threshold <= vc_eval_warn_threshold "
        "AND vc_eval_warn_threshold <= vc_eval_renew_threshold "
        "AND vc_eval_renew_threshold <= vc_eval_score_max)",
        "Evaluation thresholds must rise: dismissal ≤ warning ≤ renewal ≤ maximum "
        "score.",
    )

    # --- vc_coi_decl
    vc_coi_holding_exempt_pct = fields.Float(
        string="Listed Holding Exemption (%)",
        default=5.0,
        help="002/R1: a holding acquired through the securities market and below this "
        "share of the company's outstanding equity is not a conflict of interest.",
    )
    vc_coi_annual_window_days = fields.Integer(
        string="Annual Declaration Window (working days)",
        default=5,
        help="002/R2: the annual declaration is made within this many working days "
        "before 31 December.",
    )
    vc_coi_event_days = fields.Integer(
        string="New Conflict Declaration (working days)",
        default=3,
        help="002/R3: a new conflict is declared within this many working days of the "
        "day the person knew or should have known of it.",
    )
    vc_coi_promulgation_date = fields.Date(
        string="Conflict Policy Promulgation Date",
        help="002/R4: the day the conflict of interest policy was promulgated; "
        "pre-existing conflicts are declared to the audit committee from then.",
    )
    vc_coi_transitional_amount = fields.Integer(
        string="Transitional Declaration Period",
        help="002/R4: the seed's number is garbled ('?个?'): no default. While it is "
        "empty, transitional declarations have no deadline.",
    )
    vc_coi_transitional_unit = fields.Selection(
        [("calendar_days", "Calendar Days"), ("working_days", "Working Days")],
        string="Transitional Period Unit",
        default="calendar_days",
        help="002/R4: the unit of the transitional declaration period.",
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
