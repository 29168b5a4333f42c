#!/usr/bin/env python3
"""Regenerate each addon's i18n/<addon>.pot and i18n/zh_CN.po from a database.

    .venv/bin/python tools/i18n.py [--prune] DBNAME [ADDON ...]

For each addon: Odoo exports the template (.pot); the Chinese catalogue is rebuilt from
it, keeping the translations already in zh_CN.po and taking new ones from any
i18n/_pending*.tsv file (English TAB Chinese, one per line), which is then removed.
Exits 1 and lists the strings still without a translation.
"""

import os
import subprocess
import sys
from pathlib import Path

import polib
from suite import ADDONS  # tools/ is on the path of a script run from it

ROOT = Path(__file__).resolve().parent.parent
HEADER = {
    "Project-Id-Version": "Odoo Server 19.0",
    "Language": "zh_CN",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "",
    "Plural-Forms": "",
}


def export_pot(dbname, addon):
    conf = os.environ.get("SUITE_ODOO_CONF") or str(ROOT / ".state" / "odoo.conf")
    subprocess.run(
        [sys.executable, "-m", "odoo", "i18n", "export", "-c", conf, "-d", dbname]
        + [addon, "-l", "pot"],
        check=True,
        capture_output=True,
    )
    return ROOT / addon / "i18n" / f"{addon}.pot"


def known_translations(addon):
    known = {}
    po_path = ROOT / addon / "i18n" / "zh_CN.po"
    if po_path.exists():
        for entry in polib.pofile(str(po_path)):
            if entry.msgstr:
                known[entry.msgid] = entry.msgstr
    pending = sorted((ROOT / addon / "i18n").glob("_pending*.tsv"))
    for tsv in pending:
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                english, chinese = line.split("\t", 1)
                known.setdefault(english.strip(), chinese.strip())
    return known, pending


def rebuild(dbname, addon, prune=False):
    pot = polib.pofile(str(export_pot(dbname, addon)))
    known, pending = known_translations(addon)
    po = polib.POFile(wrapwidth=78)
    po.header = (
        "Translation of Odoo Server.\n"
        "This file contains the translation of the following modules:\n"
        f"\t* {addon}"
    )
    po.metadata = dict(HEADER)
    missing = []
    for entry in pot:
        msgstr = known.get(entry.msgid, "")
        if not msgstr:
            missing.append(entry.msgid)
        po.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgstr=msgstr,
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=entry.flags,
            )
        )
    po_path = ROOT / addon / "i18n" / "zh_CN.po"
    if not prune and po_path.exists():
        # Odoo attributes some generic labels (e.g. the "ID" of a model that several
        # modules extend) to one of those modules or another from one export to the
        # next: keep what is translated; --prune drops the entries no longer exported
        exported = {entry.msgid for entry in pot}
        for entry in polib.pofile(str(po_path)):
            if entry.msgstr and entry.msgid not in exported and not entry.obsolete:
                po.append(entry)
    po.save(str(po_path))
    # the layout oca-checks-po expects (its po-pretty-format check)
    subprocess.run(
        [sys.executable, "-m", "oca_pre_commit_hooks.cli_po", "--fix", "--no-verbose"]
        + ["--no-exit", str(po_path)],
        check=False,
        capture_output=True,
    )
    if not missing:
        for tsv in pending:
            tsv.unlink()
    return missing


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    args = [arg for arg in sys.argv[1:] if arg != "--prune"]
    prune = "--prune" in sys.argv
    dbname, addons = args[0], args[1:] or ADDONS
    failed = False
    for addon in addons:
        missing = rebuild(dbname, addon, prune=prune)
        if missing:
            failed = True
            print(f"{addon}: {len(missing)} string(s) without a zh_CN translation:")
            for msgid in missing:
                print(f"    {msgid!r}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
