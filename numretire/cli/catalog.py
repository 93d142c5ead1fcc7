"""catalog list/search/show/lint: what numretire knows about services."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from numretire.cli.common import JsonOpt, LangOpt, Session, emit_json, new_app

app = new_app(help="The catalog of services tied to phone numbers · 服务目录")


def service_json(service, lang: str | None = None) -> dict:
    def texts(value):
        return {k: list(v) for k, v in value.items()} if value else None

    return {
        "id": service.id,
        "kind": service.kind,
        "name": dict(service.name),
        "category": service.category,
        "regions": list(service.regions),
        "popularity": service.popularity,
        "flags": list(service.flags),
        "change": texts(service.change),
        "remove": texts(service.remove),
        "occupied": texts(service.occupied),
        "notes": dict(service.notes) if service.notes else None,
        "adopt_change": texts(service.adopt_change),
        "adopt_notes": dict(service.adopt_notes) if service.adopt_notes else None,
        "advice": service.advice,
        "url": service.url,
        "help_url": service.help_url,
        "hotline": service.hotline,
        "verified": service.verified,
        "source": list(service.source),
        "checked": service.checked.isoformat(),
        "aliases": {k: list(v) for k, v in service.aliases.items()},
        "carrier": service.carrier,
        "origin": service.origin,
    }


def _table(session: Session, services, scores=None, width: int = 80):
    from rich.table import Table

    from numretire.cli.render import Wrapped, category_name, fit_columns, plain

    table = Table(box=None, pad_edge=False)
    # an id is typed back whole: never wrapped, never cut; names wrap by cell width (Wrapped)
    table.add_column(
        session.t("col.id"), no_wrap=True, min_width=max((len(s.id) for s in services), default=0)
    )
    table.add_column(session.t("col.name"), overflow="fold")
    table.add_column(session.t("col.category"), overflow="fold")
    table.add_column(session.t("col.regions"), overflow="fold")
    table.add_column(session.t("col.flags"), overflow="fold")
    for service in services:
        mark = "" if service.verified else " *"
        table.add_row(
            plain(service.id),
            Wrapped(plain(service.display_name(session.lang) + mark)),
            Wrapped(plain(category_name(session, service.category))),
            Wrapped(plain(", ".join(service.regions))),  # a long list wraps
            Wrapped(plain(" ".join(service.flags))),
        )
    fit_columns(table, width)
    return table


@app.command("list")
def list_services(
    category: Annotated[str | None, typer.Option("--category", help="Category · 类别")] = None,
    region: Annotated[str | None, typer.Option("--region", help="CN, GLOBAL, US ... · 地区")] = None,
    flag: Annotated[str | None, typer.Option("--flag", help="Risk flag · 风险标记")] = None,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """List catalog services · 列出目录中的服务"""
    from numretire.catalog import CATEGORIES, FLAGS
    from numretire.errors import InputError

    session = Session(lang)
    if category is not None and category not in CATEGORIES:
        raise InputError("error.bad_category", value=category, choices=", ".join(CATEGORIES))
    if flag is not None and flag not in FLAGS:
        raise InputError("error.bad_flag", value=flag, choices=", ".join(FLAGS))
    services = session.catalog.select(category=category, region=region, flag=flag)
    if json:
        emit_json({"services": [service_json(s) for s in services]})
        return
    out = session.console()
    out.print(_table(session, services, width=out.width))
    out.print(session.t("catalog.count", count=len(services)))


@app.command("search")
def search(
    text: Annotated[
        str, typer.Argument(help="Name, alias, sender number or domain · 名称、别名、号码或域名")
    ],
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Find services by name, alias, SMS sender or domain (typos tolerated) · 搜索服务"""
    session = Session(lang)
    found = session.catalog.search(text)
    if json:
        emit_json({"query": text, "services": [{**service_json(s), "score": score} for s, score in found]})
        return
    out = session.console()
    if not found:
        out.print(session.t("catalog.no_match"))
        return
    out.print(_table(session, [s for s, _ in found], width=out.width))


