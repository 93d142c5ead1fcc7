"""The report as JSON: what `status --json` says, plus the history and the timeline."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

# Above this size a document is written on one line: json's C encoder runs only without `indent`,
# and the Python one it falls back to took most of `list --json` on an inventory of 500 items.
PRETTY_LIMIT = 64 * 1024


def dumps(document: Any, default: Callable[[Any], Any] | None = None) -> str:
    """`document` as JSON text: indented when it is small enough to read, one line when it is big."""
    text = json.dumps(document, ensure_ascii=False, default=default)
    if len(text) > PRETTY_LIMIT:
        return text
    return json.dumps(document, ensure_ascii=False, indent=2, default=default)


def render(report: dict[str, Any]) -> bytes:
    from numretire.visible import visible_json  # bidi overrides as \\u escapes: the same values

    return (visible_json(dumps(report)) + "\n").encode("utf-8")
