"""Suite-wide pytest hooks.

Under CI (the ``CI`` variable set), a skipped browser test (``HttpCase``) fails the run:
browser tests are skipped without ``--odoo-http`` or Chromium, and CI must not pass
without them.
"""

import os

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and os.environ.get("CI")):
        return
    from odoo.tests.common import HttpCase

    if isinstance(getattr(item, "instance", None), HttpCase):
        report.outcome = "failed"
        report.longrepr = (
            f"browser test {item.nodeid} was skipped under CI "
            f"({report.longrepr}); CI needs --odoo-http and chromium"
        )
