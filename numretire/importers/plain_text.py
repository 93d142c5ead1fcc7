"""Messages pasted as plain text: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK.

How the text is cut into messages:
- without blank lines, every line is a message;
- with blank lines, every blank-line-separated block is a message, except that inside a block a line
  that begins with a sender number or a 【signature】, or follows a line ending with a 【signature】,
  starts a new one (several messages pasted without a blank line between them).

The sender is unknown ("") unless a message begins with a number followed by a colon, a tab, or a
【signature】: "95555：【招商银行】…", "+86 10086: …", "106980095588 【工商银行】…". Pasted messages are
taken as received; they carry no time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from numretire.importers import (
    Message,
    PathLike,
    Progress,
    read_text,
)

_SENDER = re.compile(r"\s*((?:\+\d{1,3}[ -]?)?\d{3,20})\s*(?:[:：\t]\s*|(?=【))")


def split_sender(line: str) -> tuple[str, str]:
    """(sender, rest) for a line that begins with a sender number, else ("", line)."""
    found = _SENDER.match(line)
    if not found or not line[found.end() :].strip():
        return "", line
    return found.group(1), line[found.end() :]


def _starts_message(line: str) -> bool:
    return line.lstrip().startswith("【") or bool(split_sender(line)[0])


def split_messages(text: str) -> list[str]:
    """The messages in pasted `text`, cut as the module docstring says."""
    lines = [line.rstrip() for line in text.splitlines()]
    if all(line.strip() for line in lines):
        return [line.strip() for line in lines if line.strip()]
    messages: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            messages.append("\n".join(current).strip())
            current.clear()

    for line in lines:
        if not line.strip():
            flush()
            continue
        if current and (_starts_message(line) or current[-1].endswith("】")):
            flush()
        current.append(line.strip())
    flush()
    return [message for message in messages if message]


def iter_messages(path: PathLike, on_progress: Progress | None = None) -> Iterator[Message]:
    """The messages pasted into the text file `path` (received, time unknown)."""
    from numretire.importers import limits

    text, size = read_text(path)
    limits.check_lines(text, path)
    for message in split_messages(text):
        sender, body = split_sender(message)
        yield Message(sender, body.strip(), None, True)
    if on_progress is not None:
        on_progress(size, size)
