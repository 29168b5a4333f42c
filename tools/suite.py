#!/usr/bin/env python3
"""Set-up, test, run and bench pipelines behind the Makefile.

`python3 tools/suite.py {setup,run,test,bench,lint}`. Every pipeline first does the
whole set-up, idempotently: find Odoo 19, a project virtualenv with the pinned
dependencies, the npm linters, a reachable PostgreSQL and an Odoo configuration file
in `.state/`.
"""

import datetime
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / ".state"
VENV = ROOT / ".venv"
LOGS = STATE / "logs"
ODOO_DOWNLOAD = ROOT / ".odoo-src"
ODOO_URL = "https://github.com/odoo/odoo/archive/refs/heads/19.0.tar.gz"
ADDONS = ["business_deadline", "quality_tracking", "vendor_counsel", "client_relations"]
DOMAIN_ADDONS = ADDONS[1:]
TEST_TARGETS = ADDONS + ["tests"]
LINT_DIRS = ADDONS
# A log line of Odoo: "2026-01-01 10:00:00,000 1234 WARNING db logger: message"
LOG_LEVEL_RE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) "
)


def say(msg):
    print(f"[suite] {msg}", flush=True)


def die(msg, code=2):
    print(f"[suite] ERROR: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


def run(cmd, check=True, **kw):
    return subprocess.run([str(c) for c in cmd], check=check, **kw)


# --- Odoo


def _serie_of_tree(src):
    release = Path(src) / "odoo" / "release.py"
    if not release.is_file():
        return None
    namespace = {}
    try:
        exec(compile(release.read_text(), str(release), "exec"), namespace)  # noqa: S102
    except Exception:  # pylint: disable=broad-except
        return None
    return namespace.get("serie")


def find_odoo():
    """Return (how, source tree) of Odoo 19: ODOO_SRC, importable odoo, download."""
    src = os.environ.get("ODOO_SRC")
    if src:
        serie = _serie_of_tree(src)
        if serie != "19.0":
            die(
                f"ODOO_SRC={src!r} is not an Odoo 19.0 source tree "
                f"(expected {src}/odoo/release.py with serie 19.0, found {serie!r}). "
                "Point ODOO_SRC at an Odoo 19.0 checkout, or unset it to use an "
                "importable "
                "odoo or a download of Odoo's official source."
            )
        say(f"Odoo 19: using ODOO_SRC={src}")
        return "ODOO_SRC", Path(src).resolve()
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, odoo.release as r; "
            "print(r.serie); print(os.path.dirname(os.path.dirname(r.__file__)))",
        ],
        capture_output=True,
        text=True,
    )
    if probe.returncode == 0:
        serie, path = probe.stdout.split("\n")[:2]
        if serie == "19.0":
            say(f"Odoo 19: using the odoo importable from {sys.executable} ({path})")
            return "importable", Path(path)
        say(f"the importable odoo is {serie}, not 19.0: ignoring it")
    tree = ODOO_DOWNLOAD / "odoo-19.0"
    if _serie_of_tree(tree) == "19.0":
        say(f"Odoo 19: using the earlier download in {tree}")
        return "download", tree
    say(f"Odoo 19: no ODOO_SRC and no importable odoo; downloading {ODOO_URL}")
    ODOO_DOWNLOAD.mkdir(exist_ok=True)
    archive = ODOO_DOWNLOAD / "odoo-19.0.tar.gz"
    deadline = time.monotonic() + 60
    try:
        with (
            urllib.request.urlopen(ODOO_URL, timeout=30) as resp,
            open(archive, "wb") as out,
        ):
            while chunk := resp.read(1 << 20):
                out.write(chunk)
                if time.monotonic() > deadline and out.tell() < (1 << 20):
                    raise TimeoutError("download too slow")
    except Exception as exc:  # pylint: disable=broad-except
        die(
            f"could not download Odoo 19.0 ({exc}). "
            "Set ODOO_SRC to an Odoo 19.0 source tree "
            "or install Odoo 19 into this python3."
        )
    with tarfile.open(archive) as tar:
        tar.extractall(ODOO_DOWNLOAD, filter="data")
    archive.unlink()
    return "download", tree


# --- venv


def venv_python():
    return VENV / "bin" / "python"


