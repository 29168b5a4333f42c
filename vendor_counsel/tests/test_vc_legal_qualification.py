from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common_vc_firms import VcFirmsCommon


@tagged("post_install", "-at_install")
class TestVcLegalQualification(VcFirmsCommon):
    """000/R-VC-24: legal staff passed the judicial exam or hold a lawyer
    qualification certificate."""

    def test_r_vc_24_default_warn(self):
        """000/R-VC-24: the default level warns: the check returns the message."""
        company = self.env["res.company"].create({"name": "Fresh Co"})
        self.assertEqual(company.vc_level_legal_qualification, "warn")
        warnings = self.legal._vc_check_legal_qualification()
        self.assertEqual(len(warnings), 1)
        self.assertIn("R-VC-24", warnings[0])
        self.legal.vc_legal_qualification = "judicial_exam"
        self.assertEqual(self.legal._vc_check_legal_qualification(), [])

    def test_r_vc_24_block(self):
        """000/R-VC-24 at block: the check refuses an unqualified user (the
        engagement's responsible); a qualified one passes."""
        self.company.vc_level_legal_qualification = "block"
        with self.assertRaisesRegex(ValidationError, "R-VC-24"):
            self.legal._vc_check_legal_qualification()
        self.legal.vc_legal_qualification = "lawyer_certificate"
        self.assertEqual(self.legal._vc_check_legal_qualification(), [])

    def test_r_vc_24_group_membership(self):
        """000/R-VC-24 at block: an unqualified user cannot join the legal
        department group; a qualified one can; at warn anyone can."""
        legal_group = self.env.ref("vendor_counsel.group_vendor_counsel_legal")
        self.company.vc_level_legal_qualification = "block"
        with self.assertRaisesRegex(ValidationError, "R-VC-24"):
            self.plain_user.write({"group_ids": [Command.link(legal_group.id)]})
        with self.assertRaisesRegex(ValidationError, "R-VC-24"):
            new_test_user(
                self.env,
                login="vc_new_legal",
                groups="vendor_counsel.group_vendor_counsel_legal",
            )
        self.plain_user.write(
            {
                "vc_legal_qualification": "judicial_exam",
                "group_ids": [Command.link(legal_group.id)],
            }
        )
        self.assertTrue(
            self.plain_user.has_group("vendor_counsel.group_vendor_counsel_legal")
        )
        self.company.vc_level_legal_qualification = "warn"
        self.requester.write({"group_ids": [Command.link(legal_group.id)]})
