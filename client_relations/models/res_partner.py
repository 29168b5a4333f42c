from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class ResPartner(models.Model):
    """The client file (客户档案) lives on the company partner (000/E-CR-1)."""

    _inherit = "res.partner"

    cr_is_client = fields.Boolean(
        string="Client", help="A client filed by the customer service department."
    )
    cr_owner_id = fields.Many2one(
        "res.users",
        string="Account Owner",
        domain=[("share", "=", False)],
        tracking=True,
        help="The account owner responsible for the client.",
    )
    cr_department_id = fields.Many2one(
        "hr.department",
        string="Client Department",
        tracking=True,
        help="The department maintaining the client (000/R-CR-06: maintenance is "
        "territorial).",
    )
    cr_class = fields.Selection(
        [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")],
        string="Client Class",
        tracking=True,
        help="000/R-CR-08: exactly four client classes.",
    )
    cr_tier_id = fields.Many2one(
        "cr.tier",
        string="Revenue Tier",
        readonly=True,
        tracking=True,
        index="btree_not_null",
        help="000/R-CR-01..04: set by an approved tier change only.",
    )
    cr_region_id = fields.Many2one("cr.region", string="Client Region", tracking=True)

    # --- cr-file
    cr_client_type = fields.Selection(
        [
            ("distributor", "Distributor"),
            ("retailer", "Retailer"),
            ("contract_processor", "Contract Processing Factory"),
            ("consumer", "Consumer"),
            ("institution", "Institution"),
            ("enterprise", "Enterprise"),
        ],
        string="Client Type",
        tracking=True,
        help="000/E-CR-1, 002/E30: the kind of client.",
    )
    cr_introduction = fields.Selection(
        [
            ("referral", "Referral"),
            ("own", "Own Development"),
            ("company_lead", "Lead from the Company"),
            ("agent", "Agent"),
            ("tender", "Tender"),
            ("exhibition", "Exhibition"),
            ("other", "Other"),
        ],
        string="Introduced By",
        tracking=True,
        help="000/WF-CR-1: how the client was introduced (引入方式).",
    )
    cr_introduction_note = fields.Char(string="Introduction Details")
    cr_service_owner_id = fields.Many2one(
        "res.users",
        string="Customer Service Owner",
        domain=[("share", "=", False)],
        tracking=True,
        help="004/R16-3: every member client has a named customer-service owner.",
    )
    cr_is_member = fields.Boolean(
        string="Member Client",
        tracking=True,
        help="004/R16-3: a member client must have a customer-service owner.",
    )
    cr_upstream_key_account = fields.Boolean(
        string="Upstream Key Account",
        tracking=True,
        help="000/R-CR-01: an upstream key account registered in the CRM by the "
        "provincial company is Diamond whatever its revenue.",
    )
    cr_signed_agreement = fields.Boolean(
        string="Signed Agreement", help="000/E-CR-1: an agreement with the company."
    )
    cr_crm_registered = fields.Boolean(
        string="Registered in CRM", help="000/E-CR-1, WF-CR-1: registered (注册)."
    )
    cr_company_size = fields.Char(string="Company Size")
    cr_head_name = fields.Char(string="Head of the Client")
    cr_products = fields.Text(string="Products and Business")
    cr_competitors = fields.Text(string="Competitors and Their Products")
    cr_date_first_cooperation = fields.Date(string="First Cooperation", tracking=True)
    cr_date_contract_start = fields.Date(string="Contract Start", tracking=True)
    cr_date_contract_end = fields.Date(string="Contract End", tracking=True)
    cr_date_last_service = fields.Date(string="Last Service")
    cr_file_completeness = fields.Integer(
        string="File Completeness (%)",
        compute="_compute_cr_file_completeness",
        store=True,
        help="The share of the client-file items filled in (000/E-CR-1).",
    )
    cr_file_missing = fields.Char(
        string="Missing in the File", compute="_compute_cr_file_missing"
    )
    cr_revenue_ids = fields.One2many(
        "cr.revenue",
        "partner_id",
        string="Annual Revenue",
        groups="client_relations.group_client_relations_user",
    )
    cr_revenue_last_year = fields.Monetary(
        string="Revenue Last Year",
        compute="_compute_cr_revenue_last_year",
        currency_field="cr_revenue_currency_id",
        groups="client_relations.group_client_relations_user",
    )
    cr_revenue_currency_id = fields.Many2one(
        "res.currency",
        string="Revenue Currency",
        compute="_compute_cr_revenue_last_year",
    )
    cr_tier_change_ids = fields.One2many(
        "cr.tier.change",
        "partner_id",
        string="Tier Changes",
        groups="client_relations.group_client_relations_user",
    )
    cr_tier_history_ids = fields.One2many(
        "cr.tier.history",
        "partner_id",
        string="Tier History",
        groups="client_relations.group_client_relations_user",
    )
    cr_tier_change_count = fields.Integer(
        string="Number of Tier Changes",
        compute="_compute_cr_file_counts",
        groups="client_relations.group_client_relations_user",
    )
    cr_revenue_count = fields.Integer(
        string="Number of Revenue Lines",
        compute="_compute_cr_file_counts",
        groups="client_relations.group_client_relations_user",
    )

    def _cr_file_items(self):
        """The client-file completeness items: (label, filled?) (000/E-CR-1)."""
        self.ensure_one()
        return [
            (self.env._("account owner"), bool(self.cr_owner_id)),
            (self.env._("department"), bool(self.cr_department_id)),
            (self.env._("class"), bool(self.cr_class)),
            (self.env._("region"), bool(self.cr_region_id)),
            (self.env._("client type"), bool(self.cr_client_type)),
            (self.env._("industry"), bool(self.industry_id)),
            (self.env._("introduction"), bool(self.cr_introduction)),
            (self.env._("customer service owner"), bool(self.cr_service_owner_id)),
            (
                self.env._("contact"),
                bool(self.child_ids.filtered(lambda c: not c.is_company)),
            ),
            (self.env._("phone or email"), bool(self.phone or self.email)),
            (self.env._("address"), bool(self.street or self.city)),
            (self.env._("first cooperation"), bool(self.cr_date_first_cooperation)),
        ]

    @api.depends(
        "cr_is_client",
        "cr_owner_id",
        "cr_department_id",
        "cr_class",
        "cr_region_id",
        "cr_client_type",
        "industry_id",
        "cr_introduction",
        "cr_service_owner_id",
        "child_ids",
        "child_ids.is_company",
        "phone",
        "email",
        "street",
        "city",
        "cr_date_first_cooperation",
    )
    def _compute_cr_file_completeness(self):
        for partner in self:
            if not partner.cr_is_client:
                partner.cr_file_completeness = 0
                continue
            items = partner._cr_file_items()
            done = sum(1 for __, filled in items if filled)
            partner.cr_file_completeness = round(100 * done / len(items))

    @api.depends_context("lang")
    @api.depends(
        "cr_is_client",
        "cr_owner_id",
        "cr_department_id",
        "cr_class",
        "cr_region_id",
        "cr_client_type",
        "industry_id",
        "cr_introduction",
        "cr_service_owner_id",
        "child_ids",
        "child_ids.is_company",
        "phone",
        "email",
        "street",
        "city",
        "cr_date_first_cooperation",
    )
    def _compute_cr_file_missing(self):
        for partner in self:
            partner.cr_file_missing = (
                ", ".join(
                    label for label, filled in partner._cr_file_items() if not filled
                )
                if partner.cr_is_client
                else False
            )

    def _compute_cr_revenue_last_year(self):
        year = fields.Date.context_today(self).year - 1
        groups = (
            self.env["cr.revenue"]._read_group(
                [("partner_id", "in", self.ids), ("year", "=", year)],
                ["partner_id"],
                ["amount:sum"],
            )
            if self.ids
            else []
        )
        totals = {partner.id: amount for partner, amount in groups}
        company = self.env.company
        currency = company.cr_tier_currency_id or company.currency_id
        for partner in self:
            partner.cr_revenue_last_year = totals.get(partner.id, 0.0)
            partner.cr_revenue_currency_id = currency

    def _compute_cr_file_counts(self):
        changes = self._cr_partner_counts("cr.tier.change")
        revenue = self._cr_partner_counts("cr.revenue")
        for partner in self:
            partner.cr_tier_change_count = changes.get(partner, 0)
            partner.cr_revenue_count = revenue.get(partner, 0)

    @api.constrains("cr_is_member", "cr_service_owner_id", "cr_is_client")
    def _check_cr_service_owner(self):
        for partner in self:
            if partner.cr_is_client and partner.cr_is_member:
                if not partner.cr_service_owner_id:
                    raise ValidationError(
                        self.env._(
                            "%(client)s is a member client: name its customer-service "
                            "owner (004/R16-3).",
                            client=partner.display_name,
                        )
                    )

    @api.model
    def _cr_file_fields(self):
        """The client-file fields only the owner, the customer service department
        and the administrator may change (003/HR-D18-3)."""
        return {
            "cr_is_client",
            "cr_owner_id",
            "cr_department_id",
            "cr_class",
            "cr_region_id",
            "cr_client_type",
            "cr_introduction",
            "cr_introduction_note",
            "cr_service_owner_id",
            "cr_is_member",
            "cr_upstream_key_account",
            "cr_signed_agreement",
            "cr_crm_registered",
            "cr_company_size",
            "cr_head_name",
            "cr_products",
            "cr_competitors",
            "cr_date_first_cooperation",
            "cr_date_contract_start",
            "cr_date_contract_end",
        }

    def _cr_check_file_write(self, vals):
        """003/HR-D18-3 (不擅改客户数据): a client's file is changed only by its
        account owner, the customer service department or the administrator."""
        if self.env.su:
            return
        user = self.env.user
        if "cr_tier_id" in vals and not user.has_group(
            "client_relations.group_client_relations_manager"
        ):
            raise AccessError(
                self.env._(
                    "A client's tier is set by an approved tier change only "
                    "(000/R-CR-06)."
                )
            )
        if not self._cr_file_fields().intersection(vals):
            return
        if user.has_group("client_relations.group_client_relations_service"):
            return
        clients = self.filtered("cr_is_client")
        foreign = clients.filtered(lambda p: p.cr_owner_id != user)
        if foreign or (
            vals.get("cr_is_client")
            and not user.has_group("client_relations.group_client_relations_user")
        ):
            raise AccessError(
                self.env._(
                    "Only the account owner or the customer service department may "
                    "change the client file of %(clients)s (003/HR-D18-3).",
                    clients=", ".join((foreign or self).mapped("display_name")),
                )
            )

    def write(self, vals):
        self._cr_check_file_write(vals)
        return super().write(vals)

    def action_cr_request_tier_change(self):
        """Open a new tier change of this client (000/WF-CR-1)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "cr.tier.change",
            "view_mode": "form",
            "target": "current",
            "context": {"default_partner_id": self.id},
        }

    def _cr_partner_counts(self, model):
        """{partner: number of its ``model`` records}, in one grouped query (none
        for new partners)."""
        if not self.ids:
            return {}
        return dict(
            self.env[model]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )

    def _cr_open(self, xmlid, **defaults):
        """The window action ``xmlid`` on this client's records, new ones for it
        (and with ``defaults``)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id, **defaults}
        return action

    def action_cr_open_revenue(self):
        return self._cr_open("client_relations.cr_revenue_action")

    def action_cr_open_tier_changes(self):
        return self._cr_open("client_relations.cr_tier_change_action")

    def action_cr_print_client_file(self):
        return self.env.ref(
            "client_relations.cr_client_file_report_action"
        ).report_action(self)

    # --- cr-visit
    cr_visit_ids = fields.One2many("cr.visit", "partner_id", string="Visits")
    cr_visit_count = fields.Integer(
        string="Visit Count", compute="_compute_cr_visit_count"
    )

    def _compute_cr_visit_count(self):
        counts = self._cr_partner_counts("cr.visit")
        for partner in self:
            partner.cr_visit_count = counts.get(partner, 0)

    def action_view_cr_visits(self):
        return self._cr_open("client_relations.cr_visit_action")

    # --- cr-return
    cr_return_visit_ids = fields.One2many("cr.return.visit", "partner_id")
    cr_return_visit_count = fields.Integer(
        string="Return Visits", compute="_compute_cr_return_visit_count"
    )

    def _compute_cr_return_visit_count(self):
        counts = self._cr_partner_counts("cr.return.visit")
        for partner in self:
            partner.cr_return_visit_count = counts.get(partner, 0)

    def action_cr_view_return_visits(self):
        return self._cr_open("client_relations.action_cr_return_visit")

    # --- cr-care
    cr_gift_count = fields.Integer(
        string="Gifts", compute="_compute_cr_care_counts", groups="base.group_user"
    )
    cr_care_plan_count = fields.Integer(
        string="Care Plans", compute="_compute_cr_care_counts", groups="base.group_user"
    )
    cr_csat = fields.Float(
        string="CSAT (%)",
        compute="_compute_cr_care_counts",
        groups="base.group_user",
        help="The client's average satisfaction score of the last 6 months.",
    )
    cr_csat_trend = fields.Selection(
        [
            ("up", "Improving"),
            ("down", "Declining"),
            ("stable", "Stable"),
            ("new", "First Answers"),
            ("none", "No Answers"),
        ],
        string="CSAT Trend",
        compute="_compute_cr_care_counts",
        groups="base.group_user",
        help="The last 6 months against the 6 months before.",
    )

    def _compute_cr_care_counts(self):
        """Grouped queries, whatever the number of clients; what the user may read."""
        env = self.env
        if not env.user.has_group("client_relations.group_client_relations_user"):
            self.update(
                {
                    "cr_gift_count": 0,
                    "cr_care_plan_count": 0,
                    "cr_csat": 0.0,
                    "cr_csat_trend": "none",
                }
            )
            return
        gifts = self._cr_partner_counts("cr.gift")
        plans = self._cr_partner_counts("cr.care.plan")
        trend = env["cr.csat.report"]._cr_trend(self, fields.Date.context_today(self))
        for partner in self:
            partner.cr_gift_count = gifts.get(partner, 0)
            partner.cr_care_plan_count = plans.get(partner, 0)
            partner.cr_csat, _before, partner.cr_csat_trend = trend[partner]

    def _cr_care_action(self, model, name, view_mode):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": view_mode,
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

    def action_cr_view_gifts(self):
        return self._cr_care_action(
            "cr.gift", self.env._("Gifts and Hospitality"), "list,form"
        )

    def action_cr_view_care_plans(self):
        return self._cr_care_action(
            "cr.care.plan", self.env._("Care Plans"), "list,kanban,form"
        )

    def action_cr_view_csat(self):
        return self._cr_care_action(
            "cr.csat.report", self.env._("Client Satisfaction"), "graph,pivot,list"
        )

    # --- cr-desk
    cr_request_count = fields.Integer(
        string="Requests", compute="_compute_cr_request_count"
    )

    def _compute_cr_request_count(self):
        counts = self._cr_partner_counts("cr.request")
        for partner in self:
            partner.cr_request_count = counts.get(partner, 0)

    def action_view_cr_requests(self):
        return self._cr_open("client_relations.cr_request_action")

    # --- cr-sla
    cr_agreement_ids = fields.One2many(
        "cr.agreement", "partner_id", string="Service Level Agreements"
    )
    cr_agreement_count = fields.Integer(compute="_compute_cr_agreement_count")

    def _compute_cr_agreement_count(self):
        counts = self._cr_partner_counts("cr.agreement")
        for partner in self:
            partner.cr_agreement_count = counts.get(partner, 0)

    def action_cr_view_agreements(self):
        return self._cr_open("client_relations.cr_agreement_action", default_kind="sla")

    def action_cr_create_agreement(self):
        """A draft SLA for the client from its tier's agreement template."""
        self.ensure_one()
        template = self.cr_tier_id.agreement_template_id
        if not template:
            raise UserError(
                self.env._(
                    "The tier of %(client)s has no agreement template.",
                    client=self.display_name,
                )
            )
        agreement_model = self.env["cr.agreement"]
        vals = agreement_model._cr_template_values(template)
        vals.update(
            name=self.env._("SLA %(client)s", client=self.name),
            kind="sla",
            partner_id=self.id,
            company_id=template.company_id.id,
        )
        agreement = agreement_model.create(vals)
        return {
            "type": "ir.actions.act_window",
            "res_model": "cr.agreement",
            "res_id": agreement.id,
            "view_mode": "form",
        }

    # --- cr-gov
    cr_service_report_count = fields.Integer(
        string="Service Reports",
        compute="_compute_cr_service_report_count",
        groups="client_relations.group_client_relations_user",
    )

    def _compute_cr_service_report_count(self):
        counts = self._cr_partner_counts("cr.service.report")
        for partner in self:
            partner.cr_service_report_count = counts.get(partner, 0)

    def action_cr_view_service_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.cr_service_report_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        return action

    # --- cr-portal
