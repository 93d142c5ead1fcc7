"""status: the dashboard for one number."""

from __future__ import annotations

from typing import Any

from numretire.cli.common import JsonOpt, LangOpt, ProfileOpt, Session, emit_json


def status_document(session: Session, profile, items) -> dict:
    from numretire import clock, plan, retirement, timeline
    from numretire.cli.render import item_json, profile_json
    from numretire.profiles import days_left

    stones = retirement.milestones(profile, session.catalog)
    ph = timeline.where(clock.today(), stones)
    overall, rows = plan.progress(items, ph.gone)
    verdict = plan.verdict_for(profile, session.catalog, items)
    return {
        "profile": profile_json(session, profile),
        "today": clock.today().isoformat(),
        "days_left": days_left(profile, clock.today()),
        "progress": {"done": overall.done, "total": overall.total},
        "categories": [{"category": r.category, "done": r.done, "total": r.total} for r in rows],
        "safe_to_cancel": verdict.safe,
        "blockers": [blocker_json(b) for b in verdict.blockers],
        "phase": ph.name,
        "still_tied": [v.id for v in plan.still_tied(items)],
        "lookup": lookup_json(plan.reconcile(profile, session.catalog)),
        "milestones": [{"key": m.key, "on": m.on.isoformat(), "planned": m.planned} for m in stones],
        "items": [item_json(v, session.lang) for v in items],
    }


def lookup_json(rec) -> dict | None:
    if rec is None:
        return None
    on = rec.on.isoformat() if rec.on else None
    return {"count": rec.count, "on": on, "inventory": rec.inventory, "missing": rec.missing}


def lookup_lines(session: Session, rec) -> list[str]:
    """The official lookup's count against the inventory, in words."""
    if rec is None:
        return []
    date = rec.on.isoformat() if rec.on else "?"
    lines = [session.t("lookup.summary", date=date, count=rec.count, inventory=rec.inventory)]
    if rec.missing:
        lines.append(session.t("lookup.missing", missing=rec.missing))
    return lines


def bar(done: int, total: int, width: int):
    """A progress bar that reads without colour too: filled and empty blocks."""
    from rich.text import Text

    filled = round(width * done / total) if total else 0
    text = Text("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    return text


BAR_CELLS = 22  # the bar, in a column of BAR_COLUMN cells
BAR_COLUMN = 24


def progress_grid(title: str, headers: tuple[str, str, str], rows: list[tuple[str, int, int]]):
    """The progress table as a rich Table: what ProgressTable draws."""
    from rich.table import Table

    table = Table(box=None, pad_edge=False, title=title, title_justify="left")
    table.add_column(headers[0])
    table.add_column(headers[1], width=BAR_COLUMN)
    table.add_column(headers[2], justify="right")
    for label, done, total in rows:
        table.add_row(label, bar(done, total, BAR_CELLS), f"{done}/{total}")
    return table


class ProgressTable:
    """What progress_grid draws, segment for segment, without rich's Table where it fits the width: a
    Table measures and renders each of its 60-odd cells several times (7 ms for 20 categories). Where it
    does not fit (a narrow terminal) the Table draws it. tests/test_cli_render.py compares the two."""

    def __init__(self, title: str, headers: tuple[str, str, str], rows: list[tuple[str, int, int]]) -> None:
        self.title, self.headers, self.rows = title, headers, rows

    def _segments(self, console, width: int):
        from rich.cells import cell_len
        from rich.segment import Segment
        from rich.style import Style

        labels = [self.headers[0], *(label for label, _, _ in self.rows)]
        counts = [self.headers[2], *(f"{done}/{total}" for _, done, total in self.rows)]
        texts = [self.title, self.headers[1], *labels, *counts]
        if any("\n" in t or "\t" in t for t in texts) or cell_len(self.headers[1]) > BAR_COLUMN:
            return None
        first = max(cell_len(t) for t in labels)
        last = max(cell_len(t) for t in counts)
        table_width = first + 1 + 1 + BAR_COLUMN + 1 + 1 + last
        if table_width > width or cell_len(self.title) > table_width:
            return None
        bold, italic = console.get_style("table.header"), console.get_style("table.title")
        green, empty = console.get_style("green"), console.get_style("green") + console.get_style("dim")
        null = Style()

        def left(text: str, cells: int) -> str:
            return text + " " * (cells - cell_len(text))

        def right(text: str, cells: int) -> str:
            return " " * (cells - cell_len(text)) + text

        out = [Segment(left(self.title, table_width), italic), Segment.line()]
        head_first, head_bar, head_last = self.headers
        out += [Segment(left(head_first, first), bold), Segment(" ", bold), Segment(" ", bold)]
        out += [Segment(left(head_bar, BAR_COLUMN), bold), Segment(" ", bold), Segment(" ", bold)]
        out += [Segment(right(head_last, last), bold), Segment.line()]
        for label, done, total in self.rows:
            filled = round(BAR_CELLS * done / total) if total else 0
            pieces = [
                ("█" * filled, green),
                ("░" * (BAR_CELLS - filled), empty),
                (" " * (BAR_COLUMN - BAR_CELLS), green),
            ]
            merged: list[list] = []
            for text, style in pieces:
                if not text:
                    continue
                if merged and merged[-1][1] == style:
                    merged[-1][0] += text
                else:
                    merged.append([text, style])
            out += [Segment(left(label, first)), Segment(" ", null), Segment(" ", null)]
            out += [Segment(text, style) for text, style in merged]
            out += [Segment(" ", null), Segment(" ", null), Segment(right(f"{done}/{total}", last))]
            out.append(Segment.line())
        return out

    def __rich_console__(self, console, options):
        segments = self._segments(console, options.max_width)
        if segments is None:
            yield progress_grid(self.title, self.headers, self.rows)
        else:
            yield from segments

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, progress_grid(self.title, self.headers, self.rows))


