"""The progress report as plain data, in the user's language: summary and verdict, progress by
category and over time, open risks, the timeline, and every item's history. The exporters render it."""

from __future__ import annotations

from datetime import date
from typing import Any

from numretire import plan, retirement, timeline
from numretire.catalog import Catalog
from numretire.i18n import t
from numretire.model import RESOLVED, Item, Profile
from numretire.numbers import mask
from numretire.retirement import milestone_line
from numretire.risk import LEVEL_RANK
from numretire.seen import item_seen, seen_json, seen_text

REPORT_VERSION = 1


def progress_over_time(items: list[plan.ItemView], start: date, end: date) -> list[tuple[date, int, int]]:
    """(day, resolved, total) at the end of each day on which something changed, from `start` to `end`."""
    changes: dict[date, list[tuple[str, str]]] = {}
    for v in items:
        for ev in v.item.history:
            changes.setdefault(ev.at.date(), []).append((v.id, ev.status))
    state: dict[str, str] = {}
    points = []
    for day in sorted(d for d in changes if d <= end):
        for item_id, status in changes[day]:
            state[item_id] = status
        resolved = sum(1 for s in state.values() if s in RESOLVED)
        points.append((day, resolved, len(state)))
    if not points or points[0][0] > start:
        points.insert(0, (start, 0, 0))
    if points[-1][0] < end:
        points.append((end, points[-1][1], points[-1][2]))
    return points


def build(profile: Profile, catalog: Catalog, lang: str, today: date, reveal: bool) -> dict[str, Any]:
    """Everything a report shows. Numbers are masked unless `reveal`."""
    items = plan.views(profile, catalog, lang)
    verdict = plan.verdict_for(profile, catalog, items)
    stones = retirement.milestones(profile, catalog)
    ph = timeline.where(today, stones)
    overall, rows = plan.progress(items, ph.gone)

    def number(e164: str | None) -> str | None:
        if e164 is None:
            return None
        if reveal:
            return e164
        cc = profile.country_code if e164.startswith(f"+{profile.country_code}") else None
        return mask(e164, cc) if cc else mask_other(e164)

    open_risks = [v for v in plan.by_risk(items) if not v.resolved and v.kind == "account"]
    phase = ph.name
    if ph.gone and profile.kind != "adopt":  # no gate to pass any more: what is still tied to the number
        tied = plan.still_tied(items)
        sentences = (retirement.phase_line(ph, today, lang), retirement.tied_line(ph, len(tied), lang))
        verdict_text = ("" if lang == "zh" else " ").join(sentences)
        blockers = [
            {
                "kind": "still_tied",
                "id": v.id,
                "text": t("check.line.account", lang, name=v.name, level=t(f"level.{v.risk.level}", lang)),
            }
            for v in tied
        ]
        # What the next steps can still name: the carrier's steps and the lookups answered on the old
        # number can no longer be done (the walk leaves them out too).
        doable = {v.id for v in plan.after_order(items)}
        verdict = verdict._replace(
            safe=not tied,
            blockers=[b for b in verdict.blockers if b.kind not in TASK_KINDS or b.item_id in doable],
        )
    else:
        verdict_text = report_verdict(profile, verdict, phase, lang)
        blockers = [
            {"kind": b.kind, "id": b.item_id, "text": plan.blocker_text(b, lang)} for b in verdict.blockers
        ]
    return {
        "version": REPORT_VERSION,
        "lang": lang,
        "generated": today.isoformat(),
        "profile": {
            "number": number(profile.number),
            "new_number": number(profile.new_number),
            "label": profile.label,
            "kind": profile.kind,
            "carrier": (
                catalog.get(profile.carrier).display_name(lang)
                if profile.carrier and catalog.get(profile.carrier)
                else profile.carrier
            ),
            "cancel_on": profile.cancel_on.isoformat() if profile.cancel_on else None,
            "cancelled_on": profile.cancelled_on.isoformat() if profile.cancelled_on else None,
            "arrears_since": profile.arrears_since.isoformat() if profile.arrears_since else None,
            "acquired_on": profile.acquired_on.isoformat() if profile.acquired_on else None,
        },
        # for an adopted number: clean to use; once the number is gone: no account still tied to it
        "safe_to_cancel": verdict.safe,
        "verdict": verdict_text,
        "next_steps": next_steps(profile, verdict, phase, lang, short_names(items, lang)),
        "commands": commands(profile, verdict, phase, lang),
        "blockers": blockers,
        "progress": {"done": overall.done, "total": overall.total},
        "categories": [
            {
                "category": r.category,
                "name": t(f"category.{r.category}", lang),
                "done": r.done,
                "total": r.total,
            }
            for r in rows
        ],
        "over_time": [
            {"date": d.isoformat(), "done": done, "total": total}
            for d, done, total in progress_over_time(items, profile.created.date(), today)
        ],
        "risks": [
            {
                "id": v.id,
                "name": v.name,
                "risk": v.risk.level,
                "level": t(f"level.{v.risk.level}", lang),
                "reason": v.risk.reason,
            }
            for v in open_risks
        ],
        "phase": phase,
        "timeline": [
            {
                "key": m.key,
                "on": m.on.isoformat(),
                "planned": m.planned,
                "text": milestone_line(m, today, lang),
            }
            for m in stones
        ],
        "items": [
            {
                "id": v.id,
                "name": v.name,
                "category": v.category,
                "category_name": t(f"category.{v.category}", lang),
                "kind": v.kind,
                "status": v.status,
                "status_name": t(f"status.{v.status}", lang),
                "resolved": v.resolved,
                "risk": v.risk.level,
                "level": t(f"level.{v.risk.level}", lang),
                "reason": v.risk.reason,
                "note": current_note(v.item),
                "seen": seen_json(item_seen(v.item)),
                "seen_text": seen_text(item_seen(v.item), lang),
                "history": [
                    {
                        "at": ev.at.isoformat(),
                        "date": ev.at.date().isoformat(),
                        "status": ev.status,
                        "status_name": t(f"status.{ev.status}", lang),
                        "note": ev.note,
                        "added": n == 0 and ev.status == "open",  # the day it was listed
                    }
                    for n, ev in enumerate(v.item.history)
                ],
            }
            for v in sorted(items, key=lambda v: (v.resolved, LEVEL_RANK[v.risk.level], v.category, v.name))
        ],
    }


