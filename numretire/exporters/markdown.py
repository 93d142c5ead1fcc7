"""The report as Markdown: a checklist (`- [x]`) with the verdict, progress, risks and timeline.

Text that came from the user (names, notes, labels) is escaped so that no Markdown renderer reads
it as a link, an emphasis, HTML or a heading, and its control and bidi-override characters are written
as escapes (numretire.visible): `cat report.md` never drives the terminal."""

from __future__ import annotations

import re
from typing import Any

from numretire.i18n import t

# What Markdown (CommonMark and GitHub's flavour) would read as markup, and only that: emphasis and
# code anywhere; links and images start with '['; HTML starts with '<' and a letter, '/', '!' or '?';
# entities are '&name;'; table cells end at '|'; strikethrough is '~'. '_' opens emphasis only at a
# word's edge. A line or cell that starts with '#', '>', '+', '-', '=' or '1.' would open a block.
_ALWAYS = re.compile(r"([\\`*\[\]|~])")
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_BLOCK = re.compile(r"^(?:[#>+\-=]|\d+(?=[.)]))")


def escape(text: str, start: bool = False) -> str:
    """Literal text in Markdown, on one line: what could start markup is escaped, nothing more (a
    '(' or ':' stays as it is); with `start`, for text that opens a line, what would open a block."""
    from numretire.visible import visible

    text = _ALWAYS.sub(r"\\\1", visible(" ".join(str(text).split())))
    text = _TAG.sub(r"\\<", _ENTITY.sub(r"\\&", _UNDERSCORE.sub(r"\\_", text)))
    found = _BLOCK.match(text) if start else None
    if found:
        end = found.end()
        text = text[:end] + "\\" + text[end:] if text[:1].isdigit() else "\\" + text
    return text


def _spaced(text: str) -> str:
    """escape(text), keeping a space at either end (text around a number in a sentence)."""
    core = escape(text)
    return (" " if text[:1].isspace() and core else "") + core + (" " if text[-1:].isspace() and core else "")


def _number(text: str) -> str:
    """A (masked) phone number as code: read as written, its '*' and '+' never markup."""
    return f"`{text}`"


def render(report: dict[str, Any]) -> bytes:
    lang = report["lang"]
    colon, comma = t("punct.colon", lang), t("punct.comma", lang)
    p = report["profile"]
    key = "report.title_adopt" if p["kind"] == "adopt" else "report.title"
    before, _, after = t(key, lang, number="\0").partition("\0")
    lines = [f"# {_spaced(before)}{_number(p['number'])}{_spaced(after)}", ""]
    if p["label"]:
        lines += [f"{escape(t('col.label', lang), start=True)}{colon}{escape(p['label'])}", ""]
    lines += [f"**{escape(report['verdict'])}**", ""]
    if report.get("next_steps"):
        lines += [f"## {escape(t('report.next_title', lang))}", ""]
        lines += [f"{n}. {escape(s['text'])}" for n, s in enumerate(report["next_steps"], 1)] + [""]
    lines += [f"{escape(t('report.generated', lang, date=report['generated']), start=True)}", ""]
    facts = [
        (t("col.carrier", lang), p["carrier"]),
        (t("col.new_number", lang), p["new_number"]),
        (t("col.cancel_on", lang), p["cancel_on"]),
        (t("report.cancelled_on", lang), p["cancelled_on"]),
        (t("col.acquired_on", lang), p.get("acquired_on")),
    ]
    number_key = t("col.new_number", lang)
    lines += [f"- {escape(k)}{colon}{_number(v) if k == number_key else escape(v)}" for k, v in facts if v]
    lines.append("")

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
        if item.get("seen_text"):
            lines.append(f"  - {escape(t('seen.title', lang, seen=item['seen_text']))}")
        for ev in item["history"]:
            if ev.get("added"):  # the day it was listed is no event
                continue
            extra = f": {escape(ev['note'])}" if ev["note"] else ""
            lines.append(f"  - {escape(ev['date'])} {escape(ev['status_name'])}{extra}")
    lines.append("")
    if report.get("commands"):
        lines += [f"## {escape(t('report.commands_title', lang))}", ""]
        lines += [f"- `{c['command']}`: {escape(c['text'])}" for c in report["commands"]] + [""]
    return "\n".join(lines).encode("utf-8")
