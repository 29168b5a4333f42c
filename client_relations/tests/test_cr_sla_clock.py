from datetime import datetime

from odoo.tests import freeze_time, tagged

from .common_cr_sla import CrSlaCommon

# 2026-09-30 16:00 in Beijing: the last working hour before the National Day
RECEIVED = datetime(2026, 9, 30, 8, 0)


@tagged("post_install", "-at_install")
class TestCrSlaClock(CrSlaCommon):
    """The three service-level clocks of a request: one rule per target kind, the
    hours taken from the request's agreement target for its priority."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement = cls._create_agreement()
        cls.agreement.action_activate()
        cls.rules = {
            kind: cls.env.ref(f"client_relations.rule_request_{kind}")
            for kind in ("first_response", "next_response", "resolution")
        }

    def _request(self, **vals):
        values = {
            "subject": "Printer down",
            "partner_id": self.client.id,
            "agreement_id": self.agreement.id,
            "priority": "1",
            "date_received": RECEIVED,
        }
        values.update(vals)
        return self.env["cr.request"].create(values)

    def _timer(self, request, kind):
        return self.env["business.deadline.timer"].search(
            [
                ("res_model", "=", "cr.request"),
                ("res_id", "=", request.id),
                ("rule_id", "=", self.rules[kind].id),
            ],
            order="id desc",
            limit=1,
        )

    def _add(self, start, hours):
        return self.calendar._bd_add(start, hours, "working_hours")

    @freeze_time("2026-09-30 08:30:00")
    def test_due_times_from_the_agreement(self):
        """The request's targets come from its agreement's line for its priority;
        the due times count working hours on China's 2026 calendar across the
        National Day holidays."""
        request = self._request()
        self.assertEqual(request.sla_first_response_hours, 2)
        self.assertEqual(request.sla_resolution_hours, 8)
        self.assertEqual(request.sla_resolution_due, self._add(RECEIVED, 8))
        # 16:00-17:00 on 30 September, then 8 October (a working day after the
        # holidays) 8:00-12:00 and 13:00-16:00, Beijing time
        self.assertEqual(request.sla_resolution_due, datetime(2026, 10, 8, 8, 0))
        self.assertEqual(request.sla_first_response_due, datetime(2026, 10, 8, 1, 0))
        self.assertEqual(request.sla_first_response_state, "running")
        self.assertEqual(request.sla_resolution_state, "running")
        self.assertFalse(request.sla_next_response_due)
        self.assertFalse(request.sla_next_response_state)

    @freeze_time("2026-09-30 08:30:00")
    def test_no_agreement_no_clock(self):
        """Without an agreement (or without a line for the priority) the rules'
        filters leave the request without a clock."""
        request = self._request(agreement_id=False)
        self.assertEqual(request.sla_resolution_hours, 0)
        self.assertFalse(request.deadline_timer_ids)
        urgent = self._request(priority="3")
        self.assertFalse(urgent.deadline_timer_ids)
        self.assertFalse(urgent.sla_resolution_due)

    def test_priority_change_moves_the_due_time(self):
        """A higher priority takes its own line's hours and moves the due time."""
        with freeze_time("2026-09-30 08:30:00"):
            request = self._request()
            request.priority = "2"
            self.assertEqual(request.sla_resolution_hours, 4)
            self.assertEqual(request.sla_resolution_due, self._add(RECEIVED, 4))
            self.assertEqual(len(request.deadline_timer_ids), 2)

    def test_agreement_change_moves_the_due_time(self):
        """Another agreement gives other hours; the open timers move."""
        other = self._create_agreement(name="Premium SLA")
        other.target_ids.filtered(lambda t: t.priority == "1").write(
            {"resolution_hours": 16}
        )
        with freeze_time("2026-09-30 08:30:00"):
            request = self._request()
            request.agreement_id = other
            self.assertEqual(request.sla_resolution_due, self._add(RECEIVED, 16))
            # a changed target line moves the open timers too
            other.target_ids.filtered(lambda t: t.priority == "1").write(
                {"resolution_hours": 12}
            )
            self.env.flush_all()
            self.assertEqual(request.sla_resolution_due, self._add(RECEIVED, 12))

    def test_pause_while_waiting_for_the_client(self):
        """Waiting for the client stops the clocks; on resume the due time moves
        back by the working time paused."""
        with freeze_time("2026-10-08 01:00:00"):  # 9:00 in Beijing
            request = self._request()
            due = request.sla_resolution_due
            request.is_waiting_client = True
            self.assertEqual(request.sla_resolution_state, "paused")
        with freeze_time("2026-10-08 03:00:00"):  # 11:00: two working hours later
            request.is_waiting_client = False
            self.assertEqual(request.sla_resolution_state, "running")
            self.assertEqual(request.sla_resolution_due, self._add(due, 2))

    def test_first_response_and_resolution_met(self):
        """First response is met when the request is responded; resolution when
        resolved; both on time here; a cancelled request cancels its clocks."""
        with freeze_time("2026-09-30 08:30:00"):
            request = self._request()
            request.state = "responded"
            self.assertEqual(request.sla_first_response_state, "met")
            self.assertEqual(
                request.sla_first_response_date, datetime(2026, 9, 30, 8, 30)
            )
            self.assertEqual(request.sla_resolution_state, "running")
            request.state = "resolved"
            self.assertEqual(request.sla_resolution_state, "met")
            self.assertFalse(request.sla_resolution_breached)
            cancelled = self._request()
            cancelled.state = "cancel"
            self.assertEqual(cancelled.sla_resolution_state, "cancelled")

    def test_resolution_breach_flag(self):
        """003/HR-D10-2: the sweep marks a request not resolved in time breached;
        the flag is searchable and stays on a request resolved late."""
        with freeze_time("2026-09-30 08:30:00"):
            request = self._request()
            on_time = self._request(priority="0", agreement_id=False)
        cron = self.env.ref("business_deadline.ir_cron_business_deadline_timer_sweep")
        with freeze_time("2026-10-08 07:59:00"):  # a minute before the due time
            with self.enter_registry_test_mode():
                cron.method_direct_trigger()
            self.env.invalidate_all()
            self.assertEqual(request.sla_resolution_state, "warning")
            self.assertFalse(request.sla_resolution_breached)
        with freeze_time("2026-10-08 09:00:00"):
            with self.enter_registry_test_mode():
                cron.method_direct_trigger()
            self.env.invalidate_all()
            self.assertEqual(request.sla_resolution_state, "breached")
            self.assertTrue(request.sla_resolution_breached)
            found = self.env["cr.request"].search(
                [
                    ("sla_resolution_breached", "=", True),
                    ("id", "in", (request | on_time).ids),
                ]
            )
            self.assertEqual(found, request)
            request.state = "resolved"
            request.invalidate_recordset()
            self.assertEqual(request.sla_resolution_state, "met")
            self.assertTrue(request.sla_resolution_breached)

    def test_next_response_clock(self):
        """The next response clock starts at the client's message on a responded
        request and is met by the desk's reply; the client's next message starts a
        new one (internal notes change nothing)."""
        with freeze_time("2026-10-08 01:00:00"):
            request = self._request()
            request.state = "responded"
            request.message_post(
                body="Still broken",
                author_id=self.contact.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            self.assertTrue(request.sla_is_awaiting_reply)
            self.assertEqual(
                request.sla_awaiting_reply_since, datetime(2026, 10, 8, 1, 0)
            )
            self.assertEqual(request.sla_next_response_state, "running")
            self.assertEqual(
                request.sla_next_response_due, self._add(datetime(2026, 10, 8, 1, 0), 4)
            )
        with freeze_time("2026-10-08 02:00:00"):
            request.with_user(self.desk).message_post(
                body="Internal", message_type="comment", subtype_xmlid="mail.mt_note"
            )
            self.assertEqual(request.sla_next_response_state, "running")
            request.message_post(
                body="We are on it",
                author_id=self.desk.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            self.assertFalse(request.sla_is_awaiting_reply)
            self.assertEqual(request.sla_next_response_state, "met")
        with freeze_time("2026-10-09 01:00:00"):
            request.message_post(
                body="Again",
                author_id=self.contact.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            self.assertEqual(request.sla_next_response_state, "running")
            self.assertEqual(
                request.sla_next_response_due, self._add(datetime(2026, 10, 9, 1, 0), 4)
            )
            timers = request.deadline_timer_ids.filtered(
                lambda t: t.rule_id == self.rules["next_response"]
            )
            self.assertEqual(sorted(timers.mapped("state")), ["met", "running"])

    def _read_states_queries(self, requests):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        requests.mapped("sla_resolution_state")
        requests.mapped("sla_resolution_breached")
        return self.env.cr.sql_log_count - before

    def test_states_read_in_constant_queries(self):
        """The clocks' states and the breach flag of a list of requests are read
        in a constant number of queries, whatever the number of requests; the
        agreements' request counts too (one grouped query)."""
        with freeze_time("2026-09-30 08:30:00"):
            Request = self.env["cr.request"]
            vals = {
                "subject": "Bulk",
                "partner_id": self.client.id,
                "agreement_id": self.agreement.id,
                "date_received": RECEIVED,
            }
            few = Request.create([vals] * 2)
            many = Request.create([vals] * 20)
            self.assertEqual(set(many.mapped("sla_resolution_state")), {"running"})
            self.assertEqual(
                self._read_states_queries(few), self._read_states_queries(many)
            )
            others = self._create_agreement(name="Second") | self._create_agreement(
                name="Third"
            )
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            counts = (self.agreement | others).mapped("request_count")
            one = self.env.cr.sql_log_count - before
            self.assertEqual(counts, [22, 0, 0])
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.agreement.mapped("request_count")
            self.assertEqual(self.env.cr.sql_log_count - before, one)
