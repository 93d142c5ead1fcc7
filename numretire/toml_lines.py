"""Where a key path ('service[3].change.zh') sits in a TOML file's text: for error messages with a line."""

from __future__ import annotations

import re


def line_of(text: str, where: str) -> int:
    """The 1-based line of `where` in `text`, or the closest enclosing table's line; 1 when unknown."""
    lines = text.splitlines()
    parts = re.findall(r"([A-Za-z_][\w-]*)(?:\[(\d+)\])?", where)
    start = 0
    for name, index in parts:
        if index:
            header = re.compile(rf"^\s*\[\[\s*(?:[\w-]+\.)*{re.escape(name)}\s*\]\]")
            hits = [n for n in range(start, len(lines)) if header.match(lines[n])]
            if len(hits) > int(index):
                start = hits[int(index)]
                continue
            return start + 1
        found = _find_key(lines, start, name)
        if found is None:
            return start + 1
        start = found
    return start + 1


def _find_key(lines: list[str], start: int, name: str) -> int | None:
    """The first line at or after `start` (within the current [[array]] entry) naming `name`."""
    key = re.compile(
        rf"^\s*\"?{re.escape(name)}\"?\s*=|^\s*\[\s*[\w.-]*\b{re.escape(name)}\s*\]|[{{,]\s*{re.escape(name)}\s*="
    )
    next_entry = re.compile(r"^\s*\[\[")
    for n in range(start, len(lines)):
        if n > start and next_entry.match(lines[n]):
            return None
        if key.search(lines[n]):
            return n
    return None
