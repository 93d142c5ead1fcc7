"""The report as CSV for a spreadsheet: one row per item, UTF-8 with a BOM (so Excel shows Chinese),
and no cell a user typed can run as a formula."""

from __future__ import annotations

import csv
import io
from typing import Any

from numretire.i18n import t

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A cell that a spreadsheet shows as text: one starting like a formula gets a leading apostrophe;
    control and bidi-override characters are written as escapes (numretire.visible)."""
    from numretire.visible import visible

    text = "" if value is None else str(value)
    return ("'" if text.startswith(FORMULA_START) else "") + visible(text, keep_newlines=True)


def render(report: dict[str, Any]) -> bytes:
    lang = report["lang"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = ["id", "name", "category", "status", "risk", "reason", "note", "history", "seen"]
    writer.writerow([t(f"report.csv.{h}", lang) for h in header])
    for item in report["items"]:
        history = "; ".join(
            f"{ev['date']} {ev['status_name']}"
            + (t("punct.aside", lang, text=ev["note"]) if ev["note"] else "")
            for ev in item["history"]
            if not ev.get("added")  # the day it was listed is no event
        )
        row = [
            item["id"],
            item["name"],
            item["category_name"],
            item["status_name"],
            item["level"],
            item["reason"],
            item["note"],
            history,
            item.get("seen_text", ""),
        ]
        writer.writerow([cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
