from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_supervision import SupervisionCommon


@tagged("post_install", "-at_install")
class TestBulletin(SupervisionCommon):
    def _month_data(self):
        with freeze_time("2026-03-05 09:00:00"):
            order = self._create_order(is_major=False)
            order.action_issue()
            closed = self._create_order()
            closed.action_issue()
            closed.action_start()
            closed.line_ids.is_done = True
            closed.verification = "ok"
            closed.with_user(self.officer).action_verify()
        self._done_check(self.unit, scores=(8, 8, 8, 8), date=date(2026, 3, 3))
        self._done_check(self.unit, scores=(6, 6, 6, 6), date=date(2026, 3, 4))
        self._done_check(self.other_unit, scores=(4, 4, 4, 4), date=date(2026, 2, 4))

    def test_figures_of_the_month(self):
        """QT-19: the bulletin counts the month's orders, checks and units."""
        self._month_data()
        bulletin = self.env["qt.bulletin"].create({"date_month": date(2026, 3, 18)})
        self.assertEqual(bulletin.date_month, date(2026, 3, 1))
        bulletin.action_generate()
        self.assertEqual(bulletin.order_count, 2)
        self.assertEqual(bulletin.order_open_count, 1)
        self.assertEqual(bulletin.order_closed_count, 1)
        self.assertEqual(bulletin.check_count, 2)
        self.assertEqual(bulletin.unit_checked_count, 1)
        self.assertEqual(bulletin.unit_count, 2)
        self.assertEqual(bulletin.coverage, 50.0)
        self.assertEqual(bulletin.score_avg, 7.0)
        self.assertIn("2", bulletin.summary)

    def test_publish_posts_to_followers(self):
        """001/R-64: publishing posts the bulletin to its followers, once."""
        self._month_data()
        bulletin = (
            self.env["qt.bulletin"]
            .with_context(tracking_disable=False, mail_notrack=False)
            .create({"date_month": date(2026, 3, 1)})
        )
        with self.assertRaises(UserError):
            bulletin.action_publish()
        bulletin.action_generate()
        bulletin.message_subscribe(partner_ids=self.head.partner_id.ids)
        bulletin.action_publish()
        self.assertEqual(bulletin.state, "published")
        message = bulletin.message_ids.filtered(
            lambda m: m.message_type == "comment" and m.subject == bulletin.name
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.head.partner_id, message.notified_partner_ids)
        with self.assertRaises(UserError):
            bulletin.action_publish()
        with self.assertRaises(UserError):
            bulletin.action_generate()

    def test_cron_monthly_once(self):
        """001/R-64: on 1 April the cron counts March's bulletin, once."""
        self._month_data()
        cron = self.env.ref("quality_tracking.ir_cron_qt_bulletin_generate")
        with freeze_time("2026-04-01 02:00:00"):
            self._trigger(cron)
            self._trigger(cron)
        bulletins = self.env["qt.bulletin"].search(
            [
                ("company_id", "=", self.company.id),
                ("date_month", "=", date(2026, 3, 1)),
            ]
        )
        self.assertEqual(len(bulletins), 1)
        self.assertEqual(bulletins.check_count, 2)
        self.assertEqual(bulletins.state, "draft")

    def test_query_count_constant(self):
        """The bulletin's figures take a constant number of queries."""
        self._month_data()
        bulletin = self.env["qt.bulletin"].create({"date_month": date(2026, 3, 1)})
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            bulletin._prepare_figures()
        for _index in range(5):
            self._done_check(self.unit, date=date(2026, 3, 6))
            with freeze_time("2026-03-05 09:00:00"):
                self._create_order().action_issue()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            bulletin._prepare_figures()