class HeadGrid:
    """Labels in bold, then their values: what head_grid draws, segment for segment, without rich's Table
    where every row is one line of plain text that fits the width (tests/test_cli_render.py compares
    them); anything else is drawn by the Table itself."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, Any]] = []

    def add_row(self, label: str, value: Any) -> None:
        self.rows.append((label, value))

    def _segments(self, console, width: int):
        from rich.cells import cell_len
        from rich.segment import Segment
        from rich.text import Text

        plain_rows = []
        for label, value in self.rows:
            if isinstance(value, Text):
                if value.spans or value.style:
                    return None
                value = value.plain
            if not isinstance(label, str) or not isinstance(value, str):
                return None
            if any(c in label + value for c in "\n\t") or not label or not value:
                return None
            plain_rows.append((label, value))
        if not plain_rows:
            return None
        first = max(cell_len(label) for label, _ in plain_rows)
        second = max(cell_len(value) for _, value in plain_rows)
        if first + 2 + second > width:
            return None
        bold = console.get_style("bold")
        out = []
        for label, value in plain_rows:
            out += [Segment(label + " " * (first - cell_len(label)), bold), Segment("  ", bold)]
            out += [Segment(value + " " * (second - cell_len(value))), Segment.line()]
        return out

    def __rich_console__(self, console, options):
        segments = self._segments(console, options.max_width)
        if segments is None:
            yield head_grid(self.rows)
        else:
            yield from segments

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, head_grid(self.rows))


def head_grid(rows: list[tuple[str, Any]]):
    from rich.table import Table

    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    for label, value in rows:
        head.add_row(label, value)
    return head


def blocker_json(b) -> dict:
    return {"kind": b.kind, "id": b.item_id, "name": b.name, "risk": b.level, "reason": b.reason}


def status_head(session: Session, p):
    """The number, its carrier, the new number and the cancellation date (or the acquired date)."""
    from numretire import clock
    from numretire.cli.render import carrier_name, plain
    from numretire.cli.timeline import with_label
    from numretire.profiles import days_left

    head = HeadGrid()
    head.add_row(session.t("col.number"), plain(with_label(session, session.masked(p.number, p), p.label)))
    source = session.t("carrier.source_prefix" if p.carrier_source == "prefix" else "carrier.source_user")
    head.add_row(session.t("col.carrier"), plain(f"{carrier_name(session, p.carrier)}  {source}"))
    if p.kind == "adopt":
        acquired = p.acquired_on.isoformat() if p.acquired_on else "—"
        head.add_row(session.t("col.acquired_on"), acquired)
    else:
        head.add_row(session.t("col.new_number"), session.masked(p.new_number, p))
        from numretire import retirement
        from numretire.i18n import relative_day

        today = clock.today()
        ph = retirement.phase_of(p, session.catalog, today)
        left = days_left(p, today)
        if ph.gone and ph.gone_on is not None:  # the real date, not the plan
            label = "col.arrears_since" if ph.path == "arrears" else "col.cancelled_on"
            when = relative_day(ph.gone_on, today, session.lang)
            head.add_row(
                session.t(label), session.t("status.gone_on", date=ph.gone_on.isoformat(), when=when)
            )
        else:
            if p.cancel_on is None:
                when = session.t("status.no_date")
            elif left is not None and left >= 0:
                when = session.t("status.days_left", date=p.cancel_on.isoformat(), days=left)
            else:
                when = session.t("status.days_past", date=p.cancel_on.isoformat(), days=-(left or 0))
            head.add_row(session.t("col.cancel_on"), when)
    return head


def status(profile: ProfileOpt = None, json: JsonOpt = False, lang: LangOpt = None) -> None:
    """Where you stand: progress, open risks, days left · 当前进度与风险"""
    from numretire import clock, plan

    session = Session(lang, profile)
    p = session.profile()
    items = plan.views(p, session.catalog, session.lang)
    if json:
        emit_json(status_document(session, p, items))
        return

    from rich.console import Group

    from numretire.cli.render import category_name, hanging, level_text, milestone_text, plain

    parts: list = []  # rendered in one go: one print is much cheaper than twenty
    head = status_head(session, p)
    parts += [head, ""]
    from numretire import retirement

    ph = retirement.phase_of(p, session.catalog, clock.today())
    if ph.gone:
        parts += [plain(retirement.phase_line(ph, clock.today(), session.lang)), ""]
    lookup = lookup_lines(session, plan.reconcile(p, session.catalog))
    if lookup:
        parts += [*lookup, ""]
    stones = retirement.milestones(p, session.catalog)
    if stones:
        parts.append(session.t("status.timeline_title"))
        parts += [plain("  " + milestone_text(session, m, clock.today())) for m in stones]
        if not any(m.key == "freeze_end" for m in stones):
            parts.append(plain("  " + session.t("status.no_rule")))
        parts.append("")

    overall, rows = plan.progress(items, ph.gone)
    if not overall.total:
        parts.append(session.t("status.empty"))
        session.console().print(Group(*parts))
        return
    table = ProgressTable(
        session.t("status.progress_title"),
        (session.t("col.category"), session.t("col.progress"), session.t("col.done")),
        [
            (
                session.t("status.overall") if r.category == "all" else category_name(session, r.category),
                r.done,
                r.total,
            )
            for r in [*rows, overall]
        ],
    )
    parts += [table, ""]

    urgent = [v for v in plan.by_risk(items) if not v.resolved and v.risk.level in plan.BLOCKING_LEVELS]
    if urgent:
        parts.append(session.t("status.urgent_title", count=len(urgent)))
        for v in urgent[:10]:
            line = plain(f"  {v.name}  ")
            line.append_text(level_text(session, v.risk.level))
            parts += [line, hanging("    ", v.risk.reason)]
        if len(urgent) > 10:
            parts.append(session.t("status.more", count=len(urgent) - 10))
    verdict = plan.verdict_for(p, session.catalog, items)
    if ph.gone:
        closing = retirement.tied_line(ph, len(plan.still_tied(items)), session.lang)
    elif p.kind == "adopt":
        closing = session.t(
            "check.clean" if verdict.safe else "status.not_clean", count=len(verdict.blockers)
        )
    elif verdict.safe:
        from numretire.report import safe_sentence  # the report's code, only for its sentence

        closing = safe_sentence(verdict, session.lang)
    else:
        closing = session.t("status.not_safe", count=len(verdict.blockers))
    parts += ["", closing]
    session.console().print(Group(*parts))
