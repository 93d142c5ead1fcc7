"""Discovery results -> the inventory: what an import proposes, and how accepted proposals are stored.

Pure: it takes the matches an importer produced and the profile, and changes only the profile. What is
stored is the user's own: which services, the source kind, counts, first and last dates, and a digest
of the file (so that importing the same file again changes nothing). Never a message or a password.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from numretire.model import Event, Evidence, Item, Lookup, Profile


class Proposal(NamedTuple):
    service_id: str
    count: int
    first: date | None
    last: date | None
    login_is_number: bool
    present: bool  # the inventory has it already: only its evidence is updated


def _day(moment: datetime | None) -> date | None:
    return moment.date() if moment is not None else None


def from_sms(matches, profile: Profile) -> list[Proposal]:
    """One proposal per service the messages revealed, most messages first."""
    return sorted(
        (
            Proposal(
                h.service_id,
                h.count,
                _day(h.first),
                _day(h.last),
                False,
                profile.item(h.service_id) is not None,
            )
            for h in matches.services
        ),
        key=lambda p: (-p.count, p.service_id),
    )


def from_logins(matches, profile: Profile) -> list[Proposal]:
    """One proposal per service the saved logins revealed; logins named after the number first."""
    return sorted(
        (
            Proposal(
                h.service_id, h.count, None, None, h.login_is_number, profile.item(h.service_id) is not None
            )
            for h in matches.services
        ),
        key=lambda p: (not p.login_is_number, -p.count, p.service_id),
    )


def apply(profile: Profile, proposals: list[Proposal], source: str, digest: str, at: datetime) -> int:
    """Store accepted proposals: new items, and each item's evidence from this file (replaced, never
    duplicated). Returns how many things changed (0: the profile is as it was)."""
    changed = 0
    for p in proposals:
        item = profile.item(p.service_id)
        if item is None:
            item = Item(id=p.service_id, origin=f"import-{source}", history=[Event(at, "open", "")])
            profile.items.append(item)
            if p.service_id in profile.dismissed:
                profile.dismissed.remove(p.service_id)
            changed += 1
        evidence = Evidence(source, digest, p.count, p.first, p.last, p.login_is_number)
        kept = [e for e in item.evidence if not (e.source == source and e.digest == digest)]
        if [*kept, evidence] != item.evidence:
            item.evidence = [*kept, evidence]
            changed += 1
    return changed


def add_lookups(profile: Profile, results: list[tuple[int, date | None]], at: datetime) -> int:
    """Record official lookup results (count, day) not recorded yet; returns how many were new."""
    known = {(lk.count, lk.on) for lk in profile.lookups}
    added = 0
    for count, on in results:
        if (count, on) not in known:
            profile.lookups.append(Lookup(count, on, at))
            known.add((count, on))
            added += 1
    return added
