from odoo import models
from odoo.exceptions import UserError


class BusinessStateMixin(models.AbstractModel):
    """The guard the ``action_*`` methods of the domain addons' records start with.

    Every domain record moves its ``state`` only through guarded ``action_*`` methods
    (PRODUCT.md section 4); the refusal they give lives here, once, for all of them.
    """

    _name = "business.state.mixin"
    _description = "Record State Guard"

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