def current_note(item: Item) -> str:
    """The item's note if it still speaks of the item as it is now, else ''.

    A note comes from `mark --note` (kept in the history with the status it was written for) or from
    triage's "not sure" (a question about an open item, in no history row). A note written for an
    earlier status ("not sure it is bound", then marked not mine) stays in the history beside that
    status and is not shown as the item's current note. A blocked item keeps its note: `mark` takes the
    note it has as the reason it is blocked.
    """
    if not item.note:
        return ""
    last = item.history[-1] if item.history else None
    if last is None or last.note == item.note or item.status == "blocked":
        return item.note
    written = [ev for ev in item.history if ev.note == item.note]
    if written:  # given with an earlier status, which has changed since
        return ""
    return item.note if item.status == "open" else ""  # triage's question, until the item is answered


def report_verdict(profile: Profile, verdict: plan.Verdict, phase: str, lang: str) -> str:
    """The verdict in one sentence: safe or not, and in words why not."""
    gone = profile.kind != "adopt" and phase in ("frozen", "released", "over")
    if verdict.safe:
        if gone:
            return t("report.verdict.cancelled_done", lang)
        return verdict_sentence(profile.kind, verdict, lang)
    kinds = [b.kind for b in verdict.blockers]
    reasons = []
    for why, of in WHY:
        if any(k in of for k in kinds) and why not in reasons:
            reasons.append(why)
    texts = [t(f"report.why.{why}", lang) for why in reasons]
    key = "not_clean" if profile.kind == "adopt" else ("cancelled" if gone else "not_safe")
    return t(f"report.verdict.{key}", lang, reasons=joined(texts, lang))


# Why the gate is closed, in the order a person would fix it: each reason and the blocker kinds it covers.
WHY = (
    ("occupied", ("occupied", "contacted")),
    ("accounts", ("risk", "old_number")),
    ("unchecked", ("unchecked",)),
    ("carrier", ("carrier",)),
    ("discovery", ("discovery",)),
    ("adopt_task", ("adopt_task",)),
    ("lookup_gap", ("lookup_gap",)),
    ("empty", ("empty",)),
)
NEXT_ORDER = (
    "old_number",
    "risk",
    "occupied",
    "contacted",
    "unchecked",
    "carrier",
    "discovery",
    "adopt_task",
    "lookup_gap",
    "empty",
)


def joined(texts: list[str], lang: str) -> str:
    """'a，b，c' in Chinese; 'a, b and c' in English."""
    if lang == "zh" or len(texts) < 2:
        return "，".join(texts)
    return ", ".join(texts[:-1]) + " and " + texts[-1]


NAMED = 8  # names a next step lists; the rest are counted (the checklist has them all)


