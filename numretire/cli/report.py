"""report: the progress report as Markdown, HTML, JSON or CSV."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from numretire.cli.common import LangOpt, ProfileOpt, Session
from numretire.cli.timeline import RevealOpt, write_export

FormatOpt = Annotated[str, typer.Option("--format", "-f", metavar="md|html|json|csv", help="Format · 格式")]


def report(
    fmt: FormatOpt = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE · 写入文件")
    ] = None,
    reveal_number: RevealOpt = False,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Export the progress report (numbers masked unless --reveal-number) · 导出进度报告"""
    from numretire import clock
    from numretire import report as build
    from numretire.errors import InputError
    from numretire.exporters import FORMATS, renderer

    session = Session(lang, profile)
    if fmt not in FORMATS:
        raise InputError("report.bad_format", value=fmt, choices=", ".join(FORMATS))
    p = session.profile()
    data = renderer(fmt)(build.build(p, session.catalog, session.lang, clock.today(), reveal_number))
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_export(output, data)
    from numretire.cli.render import plain

    session.console(stderr=True).print(plain(session.t("report.written", path=str(output))))
