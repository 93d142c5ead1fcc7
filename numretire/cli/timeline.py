"""cancel and remind: the retirement's dates, and what is due on them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from numretire.cli.common import JsonOpt, LangOpt, ProfileOpt, Session, emit_json
from numretire.cli.render import milestone_text

RevealOpt = Annotated[bool, typer.Option("--reveal-number", help="Write numbers unmasked · 导出时不隐藏号码")]


def with_label(session: Session, number: str, label: str) -> str:
    return session.t("punct.label", number=number, label=label) if label else number


def reminder_text(session: Session, r, names: dict[str, str], notes: dict[str, str]) -> str:
    if r.kind in ("blocked", "contacted"):
        return session.t(
            f"remind.{r.kind}", name=names.get(r.item_id, r.item_id), note=notes.get(r.item_id, "")
        )
    if r.kind == "still_tied" and r.on is None:  # no known reassignment period for the region
        return session.t("remind.still_tied_no_rule", count=r.count)
    days = r.days if r.days is not None else 0
    return session.t(f"remind.{r.kind}", count=r.count, days=abs(days), date=r.on.isoformat() if r.on else "")


def cancel(
    on: Annotated[
        str | None, typer.Option("--on", metavar="YYYY-MM-DD", help="Day of cancellation (today) · 注销日期")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Record it although check says not safe · 强制记录")
    ] = False,
    arrears: Annotated[
        bool, typer.Option("--arrears", help="The number was left to lapse for arrears · 欠费停机")
    ] = False,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="YYYY-MM-DD", help="With --arrears: unpaid since · 欠费起始日"),
    ] = None,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Record that the number was cancelled (or left to lapse) · 记录号码已注销或欠费停机"""
    from numretire import clock, plan, retirement
    from numretire.cli.profiles import parse_date
    from numretire.cli.render import plain
    from numretire.cli.risks import blocker_line
    from numretire.errors import ExitCode, InputError

    session = Session(lang, profile)
    today = clock.today()
    if arrears:
        if since is None:
            raise InputError("cancel.arrears_needs_since")
        day = parse_date(since, "--since")
    else:
        if since is not None:
            raise InputError("cancel.since_needs_arrears")
        day = parse_date(on, "--on") if on else today
    if day > today:
        raise InputError("cancel.future", date=day.isoformat())
    out = session.console()
    with session.editing() as p:
        if p.kind == "adopt":
            raise InputError("adopt.cancel_refused")
        verdict = plan.verdict_for(p, session.catalog, plan.views(p, session.catalog, session.lang))
        if not arrears and not verdict.safe and not force:
            out.print(session.t("cancel.refused", count=len(verdict.blockers)))
            for b in verdict.blockers:
                out.print(plain("  - " + blocker_line(session, b)))
            out.print(session.t("cancel.force_hint"))
            raise typer.Exit(int(ExitCode.ATTENTION))
        if arrears:
            p.arrears_since = day
        else:
            p.cancelled_on = day
        stones = retirement.milestones(p, session.catalog)
        tied = plan.still_tied(plan.views(p, session.catalog, session.lang))
    key = "cancel.arrears_done" if arrears else "cancel.done"
    out.print(plain(session.t(key, number=session.masked(p.number, p), date=day.isoformat())))
    if tied:
        out.print(session.t("cancel.still_tied", count=len(tied)))
    for stone in stones:
        out.print(plain("  " + milestone_text(session, stone, today)))
    out.print(session.t("cancel.next"))


def remind(
    json: JsonOpt = False,
    ics: Annotated[
        Path | None, typer.Option("--ics", metavar="FILE", help="Write the dates as a calendar · 导出日历")
    ] = None,
    install: Annotated[
        bool, typer.Option("--install", help="Show how to run this every day · 显示定时运行的设置")
    ] = False,
    write: Annotated[
        bool,
        typer.Option("--write", help="With --install: write the systemd user units · 写入 systemd 用户单元"),
    ] = False,
    reveal_number: RevealOpt = False,
    lang: LangOpt = None,
) -> None:
    """What is due now, across all numbers; exit 3 when something is · 到期提醒（有提醒时退出码为 3）"""
    from numretire.errors import ExitCode, InputError

    session = Session(lang)
    if write and not install:
        raise InputError("remind.write_needs_install")
    if install:
        install_entries(session, write)
        return
    from numretire.cli.profiles import report_unreadable, unreadable_json

    # A profile that cannot be read is named (one line each) and the others are still reminded; with
    # nothing due, that is exit 1 (a problem with the user's data) so that the daily job shows it.
    profiles, unreadable = session.store.read_all()
    for u in unreadable:
        report_unreadable(session, u)
    if ics is not None:
        write_ics(session, profiles, ics, reveal_number)
        if unreadable:
            raise typer.Exit(int(ExitCode.DATA))
        return
    from numretire import clock, plan, retirement, timeline
    from numretire.cli.render import plain

    today = clock.today()
    numbers = []
    anything = False
    for p in profiles:
        items = plan.views(p, session.catalog, session.lang)
        stones = retirement.milestones(p, session.catalog)
        due = retirement.reminders(p, session.catalog, items, today)
        anything = anything or bool(due)
        numbers.append((p, items, stones, due, timeline.phase(today, stones)))
    if json:
        from numretire.numbers import mask

        emit_json(
            {
                "today": today.isoformat(),
                "due": anything,
                "numbers": [
                    {
                        "number": p.number,
                        "number_masked": mask(p.number, p.country_code),
                        "label": p.label,
                        "phase": phase,
                        "milestones": [
                            {"key": m.key, "on": m.on.isoformat(), "planned": m.planned} for m in stones
                        ],
                        "reminders": [
                            {
                                "kind": r.kind,
                                "days": r.days,
                                "count": r.count,
                                "id": r.item_id,
                                "on": r.on.isoformat() if r.on else None,
                            }
                            for r in due
                        ],
                    }
                    for p, items, stones, due, phase in numbers
                ],
                "unreadable": [unreadable_json(session, u) for u in unreadable],
            }
        )
    elif anything:
        out = session.console()
        for p, items, _stones, due, _phase in numbers:
            if not due:
                continue
            out.print(plain(with_label(session, session.masked(p.number, p), p.label)), style="bold")
            names = {v.id: v.name for v in items}
            notes = {v.id: v.item.note for v in items}
            for r in due:
                out.print(plain("  - " + reminder_text(session, r, names, notes)))
    if anything:
        raise typer.Exit(int(ExitCode.ATTENTION))
    if unreadable:
        raise typer.Exit(int(ExitCode.DATA))


