"""Triage: which catalog services to ask about, in what order, and which follow-up questions matter."""

from __future__ import annotations

from numretire.catalog import PERSONAL_FLAGS, Catalog, Service
from numretire.model import Profile
from numretire.risk import effective_flags, level_of


def questions(
    catalog: Catalog, profile: Profile, category: str | None = None
) -> list[tuple[str, list[Service]]]:
    """Accounts of the number's region (and global ones) not yet answered, grouped by category, most
    common first."""
    known = {item.id for item in profile.items} | set(profile.dismissed)
    groups: dict[str, list[Service]] = {}
    for service in catalog.select(category=category, kind="account"):
        if service.id in known:
            continue
        if profile.region not in service.regions and "GLOBAL" not in service.regions:
            continue
        groups.setdefault(service.category, []).append(service)
    for services in groups.values():
        # the number's own region first, then global services; most common first within each
        services.sort(key=lambda s: (profile.region not in s.regions, -s.popularity, s.id))
    return list(groups.items())


def next_follow_up(service: Service, answers: dict[str, bool]) -> str | None:
    """The next personal question worth asking ("is a card bound?"), or None.

    A question is worth asking while the personal flags not yet answered could still change the
    service's risk level: once one answer settles the level, the rest are not asked.
    """
    pending = [f for f in PERSONAL_FLAGS if f in service.flags and f not in answers]
    if not pending:
        return None
    now = level_of(effective_flags(service.flags, answers), service.category)
    without = level_of(
        effective_flags(service.flags, {**answers, **dict.fromkeys(pending, False)}), service.category
    )
    return pending[0] if now != without else None


def dismiss(profile: Profile, service_id: str) -> None:
    if service_id not in profile.dismissed and profile.item(service_id) is None:
        profile.dismissed.append(service_id)
