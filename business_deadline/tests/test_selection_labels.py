from odoo.tests import TransactionCase
from odoo.tools import SQL

MODEL = "business.deadline.obligation"


class TestInheritedSelectionLabels(TransactionCase):
    def _labels(self):
        self.env.invalidate_all()
        field = (
            self.env[MODEL]
            .with_context(lang="zh_CN")
            .fields_get(["deadline_state"])["deadline_state"]
        )
        return dict(field["selection"])

    def test_inherited_option_takes_the_translation(self):
        """A model that inherits the deadline mixin after the engine's Chinese
        terms were loaded shows them: its options take the translations of the
        same options elsewhere (DONE.md: every user-facing string in zh_CN; a
        Chinese list showed the state "Running"), and keep their own."""
        self.env["res.lang"]._activate_lang("zh_CN")
        options = self.env["ir.model.fields.selection"].search(
            [
                ("field_id.name", "=", "deadline_state"),
                ("value", "in", ("running", "met")),
            ]
        )
        mixin = options.filtered(
            lambda o: o.field_id.model == "business.deadline.mixin"
        )
        for option in mixin:
            option.with_context(lang="zh_CN").name = {
                "running": "计时中",
                "met": "已达成",
            }[option.value]
        self.env.flush_all()
        # the options of the model as a later install leaves them: English only,
        # but for one Chinese label of its own
        self.env.cr.execute(
            SQL(
                """UPDATE ir_model_fields_selection s
                      SET name = CASE WHEN s.value = 'met'
                                      THEN jsonb_build_object('en_US', s.name->>'en_US',
                                                              'zh_CN', '按时完成')
                                      ELSE jsonb_build_object('en_US', s.name->>'en_US')
                                 END
                     FROM ir_model_fields f
                    WHERE f.id = s.field_id AND f.model = %s
                      AND f.name = 'deadline_state'""",
                MODEL,
            )
        )
        self.env.registry.clear_cache("stable")
        self.assertEqual(self._labels()["running"], "Running")

        self.env["ir.model.fields.selection"]._reflect_selections([MODEL])

        labels = self._labels()
        self.assertEqual(labels["running"], "计时中")
        self.assertEqual(labels["met"], "按时完成", "its own translation is kept")