def calendar_events(session: Session, p, stones, reveal: bool):
    from datetime import timedelta

    from numretire import timeline
    from numretire.exporters.ics import CalendarEvent
    from numretire.numbers import mask

    who = with_label(session, p.number if reveal else mask(p.number, p.country_code), p.label)
    events = []
    for stone in stones:
        summary = session.t(f"ics.{stone.key}", number=who)
        description = session.t(f"ics.{stone.key}.about")
        events.append(
            CalendarEvent(stone.key, stone.on, summary, description, 7 if stone.key == "cancel" else 1)
        )
    release = next((s for s in stones if s.key == "freeze_end"), None)
    if release is not None:
        for check in timeline.WATCH_CHECKS[1:]:
            events.append(
                CalendarEvent(
                    f"watch+{check}",
                    release.on + timedelta(days=check),
                    session.t("ics.watch", number=who),
                    session.t("ics.watch.about"),
                    0,
                )
            )
    return events


def write_ics(session: Session, profiles, path: Path, reveal: bool) -> None:
    from numretire import clock, retirement
    from numretire.cli.render import plain
    from numretire.exporters.ics import calendar

    pairs = [
        (p.number, calendar_events(session, p, retirement.milestones(p, session.catalog), reveal))
        for p in profiles
    ]
    data = calendar(pairs, clock.now())
    write_export(path, data)
    count = sum(len(events) for _, events in pairs)
    session.console().print(plain(session.t("remind.ics_done", path=str(path), count=count)))


def write_export(path: Path, data: bytes) -> None:
    """Write an exported file atomically, private to the user; a folder that is not there is an error."""
    from numretire.errors import InputError
    from numretire.store import write_atomic

    target = path.expanduser()
    if not target.parent.is_dir():
        raise InputError("export.no_folder", path=str(target.parent))
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise InputError("export.cannot_write", path=str(target), problem=exc.strerror or str(exc)) from None


def install_entries(session: Session, write: bool) -> None:
    import os
    import shutil
    import sys

    from numretire import scheduler
    from numretire.cli.render import plain
    from numretire.errors import InputError

    exe = shutil.which("numretire")
    argv = [exe, "remind"] if exe else [sys.executable, "-m", "numretire", "remind"]
    home = os.environ.get("NUMRETIRE_HOME")
    log = str(session.store.home / "remind.log")
    entries = scheduler.for_platform(sys.platform, argv, home, log)
    out = session.console()
    if write:
        systemd = next((e for e in entries if e.kind == "systemd"), None)
        if systemd is None:
            raise InputError("remind.write_systemd_only")
        folder = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "systemd" / "user"
        folder.mkdir(parents=True, exist_ok=True)
        changed = False
        for name, content in systemd.files.items():
            target = folder / name
            if target.exists() and target.read_text(encoding="utf-8") == content:
                continue
            write_export(target, content.encode("utf-8"))
            changed = True
        out.print(plain(session.t("remind.written" if changed else "remind.unchanged", path=str(folder))))
        out.print(plain(session.t("remind.enable", command=systemd.text)))
        return
    for entry in entries:
        out.print(session.t(f"remind.install.{entry.kind}"), style="bold")
        for name, content in entry.files.items():
            out.print(plain(f"# {name}"))
            _print_raw(out, content)
        _print_raw(out, entry.text)
        out.print()


def _print_raw(out, text: str) -> None:
    """What a user copies into a file or a crontab, byte for byte: never wrapped, never styled; only
    control characters other than line ends are made visible."""
    from numretire.cli.common import safe

    out.file.write(safe(text, keep_newlines=True).rstrip("\n") + "\n")
    out.file.flush()