def names(values: list[str], lang: str) -> str:
    """A list of names in a sentence: 、 in Chinese (；when a name holds a 、), '; ' in English (names
    hold commas); past the first NAMED, a count."""
    shown, rest = values[:NAMED], len(values) - NAMED
    apart = ("；" if any("、" in v for v in shown) else "、") if lang == "zh" else "; "
    text = apart.join(shown)
    return text + (t("report.next.more", lang, count=rest) if rest > 0 else "")


def short_names(items: list[plan.ItemView], lang: str) -> dict[str, str]:
    """Each item's name in the user's language alone (a sentence naming several reads better so)."""
    return {v.id: (v.service.name.get(lang) or v.name) if v.service else v.name for v in items}


TASK_KINDS = ("carrier", "discovery")  # the blockers that are steps to take rather than accounts


def next_steps(
    profile: Profile, verdict: plan.Verdict, phase: str, lang: str, short: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """What to do next, in words, most urgent first: one step per kind of work, naming the items."""
    short = short or {}
    steps = []
    for kind in NEXT_ORDER:
        group = [b for b in verdict.blockers if b.kind == kind]
        if not group:
            continue
        if kind == "lookup_gap":
            text = t("report.next.lookup_gap", lang, missing=group[0].reason)
        elif kind == "empty":
            text = t("report.next.empty", lang)
        else:
            text = t(
                f"report.next.{kind}", lang, names=names([short.get(b.item_id, b.name) for b in group], lang)
            )
        steps.append({"kind": kind, "ids": [b.item_id for b in group if b.item_id], "text": text})
    if verdict.warnings:
        steps.append(
            {
                "kind": "warnings",
                "ids": [v.id for v in verdict.warnings],
                "text": t(
                    "report.next.adopt_warnings" if profile.kind == "adopt" else "report.next.warnings",
                    lang,
                    names=names([short.get(v.id, v.name) for v in verdict.warnings], lang),
                ),
            }
        )
    if verdict.safe:
        if profile.kind == "adopt":
            steps.append({"kind": "clean", "ids": [], "text": t("report.next.clean", lang)})
        elif phase in ("frozen", "released"):
            steps.append({"kind": "watch", "ids": [], "text": t("report.next.watch", lang)})
        elif phase in ("none", "before"):
            steps.append({"kind": "cancel", "ids": [], "text": t("report.next.cancel", lang)})
    return steps


def commands(profile: Profile, verdict: plan.Verdict, phase: str, lang: str) -> list[dict[str, str]]:
    """The commands behind the next steps, for the appendix: (command, what it does)."""
    kinds = {b.kind for b in verdict.blockers}
    adopt = profile.kind == "adopt"
    found = []
    if verdict.blockers or verdict.warnings:
        found.append(("numretire walk", "walk"))
        found.append(("numretire list", "list"))
    if kinds & {"risk", "old_number", "occupied", "contacted", "unchecked"} or verdict.warnings:
        if adopt:
            found.append(("numretire mark ID clear|released|removed|contacted|occupied", "mark_adopt"))
        else:
            found.append(("numretire mark ID moved|removed|closed|not-mine", "mark_account"))
    if kinds & {"carrier", "discovery", "adopt_task"}:
        found.append(("numretire mark ID done|skipped", "mark_task"))
    if kinds & {"empty", "lookup_gap"}:
        found.append(("numretire triage", "triage"))
        found.append(("numretire import sms FILE", "import"))
    if verdict.blockers:
        found.append(("numretire check", "check_adopt" if adopt else "check"))
    elif not adopt and phase in ("none", "before"):
        found.append(("numretire cancel", "cancel"))
    if not adopt and phase in ("frozen", "released"):
        found.append(("numretire remind", "remind"))
    return [{"command": c, "text": t(f"report.command.{key}", lang)} for c, key in found]


def mask_other(e164: str) -> str:
    from numretire.numbers import mask_any

    return mask_any(e164)


def verdict_sentence(kind: str, verdict: plan.Verdict, lang: str) -> str:
    if kind == "adopt":
        return (
            t("check.clean", lang)
            if verdict.safe
            else t("check.not_clean", lang, count=len(verdict.blockers))
        )
    if not verdict.safe:
        return t("check.not_safe", lang, count=len(verdict.blockers))
    return safe_sentence(verdict, lang)


def safe_sentence(verdict: plan.Verdict, lang: str) -> str:
    """That it is safe to cancel, naming the lookups the user chose to skip."""
    if verdict.skipped:
        names = ("、" if lang == "zh" else ", ").join(v.name for v in verdict.skipped)
        return t("check.safe_skipped", lang, names=names)
    return t("check.safe", lang)
