from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import ValidationError


class ResUsers(models.Model):
    """000/R-VC-24: the legal department's staff passed the national judicial exam
    or hold a lawyer qualification certificate (D3 第七条). Kept on the user (not
    the employee): the legal group and the engagement's responsible are users, and
    not every user of the suite has an employee record."""

    _inherit = "res.users"

    vc_legal_qualification = fields.Selection(
        [
            ("judicial_exam", "Passed the National Judicial Exam"),
            ("lawyer_certificate", "Lawyer Qualification Certificate"),
        ],
        string="Legal Qualification",
        help="000/R-VC-24: required of the legal department's staff.",
    )
    vc_legal_qualification_ref = fields.Char(string="Qualification Certificate No.")
    vc_legal_qualification_date = fields.Date(string="Qualified On")

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + [
            "vc_legal_qualification",
            "vc_legal_qualification_ref",
            "vc_legal_qualification_date",
        ]

    def _vc_unqualified_legal_staff(self):
        """The internal users of ``self`` without a legal qualification (the
        superuser, a technical account, is left out)."""
        return self.filtered(
            lambda u: not u.vc_legal_qualification
            and not u.share
            and u.id != SUPERUSER_ID
        )

    def _vc_check_legal_qualification(self):
        """000/R-VC-24 for ``self`` (legal staff or an engagement's responsible):
        raise at the company's "block" level; return the warnings at "warn"."""
        unqualified = self._vc_unqualified_legal_staff()
        if not unqualified:
            return []
        message = self.env._(
            "%(users)s neither passed the national judicial exam nor hold a lawyer "
            "qualification certificate (000/R-VC-24).",
            users=", ".join(unqualified.mapped("name")),
        )
        if self.env.company.vc_level_legal_qualification == "block":
            raise ValidationError(message)
        return [message]

    @api.constrains("group_ids", "vc_legal_qualification")
    def _check_vc_legal_qualification(self):
        """000/R-VC-24 enforced on the legal department group's membership."""
        if self.env.company.vc_level_legal_qualification != "block":
            return
        legal = self.env.ref(
            "vendor_counsel.group_vendor_counsel_legal", raise_if_not_found=False
        )
        if legal:
            self.filtered(
                lambda u: legal in u.all_group_ids
            )._vc_check_legal_qualification()
