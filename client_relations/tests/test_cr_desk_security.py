from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from odoo.addons.business_deadline.tests.common import JsonRpcCase

from .common_cr_desk import CrDeskCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskSecurity(CrDeskCommon):
    """Own → department → all of the company; nobody sees a complaint about
    himself, not even the general manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Request = cls.Request.with_context(cr_no_repeat_link=True)
        base = {"subject": "Request", "kind": "service", "receiver_id": cls.desk.id}
        cls.own = Request.create(
            dict(base, user_id=cls.owner.id, department_id=cls.department.id)
        )
        cls.department_request = Request.create(
            dict(base, user_id=cls.supervisor.id, department_id=cls.department.id)
        )
        cls.foreign = Request.create(
            dict(
                base,
                user_id=cls.other_owner.id,
                receiver_id=cls.other_owner.id,
                department_id=cls.other_department.id,
            )
        )
        cls.about_owner = Request.create(
            dict(
                base,
                kind="complaint",
                department_id=cls.department.id,
                subject_user_ids=[(6, 0, cls.owner.ids)],
                receiver_id=cls.owner.id,
            )
        )
        cls.about_supervisor = Request.create(
            dict(
                base,
                kind="complaint",
                department_id=cls.department.id,
                subject_user_ids=[(6, 0, cls.supervisor.ids)],
            )
        )
        cls.about_desk = Request.create(
            dict(base, kind="complaint", subject_user_ids=[(6, 0, cls.desk.ids)])
        )
        cls.about_manager = Request.create(
            dict(base, kind="complaint", subject_user_ids=[(6, 0, cls.manager.ids)])
        )
        cls.mine = (
            cls.own
            | cls.department_request
            | cls.foreign
            | cls.about_owner
            | cls.about_supervisor
            | cls.about_desk
            | cls.about_manager
        )
        for user in (cls.owner, cls.supervisor, cls.desk, cls.service, cls.manager):
            user.group_ids += cls.env.ref("base.group_allow_export")

    def _visible(self, user):
        return self.Request.with_user(user).search([("id", "in", self.mine.ids)])

    def _check_hidden(self, user, request):
        """Hidden from ``user`` through read, search, _read_group and export."""
        as_user = request.with_user(user)
        with self.assertRaises(AccessError):
            as_user.read(["subject"])
        with self.assertRaises(AccessError):
            as_user.export_data(["subject"])
        self.assertNotIn(request, self._visible(user))
        groups = self.Request.with_user(user)._read_group(
            [("id", "=", request.id)], [], ["__count"]
        )
        self.assertEqual(groups[0][0], 0)

    def test_user_sees_own(self):
        """004/R1-9, 003/HR-D3-6: a user sees his own requests only."""
        self.assertEqual(self._visible(self.owner), self.own)
        self.own.with_user(self.owner).read(["subject"])
        self.assertEqual(
            self.own.with_user(self.owner).export_data(["subject"])["datas"],
            [["Request"]],
        )
        self._check_hidden(self.owner, self.foreign)
        self._check_hidden(self.owner, self.department_request)

    def test_supervisor_sees_department(self):
        """004/R1-9: a department supervisor consults his department's complaints
        and requests, not another department's nor a complaint about himself."""
        self.assertEqual(
            self._visible(self.supervisor),
            self.own | self.department_request | self.about_owner,
        )
        self._check_hidden(self.supervisor, self.foreign)
        self._check_hidden(self.supervisor, self.about_supervisor)
        groups = self.Request.with_user(self.supervisor)._read_group(
            [("id", "in", self.mine.ids)], ["kind"], ["__count"]
        )
        self.assertEqual(dict(groups), {"service": 2, "complaint": 1})

    def test_desk_and_service_see_company(self):
        """003/HR-D3-6: the desk and the customer service department see every
        request of the company, except a complaint about themselves."""
        self.assertEqual(self._visible(self.desk), self.mine - self.about_desk)
        self._check_hidden(self.desk, self.about_desk)
        self.assertEqual(self._visible(self.service), self.mine)

    def test_general_manager_sees_all_but_himself(self):
        """003/HR-D19-6, 004/R1-9: the general manager sees all; 004/R18-2: not the
        complaint about himself."""
        self.assertEqual(self._visible(self.manager), self.mine - self.about_manager)
        self._check_hidden(self.manager, self.about_manager)

    def test_person_complained_about_never_handles(self):
        """004/R18-2: the person complained about is refused as handler (assignment,
        reassignment, mass edit, import), as decider, as reviewer, and no activity
        of the complaint goes to him."""
        with self.assertRaises(ValidationError):
            self.about_owner.user_id = self.owner
        with self.assertRaises(ValidationError):
            (self.about_owner | self.own).write({"user_id": self.owner.id})
        with self.assertRaises(ValidationError):
            self.Request.create(
                {
                    "subject": "Imported",
                    "kind": "complaint",
                    "user_id": self.owner.id,
                    "subject_user_ids": [(6, 0, self.owner.ids)],
                }
            )
        result = self.Request.load(
            ["subject", "kind", "user_id/.id", "subject_user_ids/.id"],
            [["Imported", "complaint", str(self.owner.id), str(self.owner.id)]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("R18-2", result["messages"][0]["message"])
        with self.assertRaises(ValidationError):
            self.about_supervisor.with_user(self.manager).write(
                {"decision_user_id": self.supervisor.id}
            )
        with self.assertRaises(ValidationError):
            self.about_owner.activity_schedule(
                "mail.mail_activity_data_todo", user_id=self.owner.id
            )
        with self.assertRaises(ValidationError):
            self.env["mail.activity"].create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("cr.request"),
                    "res_id": self.about_owner.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                    "user_id": self.owner.id,
                }
            )
        # adding the handler as a person complained about is refused too
        with self.assertRaises(ValidationError):
            self.own.subject_user_ids = self.owner
        self.about_owner.user_id = self.supervisor
        self.assertEqual(self.about_owner.user_id, self.supervisor)

    def test_person_complained_about_cannot_decide_or_review(self):
        """004/R18-2: the supervisor complained about can neither see, decide nor
        review the complaint about him."""
        with self.assertRaises(AccessError):
            self.about_supervisor.with_user(self.supervisor).action_review()
        with self.assertRaises(AccessError):
            self.about_supervisor.with_user(self.supervisor).write(
                {"user_id": self.owner.id}
            )

    def test_user_creates_own(self):
        """A user receives a request by phone: it is his (receiver)."""
        request = self.Request.with_user(self.owner).create(
            {"subject": "Question on the invoice", "kind": "inquiry"}
        )
        self.assertEqual(request.receiver_id, self.owner)
        self.assertIn(request, self.Request.with_user(self.owner).search([]))

    def test_plain_user_no_access(self):
        with self.assertRaises(AccessError):
            self.Request.with_user(self.plain_user).search([])


