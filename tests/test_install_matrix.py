"""Each addon installs alone, all four together, and upgrade and uninstall run clean.

Every step runs Odoo in a subprocess on a throw-away database and fails on any
WARNING or ERROR line in its log, like the install check of ``make test``.
"""

import pytest

from .common import (
    ADDONS,
    DOMAIN_ADDONS,
    bad_log_lines,
    createdb,
    dropdb,
    installed_modules,
    new_db_name,
    odoo,
    odoo_conf,
    psql,
)


def _assert_clean(returncode, log, what):
    lines = bad_log_lines(log)
    assert returncode == 0 and not lines, f"{what}: exit {returncode}\n" + "\n".join(
        lines or log.splitlines()[-30:]
    )


@pytest.fixture(scope="module")
def host_template():
    """A database with only the host modules the addons build on (mail, resource)."""
    name = new_db_name("host")
    rc, log = odoo(
        "-c", odoo_conf(), "-d", name, "-i", "mail,resource", "--stop-after-init"
    )
    _assert_clean(rc, log, "host template")
    yield name
    dropdb(name)


@pytest.fixture(scope="module")
def all_four(host_template):
    """A copy of the host template with all four addons installed."""
    name = new_db_name("all")
    createdb(name, host_template)
    rc, log = odoo(
        "-c", odoo_conf(), "-d", name, "-i", ",".join(ADDONS), "--stop-after-init"
    )
    _assert_clean(rc, log, "install of all four addons")
    yield name
    dropdb(name)


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_installs_alone(host_template, addon):
    """Each addon installs alone on a fresh database, with only its dependencies."""
    name = new_db_name(addon[:8])
    createdb(name, host_template)
    try:
        rc, log = odoo("-c", odoo_conf(), "-d", name, "-i", addon, "--stop-after-init")
        _assert_clean(rc, log, f"install of {addon} alone")
        mods = installed_modules(name)
        assert addon in mods
        assert "business_deadline" in mods
        others = set(DOMAIN_ADDONS) - {addon}
        assert not (others & mods), f"{addon} pulled in {others & mods}"
    finally:
        dropdb(name)


def test_all_four_install_together(all_four):
    """All four addons install together without a warning."""
    assert set(ADDONS) <= installed_modules(all_four)


def test_no_enterprise_module_installed(all_four):
    """No Odoo Enterprise module (license OEEL-1) is installed beside the suite."""
    enterprise = psql(
        all_four,
        "select string_agg(name, ',') from ir_module_module "
        "where state = 'installed' "
        "and (license = 'OEEL-1' or name like '%_enterprise')",
    )
    assert not enterprise, f"Enterprise modules installed: {enterprise}"


def test_upgrade_all_four(all_four):
    """`-u` of all four addons runs clean on an installed database."""
    rc, log = odoo(
        "-c", odoo_conf(), "-d", all_four, "-u", ",".join(ADDONS), "--stop-after-init"
    )
    _assert_clean(rc, log, "upgrade of all four addons")
    assert set(ADDONS) <= installed_modules(all_four)


@pytest.mark.parametrize("addon", DOMAIN_ADDONS)
def test_uninstall_domain_addon_leaves_others_working(all_four, addon):
    """Uninstalling one domain addon leaves the others installed and loading clean."""
    name = new_db_name(f"un{addon[:6]}")
    createdb(name, all_four)
    try:
        rc, log = odoo("module", "uninstall", "-c", odoo_conf(), "-d", name, addon)
        _assert_clean(rc, log, f"uninstall of {addon}")
        mods = installed_modules(name)
        assert addon not in mods
        assert set(ADDONS) - {addon} <= mods
        groups = psql(
            name,
            "select count(*) from ir_model_data "
            f"where module = '{addon}' and model = 'res.groups'",
        )
        assert groups == "0", f"{addon} left its groups behind"
        # the remaining addons still load and upgrade without a warning
        others = ",".join(sorted(set(ADDONS) - {addon}))
        rc, log = odoo("-c", odoo_conf(), "-d", name, "-u", others, "--stop-after-init")
        _assert_clean(rc, log, f"upgrade of the others after uninstalling {addon}")
    finally:
        dropdb(name)
