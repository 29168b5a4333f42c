from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_aebatch import AdverseEventBatchCommon

# 2026 Q3 in Asia/Shanghai: [2026-07-01 00:00, 2026-10-01 00:00) local time, i.e.
# [2026-06-30 16:00, 2026-09-30 16:00) UTC
Q3_FIRST_SECOND = datetime(2026, 6, 30, 16, 0, 0)
Q3_LAST_SECOND = datetime(2026, 9, 30, 15, 59, 59)
Q4_FIRST_SECOND = datetime(2026, 9, 30, 16, 0, 0)


@tagged("post_install", "-at_install")
class TestAdverseEventBatch(AdverseEventBatchCommon):
    def test_quarter_boundaries(self):
        """000/R-QT-19, 001/R-24: a quarter's report holds the events of which the
        company became aware in the quarter, in its own time zone: the last second
        of the quarter is in, the next second is out (it goes to the next
        quarter's report), the quarter's first second is in."""
        first = self._event(Q3_FIRST_SECOND)
        last = self._event(Q3_LAST_SECOND)
        after = self._event(Q4_FIRST_SECOND)
        before = self._event(datetime(2026, 6, 30, 15, 59, 59))
        batches = self._assemble(date_to=datetime(2026, 12, 31, 16, 0))
        by_name = {batch.name: batch for batch in batches}
        self.assertEqual(set(by_name), {"2026 Q2", "2026 Q3", "2026 Q4"})
        q3 = by_name["2026 Q3"]
        self.assertEqual(q3.event_ids, first | last)
        self.assertEqual(by_name["2026 Q4"].event_ids, after)
        self.assertEqual(by_name["2026 Q2"].event_ids, before)
        self.assertEqual(
            (q3.date_from, q3.date_to), (date(2026, 7, 1), date(2026, 9, 30))
        )
        self.assertEqual(q3.date_quarter_end, Q4_FIRST_SECOND)

    def test_which_events(self):
        """000/R-QT-19, 001/R-24: the quarterly report takes the other suspected
        events not in the instructions (neither serious nor fatal) and every event
        already stated in the instructions: a serious event not in the
        instructions is out (72 h route, R-QT-17), the same event stated in the
        instructions is in; a death not in the instructions is out (12 h, R-QT-18),
        stated in them it is in; an unsuspected event not in the instructions and
        a cancelled event are out."""
        day = datetime(2026, 8, 3, 2, 0)
        other = self._event(day)
        serious = self._event(day, is_criterion_hospitalisation=True)
        serious_in_ifu = self._event(
            day, is_criterion_hospitalisation=True, is_in_ifu=True
        )
        death = self._event(day, outcome="death", death_time=day)
        death_in_ifu = self._event(day, outcome="death", death_time=day, is_in_ifu=True)
        unsuspected = self._event(day, is_suspected=False)
        unsuspected_in_ifu = self._event(day, is_suspected=False, is_in_ifu=True)
        cancelled = self._event(day, is_in_ifu=True)
        cancelled.state = "cancel"
        batch = self._assemble(date_from=Q3_FIRST_SECOND, date_to=Q4_FIRST_SECOND)
        self.assertEqual(
            batch.event_ids, other | serious_in_ifu | death_in_ifu | unsuspected_in_ifu
        )
        self.assertNotIn(serious, batch.event_ids)
        self.assertNotIn(death, batch.event_ids)
        self.assertNotIn(unsuspected, batch.event_ids)

    def test_assemble_idempotent(self):
        """000/C-QT-7: assembling twice never makes two reports for one quarter and
        company; an event added later joins the draft report; once submitted, the
        quarter is never filled again nor a second report made."""
        event = self._event("2026-08-03 02:00:00")
        batch = self._assemble(date_to=Q4_FIRST_SECOND)
        self.assertEqual(batch.event_ids, event)
        self.assertFalse(self._assemble(date_to=Q4_FIRST_SECOND))
        late = self._event("2026-09-01 02:00:00", is_in_ifu=True)
        self.assertEqual(self._assemble(date_to=Q4_FIRST_SECOND), batch)
        self.assertEqual(batch.event_ids, event | late)
        batch.write({"authority_id": self.regulator.id, "submission_ref": "Q3-01"})
        with freeze_time("2026-10-09 02:00:00"):
            batch.action_submit()
        later = self._event("2026-09-02 02:00:00")
        self.assertFalse(self._assemble(date_to=Q4_FIRST_SECOND))
        self.assertEqual(batch.event_ids, event | late)
        self.assertNotIn(later, batch.event_ids)
        self.assertEqual(
            self.Batch.search_count(
                [("company_id", "=", self.company.id), ("name", "=", "2026 Q3")]
            ),
            1,
        )

    @mute_logger("odoo.sql_db")
    def test_one_report_per_quarter(self):
        """000/C-QT-7: the database refuses a second report for a quarter."""
        self._event("2026-08-03 02:00:00")
        batch = self._assemble(date_to=Q4_FIRST_SECOND)
        vals = self.Batch._quarter_vals(self.company, batch.date_from)
        with self.assertRaises(UniqueViolation):
            self.Batch.create(vals)

    def _trigger(self, cron):
        """Run the cron as the scheduler does, on the test's transaction."""
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    def test_cron(self):
        """000/C-QT-7: the scheduled action assembles each past quarter's report
        (never the running quarter's), idempotently."""
        past = self._event("2026-08-03 02:00:00")
        running = self._event("2026-10-05 02:00:00")
        cron = self.env.ref("quality_tracking.ir_cron_qt_adverse_event_batch_assemble")
        with freeze_time("2026-10-02 02:00:00"):
            self._trigger(cron)
            self._trigger(cron)
        batches = self.Batch.search([("company_id", "=", self.company.id)])
        self.assertEqual(batches.mapped("name"), ["2026 Q3"])
        self.assertEqual(batches.event_ids, past)
        self.assertNotIn(running, batches.event_ids)
        # 2026-09-30 15:59:59 UTC is still Q3 in Shanghai: no report yet
        self.Batch.search([]).action_cancel()
        self.Batch.search([]).unlink()
        with freeze_time("2026-09-30 15:59:59"):
            self._trigger(cron)
        self.assertFalse(self.Batch.search([("name", "=", "2026 Q3")]))
        with freeze_time("2026-09-30 16:00:00"):
            self._trigger(cron)
        self.assertEqual(self.Batch.search([("name", "=", "2026 Q3")]).event_ids, past)

    def test_cron_skips_a_bad_company(self):
        """000/C-QT-7: a company whose report fails is logged and skipped; the
        others get theirs."""
        other_company = self.env["res.company"].create({"name": "Branch Co."})
        other_company.resource_calendar_id = self.calendar
        self._event("2026-08-03 02:00:00")
        self.Event.create(
            {
                "product_id": self.device.id,
                "date_aware": datetime(2026, 8, 3, 2, 0),
                "company_id": other_company.id,
            }
        )
        Batch = type(self.Batch)
        assemble = Batch._assemble_company

        def failing(model, company, *args, **kwargs):
            if company == self.company:
                raise ValueError("broken company")
            return assemble(model, company, *args, **kwargs)

        cron = self.env.ref("quality_tracking.ir_cron_qt_adverse_event_batch_assemble")
        with (
            freeze_time("2026-10-02 02:00:00"),
            patch.object(Batch, "_assemble_company", failing),
            mute_logger("odoo.addons.quality_tracking.models.qt_adverse_event_batch"),
        ):
            self._trigger(cron)
        self.assertFalse(self.Batch.search([("company_id", "=", self.company.id)]))
        self.assertEqual(
            self.Batch.search([("company_id", "=", other_company.id)]).name, "2026 Q3"
        )

    # --- the submission clock

    def test_submission_deadline_default(self):
        """000/R-QT-19 (seed gives no period): the report is due at the end of the
        15th working day after the quarter ends (company setting, 15 by default).
        2026 Q2 ends Wed 1 July 00:00 (Shanghai); the engine counts from the next
        day (the start day never counts): 2-3 July (2), 6-10 (7), 13-17 (12),
        20-22 (15): due on Wednesday 22 July at 17:00, the end of its working
        hours, not on Tuesday 21."""
        self.assertEqual(self.company.qt_ae_batch_submit_days, 15)
        self._event("2026-05-04 02:00:00")
        with freeze_time("2026-07-01 01:00:00"):
            batch = self._assemble(date_to=Q3_FIRST_SECOND)
        self.assertEqual(batch.submit_days, 15)
        self.assertEqual(batch.date_due, datetime(2026, 7, 22, 9, 0))  # 17:00 local
        self.assertEqual(
            self.calendar._bd_local_date(batch.date_due), date(2026, 7, 22)
        )
        self.assertEqual(
            batch.date_due,
            self.calendar._bd_add(batch.date_quarter_end, 15, "working_days"),
        )
        self.assertEqual(len(batch.deadline_timer_ids), 1)
        batch.write(
            {
                "authority_id": self.regulator.id,
                "submission_ref": "Q2-01",
                "date_submitted": datetime(2026, 7, 20, 2, 0),
            }
        )
        with freeze_time("2026-07-20 02:00:00"):
            batch.action_submit()
        self.assertEqual(batch.deadline_timer_ids.state, "met")
        self.assertFalse(batch.deadline_timer_ids.is_late)

    def test_submission_deadline_setting(self):
        """000/R-QT-19: a changed company setting takes effect on the next report:
        5 working days after 2026 Q2 → Wednesday 8 July 17:00 (2-3, 6-8 July),
        not Tuesday 7."""
        self.company.qt_ae_batch_submit_days = 5
        self._event("2026-05-04 02:00:00")
        batch = self._assemble(date_to=Q3_FIRST_SECOND)
        self.assertEqual(batch.submit_days, 5)
        self.assertEqual(batch.date_due, datetime(2026, 7, 8, 9, 0))  # 17:00 local

    # --- guards

    def _q3_batch(self):
        self._event("2026-08-03 02:00:00")
        return self._assemble(date_to=Q4_FIRST_SECOND)

    def test_submit_needs_authority_and_reference(self):
        """001/QT-14: a quarterly report is submitted with its authority and its
        reference; without them nothing changes."""
        batch = self._q3_batch()
        with freeze_time("2026-10-09 02:00:00"):
            with self.assertRaises(ValidationError):
                batch.action_submit()
            batch.authority_id = self.regulator
            with self.assertRaises(ValidationError):
                batch.action_submit()
            self.assertEqual(batch.state, "draft")
            batch.submission_ref = "Q3-01"
            batch.action_submit()
        self.assertEqual(batch.state, "submitted")
        self.assertEqual(batch.date_submitted, datetime(2026, 10, 9, 2, 0))

    def test_submit_not_before_quarter_end(self):
        """000/R-QT-19: a quarter's report cannot be submitted before the quarter
        ends: at its last second refused, at the next second accepted."""
        batch = self._q3_batch()
        batch.write({"authority_id": self.regulator.id, "submission_ref": "Q3-01"})
        with self.assertRaises(ValidationError):
            batch.write({"date_submitted": Q3_LAST_SECOND})
        batch.date_submitted = Q4_FIRST_SECOND
        batch.action_submit()
        self.assertEqual(batch.state, "submitted")

    def test_state_guards(self):
        """A submitted report cannot be submitted again nor cancelled; only a
        cancelled report goes back to draft."""
        batch = self._q3_batch()
        with self.assertRaises(UserError):
            batch.action_reset_draft()
        batch.write({"authority_id": self.regulator.id, "submission_ref": "Q3-01"})
        with freeze_time("2026-10-09 02:00:00"):
            batch.action_submit()
            with self.assertRaises(UserError):
                batch.action_submit()
            with self.assertRaises(UserError):
                batch.action_cancel()
        self.assertEqual(batch.state, "submitted")
        other = self._event("2026-05-04 02:00:00")
        draft = self._assemble(date_to=Q3_FIRST_SECOND)
        self.assertIn(other, draft.event_ids)
        draft.action_cancel()
        self.assertEqual(draft.state, "cancel")
        self.assertFalse(
            draft.deadline_timer_ids.filtered(lambda t: t.state != "cancelled")
        )
        draft.action_reset_draft()
        self.assertEqual(draft.state, "draft")

    def test_cancelled_report_releases_nothing_twice(self):
        """000/C-QT-7: the events of a cancelled report are not assembled into a
        second report of the same quarter (one report per quarter)."""
        batch = self._q3_batch()
        batch.action_cancel()
        self.assertFalse(self._assemble(date_to=Q4_FIRST_SECOND))
        self.assertEqual(self.Batch.search_count([("name", "=", "2026 Q3")]), 1)

    # --- confidentiality and the printed report

    def test_confidential_to_quality_managers(self):
        """000/R-QT-28: the quarterly reports are read by the quality managers only,
        by every route (read, search, read_group, export)."""
        batch = self._q3_batch()
        export = self.env.ref("base.group_allow_export")
        (self.manager | self.handler | self.head | self.officer | self.committee).write(
            {"group_ids": [(4, export.id)]}
        )
        self.assertEqual(
            batch.with_user(self.manager).read(["name"])[0]["name"], "2026 Q3"
        )
        self.assertEqual(
            batch.with_user(self.manager).export_data(["name"])["datas"], [["2026 Q3"]]
        )
        for user in (self.handler, self.head, self.officer, self.committee):
            Batch = self.Batch.with_user(user)
            with self.assertRaises(AccessError):
                batch.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                Batch.search([])
            with self.assertRaises(AccessError):
                Batch._read_group([], ["state"], ["__count"])
            with self.assertRaises(AccessError):
                batch.with_user(user).export_data(["name"])

    def test_other_company_manager(self):
        """000/R-QT-28: a quality manager of another company does not see the
        company's quarterly reports."""
        batch = self._q3_batch()
        other_company = self.env["res.company"].create({"name": "Branch Co."})
        self.manager.write(
            {"company_ids": [(6, 0, other_company.ids)], "company_id": other_company.id}
        )
        self.assertFalse(self.Batch.with_user(self.manager).search([]))
        with self.assertRaises(AccessError):
            batch.with_user(self.manager).read(["name"])

    def test_report_renders(self):
        """001/QT-14: the quarterly aggregate report prints its events and its
        summary by device."""
        self._event("2026-08-03 02:00:00", lot_ref="LOT-42", is_in_ifu=True)
        self._event("2026-08-04 02:00:00", product_id=self.other_device.id)
        batch = self._assemble(date_to=Q4_FIRST_SECOND)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "quality_tracking.action_report_qt_adverse_event_batch", batch.ids
            )[0]
            .decode()
        )
        self.assertIn(
            "Quarterly Aggregate Report of Medical Device Adverse Events", html
        )
        self.assertIn("LOT-42", html)
        self.assertIn("Surgical mask", html)
        self.assertIn(batch.event_ids[0].name, html)
        summary = {line["product"]: line for line in batch._report_summary()}
        self.assertEqual(summary[self.device]["in_ifu"], 1)
        self.assertEqual(summary[self.other_device]["other"], 1)
