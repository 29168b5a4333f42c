from odoo.tests import freeze_time, tagged

from .common_cr_desk import CrDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskMail(CrDeskCommon):
    def test_alias(self):
        """003/HR-D10-8: the desk's mailbox creates service requests."""
        alias = self.env.ref("client_relations.mail_alias_cr_request")
        self.assertEqual(alias.alias_model_id.model, "cr.request")

    def test_message_new(self):
        """003/HR-D10-8: an e-mail becomes a request of the sender's company;
        004/R18-5: received by the company's receiver of written requests;
        000/R-CR-21: a second mail of the same client while it is open goes to the
        same request."""
        self.assertFalse(self.company.cr_email_receiver_id)
        self.company.cr_email_receiver_id = self.desk
        msg = {
            "email_from": "Wang Jianguo <w@hx.test>",
            "subject": "Printer jammed",
            "body": "<p>The printer in room 3 is jammed.</p>",
            "author_id": self.contact.id,
        }
        request = self.Request.message_new(msg)
        self.assertEqual(request.channel, "email")
        self.assertEqual(request.partner_id, self.client)
        self.assertEqual(request.contact_id, self.contact)
        self.assertEqual(request.contact_email, "w@hx.test")
        self.assertEqual(request.receiver_id, self.desk)
        self.assertEqual(request.subject, "Printer jammed")
        again = self.Request.message_new(dict(msg, subject="Re: Printer jammed"))
        self.assertEqual(again, request)
        request.action_cancel()
        third = self.Request.message_new(dict(msg, subject="Another one"))
        self.assertNotEqual(third, request)

    def test_message_new_unknown_sender(self):
        """003/HR-D10-8: a mail from an unknown address is a request without a
        client, received by whoever the setting names (none by default)."""
        request = self.Request.message_new(
            {"email_from": "x@unknown.test", "subject": "Hello", "body": "<p>Hi</p>"}
        )
        self.assertFalse(request.partner_id)
        self.assertEqual(request.contact_email, "x@unknown.test")
