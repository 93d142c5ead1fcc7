"""Drawing shared by several commands: risk levels, item rows, steps. User text is never markup."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from numretire.cli.common import Session, safe

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
    from numretire.seen import item_seen, seen_text

    return seen_text(item_seen(v.item), session.lang)


def category_name(session: Session, category: str) -> str:
    return session.t(f"category.{category}")


def item_json(v: ItemView, lang: str) -> dict:
    from numretire.i18n import pick
    from numretire.seen import item_seen, seen_json

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
        "seen": seen_json(item_seen(v.item)),
    }


def hanging(lead: str, text: str) -> RenderableType:
    """`lead`, then untrusted `text` whose wrapped lines start under its first character: Latin words
    break at spaces, Chinese between characters, nothing is cut (see Wrapped)."""
    return Hanging(plain(lead), Wrapped(plain(text)))


def hanging_grid(lead: Text, text: Wrapped) -> RenderableType:
    """The two-column grid a Hanging draws as (and is drawn by, where its shortcut does not apply)."""
    from rich.table import Table

    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(lead, text)
    return grid


class Hanging:
    """What hanging_grid draws, drawn without a rich Table where that is simple: a one-line lead of
    plain text, then the text's lines, each padded to the widest. A Table measures and renders every
    cell several times over; status draws ten of these. The lines are the grid's, character for
    character (tests/test_cli_render.py compares them); anything else is left to the grid itself."""

    def __init__(self, lead: Text, text: Wrapped) -> None:
        self.lead = lead
        self.text = text

    def _lines(self, width: int) -> list[str] | None:
        """The lines, or None when the grid must draw them (a lead of more than one line or with styles,
        a text with styles, empty, or wider than the room left)."""
        from rich.cells import cell_len

        lead, text = self.lead, self.text.text
        if lead.spans or text.spans or lead.style or text.style or "\n" in lead.plain or "\t" in text.plain:
            return None
        lead_width = cell_len(lead.plain)
        widest, longest = self.text.span()
        room = width - lead_width
        if not lead_width or not longest or widest > room:
            return None
        column = min(longest, room)  # the text's column: as wide as its longest line, or what is left
        plain_text = text.plain
        lines = []
        for start, end in wrap_spans(plain_text, column):
            line = plain_text[start:end]
            cells = cell_len(line)
            if cells > column:
                return None
            lines.append(line + " " * (column - cells))
        blank = " " * lead_width
        return [(lead.plain if n == 0 else blank) + line for n, line in enumerate(lines)]

    def __rich_console__(self, console, options):
        lines = self._lines(options.max_width)
        if lines is None:
            yield hanging_grid(self.lead, self.text)
            return
        from rich.segment import Segment

        for line in lines:
            yield Segment(line)
            yield Segment.line()

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, hanging_grid(self.lead, self.text))


# A line never starts with closing punctuation nor ends with opening punctuation (Chinese line-breaking
# rules, 避头尾); a 【signature】 is one unit.
NO_START = frozenset("，。、；：！？）」』】》〉〕］｝”’…‥·・％‰,.;:!?)]}%")
NO_END = frozenset("（「『【《〈〔［｛“‘([{")


def _wide(ch: str) -> bool:
    if ch < "\u1100":  # no character before Hangul Jamo is two cells wide: Latin text needs no lookup
        return False
    from rich.cells import cell_len

    return cell_len(ch) == 2


PAIRS = {"【": "】", "(": ")", "（": "）", "“": "”", "《": "》", "「": "」"}
SHORT = 16  # cells: a bracketed name this short, without a space, is not broken: (中国工商银行), “三不”


def _glued(text: str) -> set[int]:
    """Positions a line may not break before: inside a 【signature】, and inside a short bracketed name."""
    from rich.cells import cell_len

    glued: set[int] = set()
    for i, ch in enumerate(text):
        close = PAIRS.get(ch)
        if close is None:
            continue
        j = text.find(close, i + 1)
        inner = text[i + 1 : j] if j > 0 else ""
        if j > 0 and not any(c.isspace() for c in inner) and (ch == "【" or cell_len(inner) <= SHORT):
            glued.update(range(i + 1, j + 1))
    return glued


@lru_cache(maxsize=512)
def pieces(text: str) -> tuple[tuple[int, int, int], ...]:
    """The units `text` (one paragraph) may be broken between, as (space_start, start, end): the
    whitespace before a unit (dropped where a line breaks) and the unit. A Latin word is one unit; in
    Chinese each character is one, with the punctuation that may not be parted from it; a 【signature】
    or a short bracketed name is one. Cached: rich measures a cell several times per screen."""
    units: list[tuple[int, int, int]] = []
    glued = _glued(text)
    space_start = start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            if start < i:
                units.append((space_start, start, i))
                space_start = i
            while i < n and text[i].isspace():
                i += 1
            start = i
            continue
        if i > start and i not in glued:
            before = text[i - 1]
            if (_wide(before) or _wide(ch)) and ch not in NO_START and before not in NO_END:
                units.append((space_start, start, i))
                space_start = start = i
        i += 1
    if start < n:
        units.append((space_start, start, n))
    return tuple(units)


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Where to cut `text` into lines of at most `width` cells, as (start, end) slices: at spaces and
    between Chinese characters; a unit wider than a line is folded onto lines of its own, never cut.
    Newlines in `text` end a line; the leading space of a paragraph is kept."""
    from rich.cells import cell_len, chop_cells

    width = max(width, 1)
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        line: list[int] | None = None  # [start, end, cells]
        for number, (space_start, start, end) in enumerate(pieces(paragraph)):
            first = space_start if number == 0 else start
            gap = cell_len(paragraph[space_start:start])
            cells = cell_len(paragraph[start:end])
            if line is not None and line[2] + gap + cells <= width:
                line[1], line[2] = end, line[2] + gap + cells
                continue
            if line is not None:
                spans.append((offset + line[0], offset + line[1]))
            line = [first, end, cell_len(paragraph[first:end])]
            if line[2] > width:  # folded: whole lines of it, then the rest goes on
                at = first
                parts = chop_cells(paragraph[first:end], width)
                for part in parts[:-1]:
                    spans.append((offset + at, offset + at + len(part)))
                    at += len(part)
                line = [at, end, cell_len(paragraph[at:end])]
        spans.append((offset + line[0], offset + line[1]) if line else (offset, offset))
        offset += len(paragraph) + 1
    return spans