def _stamp_ok(name, content):
    stamp = STATE / f"{name}.stamp"
    digest = hashlib.sha256(content.encode()).hexdigest()
    return stamp, digest, stamp.is_file() and stamp.read_text() == digest


def ensure_venv(how, odoo_src):
    STATE.mkdir(exist_ok=True)
    LOGS.mkdir(exist_ok=True)
    if not venv_python().exists():
        say(f"creating the project virtualenv {VENV} (--system-site-packages)")
        run([sys.executable, "-m", "venv", "--system-site-packages", VENV])
    reqs = "".join(
        (ROOT / f).read_text() for f in ("requirements.txt", "requirements-odoo.txt")
    )
    key = f"{reqs}\n{how}\n{odoo_src}\n{sys.version}"
    stamp, digest, ok = _stamp_ok("venv", key)
    if ok:
        say("virtualenv is up to date")
        return
    py = venv_python()
    if how != "importable":
        say(f"installing Odoo from {odoo_src} into the virtualenv")
        # compat mode: a plain .pth entry; the default editable finder leaks a path hook
        # into odoo.addons.__path__, which Odoo reports as a WARNING at every start
        run(
            [
                py,
                "-m",
                "pip",
                "install",
                "-q",
                "--no-deps",
                "--config-settings",
                "editable_mode=compat",
                "-e",
                odoo_src,
            ]
        )
    say("installing the pinned Python dependencies (requirements.txt)")
    run([py, "-m", "pip", "install", "-q", "-r", ROOT / "requirements.txt"])
    stamp.write_text(digest)


def ensure_npm():
    pkg = (ROOT / "package.json").read_text() + (ROOT / "package-lock.json").read_text()
    stamp, digest, ok = _stamp_ok("npm", pkg)
    if ok and (ROOT / "node_modules" / ".bin" / "prettier").exists():
        return
    if not shutil.which("npm"):
        die("npm is needed for prettier (the XML linter): install Node.js and npm")
    say("installing prettier and @prettier/plugin-xml (npm ci)")
    run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT)
    stamp.write_text(digest)


# --- PostgreSQL


