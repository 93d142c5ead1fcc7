"""The catalog ships inside the wheel and is found there at run time; start-up imports stay light."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """numretire built into a wheel, as pip builds it for `pip install .` (hatchling comes with [test])."""
    folder = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*command, "--wheel-dir", str(folder), str(ROOT)], check=True)
    return next(folder.glob("numretire-*.whl"))


def test_the_wheel_carries_the_catalog(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n for n in names if n.startswith("numretire/checklists/"))
    expected = sorted(
        f"numretire/{p.relative_to(ROOT).as_posix()}" for p in (ROOT / "checklists").rglob("*") if p.is_file()
    )
    assert shipped == expected
    assert "numretire/checklists/README.md" in shipped
    assert "numretire/checklists/reference/2fa-directory.json" in shipped  # the lint needs it installed


def test_an_installed_layout_finds_its_catalog(wheel, tmp_path):
    """Unpacked like site-packages (no checkout beside it), the package still finds checklists/."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "NUMRETIRE_HOME": str(tmp_path / "home")}
    out = subprocess.run(
        [sys.executable, "-c", "from numretire import paths; print(paths.shipped_checklists_dir())"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == str(site / "numretire" / "checklists")
    result = subprocess.run(
        [sys.executable, "-m", "numretire", "catalog", "show", "alipay", "--json"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["service"]["id"] == "alipay"


# Modules a minimal typer+rich app does not import: start-up must not pay for them either.
HEAVY = ["phonenumbers", "filelock", "platformdirs", "tomli_w", "pexpect"]


def imported_by(*args, home):
    code = (
        "import sys, runpy; sys.argv = ['numretire', *sys.argv[1:]];\n"
        "try:\n    runpy.run_module('numretire', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        f"print('\\nMODULES', ' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    env = {**os.environ, "NUMRETIRE_HOME": str(home)}
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True).stdout
    return out.rsplit("MODULES", 1)[1].split()


def test_version_imports_nothing_heavy(home):
    assert imported_by("--version", home=home) == []


def test_status_imports_nothing_heavy(retiring, home):
    retiring("status")  # builds the catalog cache, as the first run does
    assert imported_by("status", home=home) == []


def test_shell_completion_completes_commands(home):
    env = {
        **os.environ,
        "NUMRETIRE_HOME": str(home),
        "_NUMRETIRE_COMPLETE": "complete_bash",
        "COMP_WORDS": "numretire catalog se",
        "COMP_CWORD": "2",
    }
    out = subprocess.run([sys.executable, "-m", "numretire"], env=env, capture_output=True, text=True).stdout
    assert out.split() == ["search"]
