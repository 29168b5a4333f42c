"""Every user-facing string of every addon has a Chinese translation in zh_CN.po."""

import os
import tempfile
from pathlib import Path

import polib
import pytest

from .common import ADDONS, ROOT, odoo, odoo_conf


def _test_db():
    import odoo.tools

    return os.environ.get("SUITE_TEST_DB") or odoo.tools.config["db_name"][0]


@pytest.mark.parametrize("addon", ADDONS)
def test_zh_cn_catalogue_is_complete(addon):
    """The strings Odoo exports for the addon are all translated in its zh_CN.po."""
    with tempfile.TemporaryDirectory() as tmp:
        pot_path = Path(tmp) / f"{addon}.pot"
        rc, log = odoo(
            "i18n", "export", "-c", odoo_conf(), "-d", _test_db(), addon, "-l", "pot",
            "-o", str(pot_path),
        )  # fmt: skip
        assert rc == 0, log[-2000:]
        exported = {entry.msgid for entry in polib.pofile(str(pot_path))}
    po = polib.pofile(str(ROOT / addon / "i18n" / "zh_CN.po"))
    translated = {entry.msgid for entry in po if entry.msgstr.strip()}
    missing = sorted(exported - translated)
    assert not missing, (
        f"{addon}: strings without a zh_CN translation (run tools/i18n.py): {missing}"
    )
    assert not list((ROOT / addon / "i18n").glob("_pending*.tsv")), (
        f"{addon}: pending translations not merged (run tools/i18n.py)"
    )
