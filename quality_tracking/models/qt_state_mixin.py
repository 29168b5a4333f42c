from odoo import models
from odoo.exceptions import UserError


class QtStateMixin(models.AbstractModel):
    """The guard the ``action_*`` methods of the quality records start with."""

    _name = "qt.state.mixin"
    _description = "Quality Record State Guard"

    def _check_state(self, allowed, action):
        """Refuse ``action`` (a translated phrase) unless every record is in one of the
        ``allowed`` states; nothing is written."""
        wrong = self.filtered(lambda record: record.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(records)s in state %(state)s.",
                    action=action,
                    records=", ".join(wrong.mapped("display_name")),
                    state=labels[wrong[0].state],
                )
            )

    def _raise_missing(self, record, message):
        """Refuse an action on ``record`` for what ``message`` says is missing."""
        raise UserError(
            self.env._(
                "%(record)s: %(message)s", record=record.display_name, message=message
            )
        )
