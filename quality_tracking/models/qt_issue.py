from odoo import api, fields, models


class QtIssue(models.Model):
    """A quality issue / nonconformity from any origin (000/E-QT-10, 001/QT-9)."""

    _name = "qt.issue"
    _description = "Quality Issue"
    _inherit = ["mail.thread", "mail.activity.mixin", "business.deadline.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    title = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Html()
    origin_kind = fields.Selection(
        [
            ("feedback_card", "Feedback Card"),
            ("return_visit", "Return Visit"),
            ("tracking_record", "Quality Tracking Record"),
            ("supervision", "Supervision"),
            ("spot_check", "Spot Check"),
            ("supervision_order", "Supervision Order"),
            ("email", "Quality Complaint Mailbox"),
            ("complaint", "Client Complaint"),
            ("internal", "Internal Finding"),
            ("other", "Other"),
        ],
        string="Origin",
        default="internal",
        required=True,
        tracking=True,
        index=True,
    )
    origin_ref = fields.Reference(
        selection="_selection_origin_ref", string="Origin Document", index=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index=True)
    matter_id = fields.Many2one(
        "qt.matter", index=True, check_company=True, ondelete="set null"
    )
    department_id = fields.Many2one("hr.department", index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    severity = fields.Selection(
        [("general", "General"), ("batch", "Batch"), ("major", "Major")],
        default="general",
        required=True,
        tracking=True,
        index=True,
    )
    cause_kind = fields.Selection(
        [
            ("improper_use", "Improper Use"),
            ("product_quality", "Product Quality"),
            ("service_quality", "Service Quality"),
            ("process", "Process or Method"),
            ("human", "Human Error"),
            ("material", "Material or Supplier"),
            ("equipment", "Equipment"),
            ("other", "Other"),
        ],
        string="Cause",
        tracking=True,
        index=True,
        help="The cause found by the analysis (improper use is pointed out to the "
        "customer on the spot, 001/QT-9).",
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("investigating", "Investigating"),
            ("action", "Corrective Action"),
            ("verifying", "Verifying"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="new",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_received = fields.Datetime(
        string="Received At", default=fields.Datetime.now, required=True, index=True
    )

    @api.model
    def _selection_origin_ref(self):
        """The models an issue can come from: ours, and an installed complaint model."""
        names = self._origin_models()
        models_ = self.env["ir.model"].sudo().search([("model", "in", names)])
        return [(m.model, m.name) for m in models_]

    @api.model
    def _origin_models(self):
        """Hook: the origin models of quality issues (extended by each origin)."""
        return ["qt.matter", "qt.feedback.card", "client_relations.complaint"]

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("qt.issue") or "/"
        return super().create(vals_list)

    @api.model
    def _action_raise_from(self, origin, origin_kind, **defaults):
        """The form of a new issue raised from ``origin`` (any record), prefilled."""
        context = {
            "default_origin_kind": origin_kind,
            "default_origin_ref": f"{origin._name},{origin.id}",
        }
        context.update({f"default_{key}": value for key, value in defaults.items()})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Quality Issue"),
            "res_model": "qt.issue",
            "view_mode": "form",
            "target": "current",
            "context": context,
        }