@tagged("post_install", "-at_install")
class TestCrDeskRpc(JsonRpcCase, HttpCase):
    """The recusal and the department scope through JSON-RPC (call_kw)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "client_relations.group_client_relations_"
        department = cls.env["hr.department"].create({"name": "RPC Dept"})
        cls.supervisor = new_test_user(
            cls.env, login="cr_rpc_supervisor", groups=group + "supervisor"
        )
        cls.env["hr.employee"].create(
            {
                "name": "Sup",
                "user_id": cls.supervisor.id,
                "department_id": department.id,
            }
        )
        cls.supervisor.group_ids += cls.env.ref("base.group_allow_export")
        cls.manager = new_test_user(
            cls.env, login="cr_rpc_manager", groups=group + "manager"
        )
        Request = cls.env["cr.request"].with_context(cr_no_repeat_link=True)
        cls.visible = Request.create(
            {"subject": "Visible", "kind": "service", "department_id": department.id}
        )
        cls.about_him = Request.create(
            {
                "subject": "About him",
                "kind": "complaint",
                "department_id": department.id,
                "subject_user_ids": [(6, 0, cls.supervisor.ids)],
            }
        )
        cls.about_gm = Request.create(
            {
                "subject": "About the GM",
                "kind": "complaint",
                "subject_user_ids": [(6, 0, cls.manager.ids)],
            }
        )

    def test_rpc_recusal(self):
        """004/R18-2, R1-9 through call_kw: search_read, read, read_group and
        export_data hide the complaint about the caller, GM included."""
        ids = (self.visible | self.about_him | self.about_gm).ids
        found = self._call(
            "cr_rpc_supervisor",
            "cr.request",
            "search_read",
            [[("id", "in", ids)]],
            {"fields": ["subject"]},
        )
        self.assertEqual([r["id"] for r in found["result"]], self.visible.ids)
        read = self._call(
            "cr_rpc_supervisor", "cr.request", "read", [self.about_him.ids, ["subject"]]
        )
        self.assertIn("error", read)
        export = self._call(
            "cr_rpc_supervisor",
            "cr.request",
            "export_data",
            [self.about_him.ids, ["subject"]],
        )
        self.assertIn("error", export)
        groups = self._call(
            "cr_rpc_supervisor",
            "cr.request",
            "read_group",
            [[("id", "in", ids)], ["kind"], ["kind"]],
        )
        self.assertEqual(
            {g["kind"]: g["kind_count"] for g in groups["result"]}, {"service": 1}
        )
        write = self._call(
            "cr_rpc_supervisor",
            "cr.request",
            "write",
            [self.visible.ids, {"user_id": self.supervisor.id}],
        )
        self.assertTrue(write["result"])
        found = self._call(
            "cr_rpc_manager",
            "cr.request",
            "search_read",
            [[("id", "in", ids)]],
            {"fields": ["subject"]},
        )
        self.assertEqual(
            sorted(r["id"] for r in found["result"]),
            sorted((self.visible | self.about_him).ids),
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-11-10 02:00:00")
class TestCrDeskOffsiteSecurity(CrDeskCommon):
    def test_offsite_scope(self):
        """004/R10-4: a technician sees his own off-site applications, the
        department's manager those of his department, the desk all."""
        request = self._service()
        application = self.env["cr.offsite.application"].create(
            {
                "request_id": request.id,
                "user_id": self.owner.id,
                "date_planned": "2026-11-11 01:00:00",
                "purpose": "Maintain the units",
            }
        )
        Application = self.env["cr.offsite.application"]
        for user in (self.owner, self.supervisor, self.desk):
            self.assertEqual(
                Application.with_user(user).search([("id", "=", application.id)]),
                application,
            )
        with self.assertRaises(AccessError):
            application.with_user(self.other_owner).read(["name"])