@app.command("show")
def show(
    service_id: Annotated[str, typer.Argument(metavar="ID", help="Service id · 服务 id")],
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Everything the catalog says about one service · 查看服务详情"""
    from numretire.i18n import pick

    session = Session(lang)
    service = session.catalog.require(service_id)
    if json:
        emit_json({"service": service_json(service)})
        return
    from numretire.cli.render import category_name, plain, print_numbered
    from numretire.risk import assess

    out = session.console()
    out.print(plain(service.display_name(session.lang), style="bold"))
    out.print(
        plain(f"{service.id} · {category_name(session, service.category)} · {', '.join(service.regions)}")
    )
    if not service.verified:
        out.print(plain(session.t("catalog.unverified_warning"), style="yellow"))
    if service.kind == "account":
        risk = assess(service.flags, {}, service.category, session.lang)
        out.print(
            plain(session.t("catalog.risk", level=session.t(f"level.{risk.level}"), reason=risk.reason))
        )
    for title, value in (
        ("catalog.change", service.change),
        ("catalog.remove", service.remove),
        ("catalog.occupied", service.occupied),
        ("catalog.adopt_change", service.adopt_change),
    ):
        steps = pick(dict(value), session.lang) if value else None
        if steps:
            out.print(session.t(title))
            print_numbered(out, steps)
    notes = pick(service.notes, session.lang) if service.notes else None
    if notes:
        out.print(plain(session.t("walk.note", note=notes)))
    notes = pick(service.adopt_notes, session.lang) if service.adopt_notes else None
    if notes:
        out.print(plain(session.t("catalog.adopt_notes", note=notes)))
    for key, value in (
        ("catalog.url", service.url),
        ("catalog.help_url", service.help_url),
        ("catalog.hotline", service.hotline),
    ):
        if value:
            out.print(plain(session.t(key, value=value)))
    if service.flags:
        out.print(session.t("catalog.flags"))
        for f in service.flags:
            out.print(plain(f"  {f}{session.t('punct.colon')}{session.t(f'flag.{f}')}"))
    aliases = [(k, v) for k, v in service.aliases.items() if v]
    if aliases:
        out.print(session.t("catalog.aliases"))
        for key, values in aliases:
            out.print(plain(f"  {key}{session.t('punct.colon')}{', '.join(values)}"))
    out.print(session.t("catalog.sources", checked=service.checked.isoformat()))
    for source in service.source:
        out.print(plain(f"  {source}"))
    if service.origin == "user":
        out.print(plain(session.t("catalog.user_entry", file=service.file)))


@app.command("lint")
def lint(
    path: Annotated[
        Path | None, typer.Argument(help="A catalog file or folder (default: shipped and yours)")
    ] = None,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Check catalog files: keys, languages, flags, ids, aliases, URLs, dates · 检查目录文件"""
    from collections import Counter

    from numretire import catalog_check, paths
    from numretire.errors import ExitCode

    session = Session(lang)
    if path is not None:
        layers = [[path]]
    else:
        layers = [[paths.shipped_checklists_dir()]]
        user_dir = paths.user_checklists_dir(session.store.home)
        if user_dir.is_dir():
            layers.append([user_dir])
    entries, problems = [], []
    for targets in layers:
        found, bad = catalog_check.lint(targets)
        entries.extend(found)
        problems.extend(bad)
    regions = Counter(r for e in entries for r in e["regions"])
    categories = Counter(e["category"] for e in entries)
    unverified = sum(1 for e in entries if not e["verified"])
    counts = catalog_check.coverage(entries)
    if json:
        emit_json(
            {
                "problems": [
                    {
                        "file": p.file,
                        "line": p.line,
                        "problem": catalog_check.describe_problem(p, "en"),
                        "code": p.key,
                    }
                    for p in problems
                ],
                "services": len(entries),
                "regions": dict(sorted(regions.items())),
                "categories": dict(sorted(categories.items())),
                "unverified": unverified,
                "coverage": counts,
            }
        )
    else:
        from numretire.cli.render import plain

        out = session.console()
        for p in problems:
            out.print(plain(f"{p.file}:{p.line}: {catalog_check.describe_problem(p, session.lang)}"))
        out.print(
            session.t("lint.summary", services=len(entries), problems=len(problems), unverified=unverified)
        )
        out.print(session.t("lint.regions", counts=", ".join(f"{k} {v}" for k, v in sorted(regions.items()))))
        out.print(
            session.t("lint.categories", counts=", ".join(f"{k} {v}" for k, v in sorted(categories.items())))
        )
        out.print(session.t("lint.coverage", **counts))
    if problems:
        raise typer.Exit(int(ExitCode.DATA))
