from odoo import models
from odoo.tools import SQL


class IrModelFieldsSelection(models.Model):
    _inherit = "ir.model.fields.selection"

    def _reflect_selections(self, model_names):
        """Give the options of an inherited selection field their labels'
        translations when the inheriting model is installed.

        The labels of ``deadline_state`` (this engine's mixin), ``activity_state``
        (mail) or ``review_state`` (tier validation) are the terms of the module
        that defines the field, keyed by one XML id per model: the module's PO
        file, loaded before the inheriting model exists, cannot translate the
        options of a model installed later, so a Chinese list shows "Running".
        An option still without a translation in a language takes it from the
        same field's option with the same value and label on another model,
        which has it; the translations it already has are kept."""
        super()._reflect_selections(model_names)
        if not model_names:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """UPDATE ir_model_fields_selection s
                      SET name = t.name || s.name
                     FROM (SELECT x.id, jsonb_object_agg(l.key, l.value) AS name
                             FROM ir_model_fields_selection x
                             JOIN ir_model_fields f ON f.id = x.field_id
                             JOIN ir_model_fields g
                               ON g.name = f.name AND g.model != f.model
                             JOIN ir_model_fields_selection o
                               ON o.field_id = g.id AND o.value = x.value
                              AND o.name->>'en_US' = x.name->>'en_US'
                            CROSS JOIN jsonb_each(o.name) l
                            WHERE f.model IN %(models)s AND NOT x.name ? l.key
                            GROUP BY x.id) t
                    WHERE s.id = t.id""",
                models=tuple(model_names),
            )
        )
        if self.env.cr.rowcount:
            self.invalidate_model(["name"])
            self.env.registry.clear_cache("stable")  # the fields' labels
