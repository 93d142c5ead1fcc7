"""The report as Markdown: a checklist (`- [x]`) with the verdict, progress, risks and timeline.

Text that came from the user (names, notes, labels) is escaped so that no Markdown renderer reads
it as a link, an emphasis, HTML or a heading."""

from __future__ import annotations

import re
from typing import Any

from numretire.i18n import t

# What Markdown (CommonMark and GitHub's flavour) could read as markup inside a line: emphasis, code,
# links and images, HTML and entities, tables, strikethrough, and the ':' of an autolinked URL.
_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()<>#+!|~&:])")


def escape(text: str) -> str:
    """Literal text in Markdown, on one line: every character that could start markup is escaped."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def render(report: dict[str, Any]) -> bytes:
    lang = report["lang"]
    colon, comma = t("punct.colon", lang), t("punct.comma", lang)
    p = report["profile"]
    title = t("report.title_adopt" if p["kind"] == "adopt" else "report.title", lang, number=p["number"])
    lines = [f"# {escape(title)}", ""]
    if p["label"]:
        lines += [f"{escape(t('col.label', lang))}{colon}{escape(p['label'])}", ""]
    lines += [f"**{escape(report['verdict'])}**", ""]
    for b in report["blockers"]:
        lines.append(f"- {escape(b['text'])}")
    if report["blockers"]:
        lines.append("")
    lines += [f"{escape(t('report.generated', lang, date=report['generated']))}", ""]
    facts = [
        (t("col.carrier", lang), p["carrier"]),
        (t("col.new_number", lang), p["new_number"]),
        (t("col.cancel_on", lang), p["cancel_on"]),
        (t("report.cancelled_on", lang), p["cancelled_on"]),
    ]
    lines += [f"- {escape(k)}{colon}{escape(v)}" for k, v in facts if v] + [""]

    lines += [f"## {escape(t('status.progress_title', lang))}", ""]
    lines += [f"| {escape(t('col.category', lang))} | {escape(t('col.done', lang))} |", "| --- | ---: |"]
    for c in report["categories"]:
        lines.append(f"| {escape(c['name'])} | {c['done']}/{c['total']} |")
    total = report["progress"]
    lines += [f"| **{escape(t('status.overall', lang))}** | **{total['done']}/{total['total']}** |", ""]

    if report["risks"]:
        lines += [f"## {escape(t('report.risks_title', lang))}", ""]
        for r in report["risks"]:
            lines.append(f"- **{escape(r['level'])}** {escape(r['name'])}{colon}{escape(r['reason'])}")
        lines.append("")
    if report["timeline"]:
        lines += [f"## {escape(t('status.timeline_title', lang))}", ""]
        lines += [f"- {escape(m['text'])}" for m in report["timeline"]] + [""]

    lines += [f"## {escape(t('report.checklist_title', lang))}", ""]
    for item in report["items"]:
        box = "x" if item["resolved"] else " "
        note = f" — {escape(item['note'])}" if item["note"] else ""
        aside = t("punct.aside", lang, text=escape(item["status_name"]) + comma + escape(item["level"]))
        lines.append(f"- [{box}] {escape(item['name'])}{aside}{note}")
        for ev in item["history"]:
            extra = f": {escape(ev['note'])}" if ev["note"] else ""
            lines.append(f"  - {escape(ev['date'])} {escape(ev['status_name'])}{extra}")
    lines.append("")
    return "\n".join(lines).encode("utf-8")
