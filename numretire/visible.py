"""Text from users or their files, made visible: control and bidi-override characters shown as escapes.

A custom name, a label, a note or an SMS signature may hold characters that act instead of showing:
ESC and BEL drive a terminal (`cat report.md` clearing the screen, a title set, a bell), CR and BS
overwrite what was printed, U+202E turns the rest of the line around ("gpj.exe" read as "exe.jpg"),
and U+2028/U+2029 break lines where no line break is seen. Every output (the terminal, the Markdown,
HTML, CSV and calendar exports) shows them as escapes instead: `\\x1b`, `\\x07`, `\\u202e`. Nothing is
dropped, so that what the user typed can still be recognised and fixed.

Kept as they are: tab and newline where the output allows them (`keep_newlines`), and the joiners
that writing systems and emoji need (U+200C, U+200D).

Also here: the lengths of what a user types (LIMITS), checked where it enters the inventory.
"""

from __future__ import annotations

from numretire.errors import InputError

# C0 controls, DEL and C1 controls; then the invisible marks and overrides of bidirectional text (ALM,
# LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) and the line and paragraph separators.
_CONTROLS = [*range(0x00, 0x20), *range(0x7F, 0xA0)]
_FORMATS = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029]
_TABLE = {code: f"\\x{code:02x}" for code in _CONTROLS} | {code: f"\\u{code:04x}" for code in _FORMATS}
_TABLE_KEEPING_LINES = {code: text for code, text in _TABLE.items() if chr(code) not in "\t\n"}
_ACTIVE = frozenset(chr(code) for code in _TABLE)

# What a user may type, in characters: enough for any real name or note, short enough that a screen,
# a report and a reminder stay readable (a 100,000-character name made 200 KB of `remind`).
LIMITS = {"name": 200, "label": 200, "note": 2000}


def visible(text: str, keep_newlines: bool = False) -> str:
    """`text` with every control, bidi-override and separator character written as an escape."""
    if _ACTIVE.isdisjoint(text):
        return text  # the common case: nothing to do, no copy
    return text.translate(_TABLE_KEEPING_LINES if keep_newlines else _TABLE)


def visible_json(document: str) -> str:
    """A JSON document (made with ensure_ascii=False) with the characters that `visible` escapes written
    as JSON escapes (json escapes C0 controls itself, not DEL, C1 or bidi overrides): the same values
    for a program, nothing active for a terminal that shows the file."""
    if _ACTIVE.isdisjoint(document):
        return document
    return document.translate(_JSON_TABLE)


_JSON_TABLE = {code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), *_FORMATS)}


def bounded(text: str, what: str) -> str:
    """`text` when it is not longer than LIMITS[what] ("name", "label", "note") and is text; InputError
    (one line, naming the limit) otherwise. Bytes that are not UTF-8 on the command line arrive as lone
    surrogates, which no file can store: refused here too, instead of failing at the save."""
    limit = LIMITS[what]
    if len(text) > limit:
        raise InputError(f"input.{what}_too_long", length=f"{len(text):,}", limit=f"{limit:,}")
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise InputError("input.not_text", what=f"--{'custom' if what == 'name' else what}")
    return text
