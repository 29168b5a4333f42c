from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Policy of the regulations: one block per slice, each field with its rule ID in
    # the help and the seed's value as default.
    cr_tier_currency_id = fields.Many2one(
        "res.currency",
        string="Tier Currency",
        default=lambda self: self.env.ref("base.CNY", raise_if_not_found=False),
        help="000/R-CR-01..04: the currency of the tier bands (yuan).",
    )

    # --- cr-desk
    cr_dispatch_minutes = fields.Integer(
        string="Dispatch Limit (minutes)",
        default=5,
        help="004/R9-10: a request is dispatched within these minutes of the first "
        "report; later dispatches are marked late.",
    )
    cr_fault_serious_minutes = fields.Integer(
        string="Serious Fault Outage (minutes)",
        default=60,
        help="002/R43: a service type or a province fully down this long makes a "
        "serious fault.",
    )
    cr_fault_registration_minutes = fields.Integer(
        string="Serious Registration Outage (minutes)",
        default=240,
        help="002/R43: user registration and business acceptance fully down this "
        "long make a serious fault.",
    )
    cr_dispatch_supervisor_id = fields.Many2one(
        "res.users",
        string="Dispatch Supervisor",
        help="004/R9-4: reviews and signs the complaint records every day.",
    )
    cr_email_receiver_id = fields.Many2one(
        "res.users",
        string="Receiver of Written Requests",
        help="004/R18-5: written requests and e-mails are received by this person.",
    )
    cr_complaint_phone = fields.Char(
        string="Complaint Phone",
        help="004/R1-4: a direct line, or the HR/admin manager's extension; printed "
        "on the complaint record (004/R1-5).",
    )
    cr_complaint_email = fields.Char(
        string="Complaint E-mail",
        help="004/R1-5: the complaint mailbox printed with the complaint phone.",
    )
