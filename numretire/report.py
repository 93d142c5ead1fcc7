"""The progress report as plain data, in the user's language: summary and verdict, progress by
category and over time, open risks, the timeline, and every item's history. The exporters render it."""

from __future__ import annotations

from datetime import date
from typing import Any

from numretire import plan, retirement, timeline
from numretire.catalog import Catalog
from numretire.i18n import t
from numretire.model import RESOLVED, Profile
from numretire.numbers import mask
from numretire.retirement import milestone_line
from numretire.risk import LEVEL_RANK
from numretire.seen import seen_json, seen_text, where_seen

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
    overall, rows = plan.progress(items)
    stones = retirement.milestones(profile, catalog)

    def number(e164: str | None) -> str | None:
        if e164 is None:
            return None
        if reveal:
            return e164
        cc = profile.country_code if e164.startswith(f"+{profile.country_code}") else None
        return mask(e164, cc) if cc else mask_other(e164)

    open_risks = [v for v in plan.by_risk(items) if not v.resolved and v.kind == "account"]
    ph = timeline.where(today, stones)
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
        verdict = verdict._replace(safe=not tied)
    else:
        verdict_text = verdict_sentence(profile.kind, verdict, lang)
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
        "phase": timeline.phase(today, stones),
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
                "note": v.item.note,
                "seen": seen_json(where_seen(v.item.evidence)),
                "seen_text": seen_text(where_seen(v.item.evidence), lang),
                "history": [
                    {
                        "at": ev.at.isoformat(),
                        "date": ev.at.date().isoformat(),
                        "status": ev.status,
                        "status_name": t(f"status.{ev.status}", lang),
                        "note": ev.note,
                    }
                    for ev in v.item.history
                ],
            }
            for v in sorted(items, key=lambda v: (v.resolved, LEVEL_RANK[v.risk.level], v.category, v.name))
        ],
    }


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
