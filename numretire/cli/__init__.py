"""The command line: typer apps that parse, call the core and render. One module per command group."""

from __future__ import annotations

from typing import Annotated

import typer

from numretire.cli import catalog, demo, inventory, profiles, risks, status, walk
from numretire.cli.common import LangOpt, ProfileOpt, new_app, set_root_options

app = new_app(
    help="Retire a phone number safely: find, unbind and track every account tied to it. "
    "安全注销手机号：找出、解绑并跟踪与号码绑定的每一个账号。"
)


def _version(value: bool) -> None:
    if value:
        from numretire import __version__

        typer.echo(f"numretire {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version · 显示版本")
    ] = False,
    lang: LangOpt = None,
    profile: ProfileOpt = None,
) -> None:
    """numretire"""
    set_root_options(lang, profile)


app.command("init")(profiles.init)
app.command("profiles")(profiles.list_profiles)
app.command("use")(profiles.use)
app.command("edit")(profiles.edit)
app.command("status")(status.status)
app.command("triage")(walk.triage)
app.command("add")(inventory.add)
app.command("answer")(inventory.answer)
app.command("remove")(inventory.remove)
app.command("mark")(inventory.mark)
app.command("list")(inventory.list_items)
app.command("walk")(walk.walk)
app.command("risks")(risks.risks)
app.command("check")(risks.check)
app.command("demo")(demo.demo)
app.add_typer(catalog.app, name="catalog")


def main() -> None:
    app(prog_name="numretire")
