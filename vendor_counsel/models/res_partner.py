import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# vc_firms: the vetting checklist of 003/HR-D12-6 (field names on res.partner)
VC_VETTING_FIELDS = (
    "vc_vet_business_licence",
    "vc_vet_organisation_code",
    "vc_vet_identity",
    "vc_vet_asset_proof",
    "vc_vet_credit_record",
    "vc_vet_size_condition",
    "vc_vet_qualification",
)


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

    # --- eligibility (000/R-VC-01, 02, 15, 21, 22): the API the other flows call.
    # The firms slice computes the breaches; the signatures are fixed here.
    @api.model
    def _vc_eligibility(
        self, partners, on_date=None, engagement_type=None, check_panel=True
    ):
        """Breaches of the eligibility rules, set-based, for firms and lawyers.

        Returns ``{partner_id: [(rule_id, level, message), ...]}`` where ``level`` is
        ``"block"`` or ``"warn"`` as the rule's setting says; eligible partners map to
        an empty list. ``check_panel=False`` leaves out the panel condition of
        000/R-VC-21 (an off-panel firm justified under 000/R-VC-20 still has to meet
        every other condition). A constant number of queries whatever the number of
        partners (the firms slice: see ``_vc_eligibility_breaches``)."""
        return self._vc_eligibility_breaches(
            partners, on_date, engagement_type, check_panel
        )

    @api.model
    def _vc_assert_eligible(
        self, partners, on_date=None, engagement_type=None, check_panel=True
    ):
        """Refuse (``UserError`` listing every blocking breach with its rule) unless
        every partner may be engaged; return the warnings as a list of messages."""
        breaches = self._vc_eligibility(
            partners, on_date, engagement_type, check_panel=check_panel
        )
        blocking = [
            f"{self.browse(pid).display_name}: {message} ({rule})"
            for pid, items in breaches.items()
            for rule, level, message in items
            if level == "block"
        ]
        if blocking:
            raise UserError(
                "\n".join(
                    [self.env._("These firms or lawyers may not be engaged:")]
                    + blocking
                )
            )
        return [
            f"{self.browse(pid).display_name}: {message} ({rule})"
            for pid, items in breaches.items()
            for rule, level, message in items
            if level == "warn"
        ]

    # --- vc_firms: facts, penalties, panel, vetting, eligibility (000/E-VC-1..3)
    vc_region = fields.Char(string="Region")
    vc_ranking = fields.Integer(
        string="Ranking",
        help="The firm's rank in the ranking named in the scope (1 is the first; "
        "000/E-VC-1, D2 第五条(四)).",
    )
    vc_ranking_scope = fields.Selection(
        [
            ("national", "National, Overall"),
            ("regional", "Regional, Overall"),
            ("specialty", "Specialty"),
        ],
        string="Ranking Scope",
    )
    vc_scale = fields.Selection(
        [("large", "Large"), ("medium", "Medium"), ("small", "Small")],
        string="Scale in the Region",
        help="Scale and strength in the region (000/E-VC-1, D10 第六条(一)).",
    )
    vc_reputation_notes = fields.Text(
        string="Reputation, Fees and Risk Capacity",
        help="Reputation, price reasonableness, risk-bearing capacity, team, service "
        "quality and social evaluation (000/E-VC-1, D2 第五条(三), D15 第六条(一)).",
    )
    vc_experience_notes = fields.Text(
        string="Relevant Experience and Cases",
        help="Relevant experience, successful cases and jurisdictions (000/E-VC-2; "
        "000/A-18: a neutral note, never a score of connections).",
    )
    vc_years_of_practice = fields.Float(
        string="Years of Practice",
        compute="_compute_vc_years_of_practice",
        digits=(16, 2),
        help="From the practising-since date to today (000/R-VC-15).",
    )
    vc_lawyer_ids = fields.One2many(
        "res.partner",
        "parent_id",
        string="Lawyers",
        domain=[("vc_is_lawyer", "=", True)],
    )
    vc_lawyer_count = fields.Integer(
        string="Lawyer Count", compute="_compute_vc_counts"
    )
    vc_penalty_ids = fields.One2many("vc.penalty", "partner_id", string="Penalties")
    vc_penalty_count = fields.Integer(
        string="Penalty Count",
        compute="_compute_vc_counts",
        help="Penalty records of the firm and its lawyers, or of the lawyer.",
    )
    vc_panel_line_ids = fields.One2many(
        "vc.panel.line", "firm_id", string="Panel Entries"
    )
    vc_panel_count = fields.Integer(string="Panel Count", compute="_compute_vc_counts")
    vc_eligibility_state = fields.Selection(
        [
            ("eligible", "Eligible"),
            ("warning", "Eligible with Warnings"),
            ("not_eligible", "Not Eligible"),
        ],
        string="Eligibility",
        compute="_compute_vc_eligibility",
        search="_search_vc_eligibility_state",
        help="Today's eligibility of the firm or lawyer (000/R-VC-01, 02, 21, 22); "
        "the years of practice of retained counsel (000/R-VC-15) are checked when a "
        "retained counsel is engaged.",
    )
    vc_eligibility_breaches = fields.Text(
        string="Eligibility Breaches", compute="_compute_vc_eligibility"
    )
    vc_notified_breach_keys = fields.Char(
        string="Notified Breaches",
        copy=False,
        help="Technical: the breaches the daily re-check already notified "
        "(000/C-VC-4).",
    )
    # counterparty vetting (003/HR-D12-6, E40)
    vc_vet_business_licence = fields.Boolean(string="Business Licence Checked")
    vc_vet_organisation_code = fields.Boolean(
        string="Organisation Code Certificate Checked"
    )
    vc_vet_identity = fields.Boolean(string="Identity Documents Checked")
    vc_vet_asset_proof = fields.Boolean(string="Asset Proof Checked")
    vc_vet_credit_record = fields.Boolean(string="Credit Record Checked")
    vc_vet_size_condition = fields.Boolean(string="Size and Condition Checked")
    vc_vet_qualification = fields.Boolean(string="Qualification Certificates Checked")
    vc_vetting_notes = fields.Text(string="Vetting Notes")
    vc_vetting_attachment_ids = fields.Many2many(
        "ir.attachment",
        "vc_partner_vetting_attachment_rel",
        "partner_id",
        "attachment_id",
        string="Vetting Documents",
    )
    vc_vetted_on = fields.Date(string="Vetted On", readonly=True, copy=False)
    vc_vetted_by_id = fields.Many2one(
        "res.users", string="Vetted By", readonly=True, copy=False
    )
    vc_is_vetted = fields.Boolean(
        string="Vetted",
        compute="_compute_vc_is_vetted",
        store=True,
        help="003/HR-D12-6: qualification and credit documents all checked.",
    )

    _vc_licence_number_unique = models.UniqueIndex(
        "(vc_licence_number) WHERE vc_is_lawyer AND vc_licence_number IS NOT NULL",
        "Another lawyer already has this practice licence number (000/E-VC-2).",
    )

    @api.depends("vc_practice_start_date")
    def _compute_vc_years_of_practice(self):
        today = fields.Date.context_today(self)
        for partner in self:
            start = partner.vc_practice_start_date
            partner.vc_years_of_practice = (
                max((today - start).days, 0) / 365.25 if start else 0.0
            )

    def _compute_vc_counts(self):
        ids = [pid for pid in self.ids if isinstance(pid, int)]
        lawyers = dict(
            self.env["res.partner"]._read_group(
                [("parent_id", "in", ids), ("vc_is_lawyer", "=", True)],
                ["parent_id"],
                ["__count"],
            )
        )
        # a firm counts its own penalties and its lawyers'; a lawyer its own
        by_firm = dict(
            self.env["vc.penalty"]._read_group(
                [("firm_id", "in", ids)], ["firm_id"], ["__count"]
            )
        )
        by_lawyer = dict(
            self.env["vc.penalty"]._read_group(
                [
                    ("partner_id", "in", ids),
                    ("partner_id.vc_is_law_firm", "=", False),
                    ("partner_id.parent_id", "!=", False),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        panels = dict(
            self.env["vc.panel.line"]._read_group(
                [("firm_id", "in", ids)], ["firm_id"], ["__count"]
            )
        )
        for partner in self:
            partner.vc_lawyer_count = lawyers.get(partner, 0)
            partner.vc_penalty_count = by_firm.get(partner, 0) + by_lawyer.get(
                partner, 0
            )
            partner.vc_panel_count = panels.get(partner, 0)

    @api.depends(*VC_VETTING_FIELDS, "vc_vetted_on")
    def _compute_vc_is_vetted(self):
        for partner in self:
            partner.vc_is_vetted = bool(partner.vc_vetted_on) and all(
                partner[name] for name in VC_VETTING_FIELDS
            )

    @api.depends_context("date")
    @api.depends(
        "vc_is_law_firm",
        "vc_is_lawyer",
        "vc_date_established",
        "vc_licence_inspection_until",
        "vc_practice_start_date",
        "vc_penalty_ids",
        "parent_id",
    )
    def _compute_vc_eligibility(self):
        subjects = self.filtered(
            lambda p: isinstance(p.id, int) and (p.vc_is_law_firm or p.vc_is_lawyer)
        )
        breaches = self._vc_eligibility(subjects) if subjects else {}
        for partner in self:
            items = breaches.get(partner.id)
            if items is None:
                partner.vc_eligibility_state = False
                partner.vc_eligibility_breaches = False
                continue
            partner.vc_eligibility_state = self._vc_eligibility_state_of(items)
            partner.vc_eligibility_breaches = (
                "\n".join(
                    f"[{rule}] {self._vc_level_label(level)}: {message}"
                    for rule, level, message in items
                )
                or False
            )

    @api.model
    def _vc_level_label(self, level):
        return self.env._("Blocks") if level == "block" else self.env._("Warning")

    @api.model
    def _vc_eligibility_state_of(self, items):
        if any(level == "block" for _rule, level, _message in items):
            return "not_eligible"
        return "warning" if items else "eligible"

    def _search_vc_eligibility_state(self, operator, value):
        """Today's eligibility, computed set-based over every firm and lawyer."""
        if operator not in ("=", "in", "!=", "not in"):
            return NotImplemented
        values = {value} if isinstance(value, str) or not value else set(value)
        subjects = self.search(
            ["|", ("vc_is_law_firm", "=", True), ("vc_is_lawyer", "=", True)]
        )
        breaches = self._vc_eligibility(subjects)
        ids = [
            pid
            for pid, items in breaches.items()
            if self._vc_eligibility_state_of(items) in values
        ]
        if operator in ("!=", "not in"):
            return [("id", "not in", ids)]
        return [("id", "in", ids)]

    @api.constrains("vc_is_lawyer", "parent_id")
    def _check_vc_lawyer_firm(self):
        """000/E-VC-2: a lawyer's company is a law firm."""
        for partner in self:
            if (
                partner.vc_is_lawyer
                and partner.parent_id
                and not partner.parent_id.vc_is_law_firm
            ):
                raise ValidationError(
                    self.env._(
                        "%(lawyer)s is a lawyer: their company %(company)s must be "
                        "a law firm (000/E-VC-2).",
                        lawyer=partner.name,
                        company=partner.parent_id.name,
                    )
                )

    # eligibility, set-based

    @api.model
    def _vc_eligibility_breaches(
        self, partners, on_date=None, engagement_type=None, check_panel=True
    ):
        """000/R-VC-01, 02, 15, 21, 22 for ``partners`` on ``on_date`` (today by
        default): one query for the facts, one for the penalties, one for the panel
        (the settings are the current company's)."""
        on_date = fields.Date.to_date(on_date) or fields.Date.context_today(self)
        ids = list(partners.ids)
        result = {pid: [] for pid in ids}
        if not ids:
            return result
        company = self.env.company
        self.env["res.partner"].flush_model(
            [
                "vc_is_law_firm",
                "vc_is_lawyer",
                "vc_date_established",
                "vc_licence_inspection_until",
                "vc_practice_start_date",
                "vc_is_main_partner",
                "parent_id",
                "active",
            ]
        )
        self.env["vc.penalty"].flush_model(["partner_id", "date", "active"])
        # one array literal: far cheaper to send and plan than ARRAY[...] of many
        # thousand parameters
        ids_array = "{" + ",".join(map(str, ids)) + "}"
        facts = self.env.execute_query(
            SQL(
                """SELECT p.id, p.vc_is_law_firm, p.vc_is_lawyer,
                          p.vc_date_established, p.vc_licence_inspection_until,
                          p.vc_practice_start_date, firm.vc_is_law_firm
                     FROM res_partner p
                LEFT JOIN res_partner firm ON firm.id = p.parent_id
                    WHERE p.id = ANY(%(ids)s::int[])""",
                ids=ids_array,
            )
        )
        window = company.vc_penalty_window_years
        window_start = on_date - relativedelta(years=window)
        penalties = {
            subject: (count, latest, partners_names)
            for subject, count, latest, partners_names in self.env.execute_query(
                SQL(
                    """SELECT x.subject_id, count(*), max(x.date),
                              string_agg(DISTINCT x.main_partner, ', ')
                         FROM (SELECT pen.partner_id AS subject_id, pen.date,
                                      NULL::varchar AS main_partner
                                 FROM vc_penalty pen
                                WHERE pen.partner_id = ANY(%(ids)s::int[])
                                  AND pen.active
                                  AND pen.date BETWEEN %(start)s AND %(end)s
                               UNION ALL
                               SELECT lawyer.parent_id, pen.date, lawyer.name
                                 FROM vc_penalty pen
                                 JOIN res_partner lawyer ON lawyer.id = pen.partner_id
                                WHERE lawyer.parent_id = ANY(%(ids)s::int[])
                                  AND lawyer.vc_is_lawyer AND lawyer.vc_is_main_partner
                                  AND lawyer.active AND pen.active
                                  AND pen.date BETWEEN %(start)s AND %(end)s) x
                     GROUP BY x.subject_id""",
                    ids=ids_array,
                    start=window_start,
                    end=on_date,
                )
            )
        }
        firm_ids = [row[0] for row in facts if row[1]]
        on_panel = (
            set(self._vc_panel_firm_ids(firm_ids, on_date, company))
            if check_panel and firm_ids
            else set()
        )
        min_age = company.vc_firm_min_age_years
        min_practice = company.vc_retained_min_practice_years
        age_cutoff = on_date - relativedelta(years=min_age)
        practice_cutoff = on_date - relativedelta(years=min_practice)
        level = {
            "age": company.vc_level_firm_age,
            "penalty": company.vc_level_penalty,
            "practice": company.vc_level_practice_years,
            "inspection": company.vc_level_inspection,
            "panel": company.vc_level_panel,
        }
        # translated once, formatted per breach
        msg = {
            "none": self.env._("is registered neither as a law firm nor as a lawyer"),
            "no_est": self.env._("the firm's establishment date is unknown"),
            "young": self.env._(
                "established on %(date)s, less than %(years)s years before %(on)s"
            ),
            "penalty": self.env._(
                "%(count)s penalty record(s) within the %(years)s years before "
                "%(on)s, the latest on %(date)s"
            ),
            "penalty_partners": self.env._(
                "%(count)s penalty record(s) within the %(years)s years before "
                "%(on)s, the latest on %(date)s (main partners: %(names)s)"
            ),
            "no_panel": self.env._("not on an approved panel valid on %(on)s"),
            "no_firm": self.env._("the lawyer belongs to no law firm"),
            "no_insp": self.env._(
                "the annual inspection of the practice licence is unknown"
            ),
            "lapsed": self.env._("the annual inspection lapsed on %(date)s"),
            "no_start": self.env._("the practising-since date is unknown"),
            "junior": self.env._(
                "practising since %(date)s, less than %(years)s years before "
                "%(on)s (retained counsel)"
            ),
        }
        on_str = fields.Date.to_string(on_date)
        r01, r02, r15, r21, r22 = (
            "000/R-VC-01",
            "000/R-VC-02",
            "000/R-VC-15",
            "000/R-VC-21",
            "000/R-VC-22",
        )
        retained = engagement_type == "retained"
        for pid, is_firm, is_lawyer, est, insp, start, parent_is_firm in facts:
            items = result[pid]
            if not (is_firm or is_lawyer):
                items.append((r21, level["panel"], msg["none"]))
                continue
            if is_firm:
                if not est:
                    items.append((r01, level["age"], msg["no_est"]))
                elif est > age_cutoff:
                    items.append(
                        (
                            r01,
                            level["age"],
                            msg["young"]
                            % {
                                "date": est,
                                "years": min_age,
                                "on": on_str,
                            },
                        )
                    )
            else:
                if not insp:
                    items.append((r22, level["inspection"], msg["no_insp"]))
                elif insp < on_date:
                    items.append(
                        (r22, level["inspection"], msg["lapsed"] % {"date": insp})
                    )
                if retained:
                    if not start:
                        items.append((r15, level["practice"], msg["no_start"]))
                    elif start > practice_cutoff:
                        items.append(
                            (
                                r15,
                                level["practice"],
                                msg["junior"]
                                % {
                                    "date": start,
                                    "years": min_practice,
                                    "on": on_str,
                                },
                            )
                        )
            if pid in penalties:
                count, latest, names = penalties[pid]
                text = msg["penalty_partners" if names else "penalty"] % {
                    "count": count,
                    "years": window,
                    "on": on_str,
                    "date": latest,
                    "names": names,
                }
                items.append((r02, level["penalty"], text))
            if is_firm and check_panel and pid not in on_panel:
                items.append((r21, level["panel"], msg["no_panel"] % {"on": on_str}))
            if is_lawyer and not is_firm and not parent_is_firm:
                items.append((r21, level["panel"], msg["no_firm"]))
        return result

    @api.model
    def _vc_panel_domain(self, on_date, company, practice_area=None):
        """Approved panel lines valid on ``on_date`` for ``company`` (a panel of a
        parent company covers its subsidiaries)."""
        domain = [
            ("panel_id.state", "=", "approved"),
            ("panel_id.date_from", "<=", on_date),
            ("panel_id.date_to", ">=", on_date),
            ("panel_id.company_id", "in", company.parent_ids.ids or company.ids),
        ]
        if practice_area:
            domain.append(("panel_id.practice_area_id", "=", practice_area.id))
        return domain

    @api.model
    def _vc_panel_firm_ids(self, firm_ids, on_date, company):
        """The ids among ``firm_ids`` on a valid panel of any area (one query)."""
        self.env["vc.panel"].flush_model()
        self.env["vc.panel.line"].flush_model()
        rows = self.env.execute_query(
            SQL(
                """SELECT DISTINCT line.firm_id
                     FROM vc_panel_line line
                     JOIN vc_panel panel ON panel.id = line.panel_id
                    WHERE line.firm_id = ANY(%(ids)s::int[])
                      AND panel.state = 'approved'
                      AND panel.date_from <= %(on)s AND panel.date_to >= %(on)s
                      AND panel.company_id = ANY(%(companies)s)""",
                ids="{" + ",".join(map(str, firm_ids)) + "}",
                on=on_date,
                companies=company.parent_ids.ids or company.ids,
            )
        )
        return [row[0] for row in rows]

    @api.model
    def _vc_panel_firms(self, practice_area, on_date=None, company=None):
        """The firms on an approved panel of ``practice_area`` valid on ``on_date``
        (today) for ``company`` (the current one): the request and selection flows'
        000/R-VC-20 and the qualified-supplier archive of 003/HR-D13-1."""
        on_date = fields.Date.to_date(on_date) or fields.Date.context_today(self)
        company = company or self.env.company
        lines = self.env["vc.panel.line"].search(
            self._vc_panel_domain(on_date, company, practice_area)
        )
        return lines.firm_id

    # vetting (003/HR-D12-6)

    def action_vc_mark_vetted(self):
        """The legal department records the completed counterparty vetting."""
        if not self.env.user.has_group("vendor_counsel.group_vendor_counsel_legal"):
            raise UserError(
                self.env._("Only the legal department vets firms (003/HR-D12-6).")
            )
        for partner in self:
            if not partner.vc_is_law_firm:
                raise UserError(
                    self.env._(
                        "%(partner)s is not a law firm.", partner=partner.display_name
                    )
                )
            missing = [
                partner._fields[name]._description_string(self.env)
                for name in VC_VETTING_FIELDS
                if not partner[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(partner)s cannot be marked vetted; still to check: "
                        "%(missing)s (003/HR-D12-6).",
                        partner=partner.display_name,
                        missing=", ".join(missing),
                    )
                )
        self.write(
            {
                "vc_vetted_on": fields.Date.context_today(self),
                "vc_vetted_by_id": self.env.uid,
            }
        )
        return True

    # smart buttons

    def action_vc_view_lawyers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_lawyer_action"
        )
        action["domain"] = [("parent_id", "=", self.id), ("vc_is_lawyer", "=", True)]
        action["context"] = {
            "default_parent_id": self.id,
            "default_vc_is_lawyer": True,
        }
        return action

    def action_vc_view_penalties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_penalty_action"
        )
        action["domain"] = [
            "|",
            ("partner_id", "=", self.id),
            ("firm_id", "=", self.id),
        ]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_vc_view_panels(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_panel_action"
        )
        action["domain"] = [("line_ids.firm_id", "=", self.id)]
        return action

    # daily re-check (000/C-VC-4)

    @api.model
    def _vc_counsel_manager(self, company=None):
        """Who the re-check notifies: the company's counsel manager, else the first
        user of the legal department (000/A-25)."""
        company = company or self.env.company
        if company.vc_counsel_manager_id:
            return company.vc_counsel_manager_id
        legal = self.env.ref("vendor_counsel.group_vendor_counsel_legal")
        users = legal.all_user_ids.filtered(lambda u: not u.share and u.active)
        return users.sorted("id")[:1] or self.env.user

    @api.model
    def _cron_vc_check_eligibility(self):
        """000/C-VC-4: re-check every firm and lawyer today; one activity on the firm
        per new breach (firm age, penalties, annual inspection lapsed or lapsing
        within the notice days), never twice for the same breach."""
        today = fields.Date.context_today(self)
        company = self.env.company
        subjects = self.search(
            ["|", ("vc_is_law_firm", "=", True), ("vc_is_lawyer", "=", True)]
        )
        breaches = self._vc_eligibility(subjects, today, check_panel=False)
        soon_until = today + relativedelta(days=company.vc_inspection_notice_days)
        self.flush_model(["vc_notified_breach_keys", "vc_licence_inspection_until"])
        rows = self.env.execute_query(
            SQL(
                """SELECT id, vc_notified_breach_keys, vc_licence_inspection_until,
                          vc_is_lawyer, vc_is_law_firm
                     FROM res_partner WHERE id = ANY(%(ids)s::int[])""",
                ids="{" + ",".join(map(str, subjects.ids)) + "}",
            )
        )
        states = {}
        to_notify = []
        for pid, stored, until, is_lawyer, is_firm in rows:
            wanted = {}
            for rule, _level, message in breaches.get(pid, []):
                if rule == "000/R-VC-22":
                    wanted[f"{rule}:{until or ''}"] = message
                elif rule in ("000/R-VC-01", "000/R-VC-02"):
                    wanted[rule] = message
            if is_lawyer and not is_firm and until and today <= until <= soon_until:
                wanted[f"soon:{until}"] = self.env._(
                    "the annual inspection lapses on %(date)s", date=until
                )
            old = set(filter(None, (stored or "").split(",")))
            states[pid] = (old, set(wanted))
            to_notify += [(pid, key, wanted[key]) for key in wanted.keys() - old]
        notified = self._vc_notify_breaches(to_notify, company)
        for pid, (old, wanted) in states.items():
            keep = (wanted & old) | {k for k in wanted - old if (pid, k) in notified}
            if keep != old:
                self.browse(pid).vc_notified_breach_keys = ",".join(sorted(keep))
        return len(notified)

    @api.model
    def _vc_notify_breaches(self, to_notify, company):
        """One activity on the firm (the lawyer's firm for a lawyer) per breach; a
        failing one is logged and skipped. Returns the (partner id, key) done."""
        if not to_notify:
            return set()
        user = self._vc_counsel_manager(company)
        partners = self.browse([pid for pid, _key, _message in to_notify])
        partners.fetch(["name", "parent_id", "vc_is_lawyer", "vc_is_law_firm"])
        done = set()
        for pid, key, message in to_notify:
            partner = self.browse(pid)
            target = (
                partner.parent_id
                if partner.vc_is_lawyer
                and not partner.vc_is_law_firm
                and partner.parent_id
                else partner
            )
            rule = "000/C-VC-4" if key.startswith("soon:") else key.split(":")[0]
            try:
                with self.env.cr.savepoint():
                    target.activity_schedule(
                        "mail.mail_activity_data_todo",
                        summary=self.env._(
                            "Eligibility: %(partner)s", partner=partner.name
                        ),
                        note=f"{partner.name}: {message} ({rule})",
                        user_id=user.id,
                    )
            except Exception:  # noqa: BLE001 - one bad record must not stop the run
                _logger.exception(
                    "Outside counsel re-check: cannot notify %s (%s)", pid, key
                )
                continue
            done.add((pid, key))
        return done

    # --- vc_engagements
    def action_vc_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_engagement_action"
        )
        action["domain"] = [("firm_id", "=", self.id)]
        action["context"] = {"default_firm_id": self.id}
        return action

    # --- vc_fees
    vc_spend_paid = fields.Float(
        string="Spend",
        compute="_compute_vc_spend",
        groups="vendor_counsel.group_vendor_counsel_user",
        help="Net fees paid to this law firm (000/E-VC-7).",
    )
    vc_payment_count = fields.Integer(
        string="Payment Count",
        compute="_compute_vc_spend",
        groups="vendor_counsel.group_vendor_counsel_user",
    )

    def _compute_vc_spend(self):
        """One grouped query for all the firms."""
        paid = {}
        counts = {}
        firms = self.filtered("vc_is_law_firm")
        if firms.ids:
            groups = self.env["vc.payment"]._read_group(
                [("firm_id", "in", firms.ids)],
                ["firm_id", "state"],
                ["amount_net:sum", "__count"],
            )
            for firm, state, amount, count in groups:
                counts[firm.id] = counts.get(firm.id, 0) + count
                if state == "paid":
                    paid[firm.id] = paid.get(firm.id, 0.0) + amount
        for partner in self:
            partner.vc_spend_paid = paid.get(partner.id, 0.0)
            partner.vc_payment_count = counts.get(partner.id, 0)

    def action_vc_view_payments(self):
        """The fee payments of the firm (smart button)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_payment_action"
        )
        action["domain"] = [("firm_id", "=", self.id)]
        action["context"] = {"search_default_group_by_engagement": 1}
        return action

    # --- vc_evaluations (000/E-VC-9): the firm's counsel history and standing
    vc_evaluation_ids = fields.One2many(
        "vc.evaluation", "firm_id", string="Counsel Evaluations"
    )
    vc_evaluation_last_score = fields.Float(
        string="Last Evaluation Score",
        compute="_compute_vc_evaluation_standing",
        store=True,
        help="Score of the firm's last done evaluation of the firm itself.",
    )
    vc_evaluation_outcome = fields.Selection(
        [
            ("renew", "Renewal Proposed"),
            ("keep", "Satisfactory"),
            ("warn", "Warning"),
            ("dismiss", "Dismissal Proposed"),
        ],
        string="Last Evaluation Outcome",
        compute="_compute_vc_evaluation_standing",
        store=True,
    )
    vc_evaluation_block = fields.Boolean(
        string="Blocked by Evaluation",
        compute="_compute_vc_evaluation_standing",
        store=True,
        help="000/E-VC-9: the last evaluation scored below the dismissal threshold; "
        "the firm may not be engaged again.",
    )
    vc_engagement_count = fields.Integer(
        string="Engagements", compute="_compute_vc_counsel_history"
    )
    vc_evaluation_count = fields.Integer(
        string="Evaluations", compute="_compute_vc_counsel_history"
    )
    vc_evaluation_avg_score = fields.Float(
        string="Average Evaluation Score", compute="_compute_vc_counsel_history"
    )

    @api.depends(
        "vc_evaluation_ids.state",
        "vc_evaluation_ids.score",
        "vc_evaluation_ids.outcome",
        "vc_evaluation_ids.date",
        "vc_evaluation_ids.lawyer_id",
    )
    def _compute_vc_evaluation_standing(self):
        last = self.env["vc.evaluation"]._vc_last_done(self.ids, firm_level=True)
        for partner in self:
            evaluation = last.get(partner.id)
            partner.vc_evaluation_last_score = evaluation.score if evaluation else 0.0
            partner.vc_evaluation_outcome = evaluation.outcome if evaluation else False
            partner.vc_evaluation_block = bool(
                evaluation and evaluation.outcome == "dismiss"
            )

    @api.depends_context("uid")
    def _compute_vc_counsel_history(self):
        """Counts and the average score, one grouped query per model for the set."""
        firms = self.filtered("id")
        engagements, evaluations = {}, {}
        # counted with the user's own rights: someone without outside-counsel
        # access sees zeros instead of an access error on the partner
        if self.env["vc.engagement"].has_access("read"):
            engagements = dict(
                self.env["vc.engagement"]._read_group(
                    [("firm_id", "in", firms.ids)], ["firm_id"], ["__count"]
                )
            )
        if self.env["vc.evaluation"].has_access("read"):
            evaluations = {
                firm: (count, avg)
                for firm, count, avg in self.env["vc.evaluation"]._read_group(
                    [("firm_id", "in", firms.ids), ("state", "=", "done")],
                    ["firm_id"],
                    ["__count", "score:avg"],
                )
            }
        for partner in self:
            count, avg = evaluations.get(partner, (0, 0.0))
            partner.vc_engagement_count = engagements.get(partner, 0)
            partner.vc_evaluation_count = count
            partner.vc_evaluation_avg_score = avg

    def action_vc_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_evaluation_action"
        )
        action["domain"] = [("firm_id", "=", self.id)]
        action["context"] = {"default_firm_id": self.id}
        return action

    @api.model
    def _vc_evaluation_breaches(self, partners, on_date=None):
        """000/E-VC-9: the standing from the last done evaluation on or before
        ``on_date``, in the structure of ``_vc_eligibility`` (the lead merges it
        there): a dismissal proposal blocks, a warning warns. Firms are judged by
        their firm-level evaluations, lawyers by their own; one query."""
        on_date = on_date or fields.Date.context_today(self)
        result = {partner.id: [] for partner in partners}
        firms = partners.filtered("vc_is_law_firm")
        lawyers = partners - firms
        last = self.env["vc.evaluation"]._vc_last_done(
            firms.ids, on_date=on_date, firm_level=True
        )
        last.update(
            self.env["vc.evaluation"]._vc_last_done(lawyers.ids, on_date=on_date)
        )
        for partner_id, evaluation in last.items():
            if evaluation.outcome == "dismiss":
                result[partner_id].append(
                    (
                        "000/E-VC-9",
                        "block",
                        self.env._(
                            "evaluation %(name)s scored %(score).2f: dismissal "
                            "proposed",
                            name=evaluation.name,
                            score=evaluation.score,
                        ),
                    )
                )
            elif evaluation.outcome == "warn":
                result[partner_id].append(
                    (
                        "000/E-VC-9",
                        "warn",
                        self.env._(
                            "evaluation %(name)s scored %(score).2f: warning",
                            name=evaluation.name,
                            score=evaluation.score,
                        ),
                    )
                )
        return result

    # --- vc_coi_decl
    def action_vc_register_declarant(self):
        """Register this outside law firm (or person) as a conflict of interest
        declarant (002/R10, ambiguity 9) and open its register entry."""
        self.ensure_one()
        declarant = self.env["vc.coi.declarant"].search(
            [("partner_id", "=", self.id), ("company_id", "=", self.env.company.id)],
            limit=1,
        )
        if not declarant:
            declarant = self.env["vc.coi.declarant"].create(
                {
                    "partner_id": self.id,
                    "role": "law_firm" if self.vc_is_law_firm else "other",
                    "user_id": self.user_ids[:1].id,
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "vc.coi.declarant",
            "res_id": declarant.id,
            "view_mode": "form",
        }
