"""TOML text for numretire's documents: the very text tomli_w writes, several times faster.

tomli_w escapes strings one character at a time in Python and renders every table inline once just to
see whether it fits on a line; for a profile of thousands of history lines that was most of a save.
Here one regular expression (in C) finds whether a string needs escaping at all, and a table with a
list in it is known not to fit without being rendered. The layout rules are tomli_w's (dumps with its
defaults), and the tests hold the two to the same output.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

MAX_LINE_LENGTH = 100
INDENT = "    "
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
_COMPACT = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_ILLEGAL = {chr(i) for i in range(32)} - {"\t"} | {chr(127), '"', "\\"}
_ESCAPES = str.maketrans({c: _COMPACT.get(c, f"\\u{ord(c):04x}") for c in _ILLEGAL})
_NEEDS_ESCAPE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')


def dumps(doc: Mapping[str, Any]) -> str:
    out: list[str] = []
    _table(doc, "", False, out)
    return "".join(out)


def _string(s: str) -> str:
    if _NEEDS_ESCAPE.search(s) is None:  # most text: nothing to escape, found in C
        return f'"{s}"'
    return '"' + s.translate(_ESCAPES) + '"'


def _key(part: str) -> str:
    if part.__class__ is not str and not isinstance(part, str):
        raise TypeError(
            f"Invalid mapping key '{part}' of type '{type(part).__qualname__}'. A string is required."
        )
    return part if _BARE_KEY.match(part) else _string(part)


def _literal(obj: Any, nest: int = 0) -> str:
    kind = obj.__class__
    if kind is str:
        return _string(obj)
    if kind is bool:
        return "true" if obj else "false"
    if kind is int or kind is datetime or kind is date:
        return str(obj)
    if kind is list or kind is tuple:
        return _array(obj, nest)
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if isinstance(obj, (int, float, date, datetime)):
        return str(obj)
    if isinstance(obj, time):
        if obj.tzinfo:
            raise ValueError("TOML does not support offset times")
        return str(obj)
    if isinstance(obj, str):
        return _string(obj)
    if isinstance(obj, (list, tuple)):
        return _array(obj, nest)
    if isinstance(obj, Mapping):
        return _inline_table(obj)
    from decimal import Decimal

    if isinstance(obj, Decimal):
        if obj.is_nan():
            return "nan"
        if obj.is_infinite():
            return "-inf" if obj.is_signed() else "inf"
        text = str(obj).lower()
        return text if "." in text or "e" in text else text + ".0"
    raise TypeError(f"Object of type '{type(obj).__qualname__}' is not TOML serializable")


def _array(obj: list | tuple, nest: int) -> str:
    if not obj:
        return "[]"
    lead = INDENT * (1 + nest)
    return "[\n" + ",\n".join(lead + _literal(v, nest + 1) for v in obj) + f",\n{INDENT * nest}]"


def _inline_table(obj: Mapping) -> str:
    if not obj:
        return "{}"
    return "{ " + ", ".join(f"{_key(k)} = {_literal(v)}" for k, v in obj.items()) + " }"


def _has_array(obj: Mapping) -> bool:
    """Whether `obj` inline would hold a line break: a non-empty array in it, or in a table in it."""
    for v in obj.values():
        if isinstance(v, (list, tuple)):
            if v:
                return True
        elif isinstance(v, Mapping) and _has_array(v):
            return True
    return False


def _fits_inline(obj: Mapping) -> bool:
    if _has_array(obj):
        return False
    return len(f"{INDENT}{_inline_table(obj)},") <= MAX_LINE_LENGTH


def _is_aot(v: Any) -> bool:
    return bool(isinstance(v, (list, tuple)) and v and all(isinstance(t, Mapping) for t in v))


def _table(table: Mapping[str, Any], name: str, inside_aot: bool, out: list[str]) -> None:
    yielded = False
    literals = []
    tables: list[tuple[str, Any, bool]] = []
    for k, v in table.items():
        if isinstance(v, Mapping):
            tables.append((k, v, False))
        elif _is_aot(v) and not all(_fits_inline(t) for t in v):
            tables.extend((k, t, True) for t in v)
        else:
            literals.append((k, v))
    if inside_aot or (name and (literals or not tables)):
        yielded = True
        out.append(f"[[{name}]]\n" if inside_aot else f"[{name}]\n")
    if literals:
        yielded = True
        for k, v in literals:
            out.append(f"{_key(k)} = {_literal(v)}\n")
    for k, v, in_aot in tables:
        if yielded:
            out.append("\n")
        else:
            yielded = True
        part = _key(k)
        _table(v, f"{name}.{part}" if name else part, in_aot, out)
