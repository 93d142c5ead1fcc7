"""The command line: typer apps that parse, call the core and render. One module per command group.

Commands are registered by name and imported only when they run: a typer app converts every
registered command's signature at start-up, so `numretire status` builds `status` alone.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated

import typer

from numretire.cli.common import LangOpt, ProfileOpt, new_app, set_root_options

HELP = (
    "Retire a phone number safely: find, unbind and track every account tied to it. "
    "安全注销手机号：找出、解绑并跟踪与号码绑定的每一个账号。"
)

# command name -> (module under numretire.cli, function); "catalog" is a group of its own.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("profiles", "init"),
    "adopt": ("profiles", "adopt"),
    "profiles": ("profiles", "list_profiles"),
    "use": ("profiles", "use"),
    "edit": ("profiles", "edit"),
    "status": ("status", "status"),
    "triage": ("walk", "triage"),
    "add": ("inventory", "add"),
    "answer": ("inventory", "answer"),
    "remove": ("inventory", "remove"),
    "mark": ("inventory", "mark"),
    "list": ("inventory", "list_items"),
    "walk": ("walk", "walk"),
    "risks": ("risks", "risks"),
    "check": ("risks", "check"),
    "cancel": ("timeline", "cancel"),
    "remind": ("timeline", "remind"),
    "report": ("report", "report"),
    "demo": ("demo", "demo"),
    "import": ("imports", "app"),
    "catalog": ("catalog", "app"),
    "config": ("config", "app"),
}
ROOT_OPTIONS_WITH_VALUE = frozenset({"--lang", "--profile", "-p"})


def _version(value: bool) -> None:
    if value:
        from numretire import __version__

        typer.echo(f"numretire {__version__}")
        raise typer.Exit()


def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version · 显示版本")
    ] = False,
    lang: LangOpt = None,
    profile: ProfileOpt = None,
) -> None:
    """numretire"""
    set_root_options(lang, profile)


def build_app(names: list[str] | None = None) -> typer.Typer:
    """The app with the commands `names` (all when None), in the order of COMMANDS."""
    app = new_app(help=HELP)
    app.callback()(root)
    for name, (module_name, attribute) in COMMANDS.items():
        if names is not None and name not in names:
            continue
        target = getattr(importlib.import_module(f"numretire.cli.{module_name}"), attribute)
        if isinstance(target, typer.Typer):
            app.add_typer(target, name=name)
        else:
            app.command(name)(target)
    return app


def requested_command(args: list[str]) -> str | None:
    """The command a command line names, skipping root options and their values."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in ROOT_OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # the whole app, for tests and tools: `from numretire.cli import app`
        return build_app()
    raise AttributeError(name)


def main() -> None:
    command = requested_command(sys.argv[1:])
    completing = any(key.endswith("_COMPLETE") for key in os.environ)
    only = [command] if command in COMMANDS and not completing else None
    build_app(only)(prog_name="numretire")
