from odoo import api, fields, models
from odoo.exceptions import UserError


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
    def _vc_eligibility(self, partners, on_date=None, engagement_type=None):
        """Breaches of the eligibility rules, set-based, for firms and lawyers.

        Returns ``{partner_id: [(rule_id, level, message), ...]}`` where ``level`` is
        ``"block"`` or ``"warn"`` as the rule's setting says; eligible partners map to
        an empty list."""
        return {partner.id: [] for partner in partners}

    @api.model
    def _vc_assert_eligible(self, partners, on_date=None, engagement_type=None):
        """Refuse (``UserError`` listing every blocking breach with its rule) unless
        every partner may be engaged; return the warnings as a list of messages."""
        breaches = self._vc_eligibility(partners, on_date, engagement_type)
        blocking = [
            f"{self.browse(pid).display_name}: {message} ({rule})"
            for pid, items in breaches.items()
            for rule, level, message in items
            if level == "block"
        ]
        if blocking:
            raise UserError(
                self.env._(
                    "These firms or lawyers may not be engaged:\n%(breaches)s",
                    breaches="\n".join(blocking),
                )
            )
        return [
            f"{self.browse(pid).display_name}: {message} ({rule})"
            for pid, items in breaches.items()
            for rule, level, message in items
            if level == "warn"
        ]

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

    def action_vc_view_engagements(self):
        self.ensure_one()
        name = self.env._("Engagements")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "vc.engagement",
            "view_mode": "list,form",
            "domain": [("firm_id", "=", self.id)],
            "context": {"default_firm_id": self.id},
        }

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
