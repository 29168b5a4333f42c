from odoo import fields, models


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

    # --- cr-gov
    cr_service_report_count = fields.Integer(
        string="Service Reports",
        compute="_compute_cr_service_report_count",
        groups="client_relations.group_client_relations_user",
    )

    def _compute_cr_service_report_count(self):
        counts = dict(
            self.env["cr.service.report"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
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
