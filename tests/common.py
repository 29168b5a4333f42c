"""Cross-addon test helpers: run Odoo in a subprocess on throw-away databases."""

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ["business_deadline", "quality_tracking", "vendor_counsel", "client_relations"]
DOMAIN_ADDONS = ADDONS[1:]
LOG_LEVEL_RE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) ", re.M
)


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


def bad_log_lines(log):
    return [line for line in log.splitlines() if LOG_LEVEL_RE.match(line)]


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
