from datetime import date, datetime

from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged

# Helpers run in the page: wait for a condition, then go on; an error logged to the
# browser console fails the test.
WAIT = """
const deadline = Date.now() + 30000;
function waitFor(what, check, next) {
    (function loop() {
        if (check()) {
            next();
        } else if (Date.now() > deadline) {
            console.error("not shown: " + what);
        } else {
            setTimeout(loop, 250);
        }
    })();
}
const shows = (text) => () => document.body.innerText.includes(text);
"""


@tagged("post_install", "-at_install")
class TestBusinessDeadlineUi(HttpCase):
    def test_user_form_shows_privilege(self):
        """In a real browser, the user form offers the Business Deadlines privilege."""
        admin = self.env.ref("base.user_admin")
        self.browser_js(
            f"/odoo/action-base.action_res_users/{admin.id}",
            WAIT + 'waitFor("privilege", shows("Business Deadlines"), '
            '() => console.log("test successful"));',
            ready="odoo.isReady === true",
            login="admin",
            timeout=120,
        )

    def test_obligation_smart_button_opens_its_timers(self):
        """A deadline user opens an obligation, sees its deadline smart button, and
        the button lists the record's timers with their rule."""
        user = new_test_user(
            self.env,
            login="bd_ui_user",
            password="bd_ui_user_pw",
            groups="business_deadline.group_business_deadline_user",
        )
        model = self.env["ir.model"]._get("business.deadline.obligation")
        start_field = self.env["ir.model.fields"]._get(
            "business.deadline.obligation", "date_start"
        )
        self.env["business.deadline.rule"].create(
            {
                "name": "UI filing rule",
                "model_id": model.id,
                "start_field_id": start_field.id,
                "amount": 3,
                "unit": "working_days",
                "met_state_ids": [
                    Command.set(
                        self.env.ref(
                            "business_deadline."
                            "selection__business_deadline_obligation__state__done"
                        ).ids
                    )
                ],
            }
        )
        obligation = (
            self.env["business.deadline.obligation"]
            .with_user(user)
            .create(
                {
                    "name": "UI yearly filing",
                    "user_id": user.id,
                    "date_start": datetime(2026, 3, 2, 9, 0),
                    "state": "open",
                }
            )
        )
        self.assertEqual(len(obligation.deadline_timer_ids), 1)
        self.browser_js(
            f"/odoo/action-business_deadline.business_deadline_obligation_action/"
            f"{obligation.id}",
            WAIT
            + """
const button = () =>
    document.querySelector('button[name="action_view_deadline_timers"]');
waitFor("obligation form", () => button() && shows("UI yearly filing")(), () => {
    button().click();
    waitFor("timer list", () => document.querySelector(".o_list_renderer")
            && shows("UI filing rule")(),
        () => console.log("test successful"));
});
""",
            ready="odoo.isReady === true",
            login="bd_ui_user",
            timeout=120,
        )

    def test_makeup_day_list_new(self):
        """A deadline administrator creates a make-up working day from the list's New
        button: an editable row (no server error), hours filled in from the chosen
        calendar's regular working day, saved."""
        calendar = self.env["resource.calendar"].create(
            {"name": "Tour schedule", "tz": "UTC"}
        )
        self.start_tour(
            "/odoo/action-business_deadline.business_deadline_makeup_day_action",
            "business_deadline_makeup_day_tour",
            login="admin",
            timeout=120,
        )
        makeup_day = self.env["business.deadline.makeup.day"].search(
            [("calendar_id", "=", calendar.id)]
        )
        self.assertEqual(makeup_day.date, date(2026, 3, 7))
        self.assertEqual(makeup_day.name, "Tour make-up day")
        self.assertEqual((makeup_day.hour_from, makeup_day.hour_to), (8.0, 17.0))
