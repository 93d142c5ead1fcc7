"""Drawing shared by several commands: risk levels, item rows, steps. User text is never markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numretire.cli.common import Session, long_cjk, safe

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from numretire.plan import ItemView

LEVEL_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "green"}
STATUS_STYLE = {"open": "bold", "skipped": "yellow", "blocked": "magenta"}


def level_text(session: Session, level: str) -> Text:
    from rich.text import Text

    return Text(session.t(f"level.{level}"), style=LEVEL_STYLE.get(level, ""))


def status_text(session: Session, status: str) -> Text:
    from rich.text import Text

    return Text(session.t(f"status.{status}"), style=STATUS_STYLE.get(status, "dim"))


def plain(text: str, style: str = "") -> Text:
    """A Text built from untrusted text: no markup, no control sequences."""
    from rich.text import Text

    return Text(safe(text), style=style)


def seen_line(session: Session, v: ItemView) -> str:
    """Where the item was seen, in one line ('' when no import found it)."""
    from numretire.seen import seen_text, where_seen

    return seen_text(where_seen(v.item.evidence), session.lang)


def category_name(session: Session, category: str) -> str:
    return session.t(f"category.{category}")


def item_json(v: ItemView, lang: str) -> dict:
    from numretire.i18n import pick
    from numretire.seen import seen_json, where_seen

    service = v.service
    return {
        "id": v.id,
        "name": v.name,
        "category": v.category,
        "kind": v.kind,
        "status": v.status,
        "risk": v.risk.level,
        "reason": v.risk.reason,
        "flags": list(v.risk.flags),
        "needs_old_number": v.needs_old_number,
        "live": (
            {
                "count": v.live.count,
                "first": v.live.first.isoformat() if v.live.first else None,
                "last": v.live.last.isoformat() if v.live.last else None,
            }
            if v.live
            else None
        ),
        "answers": dict(v.item.answers),
        "note": v.item.note,
        "origin": v.item.origin,
        "custom": v.item.custom is not None,
        "verified": service.verified if service else None,
        "steps": list(pick(dict(service.change), lang) or []) if service else [],
        "history": [{"at": ev.at.isoformat(), "status": ev.status, "note": ev.note} for ev in v.item.history],
        "seen": seen_json(where_seen(v.item.evidence)),
    }


def hanging(lead: str, text: str) -> RenderableType:
    """`lead`, then untrusted `text` whose wrapped lines start under its first character.

    Text with a Chinese sentence stays one line, for the terminal to fold (see common.make_console).
    """
    if long_cjk(lead + text):
        return plain(lead + text)
    from rich.table import Table

    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")  # a word longer than the line (a URL) is folded, never cut
    grid.add_row(plain(lead), plain(text))
    return grid


def print_numbered(out, steps) -> None:
    for n, step in enumerate(steps, 1):
        out.print(hanging(f"  {n}. ", step))


def adopt_notes(service) -> dict[str, str] | None:
    """The notes a newly acquired number's holder reads: its own, else a task's notes; an account's notes
    are about moving one's own account off the number and are left out."""
    if service.adopt_notes:
        return service.adopt_notes
    return service.notes if service.kind == "task" else None


def print_steps(
    session: Session, v: ItemView, out, adopted: bool = False, notes: bool = True, gone: bool = False
) -> None:
    """The service's steps in the user's language, its links, and whether they were checked. For a newly
    acquired number (`adopted`): how to tell whether the number is taken, and what to do if it is. Once
    the old number is `gone`: removing the number or closing the account first, then moving it."""
    from numretire.i18n import pick

    service = v.service
    if service is None:
        out.print(plain("  " + session.t("adopt.try_generic" if adopted else "walk.no_steps")))
        return
    if adopted and service.kind != "task":
        out.print(session.t("adopt.steps_try"))
        out.print(plain("  " + session.t("adopt.try_generic")))
        occupied = pick(dict(service.occupied), session.lang) if service.occupied else None
        out.print(session.t("adopt.steps_occupied"))
        if occupied:
            print_numbered(out, occupied)
        else:
            out.print(plain("  " + session.t("adopt.no_occupied_steps")))
    elif gone and service.kind != "task":
        removal = pick(dict(service.remove), session.lang) if service.remove else None
        if removal:
            out.print(session.t("walk.steps_remove_after"))
            print_numbered(out, removal)
        elif v.needs_old_number:
            out.print(plain("  " + session.t("walk.no_remove_after")))
        out.print(session.t("walk.steps_change_after" if v.needs_old_number else "walk.steps_change"))
        print_numbered(out, pick(dict(service.change), session.lang) or ())
    else:
        title = "walk.steps_task" if service.kind == "task" else "walk.steps_change"
        out.print(session.t(title))
        steps = service.adopt_change if adopted and service.adopt_change else service.change
        print_numbered(out, pick(dict(steps), session.lang) or ())
        removal = pick(dict(service.remove), session.lang) if service.remove else None
        if removal:
            out.print(session.t("walk.steps_remove"))
            print_numbered(out, removal)
    note = pick(adopt_notes(service) if adopted else service.notes, session.lang) if notes else None
    if note:
        out.print(plain(session.t("walk.note", note=note)))
    if service.url or service.help_url:
        out.print(plain(session.t("walk.url", url=service.help_url or service.url)))
    if service.hotline:
        out.print(plain(session.t("walk.hotline", hotline=service.hotline)))
    if not service.verified:
        out.print(plain(session.t("catalog.unverified_warning"), style="yellow"))


def profile_json(session: Session, profile) -> dict:
    """A profile for --json: numbers in E.164 with a masked twin."""
    from numretire.numbers import mask

    return {
        "number": profile.number,
        "number_masked": mask(profile.number, profile.country_code),
        "label": profile.label,
        "kind": profile.kind,
        "region": profile.region,
        "carrier": profile.carrier,
        "carrier_source": profile.carrier_source,
        "new_number": profile.new_number,
        "new_number_masked": session.masked(profile.new_number, profile) if profile.new_number else None,
        "cancel_on": profile.cancel_on.isoformat() if profile.cancel_on else None,
        "cancelled_on": profile.cancelled_on.isoformat() if profile.cancelled_on else None,
        "arrears_since": profile.arrears_since.isoformat() if profile.arrears_since else None,
        "acquired_on": profile.acquired_on.isoformat() if profile.acquired_on else None,
        "created": profile.created.isoformat(),
        "default": profile.number == session.config.default_profile,
    }


def carrier_name(session: Session, carrier: str | None) -> str:
    if not carrier:
        return "—"
    service = session.catalog.get(carrier)
    return service.display_name(session.lang) if service else carrier


def milestone_text(session: Session, stone, today) -> str:
    from numretire.retirement import milestone_line

    return milestone_line(stone, today, session.lang)
