"""Where a key path ('service[3].change.zh') sits in a TOML file's text: for error messages with a line."""

from __future__ import annotations

import re

_PART = re.compile(r"([A-Za-z_][\w-]*)(?:\[(\d+)\])?")
_NEXT_ENTRY = re.compile(r"^\s*\[\[")


class LineIndex:
    """A file's lines, split once, with the lines of its [[array]] headers found once per name.

    Finding the line of every entry of a file is then linear in the file, not quadratic.
    """

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self._headers: dict[str, list[int]] = {}

    def headers(self, name: str) -> list[int]:
        """The 0-based lines of `[[name]]` (or `[[parent.name]]`) headers, in order."""
        found = self._headers.get(name)
        if found is None:
            header = re.compile(rf"^\s*\[\[\s*(?:[\w-]+\.)*{re.escape(name)}\s*\]\]")
            found = self._headers[name] = [n for n, line in enumerate(self.lines) if header.match(line)]
        return found

    def line_of(self, where: str) -> int:
        """The 1-based line of `where`, or the closest enclosing table's line; 1 when unknown."""
        import bisect

        start = 0
        for name, index in _PART.findall(where):
            if index:
                hits = self.headers(name)
                first = bisect.bisect_left(hits, start)
                if len(hits) - first > int(index):
                    start = hits[first + int(index)]
                    continue
                return self._array_entry(start, name, int(index)) + 1
            found = self._find_key(start, name)
            if found is None:
                return start + 1
            start = found
        return start + 1

    def _array_entry(self, start: int, name: str, index: int) -> int:
        """The line of entry `index` of the array `name = [` written one entry a line, as numretire
        writes them (a profile's history); else the array's own line, or `start`."""
        found = self._find_key(start, name)
        if found is None:
            return start
        if self.lines[found].rstrip().endswith("[") and found + 1 + index < len(self.lines):
            line = found + 1 + index
            if not self.lines[line].lstrip().startswith("]"):
                return line
        return found

    def _find_key(self, start: int, name: str) -> int | None:
        """The first line at or after `start` (within the current [[array]] entry) naming `name`."""
        key = re.compile(
            rf"^\s*\"?{re.escape(name)}\"?\s*=|^\s*\[\s*[\w.-]*\b{re.escape(name)}\s*\]|[{{,]\s*{re.escape(name)}\s*="
        )
        lines = self.lines
        for n in range(start, len(lines)):
            if n > start and _NEXT_ENTRY.match(lines[n]):
                return None
            if key.search(lines[n]):
                return n
        return None


def line_of(text: str, where: str) -> int:
    """The 1-based line of `where` in `text`, or the closest enclosing table's line; 1 when unknown."""
    return LineIndex(text).line_of(where)
