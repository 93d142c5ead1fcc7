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


def reminders(
    profile: Profile, catalog: Catalog, items: list[ItemView], today: date
) -> list[timeline.Reminder]:
    states = [
        timeline.ItemState(v.id, v.status, v.needs_old_number, v.item.note)
        for v in items
        if v.kind != "carrier"
    ]
    return timeline.due(today, milestones(profile, catalog), states)