class Wrapped:
    """Text (a rich Text, never markup) that wraps by cell width as wrap_spans says, in a table cell or
    under a hanging lead: it measures as wide as its widest unit at least, as its longest line at most."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self._span: tuple[int, int] | None = None

    def span(self) -> tuple[int, int]:
        """(widest unit, longest line) in cells; measured once (rich asks several times)."""
        if self._span is None:
            self._span = self._measure()
        return self._span

    def _measure(self) -> tuple[int, int]:
        from rich.cells import cell_len

        plain_text = self.text.plain
        widest = max(
            (
                cell_len(p[(s if n == 0 else a) : e])
                for p in plain_text.split("\n")
                for n, (s, a, e) in enumerate(pieces(p))
            ),
            default=0,
        )
        longest = max((cell_len(p) for p in plain_text.split("\n")), default=0)
        return widest, longest

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        widest, longest = self.span()
        return Measurement(min(widest, options.max_width), min(longest, options.max_width))

    def __rich_console__(self, console, options):
        for start, end in wrap_spans(self.text.plain, options.max_width):
            line = self.text[start:end]
            line.end = "\n"
            line.no_wrap = True
            yield line


def _span(cell) -> tuple[int, int]:
    """(widest unit, longest line) of a table cell, in cells."""
    from rich.cells import cell_len

    if isinstance(cell, Wrapped):
        return cell.span()
    text = cell.plain if hasattr(cell, "plain") else str(cell)
    longest = max((cell_len(line) for line in text.split("\n")), default=0)
    return longest, longest


UNBROKEN = (14, 10, 0)  # cells: a cell this short (a Chinese category name) stays whole if it can


def fit_columns(table, width: int) -> None:
    """Share `width` among a table's columns so that no word is folded when it can be helped: no_wrap
    columns (ids, statuses, levels) get their full width, each other column at least its widest word
    (and a short cell whole), and what is left goes to the columns in proportion to what more they
    could use, the columns that need least made whole first. rich alone takes the space from the widest
    column only, folding its words while narrower columns keep room to spare."""
    gaps = sum(table._get_padding_width(c._index) for c in table.columns)
    fixed, flexible = 0, []
    for column in table.columns:
        spans = [_span(c) for c in [column.header, *column._cells]]
        high = max((b for _, b in spans), default=0)
        if column.no_wrap:
            fixed += max(high, column.min_width or 0)
            continue
        lows = [max((min(b, max(a, limit)) for a, b in spans), default=0) for limit in UNBROKEN]
        flexible.append((column, lows, high))
    room = width - gaps - fixed
    if not flexible or room <= 0:
        return
    for tier in range(len(UNBROKEN)):  # short cells whole if they can be, else every word whole

        def low(f, tier=tier):
            return f[1][tier]

        need = sum(low(f) for f in flexible)
        if need <= room:
            extra = room - need
            pending = sorted(flexible, key=lambda f: f[2] - low(f))  # who needs least is served first
            while pending:
                fair = extra // len(pending)
                column, more = pending[0][0], pending[0][2] - low(pending[0])
                if more <= fair:  # a column that fits whole is given all it needs
                    column.width = low(pending.pop(0)) + more
                    extra -= more
                    continue
                for n, f in enumerate(pending):  # the rest share what is left
                    f[0].width = low(f) + fair + (1 if n < extra - fair * len(pending) else 0)
                break
            return
    total = sum(f[1][-1] for f in flexible) or 1  # too narrow for every word: words wider than a line fold
    for column, lows, _ in flexible:
        column.width = max(1, lows[-1] * room // total)


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
    url = service.help_url or service.url
    if url and service.hotline:  # one line: where to go, and whom to call
        out.print(plain(session.t("walk.url_hotline", url=url, hotline=service.hotline)))
    elif url:
        out.print(plain(session.t("walk.url", url=url)))
    elif service.hotline:
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
