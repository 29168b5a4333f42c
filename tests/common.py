"""Cross-addon test helpers: run Odoo in a subprocess on throw-away databases."""

import importlib.util
import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_suite_tool():
    """tools/suite.py, which owns the addon list and the install-log check."""
    spec = importlib.util.spec_from_file_location(
        "suite_tool", ROOT / "tools" / "suite.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_suite = _load_suite_tool()
ADDONS = _suite.ADDONS
DOMAIN_ADDONS = _suite.DOMAIN_ADDONS
bad_log_lines = _suite.bad_log_lines


def odoo_conf():
    return os.environ.get("SUITE_ODOO_CONF") or str(ROOT / ".state" / "odoo.conf")


def odoo_python():
    return os.environ.get("SUITE_PYTHON") or sys.executable


def new_db_name(tag):
    return f"suite_x_{tag}_{uuid.uuid4().hex[:8]}"


def odoo(*args):
    """Run an Odoo command; return (returncode, combined log)."""
    proc = subprocess.run(
        [odoo_python(), "-m", "odoo", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return proc.returncode, proc.stdout + proc.stderr


def psql(dbname, query):
    out = subprocess.run(
        ["psql", "-X", "-A", "-t", "-d", dbname, "-c", query],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def createdb(name, template=None):
    cmd = ["createdb", name] + (["-T", template] if template else [])
    subprocess.run(cmd, check=True)


def dropdb(name):
    subprocess.run(
        [
            "psql",
            "-X",
            "-q",
            "-d",
            "postgres",
            "-c",
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
        ],
        check=False,
        capture_output=True,
    )


def installed_modules(dbname):
    return set(
        psql(
            dbname, "select name from ir_module_module where state = 'installed'"
        ).split()
    )
