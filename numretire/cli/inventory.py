"""add, remove, mark, answer, list: the inventory of accounts tied to a number, without prompts."""

from __future__ import annotations

from typing import Annotated

import typer

from numretire.cli.common import JsonOpt, LangOpt, ProfileOpt, Session, emit_json


def add(
    ids: Annotated[
        list[str] | None, typer.Argument(metavar="ID...", help="Catalog ids · 目录中的服务 id")
    ] = None,
    custom: Annotated[
        str | None,
        typer.Option(
            "--custom", metavar="NAME", help="Add a service the catalog lacks · 添加目录中没有的服务"
        ),
    ] = None,
    category: Annotated[str, typer.Option("--category", help="Category of --custom · 类别")] = "other",
    flag: Annotated[
        list[str] | None, typer.Option("--flag", help="Risk flag of --custom, repeatable · 风险标记")
    ] = None,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Add services to this number's inventory · 把服务加入清单"""
    from numretire import clock, inventory
    from numretire.errors import InputError

    session = Session(lang, profile)
    if not ids and not custom:
        raise InputError("add.nothing")
    out = session.console()
    now = clock.now()
    if ids:
        for service_id in ids:
            session.catalog.require(service_id)
    with session.editing() as p:
        added, present = inventory.add_services(p, ids or [], now, origin="manual")
        new_custom = inventory.add_custom(p, custom, category, flag or [], now) if custom else None
    from numretire.cli.render import plain

    for service_id in added:
        out.print(
            plain(session.t("add.done", name=session.catalog.require(service_id).display_name(session.lang)))
        )
    for service_id in present:
        out.print(plain(session.t("add.present", id=service_id)))
    if new_custom is not None:
        out.print(plain(session.t("add.custom_done", name=custom, id=new_custom.id)))


def remove(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="Item id · 条目 id")],
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Take an item out of the inventory (its history goes with it) · 从清单删除"""
    from numretire import inventory

    session = Session(lang, profile)
    with session.editing() as p:
        item_id = inventory.resolve_item_id(p, item_id, lambda: session.catalog)
        inventory.remove(p, item_id)
    from numretire.cli.render import plain

    session.console().print(plain(session.t("remove.done", id=item_id)))


def mark(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="Item id · 条目 id")],
    status: Annotated[
        str, typer.Argument(metavar="STATUS", help="open moved removed closed not-mine done skipped blocked")
    ],
    note: Annotated[str | None, typer.Option("--note", help="A note kept with the item · 备注")] = None,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Record an item's outcome · 记录条目的处理结果"""
    from numretire import clock, inventory

    session = Session(lang, profile)
    with session.editing() as p:
        item_id = inventory.resolve_item_id(p, item_id, lambda: session.catalog)
        changed = inventory.mark(p, item_id, status, clock.now(), note or "")
        status = p.item(item_id).status  # the word typed, as the status it stands for
    from numretire.cli.render import plain

    key = "mark.done" if changed else "mark.unchanged"
    session.console().print(plain(session.t(key, id=item_id, status=session.t(f"status.{status}"))))


def answer(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="Item id · 条目 id")],
    flag: Annotated[str, typer.Argument(metavar="FLAG", help="e.g. stored-card, password-free · 风险标记")],
    value: Annotated[str, typer.Argument(metavar="yes|no", help="Does it apply to you? · 是否适用")],
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Say whether a risk applies to your account (e.g. a card is bound) · 回答某项风险是否适用"""
    from numretire import inventory

    session = Session(lang, profile)
    with session.editing() as p:
        item_id = inventory.resolve_item_id(p, item_id, lambda: session.catalog)
        inventory.answer(p, item_id, flag, inventory.parse_yes_no(value))
    from numretire.cli.render import plain

    session.console().print(plain(session.t("answer.done", id=item_id, flag=flag, value=value)))


def list_items(
    status: Annotated[
        str | None, typer.Option("--status", help="Only items with this status · 按状态筛选")
    ] = None,
    profile: ProfileOpt = None,
    json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """List the inventory · 列出清单"""
    from numretire import plan
    from numretire.errors import InputError
    from numretire.model import STATUSES

    session = Session(lang, profile)
    if status is not None and status not in STATUSES:
        raise InputError("error.bad_status", value=status, choices=", ".join(STATUSES))
    p = session.profile()
    items = [
        v
        for v in plan.by_risk(plan.views(p, session.catalog, session.lang))
        if status is None or v.status == status
    ]
    if json:
        from numretire.cli.render import item_json

        emit_json({"number": p.number, "items": [item_json(v, session.lang) for v in items]})
        return
    from rich.table import Table

    from numretire.cli.render import (
        Wrapped,
        category_name,
        fit_columns,
        level_text,
        plain,
        seen_line,
        status_text,
    )

    out = session.console()
    if not items:
        out.print(session.t("list.empty"))
        return
    seen = any(v.item.evidence for v in items)  # the column only once an import found something
    table = Table(box=None, pad_edge=False)
    # an id is typed back whole; a status or a level is one word: never wrapped, never cut
    table.add_column(session.t("col.id"), no_wrap=True, min_width=max(len(v.id) for v in items))
    table.add_column(session.t("col.name"), overflow="fold")
    table.add_column(session.t("col.category"), overflow="fold")
    table.add_column(session.t("col.status"), no_wrap=True)
    table.add_column(session.t("col.risk"), no_wrap=True)
    if seen:
        table.add_column(session.t("seen.col"), overflow="fold")
    for v in items:
        table.add_row(
            plain(v.id),
            Wrapped(plain(v.name)),
            Wrapped(plain(category_name(session, v.category))),
            status_text(session, v.status),
            level_text(session, v.risk.level),
            *((Wrapped(plain(seen_line(session, v))),) * seen),
        )
    fit_columns(table, out.width)
    out.print(table)
