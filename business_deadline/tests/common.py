import json
from datetime import datetime, time, timedelta

from pytz import timezone, utc

from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class JsonRpcCase:
    """Mixed into an ``HttpCase`` of any addon: call a model's method as a user
    through the web client's JSON-RPC route, as the security tests do."""

    def _call(self, login, model, method, args, kwargs=None, password=None):
        """The JSON response of ``model.method(*args, **kwargs)`` called by
        ``login`` (whose password is the login unless given)."""
        self.authenticate(login, password or login)
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()


class AddonGroupsCases:
    """The tests every addon of the suite runs on its privilege and groups.

    Mixed into a ``TransactionCase`` of each addon, which sets ``addon`` (its technical
    name), ``category_xmlid`` (the app category of its privilege) and ``privilege_zh``
    (the Chinese name of its privilege).
    """

    addon = category_xmlid = privilege_zh = None

    def _xmlid(self, name):
        return f"{self.addon}.{name.format(addon=self.addon)}"

    def test_module_installed(self):
        """The addon is installed in the test database."""
        module = self.env["ir.module.module"].search([("name", "=", self.addon)])
        self.assertEqual(module.state, "installed")

    def test_privilege_and_groups(self):
        """One privilege holds the user and manager groups, under its app category."""
        privilege = self.env.ref(self._xmlid("res_groups_privilege_{addon}"))
        user = self.env.ref(self._xmlid("group_{addon}_user"))
        manager = self.env.ref(self._xmlid("group_{addon}_manager"))
        self.assertEqual(privilege.category_id, self.env.ref(self.category_xmlid))
        self.assertEqual(user.privilege_id, privilege)
        self.assertEqual(manager.privilege_id, privilege)

    def test_implications(self):
        """Manager implies user, user implies internal user; admin is a manager."""
        user = self.env.ref(self._xmlid("group_{addon}_user"))
        manager = self.env.ref(self._xmlid("group_{addon}_manager"))
        self.assertIn(user, manager.implied_ids)
        self.assertIn(self.env.ref("base.group_user"), user.implied_ids)
        self.assertIn(self.env.ref("base.user_admin"), manager.user_ids)

    def test_manager_gets_user_rights(self):
        """A user given only the manager group also has the user group."""
        person = new_test_user(
            self.env,
            login=f"{self.addon}_mgr",
            groups=self._xmlid("group_{addon}_manager"),
        )
        self.assertTrue(person.has_group(self._xmlid("group_{addon}_user")))
        self.assertTrue(person.has_group("base.group_user"))
        plain = new_test_user(
            self.env, login=f"{self.addon}_plain", groups="base.group_user"
        )
        self.assertFalse(plain.has_group(self._xmlid("group_{addon}_user")))

    def test_names_translated_to_chinese(self):
        """The privilege and group names load in Chinese with the zh_CN catalogue."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            [self.addon], ["zh_CN"], overwrite=True
        )
        privilege = self.env.ref(self._xmlid("res_groups_privilege_{addon}"))
        manager = self.env.ref(self._xmlid("group_{addon}_manager"))
        self.assertEqual(privilege.with_context(lang="zh_CN").name, self.privilege_zh)
        self.assertEqual(manager.with_context(lang="zh_CN").name, "管理员")


@tagged("post_install", "-at_install")
class BusinessDeadlineCase(TransactionCase):
    """Mail off, a deadline user and a deadline manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.user = new_test_user(
            cls.env,
            login="bd_user",
            groups="business_deadline.group_business_deadline_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="bd_manager",
            groups="business_deadline.group_business_deadline_manager",
        )


@tagged("post_install", "-at_install")
class BusinessDeadlineCommon(BusinessDeadlineCase):
    """A China 2026 working calendar (statutory days imported), a plain Shanghai
    calendar without statutory days and a Paris calendar (daylight saving time)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.china = cls.env.ref("base.cn")
        cls.calendar = cls._create_calendar("China 2026", "Asia/Shanghai")
        cls.calendar._bd_import_statutory_days(cls.china, 2026)
        cls.plain_calendar = cls._create_calendar("Shanghai plain", "Asia/Shanghai")
        cls.paris_calendar = cls._create_calendar("Paris", "Europe/Paris")

    @classmethod
    def _create_calendar(cls, name, tz):
        """Monday to Friday, 08:00-12:00 and 13:00-17:00 with a lunch break."""
        attendances = []
        for weekday in "01234":
            attendances += [
                Command.create(
                    {
                        "name": f"{weekday} morning",
                        "dayofweek": weekday,
                        "hour_from": 8,
                        "hour_to": 12,
                        "day_period": "morning",
                    }
                ),
                Command.create(
                    {
                        "name": f"{weekday} lunch",
                        "dayofweek": weekday,
                        "hour_from": 12,
                        "hour_to": 13,
                        "day_period": "lunch",
                    }
                ),
                Command.create(
                    {
                        "name": f"{weekday} afternoon",
                        "dayofweek": weekday,
                        "hour_from": 13,
                        "hour_to": 17,
                        "day_period": "afternoon",
                    }
                ),
            ]
        return cls.env["resource.calendar"].create(
            {"name": name, "tz": tz, "attendance_ids": attendances}
        )

    @staticmethod
    def _utc(calendar, *args):
        """Naive UTC datetime of a local wall-clock time in the calendar's time zone."""
        local = timezone(calendar.tz).localize(datetime(*args))
        return local.astimezone(utc).replace(tzinfo=None)

    @staticmethod
    def _local(calendar, moment):
        """Naive wall-clock time in the calendar's time zone of a naive UTC one."""
        return (
            utc.localize(moment).astimezone(timezone(calendar.tz)).replace(tzinfo=None)
        )

    @staticmethod
    def _day_end(calendar, day):
        """End of the last work interval of a local date, from the host's intervals."""
        tz = timezone(calendar.tz)
        start = tz.localize(datetime.combine(day, time.min))
        end = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        intervals = calendar._work_intervals_batch(start, end)[False]
        if not intervals:
            return None
        return (
            max(stop for _start, stop, _meta in intervals)
            .astimezone(utc)
            .replace(tzinfo=None)
        )

    @classmethod
    def _reference_working_days(cls, calendar, moment, days):
        """The host's answer: plan_days from local midnight after the event's day (N =
        0: from the event's day with N = 1) finds the Nth working day; its end of work
        is the end of its last work interval (plan_days itself stops at the end of the
        day's first interval)."""
        tz = timezone(calendar.tz)
        event_day = utc.localize(moment).astimezone(tz).date()
        first_day = event_day + timedelta(days=1 if days else 0)
        midnight = tz.localize(datetime.combine(first_day, time.min))
        found = calendar.plan_days(max(days, 1), midnight, compute_leaves=True)
        return cls._day_end(calendar, found.astimezone(tz).date())

    @staticmethod
    def _reference_working_hours(calendar, moment, hours):
        """The host's answer: plan_hours(N, t, compute_leaves=True)."""
        return calendar.plan_hours(hours, moment, compute_leaves=True)
