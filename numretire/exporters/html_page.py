"""The report as one self-contained HTML page: inline CSS, an inline SVG chart of progress over time,
no scripts, no external requests, clean on paper. Everything that is not ours is escaped."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from numretire.i18n import t

CSS = """
:root { color-scheme: light; --ok: #1a7f37; --bad: #b42318; --mid: #9a6700; --line: #d0d7de;
  /* Latin UI fonts, then a Chinese font on each system (macOS, Windows, Linux), then the generic one:
     without a CJK font every Chinese character is a box */
  --sans: -apple-system, "Segoe UI", "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    sans-serif; }
* { box-sizing: border-box; }
body { font: 15px/1.5 var(--sans); color: #1f2328; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
.muted { color: #59636e; }
.verdict { border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; font-weight: 600; }
.verdict.safe { background: #dafbe1; border: 1px solid var(--ok); }
.verdict.unsafe { background: #ffebe9; border: 1px solid var(--bad); }
.verdict ul { font-weight: normal; margin: .5rem 0 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
ol.next { padding-left: 1.4rem; }
ol.next li { margin: .3rem 0; }
.appendix { font-size: .85em; color: #59636e; margin-top: 2.5rem; }
.appendix h2 { font-size: 1rem; }
.appendix dt { margin-top: .4rem; }
.appendix dd { margin-left: 1.5rem; }
.appendix code { font: .95em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: #1f2328; }
.bar { background: #eaeef2; height: .6rem; border-radius: 3px; min-width: 8rem; }
.bar > span { display: block; height: 100%; background: var(--ok); border-radius: 3px; }
.level-critical { color: var(--bad); font-weight: 700; }
.level-high { color: var(--bad); }
.level-medium { color: var(--mid); }
.level-low { color: var(--ok); }
ul.history { margin: .2rem 0 0; padding-left: 1.2rem; font-size: .9em; color: #59636e; }
.done { color: var(--ok); }
svg text { font: 11px var(--sans); fill: #59636e; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .verdict, .bar, .bar > span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
}
"""


# No scripts, no requests: the page stands alone.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def e(value: object) -> str:
    """Text as HTML text or attribute, with control and bidi-override characters as visible escapes."""
    from numretire.visible import visible

    return escape(visible("" if value is None else str(value), keep_newlines=True), quote=True)


def has_history(points: list[dict[str, Any]]) -> bool:
    """Whether progress over time has two days to draw (on the first day there is nothing to chart)."""
    return len({p["date"] for p in points}) >= 2


def chart(points: list[dict[str, Any]], lang: str) -> str:
    """An SVG step chart of the share of items resolved, day by day."""
    width, height, left, bottom = 640, 180, 40, 24
    base = height - bottom
    days = [date.fromisoformat(p["date"]) for p in points]
    span = max((days[-1] - days[0]).days, 1)

    def x(day: date) -> float:
        return left + (width - left - 10) * (day - days[0]).days / span

    def y(p: dict[str, Any]) -> float:
        share = p["done"] / p["total"] if p["total"] else 0.0
        return 10 + (height - bottom - 10) * (1 - share)

    path = []
    for i, (day, p) in enumerate(zip(days, points, strict=True)):
        if i:
            path.append(f"L{x(day):.1f},{y(points[i - 1]):.1f}")
        path.append(f"{'M' if not i else 'L'}{x(day):.1f},{y(p):.1f}")
    label = e(t("report.chart_label", lang))
    return (
        f'<svg role="img" aria-label="{label}" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<line x1="{left}" y1="10" x2="{left}" y2="{base}" stroke="#d0d7de"/>'
        f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#d0d7de"/>'
        f'<text x="{left - 6}" y="14" text-anchor="end">100%</text>'
        f'<text x="{left - 6}" y="{base}" text-anchor="end">0%</text>'
        f'<text x="{left}" y="{height - 6}">{e(points[0]["date"])}</text>'
        f'<text x="{width - 10}" y="{height - 6}" text-anchor="end">{e(points[-1]["date"])}</text>'
        f'<path d="{" ".join(path)}" fill="none" stroke="#1a7f37" stroke-width="2"/>'
        "</svg>"
    )


def render(report: dict[str, Any]) -> bytes:
    lang = report["lang"]
    p = report["profile"]
    title = t("report.title_adopt" if p["kind"] == "adopt" else "report.title", lang, number=p["number"])
    safe = report["safe_to_cancel"]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="muted">{e(t("report.generated", lang, date=report["generated"]))}'
        + (f" · {e(p['label'])}" if p["label"] else "")
        + "</p>",
        f'<div class="verdict {"safe" if safe else "unsafe"}" id="verdict">{e(report["verdict"])}</div>',
    ]
    if report.get("next_steps"):
        parts.append(f"<h2>{e(t('report.next_title', lang))}</h2>")
        parts.append(
            '<ol class="next">' + "".join(f"<li>{e(s['text'])}</li>" for s in report["next_steps"]) + "</ol>"
        )
    facts = [
        (t("col.carrier", lang), p["carrier"]),
        (t("col.new_number", lang), p["new_number"]),
        (t("col.cancel_on", lang), p["cancel_on"]),
        (t("report.cancelled_on", lang), p["cancelled_on"]),
        (t("col.acquired_on", lang), p.get("acquired_on")),
    ]
    parts.append(
        "<table>" + "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in facts if v) + "</table>"
    )

    parts.append(f"<h2>{e(t('status.progress_title', lang))}</h2><table>")
    parts.append(f"<tr><th>{e(t('col.category', lang))}</th><th></th><th>{e(t('col.done', lang))}</th></tr>")
    rows = [*report["categories"], {"name": t("status.overall", lang), **report["progress"]}]
    for c in rows:
        share = round(100 * c["done"] / c["total"]) if c["total"] else 0
        parts.append(
            f'<tr><td>{e(c["name"])}</td><td><div class="bar"><span style="width:{share}%"></span></div>'
            f'</td><td class="num">{c["done"]}/{c["total"]}</td></tr>'
        )
    parts.append("</table>")
    if has_history(report["over_time"]):
        parts.append(chart(report["over_time"], lang))

    if report["risks"]:
        parts.append(f"<h2>{e(t('report.risks_title', lang))}</h2><table>")
        for r in report["risks"]:
            parts.append(
                f'<tr><td class="nowrap level-{e(r["risk"])}">{e(r["level"])}</td><td>{e(r["name"])}</td>'
                f"<td>{e(r['reason'])}</td></tr>"
            )
        parts.append("</table>")
    if report["timeline"]:
        parts.append(f"<h2>{e(t('status.timeline_title', lang))}</h2><ul>")
        parts += [f"<li>{e(m['text'])}</li>" for m in report["timeline"]]
        parts.append("</ul>")

    parts.append(f"<h2>{e(t('report.checklist_title', lang))}</h2><table>")
    parts.append(
        f"<tr><th></th><th>{e(t('col.name', lang))}</th><th>{e(t('col.status', lang))}</th>"
        f"<th>{e(t('col.risk', lang))}</th></tr>"
    )
    for item in report["items"]:
        mark = "☑" if item["resolved"] else "☐"
        history = "".join(
            f"<li>{e(ev['date'])} {e(ev['status_name'])}"
            + (e(t("punct.colon", lang)) + e(ev["note"]) if ev["note"] else "")
            + "</li>"
            for ev in item["history"]
            if not ev.get("added")
        )
        note = f"<div>{e(item['note'])}</div>" if item["note"] else ""
        if item.get("seen_text"):
            note += f'<div class="muted">{e(t("seen.title", lang, seen=item["seen_text"]))}</div>'
        history = f'<ul class="history">{history}</ul>' if history else ""
        parts.append(
            f'<tr><td class="{"done" if item["resolved"] else ""}">{mark}</td>'
            f"<td>{e(item['name'])}{note}{history}</td>"
            f'<td class="nowrap">{e(item["status_name"])}</td>'
            f'<td class="nowrap level-{e(item["risk"])}">{e(item["level"])}</td></tr>'
        )
    parts.append("</table>")
    if report.get("commands"):
        parts.append(f'<section class="appendix"><h2>{e(t("report.commands_title", lang))}</h2><dl>')
        parts += [
            f"<dt><code>{e(c['command'])}</code></dt><dd>{e(c['text'])}</dd>" for c in report["commands"]
        ]
        parts.append("</dl></section>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")
