"""Joins a profile to its carrier's rule: the milestones and reminders of one number. Pure."""

from __future__ import annotations

from datetime import date

from numretire import timeline
from numretire.catalog import Catalog
from numretire.model import Profile
from numretire.plan import ItemView


def rule_for(profile: Profile, catalog: Catalog) -> timeline.Rule | None:
    """The carrier's rule; for a carrier the catalog does not know, the rule all carriers of the number's
    region share (mainland carriers all freeze for 90 days), else None."""
    carrier = catalog.get(profile.carrier) if profile.carrier else None
    if carrier is not None and carrier.kind == "carrier":
        return timeline.rule_of(carrier.carrier)
    rules = {
        timeline.rule_of(s.carrier)
        for s in catalog.select(kind="carrier")
        if (s.carrier or {}).get("country") == profile.region or profile.region in s.regions
    }
    rules.discard(None)
    return rules.pop() if len(rules) == 1 else None


def milestones(profile: Profile, catalog: Catalog) -> list[timeline.Milestone]:
    return timeline.milestones(
        profile.cancel_on, profile.cancelled_on, profile.arrears_since, rule_for(profile, catalog)
    )


def phase_of(profile: Profile, catalog: Catalog, today: date) -> timeline.Phase:
    """Where the number is in its life today (before, frozen, released, over), with its dates."""
    return timeline.where(today, milestones(profile, catalog))


def reminders(
    profile: Profile, catalog: Catalog, items: list[ItemView], today: date
) -> list[timeline.Reminder]:
    states = [
        timeline.ItemState(v.id, v.status, v.needs_old_number, v.item.note, v.kind)
        for v in items
        if v.kind != "carrier"
    ]
    return timeline.due(today, milestones(profile, catalog), states)


def milestone_line(stone: timeline.Milestone, today: date, lang: str) -> str:
    """'2027-03-20 (in 64 days): end of the freeze; …', in the past tense once a recorded date passed."""
    from numretire.i18n import relative_day, t

    past = stone.on < today and not stone.planned
    key = f"milestone.{stone.key}" + (".past" if past else "")
    planned = t("milestone.planned", lang) if stone.planned else ""
    return t(key, lang, date=stone.on.isoformat(), when=relative_day(stone.on, today, lang)) + planned


def phase_line(ph: timeline.Phase, today: date, lang: str) -> str:
    """Where the number stands once it is gone, in one sentence; '' before that."""
    from numretire.i18n import t

    if not ph.gone:
        return ""
    dates = {
        "gone": ph.gone_on.isoformat() if ph.gone_on else "",
        "freeze": ph.freeze_on.isoformat() if ph.freeze_on else "",
        "release": ph.release_on.isoformat() if ph.release_on else "",
        "watch_end": ph.watch_end.isoformat() if ph.watch_end else "",
        "days": abs(ph.days_to(ph.release_on, today) or 0),
    }
    if ph.name == "frozen" and ph.release_on is None:
        return t(f"phase.{ph.path}.no_rule", lang, **dates)
    return t(f"phase.{ph.path}.{ph.name}", lang, **dates)


def tied_line(ph: timeline.Phase, tied: int, lang: str) -> str:
    """Once the number is gone: how many accounts it still reaches, and what to do about them."""
    from numretire.i18n import t

    if not tied:
        return t("phase.none_tied", lang)
    return t("phase.tied_released" if ph.name in ("released", "over") else "phase.tied", lang, count=tied)


def short_phase(profile: Profile, ph: timeline.Phase, today: date, lang: str) -> str:
    """A few words for a list of numbers: where each one is."""
    from numretire.i18n import relative_day, t

    if profile.kind == "adopt":
        return t(
            "phase.short.adopt", lang, date=profile.acquired_on.isoformat() if profile.acquired_on else "—"
        )
    if ph.name == "none":
        return t("phase.short.none", lang)
    if ph.name == "before":
        day = profile.cancel_on or ph.gone_on
        return t("phase.short.before", lang, date=day.isoformat(), when=relative_day(day, today, lang))
    if ph.name == "frozen" and ph.release_on is None:
        return t("phase.short.frozen_no_rule", lang, gone=ph.gone_on.isoformat())
    release = ph.release_on.isoformat() if ph.release_on else ""
    watch_end = ph.watch_end.isoformat() if ph.watch_end else ""
    when = relative_day(ph.release_on, today, lang) if ph.release_on else ""
    return t(f"phase.short.{ph.name}", lang, release=release, watch_end=watch_end, when=when)
