from odoo import api, models
from odoo.exceptions import ValidationError


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.constrains("user_id", "res_model", "res_id")
    def _check_cr_recusal(self):
        """004/R18-2: no activity of a complaint goes to a person it is about."""
        activities = self.filtered(
            lambda activity: activity.res_model == "cr.request" and activity.user_id
        )
        if not activities:
            return
        requests = self.env["cr.request"].sudo().browse(activities.mapped("res_id"))
        subjects = {request.id: request.subject_user_ids for request in requests}
        for activity in activities:
            if activity.user_id in subjects.get(activity.res_id, []):
                raise ValidationError(
                    self.env._(
                        "%(user)s is complained about in this request and must "
                        "recuse (004/R18-2).",
                        user=activity.user_id.name,
                    )
                )
