from odoo import api, fields, models

# 002/R10: the roles that must declare every year (independent directors excluded)
COVERED_ROLES = ("director", "supervisor", "officer")


class VcCoiDeclarant(models.Model):
    """Someone who must declare conflicts of interest: the register that drives the
    declaration tasks (002/R10)."""

    _name = "vc.coi.declarant"
    _description = "Conflict of Interest Declarant"
    _inherit = ["mail.thread"]
    _order = "name"

    partner_id = fields.Many2one(
        "res.partner", string="Person or Firm", required=True, index=True, tracking=True
    )
    name = fields.Char(related="partner_id.name", store=True)
    user_id = fields.Many2one(
        "res.users", tracking=True, index=True, help="The declarant's user, if any."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    role = fields.Selection(
        [
            ("director", "Director"),
            ("independent_director", "Independent Director"),
            ("supervisor", "Supervisor"),
            ("officer", "Senior Officer"),
            ("related_person", "Related Person"),
            ("law_firm", "Outside Law Firm"),
            ("evaluator", "Internal Evaluator"),
            ("other", "Other"),
        ],
        required=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)
    officer_title = fields.Selection(
        [
            ("general_manager", "General Manager"),
            ("finance_head", "Head of Finance"),
            ("board_secretary", "Board Secretary"),
            ("other", "Other Senior Officer"),
        ],
        string="Senior Officer Title",
        tracking=True,
    )
    unit_and_position = fields.Char(
        string="Unit and Position",
        help="Printed in the signature block of the declaration form.",
    )
    employee_id = fields.Many2one("hr.employee")
    tenure_start = fields.Date()
    tenure_end = fields.Date()
    include_in_campaign = fields.Boolean(
        string="Declares Every Year",
        tracking=True,
        help="002 ambiguity 9: besides directors, supervisors and senior officers, "
        "include this declarant (an outside law firm, an internal evaluator...) in "
        "the annual declaration campaign.",
    )
    must_declare = fields.Boolean(
        compute="_compute_must_declare",
        store=True,
        help="002/R10: directors (not independent ones), supervisors and senior "
        "officers of the company and its controlled subsidiaries declare every year.",
    )
    related_person_ids = fields.One2many(
        "vc.coi.related.person", "declarant_id", string="Related Persons"
    )
    declaration_ids = fields.One2many("vc.coi.declaration", "declarant_id")
    gift_ids = fields.One2many("vc.coi.gift", "declarant_id", string="Gifts")
    declaration_count = fields.Integer(compute="_compute_counts")
    gift_count = fields.Integer(compute="_compute_counts")
    sanction_count = fields.Integer(
        compute="_compute_sanction_count",
        groups="vendor_counsel.group_vendor_counsel_auditor,"
        "vendor_counsel.group_vendor_counsel_compliance,"
        "vendor_counsel.group_vendor_counsel_committee",
    )

    _partner_company_uniq = models.Constraint(
        "UNIQUE(partner_id, company_id)",
        "This person or firm is already a declarant of this company.",
    )

    @api.depends("role", "active", "include_in_campaign")
    def _compute_must_declare(self):
        for declarant in self:
            declarant.must_declare = declarant.active and (
                declarant.role in COVERED_ROLES
                or (
                    declarant.include_in_campaign
                    and declarant.role not in ("independent_director", "related_person")
                )
            )

    def _compute_counts(self):
        counts = {}
        for model in ("vc.coi.declaration", "vc.coi.gift"):
            counts[model] = dict(
                self.env[model]._read_group(
                    [("declarant_id", "in", self.ids)], ["declarant_id"], ["__count"]
                )
            )
        for declarant in self:
            declarant.declaration_count = counts["vc.coi.declaration"].get(declarant, 0)
            declarant.gift_count = counts["vc.coi.gift"].get(declarant, 0)

    def _compute_sanction_count(self):
        counts = self.env["vc.coi.sanction"]._vc_count_by_declarant(self)
        for declarant in self:
            declarant.sanction_count = counts.get(declarant.id, 0)

    def action_view_sanctions(self):
        """002/R7: the declarant's sanction history (the committee's roles only)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vendor_counsel.vc_coi_sanction_action_declarant"
        )
        action["domain"] = [("declarant_id", "=", self.id)]
        action["context"] = {"default_declarant_id": self.id}
        return action

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id and not self.user_id:
            self.user_id = self.partner_id.user_ids[:1]

    @api.model_create_multi
    def create(self, vals_list):
        declarants = super().create(vals_list)
        declarants._vc_grant_declarant_access()
        return declarants

    def write(self, vals):
        res = super().write(vals)
        if vals.get("user_id"):
            self._vc_grant_declarant_access()
        return res

    def _vc_grant_declarant_access(self):
        """A declarant's user needs the app's base role to reach My Declarations."""
        group = self.env.ref("vendor_counsel.group_vendor_counsel_user")
        users = self.user_id.filtered(lambda user: not user.share) - group.user_ids
        if users:
            # sudo: the compliance officer who registers a declarant may not manage
            # users; only the app's base role is granted, which shows nothing
            # confidential but the declarant's own records
            group.sudo().write({"user_ids": [fields.Command.link(u.id) for u in users]})

    def _vc_action(self, model, name):
        action = self.env["ir.actions.act_window"]._for_xml_id(f"vendor_counsel.{name}")
        action["domain"] = [("declarant_id", "in", self.ids)]
        action["context"] = {"default_declarant_id": self[:1].id}
        return action

    def action_view_declarations(self):
        return self._vc_action("vc.coi.declaration", "vc_coi_declaration_action")

    def action_view_gifts(self):
        return self._vc_action("vc.coi.gift", "vc_coi_gift_action")


class VcCoiRelatedPerson(models.Model):
    """关联人: a person related to a declarant whose interests are declared too
    (002 section 2.A E2); the conflict check searches their names."""

    _name = "vc.coi.related.person"
    _description = "Related Person of a Declarant"
    _order = "declarant_id, name"

    declarant_id = fields.Many2one(
        "vc.coi.declarant", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="declarant_id.company_id", store=True)
    user_id = fields.Many2one(related="declarant_id.user_id", store=True)
    partner_id = fields.Many2one("res.partner", string="Contact")
    name = fields.Char(required=True, index="trigram")
    relationship = fields.Selection(
        [
            ("spouse", "Spouse"),
            ("parent", "Parent"),
            ("child", "Child"),
            ("sibling", "Sibling"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        help="The seed defers to the related-party definitions of the HKEX Listing "
        "Rules and gives no list; 'Other' takes a note.",
    )
    relationship_note = fields.Char(string="Relationship Details")
    employer_name = fields.Char(string="Employer", index="trigram")
    employer_id = fields.Many2one("res.partner", string="Employer Partner")
    position = fields.Char(string="Positions")
    active = fields.Boolean(default=True)

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id:
            self.name = self.partner_id.name

    @api.onchange("employer_id")
    def _onchange_employer_id(self):
        if self.employer_id:
            self.employer_name = self.employer_id.name
