from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import ClientRelationsCommon

STATE = "client_relations.selection__cr_request__state__"


@tagged("post_install", "-at_install")
class TestCrPortalReporting(ClientRelationsCommon):
    """The desk's reports: SLA compliance over the engine's timers of the
    requests, complaints on time, and the backlog by age."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["business.deadline.rule"].create(
            {
                "name": "Resolution (test)",
                "model_id": cls.env["ir.model"]._get_id("cr.request"),
                "start_state_ids": [(6, 0, [cls.env.ref(STATE + "new").id])],
                "met_state_ids": [(6, 0, [cls.env.ref(STATE + "resolved").id])],
                "cancel_state_ids": [(6, 0, [cls.env.ref(STATE + "cancel").id])],
                "amount": 24,
                "unit": "calendar_hours",
            }
        )
        cls.agreement = cls.env["cr.agreement"].create(
            {
                "name": "SLA (report test)",
                "partner_id": cls.client.id,
                "target_ids": [
                    (
                        0,
                        0,
                        {
                            "priority": "2",
                            "first_response_hours": 4,
                            "next_response_hours": 8,
                            "resolution_hours": 24,
                        },
                    )
                ],
            }
        )
        cls.client.cr_tier_id = cls.tier_gold

    def _requests(self, count, kind="fault", client=None):
        client = client or self.client
        return self.env["cr.request"].create(
            [
                {
                    "subject": f"report {index}",
                    "kind": kind,
                    "partner_id": client.id,
                    "agreement_id": self.agreement.id
                    if client == self.client
                    else False,
                    "priority": "2",
                    "team_id": self.team_second.id,
                }
                for index in range(count)
            ]
        )

    def _compliance(self, requests, groupby):
        return self.env["cr.sla.compliance.report"]._read_group(
            [("request_id", "in", requests.ids), ("rule_id", "=", self.rule.id)],
            groupby,
            [
                "is_on_time:avg",
                "__count",
                "met_count:sum",
                "breached_count:sum",
                "open_count:sum",
            ],
        )

    def test_compliance_by_agreement_target_client_tier_team_month(self):
        """Per agreement, target, client, tier, team and month: three deadlines met
        on time, one met late, one still open gives 75 % on time."""
        with freeze_time("2026-03-02 01:00:00"):
            requests = self._requests(5)
        self.assertEqual(
            len(requests.deadline_timer_ids.filtered(lambda t: t.rule_id == self.rule)),
            5,
        )
        with freeze_time("2026-03-02 05:00:00"):
            requests[:3].write({"state": "resolved"})
        with freeze_time("2026-03-05 05:00:00"):
            requests[3].write({"state": "resolved"})
        rows = self._compliance(
            requests,
            [
                "agreement_id",
                "target_id",
                "partner_id",
                "tier_id",
                "team_id",
                "date_start:month",
                "rule_id",
            ],
        )
        self.assertEqual(len(rows), 1)
        (
            agreement,
            target,
            partner,
            tier,
            team,
            month,
            rule,
            on_time,
            count,
            met,
            breached,
            open_count,
        ) = rows[0]
        self.assertEqual(agreement, self.agreement)
        self.assertEqual(target, self.agreement.target_ids)
        self.assertEqual(partner, self.client)
        self.assertEqual(tier, self.tier_gold)
        self.assertEqual(team, self.team_second)
        self.assertEqual(month.month, 3)
        self.assertEqual(rule, self.rule)
        self.assertAlmostEqual(on_time, 75.0)
        self.assertEqual((count, met, breached, open_count), (5, 4, 1, 1))

    def test_complaints_on_time(self):
        """The complaints-on-time action filters the complaint deadlines."""
        with freeze_time("2026-03-02 01:00:00"):
            complaints = self._requests(2, kind="complaint")
            faults = self._requests(1)
        with freeze_time("2026-03-02 05:00:00"):
            (complaints[0] | faults).write({"state": "resolved"})
        action = self.env.ref(
            "client_relations.cr_sla_compliance_report_action_complaint"
        )
        self.assertIn("search_default_filter_complaint", action.context)
        rows = self.env["cr.sla.compliance.report"]._read_group(
            [
                ("request_id", "in", (complaints | faults).ids),
                ("rule_id", "=", self.rule.id),
                ("kind", "=", "complaint"),
            ],
            ["kind"],
            ["__count", "met_count:sum", "open_count:sum"],
        )
        self.assertEqual(rows, [("complaint", 2, 1, 1)])

    def _count_queries(self, fn):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        fn()
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow(self):
        """The compliance and backlog pivots take as many queries for 3 requests
        as for 60, over several clients and months."""

        def read_all():
            self._compliance(
                self.env["cr.request"].search([]),
                ["partner_id", "tier_id", "date_start:month"],
            )
            self.env["cr.request.backlog.report"]._read_group(
                [], ["team_id", "age_bucket"], ["__count", "age_days:avg"]
            )

        with freeze_time("2026-03-02 01:00:00"):
            self._requests(3)
        small = self._count_queries(read_all)
        for month in ("2026-04-01", "2026-05-04"):
            with freeze_time(f"{month} 01:00:00"):
                self._requests(20)
                self._requests(10, client=self.other_client)
        self.assertEqual(self._count_queries(read_all), small)

    def test_backlog_by_age(self):
        """Open requests fall into age buckets of calendar days since received
        (≤ 1, ≤ 3, ≤ 7, ≤ 30, > 30); closed and cancelled ones are not backlog."""
        now = fields.Datetime.now()
        ages = {"1": 0.5, "3": 2, "7": 5, "30": 20, "31": 40}
        requests = self._requests(len(ages) + 2)
        for request, days in zip(requests, ages.values(), strict=False):
            request.date_received = now - timedelta(days=days)
        requests[-2].state = "closed"
        requests[-1].state = "cancel"
        rows = self.env["cr.request.backlog.report"]._read_group(
            [("request_id", "in", requests.ids)], ["age_bucket"], ["__count"]
        )
        self.assertEqual(dict(rows), dict.fromkeys(ages, 1))

    def test_reports_follow_request_rules(self):
        """A user sees in the reports only the rows of the requests the request
        rules let them read (a rule hiding complaints hides their rows)."""
        with freeze_time("2026-03-02 01:00:00"):
            complaints = self._requests(2, kind="complaint")
            faults = self._requests(3)
        ids = (complaints | faults).ids
        domains = {
            "cr.sla.compliance.report": [
                ("request_id", "in", ids),
                ("rule_id", "=", self.rule.id),
            ],
            "cr.request.backlog.report": [("request_id", "in", ids)],
        }
        for model, domain in domains.items():
            self.assertEqual(
                self.env[model].with_user(self.desk).search_count(domain), 5
            )
        # a global rule (rules of groups add up; global ones restrict everyone)
        self.env["ir.rule"].create(
            {
                "name": "test: no complaint is readable",
                "model_id": self.env["ir.model"]._get_id("cr.request"),
                "domain_force": "[('kind', '!=', 'complaint')]",
            }
        )
        for model, domain in domains.items():
            for user in (self.desk, self.slm):
                with self.subTest(model=model, user=user.login):
                    rows = (
                        self.env[model]
                        .with_user(user)
                        ._read_group(domain, ["kind"], ["__count"])
                    )
                    self.assertEqual(rows, [("fault", 3)])

    def test_report_access(self):
        """The desk and the service level managers read the reports; other users
        and the portal do not."""
        with freeze_time("2026-03-02 01:00:00"):
            self._requests(1)
        for user in (self.desk, self.slm, self.service):
            with self.subTest(user=user.login):
                self.assertTrue(
                    self.env["cr.sla.compliance.report"].with_user(user).search([])
                )
                self.env["cr.request.backlog.report"].with_user(user).search([])
        portal = new_test_user(
            self.env, login="cr_report_portal", groups="base.group_portal"
        )
        for user in (self.plain_user, self.owner, portal):
            for model in ("cr.sla.compliance.report", "cr.request.backlog.report"):
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])
