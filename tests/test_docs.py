"""The docs cannot drift from the commands: every command has help text and a line in README.md."""

from pathlib import Path

import typer

from numretire.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def commands(group, prefix: str = ""):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def test_every_command_has_help_and_a_readme_line():
    root = typer.main.get_command(app)
    found = list(commands(root))
    assert len(found) > 15
    for name, command in found:
        assert command.help and command.help.strip(), name
        assert f"numretire {name}" in README, name


def test_every_listing_command_has_json():
    root = typer.main.get_command(app)
    listing = {
        "profiles",
        "status",
        "list",
        "risks",
        "check",
        "catalog list",
        "catalog search",
        "catalog show",
        "catalog lint",
    }
    for name, command in commands(root):
        if name in listing:
            assert any("--json" in p.opts for p in command.params), name


def test_every_command_takes_lang_and_the_inventory_ones_profile():
    root = typer.main.get_command(app)
    for name, command in commands(root):
        options = {opt for p in command.params for opt in p.opts}
        assert "--lang" in options, name
        if name not in {"init", "adopt", "profiles", "use", "demo", "remind"} and not name.startswith(
            ("catalog", "config")
        ):
            assert "--profile" in options, name


def test_readme_documents_exit_codes_and_environment():
    from numretire.errors import ExitCode

    for code in ExitCode:
        assert f"| {int(code)} |" in README
    for var in ("NUMRETIRE_HOME", "NUMRETIRE_LANG", "NUMRETIRE_TODAY", "NO_COLOR"):
        assert var in README


def test_readme_says_chinese_needs_a_cjk_font():
    assert "fonts-noto-cjk" in README and "CJK font" in README
