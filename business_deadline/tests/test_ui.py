from odoo.tests import HttpCase, tagged

# Polls the page until every expected text is shown, then signals success; an error
# logged to the browser console fails the test.
WAIT_FOR_TEXTS = """
const want = %(texts)s;
const deadline = Date.now() + 30000;
(function check() {
    const text = document.body.innerText;
    const missing = want.filter((w) => !text.includes(w));
    if (!missing.length) {
        console.log("test successful");
    } else if (Date.now() > deadline) {
        console.error("not shown: " + missing.join(", "));
    } else {
        setTimeout(check, 250);
    }
})();
"""


@tagged("post_install", "-at_install")
class TestBusinessDeadlineUi(HttpCase):
    def test_user_form_shows_privilege(self):
        """In a real browser, the user form offers the Business Deadlines privilege."""
        admin = self.env.ref("base.user_admin")
        self.browser_js(
            f"/odoo/action-base.action_res_users/{admin.id}",
            WAIT_FOR_TEXTS % {"texts": '["Business Deadlines"]'},
            ready="odoo.isReady === true",
            login="admin",
            timeout=120,
        )
