"""The rule catalogue (rule_catalogue.csv) and the tests agree.

Every implemented or configurable rule has a test whose docstring cites its ID, and
every ID a test docstring cites is listed in the catalogue (PRODUCT.md section 9).
"""

import ast
import csv
import os
import re

import pytest

from .common import ADDONS, ROOT

CATALOGUE = ROOT / "rule_catalogue.csv"
REQUIREMENTS = ROOT.parent / "shared" / "requirements"
COLUMNS = ["id", "status", "addons", "setting", "reason"]
STATUSES = {"implemented", "configurable", "left_out"}
# "<seed>/<ID>": a seed number 000-004, a slash, then a rule ID of the seed's file
CITATION_RE = re.compile(r"(?<![\w/])(00[0-4])/([A-Z]{1,3}\d*(?:-[A-Z0-9]+)*)\b")


def load_catalogue():
    with open(CATALOGUE, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS, f"columns must be {COLUMNS}"
        return list(reader)


def collect_test_files():
    files = [p for addon in ADDONS for p in (ROOT / addon / "tests").rglob("test_*.py")]
    files += [
        p
        for p in (ROOT / "tests").rglob("test_*.py")
        if p.name != "test_rule_catalogue.py"
    ]
    return sorted(files)


def cited_ids():
    """{rule id: [test locations]} for every ID cited in a test docstring."""
    cited = {}
    for path in collect_test_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(
                node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Module
            ):
                continue
            doc = ast.get_docstring(node) or ""
            for seed, rule in CITATION_RE.findall(doc):
                where = f"{path.relative_to(ROOT)}::{getattr(node, 'name', '<module>')}"
                cited.setdefault(f"{seed}/{rule}", []).append(where)
    return cited


def test_catalogue_rows_are_well_formed():
    """Each row has a known status, known addons, and a reason when left out."""
    rows = load_catalogue()
    seen = set()
    for row in rows:
        assert CITATION_RE.fullmatch(row["id"]), f"bad id {row['id']!r}"
        assert row["id"] not in seen, f"{row['id']} listed twice"
        seen.add(row["id"])
        assert row["status"] in STATUSES, f"{row['id']}: status {row['status']!r}"
        addons = row["addons"].split()
        assert addons and set(addons) <= set(ADDONS), f"{row['id']}: addons {addons}"
        if row["status"] == "left_out":
            assert row["reason"].strip(), f"{row['id']} is left out without a reason"
        if row["status"] == "configurable":
            assert row["setting"].strip(), (
                f"{row['id']} is configurable without a setting"
            )


def requirements_dir(folder=REQUIREMENTS, environ=os.environ):
    """The requirements folder; outside CI, a missing one skips the check that needs it.

    A plain clone has no ``../shared`` beside it: the README's test command must still
    pass there, so the one check that reads the requirements is skipped with a clear
    message (like the browser tests without Chromium). Under ``CI`` it stays mandatory.
    """
    if folder.is_dir():
        return folder
    message = (
        f"{folder} not found: the requirements (shared/requirements beside the "
        "repository) are needed to check the catalogue's rule IDs"
    )
    if environ.get("CI"):
        pytest.fail(message + "; CI must have them")
    pytest.skip(message + "; skipped outside CI")


def test_catalogue_ids_exist_in_requirements():
    """Each catalogued ID is a rule of its seed's requirements file."""
    rows = load_catalogue()
    folder = requirements_dir()
    texts = {}
    for row in rows:
        seed, rule = row["id"].split("/", 1)
        if seed not in texts:
            texts[seed] = (folder / f"{seed}.md").read_text(encoding="utf-8")
        assert re.search(rf"(?<![\w-]){re.escape(rule)}(?![\w-])", texts[seed]), (
            f"{row['id']} is not a rule of requirements/{seed}.md"
        )


def test_implemented_rules_have_tests():
    """Every implemented or configurable rule is cited by a test docstring."""
    cited = cited_ids()
    missing = [
        row["id"]
        for row in load_catalogue()
        if row["status"] in ("implemented", "configurable") and row["id"] not in cited
    ]
    assert not missing, f"rules without a test citing them: {missing}"


def test_cited_rules_are_catalogued():
    """Every rule ID a test cites is listed in the catalogue."""
    listed = {row["id"] for row in load_catalogue()}
    unknown = {rid: where for rid, where in cited_ids().items() if rid not in listed}
    assert not unknown, f"tests cite rules missing from rule_catalogue.csv: {unknown}"


def test_missing_requirements_skip_outside_ci_and_fail_under_ci(tmp_path):
    """A clone without the requirements folder skips the ID check, unless under CI."""
    missing = tmp_path / "no-shared" / "requirements"
    with pytest.raises(pytest.skip.Exception, match="skipped outside CI"):
        requirements_dir(missing, environ={})
    with pytest.raises(pytest.fail.Exception, match="CI must have them"):
        requirements_dir(missing, environ={"CI": "true"})
    (tmp_path / "requirements").mkdir()
    found = requirements_dir(tmp_path / "requirements", environ={"CI": "true"})
    assert found == tmp_path / "requirements"
