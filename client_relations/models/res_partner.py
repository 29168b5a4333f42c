from odoo import fields, models
from odoo.exceptions import UserError


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
    cr_region_id = fields.Many2one("cr.region", string="Region", tracking=True)

    # --- cr-file

    # --- cr-visit

    # --- cr-return

    # --- cr-care

    # --- cr-desk

    # --- cr-sla
    cr_agreement_ids = fields.One2many(
        "cr.agreement", "partner_id", string="Service Level Agreements"
    )
    cr_agreement_count = fields.Integer(compute="_compute_cr_agreement_count")

    def _compute_cr_agreement_count(self):
        counts = dict(
            self.env["cr.agreement"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.cr_agreement_count = counts.get(partner, 0)

    def action_cr_view_agreements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_relations.cr_agreement_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id, "default_kind": "sla"}
        return action

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

    # --- cr-portal