def _pg_ok(env=None):
    probe = subprocess.run(
        [
            venv_python(),
            "-c",
            "import psycopg2; c = psycopg2.connect(dbname='postgres'); "
            "cr = c.cursor(); cr.execute('select current_user, current_setting(%s)', "
            "('server_version_num',)); print(*cr.fetchone())",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    return probe.returncode == 0, (probe.stdout or probe.stderr).strip()


def _pg_bin(name):
    found = shutil.which(name)
    if found:
        return found
    for cand in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(cand)
    return None


def ensure_postgres():
    """The server of the PG* variables, else the local socket, else a local cluster."""
    configured = any(
        k in os.environ for k in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD")
    )
    ok, info = _pg_ok()
    if ok:
        user, version = info.split()
        if user == "postgres":
            die(
                "PostgreSQL connects as the 'postgres' role, which Odoo refuses: "
                "set PGUSER"
            )
        if int(version) < 130000:
            die(f"PostgreSQL {version} is too old: Odoo 19 needs 13 or later")
        where = "the PG* variables" if configured else "the local Unix socket"
        say(f"PostgreSQL: {where}, role {user}, server {version}")
        return
    if configured:
        die(f"PostgreSQL given by the PG* variables is not reachable: {info}")
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        die(
            "no PostgreSQL server is reachable (set PGHOST/PGPORT/PGUSER/PGPASSWORD) "
            "and no "
            "PostgreSQL binaries (initdb, pg_ctl) are installed to start a local one"
        )
    if os.geteuid() == 0:
        die("no PostgreSQL server is reachable, and initdb refuses to run as root")
    data, sock = STATE / "pgdata", STATE / "pgsock"
    sock.mkdir(parents=True, exist_ok=True)
    if not (data / "PG_VERSION").exists():
        say(f"initialising a project-local PostgreSQL cluster in {data}")
        run([initdb, "-D", data, "-A", "trust", "-U", os.environ.get("USER", "odoo")])
    os.environ["PGHOST"] = str(sock)
    os.environ["PGPORT"] = "5439"
    if not _pg_ok()[0]:
        say("starting the project-local PostgreSQL cluster")
        run(
            [
                pg_ctl,
                "-D",
                data,
                "-l",
                LOGS / "postgres.log",
                "-w",
                "-o",
                f"-k {sock} -p 5439 -c listen_addresses=''",
                "start",
            ]
        )
    say(f"PostgreSQL: project-local cluster on {sock}")


# ----------------------------------------------------------------------- Odoo config


def addons_paths(odoo_src):
    paths = [odoo_src / "odoo" / "addons"]
    probe = subprocess.run(
        [
            venv_python(),
            "-c",
            "import importlib.metadata as m, pathlib; "
            "d = m.distribution('odoo-addon-base-tier-validation'); "
            "print(pathlib.Path(d.locate_file('odoo/addons')).resolve())",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    paths.append(Path(probe.stdout.strip()))
    paths.append(ROOT)
    return paths


def write_config(odoo_src):
    conf = STATE / "odoo.conf"
    paths = ",".join(str(p) for p in addons_paths(odoo_src))
    conf.write_text(
        "[options]\n"
        f"addons_path = {paths}\n"
        f"data_dir = {STATE / 'data'}\n"
        "http_interface = 127.0.0.1\n"
        "http_port = 8069\n"
        "admin_passwd = admin\n"
        "max_cron_threads = 1\n"
        "list_db = True\n"
    )
    os.environ["SUITE_ODOO_CONF"] = str(conf)
    os.environ["SUITE_PYTHON"] = str(venv_python())
    return conf


def setup():
    how, src = find_odoo()
    ensure_venv(how, src)
    ensure_postgres()
    conf = write_config(src)
    return conf


# --- helpers


def odoo_cmd(conf, *args):
    return [venv_python(), "-m", "odoo", "-c", conf, *args]


def sql(query, dbname="postgres"):
    code = (
        "import sys, psycopg2; c = psycopg2.connect(dbname=sys.argv[1]); "
        "c.autocommit = True; "
        "cr = c.cursor(); cr.execute(sys.argv[2]); "
        "print(cr.fetchone()[0] if cr.description else '')"
    )
    out = run(
        [venv_python(), "-c", code, dbname, query], capture_output=True, text=True
    )
    return out.stdout.strip()


def db_exists(name):
    return sql(f"select count(*) from pg_database where datname = '{name}'") == "1"


def drop_db(conf, name):
    sql(f'drop database if exists "{name}" with (force)')
    shutil.rmtree(STATE / "data" / "filestore" / name, ignore_errors=True)


def bad_log_lines(log_text):
    return [line for line in log_text.splitlines() if LOG_LEVEL_RE.match(line)]


def install(conf, dbname, modules, extra=(), log_name=None):
    """Install modules on dbname; return its WARNING/ERROR lines (empty: clean)."""
    log = LOGS / (log_name or f"install-{dbname}.log")
    with open(log, "w") as out:
        proc = run(
            odoo_cmd(
                conf,
                "-d",
                dbname,
                "-i",
                ",".join(modules),
                "--stop-after-init",
                "--log-level=info",
                *extra,
            ),
            check=False,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    lines = bad_log_lines(log.read_text())
    if proc.returncode and not lines:
        lines = [f"odoo exited with {proc.returncode}, see {log}"]
    return lines, log


# --- lint


def venv_tool(name):
    """A console script of the venv, or of the base Python the venv sees."""
    for bindir in (VENV / "bin", Path(sys.executable).parent):
        if (bindir / name).exists():
            return bindir / name
    die(f"{name} is not installed (it is pinned in requirements.txt)")


def lint():
    ensure_npm()
    steps = [
        (
            "ruff check",
            [
                venv_tool("ruff"),
                "check",
                "--no-fix",
                *LINT_DIRS,
                "tests",
                "tools",
                "conftest.py",
            ],
        ),
        (
            "ruff format --check",
            [
                venv_tool("ruff"),
                "format",
                "--check",
                *LINT_DIRS,
                "tests",
                "tools",
                "conftest.py",
            ],
        ),
        (
            "pylint-odoo (OCA mandatory checks)",
            [
                venv_tool("pylint"),
                "--rcfile=.pylintrc-mandatory",
                "--valid-odoo-versions=19.0",
                *LINT_DIRS,
            ],
        ),
        ("README.rst up to date", [sys.executable, "tools/gen_readme.py", "--check"]),
        ("oca-checks-odoo-module", [venv_tool("oca-checks-odoo-module"), *LINT_DIRS]),
        (
            "oca-checks-po",
            [
                venv_tool("oca-checks-po"),
                *sorted(str(p) for p in ROOT.glob("*/i18n/*.po*")),
            ],
        ),
        (
            "prettier (XML)",
            [
                ROOT / "node_modules" / ".bin" / "prettier",
                "--check",
                *sorted(
                    str(p.relative_to(ROOT))
                    for d in LINT_DIRS
                    for p in (ROOT / d).rglob("*.xml")
                ),
            ],
        ),
    ]
    failed = []
    for name, cmd in steps:
        say(f"lint: {name}")
        if run(cmd, check=False, cwd=ROOT).returncode:
            failed.append(name)
    if failed:
        say(f"lint FAILED: {', '.join(failed)}")
    else:
        say("lint: all clean")
    return not failed


# --- pipelines


def cmd_test(args):
    conf = setup()
    ok = lint()
    stamp = datetime.datetime.now().strftime("%Y%m%d%H%M%S")
    dbname = f"suite_test_{stamp}_{os.getpid()}"
    os.environ["SUITE_TEST_DB"] = dbname
    try:
        say(f"installing {', '.join(ADDONS)} on the fresh database {dbname}")
        lines, log = install(conf, dbname, ADDONS)
        if lines:
            ok = False
            say(f"install log has {len(lines)} WARNING/ERROR line(s) ({log}):")
            for line in lines[:50]:
                print("    " + line, flush=True)
        else:
            say("install log is clean (no WARNING or ERROR line)")
        targets = args or TEST_TARGETS
        say(f"pytest-odoo on {' '.join(targets)}")
        proc = run(
            [
                venv_python(),
                "-m",
                "pytest",
                f"--odoo-config={conf}",
                f"--odoo-database={dbname}",
                "--odoo-http",
                *targets,
            ],
            check=False,
            cwd=ROOT,
        )
        ok = ok and proc.returncode == 0
    finally:
        drop_db(conf, dbname)
    return 0 if ok else 1


def cmd_run(args):
    conf = setup()
    dbname = os.environ.get("RUN_DB", "compliance_suite_demo")
    if db_exists(dbname):
        has_demo = sql("select demo from ir_module_module where name = 'base'", dbname)
        if has_demo != "True":
            say(f"{dbname} has no demo data: recreating it")
            drop_db(conf, dbname)
    if db_exists(dbname):
        say(f"upgrading the four addons on the demo database {dbname}")
        cmd = odoo_cmd(conf, "-d", dbname, "-u", ",".join(ADDONS), "--stop-after-init")
    else:
        say(f"creating the demo database {dbname} (demo data, Chinese)")
        cmd = odoo_cmd(
            conf,
            "-d",
            dbname,
            "-i",
            ",".join(ADDONS),
            "--with-demo",
            "--load-language=zh_CN",
            "--stop-after-init",
        )
    run(cmd)
    port = os.environ.get("RUN_PORT", "8069")
    print(
        "\n"
        f"  Odoo 19 is serving http://localhost:{port}\n"
        f"  database: {dbname}\n"
        "  login: admin   password: admin\n"
        "  (Ctrl-C stops it)\n",
        flush=True,
    )
    os.execv(
        str(venv_python()),
        [
            str(venv_python()),
            "-m",
            "odoo",
            "-c",
            str(conf),
            "-d",
            dbname,
            f"--db-filter=^{dbname}$",
            f"--http-port={port}",
            *args,
        ],
    )


def cmd_bench(args):
    conf = setup()
    bench = ROOT / "tests" / "bench" / "run_bench.py"
    if not bench.exists():
        say("no benchmark yet")
        return 0
    return run([venv_python(), bench, "--config", conf, *args], check=False).returncode


def cmd_setup(args):
    setup()
    ensure_npm()
    return 0


def cmd_lint(args):
    setup()
    return 0 if lint() else 1


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in (
        "setup",
        "run",
        "test",
        "bench",
        "lint",
    ):
        die("usage: suite.py {setup,run,test,bench,lint} [args]")
    os.chdir(ROOT)
    cmd = globals()[f"cmd_{sys.argv[1]}"]
    sys.exit(cmd(sys.argv[2:]))


if __name__ == "__main__":
    main()
