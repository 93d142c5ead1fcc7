"""The report as JSON: what `status --json` says, plus the history and the timeline."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any]) -> bytes:
    from numretire.visible import visible_json  # bidi overrides as \\u escapes: the same values

    return (visible_json(json.dumps(report, ensure_ascii=False, indent=2)) + "\n").encode("utf-8")
