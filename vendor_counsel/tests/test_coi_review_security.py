from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_coi_review import CoiReviewCommon


@tagged("post_install", "-at_install")
class TestCoiReviewSecurity(CoiReviewCommon):
    """002 section 5 (confidentiality): reviews, decisions and sanctions are read
    by internal audit, compliance and the audit committee (and the administrator);
    the declarant reads the decision fed back on their own declaration, never the
    investigation notes; anyone else, nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review = cls.Review.create_from_declarations(cls._declaration())
        cls.review.with_user(cls.compliance).action_investigate()
        cls.review.with_user(cls.committee).write(
            {"investigation_findings": "Registry extract shows 8%"}
        )
        cls.sanction = cls.Sanction.create(
            {
                "declarant_id": cls.declarant.id,
                "trigger": "late_declaration",
                "sanction_type_id": cls.env.ref(
                    "vendor_counsel.sanction_type_admonition"
                ).id,
            }
        )

    def _assert_sees_nothing(self, user, records):
        model = self.env[records._name].with_user(user)
        with self.assertRaises(AccessError):
            records.with_user(user).read(["name"])
        if model.has_access("read"):
            # the model is readable (ACL): the record rules leave nothing
            self.assertFalse(model.search([]))
            self.assertFalse(model._read_group([], ["state"], ["__count"]))
        else:
            with self.assertRaises(AccessError):
                model.search([])
            with self.assertRaises(AccessError):
                model._read_group([], ["state"], ["__count"])
        # no export: no access, or no export right at all
        with self.assertRaises(UserError):
            records.with_user(user).export_data(["name"])

    def test_outsiders_see_nothing(self):
        """A plain internal user, the declarant's manager and a portal user: no
        read, no search hit, no group, no export, of reviews and sanctions."""
        for user in (self.plain_user, self.boss, self.portal, self.legal):
            for records in (self.review, self.sanction):
                self._assert_sees_nothing(user, records)

    def test_officers_read_all(self):
        for user in (self.auditor, self.compliance, self.committee, self.manager):
            review = self.review.with_user(user)
            self.assertEqual(review.investigation_findings, "Registry extract shows 8%")
            self.assertEqual(
                self.Review.with_user(user).search([("id", "=", self.review.id)]),
                self.review,
            )
            self.assertTrue(self.sanction.with_user(user).read(["name"]))

    def test_declarant_reads_own_decision_not_the_investigation(self):
        """The declarant sees nothing before the feedback; then the decision, but
        neither the investigation notes nor a sanction still proposed."""
        self._assert_sees_nothing(self.declarant_user, self.review)
        self.review.with_user(self.compliance).action_to_decision()
        committee = self.review.with_user(self.committee)
        committee.write({"decision_option": "eliminate", "elimination_days": 30})
        committee.action_decide()
        self.review.with_user(self.compliance).action_send_feedback()
        mine = self.review.with_user(self.declarant_user)
        values = mine.read(["decision_option", "elimination_days", "approver_ids"])[0]
        self.assertEqual(values["decision_option"], "eliminate")
        self.assertEqual(values["elimination_days"], 30)
        with self.assertRaises(AccessError):
            mine.read(["investigation_findings"])
        with self.assertRaises(UserError):
            mine.export_data(["investigation_findings"])
        self.assertEqual(
            self.Review.with_user(self.declarant_user).search([]), self.review
        )
        # their sanction: only once decided
        self._assert_sees_nothing(self.declarant_user, self.sanction)
        self.sanction.with_user(self.committee).action_decide()
        self.assertTrue(self.sanction.with_user(self.declarant_user).read(["name"]))
        with self.assertRaises(AccessError):
            self.sanction.with_user(self.declarant_user).read(["severity_assessment"])
        # the manager of the declarant still sees nothing
        self._assert_sees_nothing(self.boss, self.review)
        self._assert_sees_nothing(self.boss, self.sanction)

    def test_declarant_cannot_write(self):
        self.review.with_user(self.compliance).action_to_decision()
        committee = self.review.with_user(self.committee)
        committee.write({"decision_option": "accept"})
        committee.action_decide()
        self.review.with_user(self.compliance).action_send_feedback()
        with self.assertRaises(AccessError):
            self.review.with_user(self.declarant_user).write(
                {"decision_option": "accept"}
            )

    def test_conflict_report_confidential(self):
        report = self.env["vc.coi.conflict.report"]
        self.assertTrue(
            report.with_user(self.compliance).search(
                [("review_id", "=", self.review.id)]
            )
        )
        for user in (self.plain_user, self.boss, self.portal, self.declarant_user):
            with self.assertRaises(AccessError):
                report.with_user(user).search([])

    def test_statements_own_only(self):
        statement = self.Statement.create({"declarant_id": self.declarant.id})
        self.assertTrue(statement.with_user(self.declarant_user).read(["state"]))
        for user in (self.plain_user, self.boss, self.portal):
            with self.assertRaises(AccessError):
                statement.with_user(user).read(["state"])


@tagged("post_install", "-at_install")
class TestCoiReviewRpc(JsonRpcCase, HttpCase):
    """002 section 5 through JSON-RPC: the declarant's manager, a plain internal
    user and a portal user get nothing of the reviews; compliance reads them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "vendor_counsel.group_vendor_counsel_"
        declarant_user = new_test_user(
            cls.env, login="vc_rpc_declarant", groups=group + "user"
        )
        new_test_user(cls.env, login="vc_rpc_boss", groups=group + "user")
        new_test_user(cls.env, login="vc_rpc_plain", groups="base.group_user")
        new_test_user(cls.env, login="vc_rpc_portal", groups="base.group_portal")
        new_test_user(cls.env, login="vc_rpc_compliance", groups=group + "compliance")
        declarant = cls.env["vc.coi.declarant"].create(
            {
                "partner_id": declarant_user.partner_id.id,
                "user_id": declarant_user.id,
                "role": "director",
            }
        )
        declaration = cls.env["vc.coi.declaration"].create(
            {"declarant_id": declarant.id, "kind": "event"}
        )
        declaration.write({"state": "submitted"})
        cls.review = cls.env["vc.coi.review"].create_from_declarations(declaration)

    def test_rpc_outsiders(self):
        for login in (
            "vc_rpc_boss",
            "vc_rpc_plain",
            "vc_rpc_portal",
            "vc_rpc_declarant",
        ):
            found = self._call(
                login, "vc.coi.review", "search_read", [[]], {"fields": ["name"]}
            )
            self.assertFalse(found.get("result"), login)
            read = self._call(
                login, "vc.coi.review", "read", [[self.review.id], ["name"]]
            )
            self.assertIn("error", read, login)
            groups = self._call(
                login,
                "vc.coi.review",
                "web_read_group",
                [[], ["state"]],
                {"aggregates": ["__count"]},
            )
            self.assertFalse((groups.get("result") or {}).get("groups"), login)
            export = self._call(
                login, "vc.coi.review", "export_data", [[self.review.id], ["name"]]
            )
            self.assertIn("error", export, login)

    def test_rpc_compliance_reads(self):
        found = self._call(
            "vc_rpc_compliance",
            "vc.coi.review",
            "search_read",
            [[("id", "=", self.review.id)]],
            {"fields": ["name"]},
        )
        self.assertEqual(found["result"][0]["name"], self.review.name)
