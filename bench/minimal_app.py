"""The baseline: a minimal typer + rich app with numretire's command-line shape (the same root and
command options), run the same way as numretire (python FILE ARGS). Whatever numretire costs beyond
it is numretire's own: its imports, its files, its rendering."""

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()

Text = Annotated[str | None, typer.Option()]


def _version(value: bool) -> None:
    if value:
        typer.echo("minimal 0")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: Text = None,
    profile: Text = None,
) -> None:
    """Minimal."""


@app.command()
def status(profile: Text = None, json: bool = False, lang: Text = None) -> None:
    """Print a small table."""
    table = Table()
    table.add_column("a")
    table.add_row("1")
    Console().print(table)


@app.command()
def search(text: str, json: bool = False, lang: Text = None) -> None:
    """Print the text."""
    Console().print(text)


if __name__ == "__main__":
    app()
