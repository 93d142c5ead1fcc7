"""Where an item was seen: its evidence summed up per kind of source, and that as one line of text.

Pure: it reads an item's evidence (what imports left: source kind, counts, first and last dates) and
nothing else. Several files of one kind (two SMS backups, say, the second a later copy of the first)
count as the most any one of them showed, from the earliest first day to the latest last day, so that
importing a newer backup never doubles a count.

A source this module has no words for (one a later import adds) is shown by its name, or by the
message `seen.<source>` once messages.py has one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from numretire.model import Evidence

ORDER = ("sms", "passwords", "apps")  # known kinds first, in this order; any other by name after them
SEPARATOR = " · "


class Seen(NamedTuple):
    """One kind of source that showed an item: how many (messages, logins, apps), first and last day."""

    source: str
    count: int
    first: date | None
    last: date | None


def where_seen(evidence: Iterable[Evidence]) -> list[Seen]:
    """One Seen per kind of source in `evidence`, in ORDER, then the other kinds by name."""
    found: dict[str, Seen] = {}
    for e in evidence:
        known = found.get(e.source)
        if known is None:
            found[e.source] = Seen(e.source, e.count, e.first, e.last)
            continue
        found[e.source] = Seen(
            e.source,
            max(known.count, e.count),
            min((d for d in (known.first, e.first) if d is not None), default=None),
            max((d for d in (known.last, e.last) if d is not None), default=None),
        )
    rank = {source: i for i, source in enumerate(ORDER)}
    return sorted(found.values(), key=lambda s: (rank.get(s.source, len(ORDER)), s.source))


def seen_text(seen: Iterable[Seen], lang: str) -> str:
    """'短信 12 次 · 密码库 · 已安装应用' / 'SMS ×12 · password manager · installed apps'; '' for none."""
    from numretire.i18n import t
    from numretire.messages import MESSAGES

    parts = []
    for s in seen:
        key = f"seen.{s.source}"
        if key in MESSAGES:
            parts.append(t(key, lang, count=s.count, first=s.first or "", last=s.last or ""))
        else:
            parts.append(s.source)
    return SEPARATOR.join(parts)


def seen_json(seen: Iterable[Seen]) -> list[dict[str, object]]:
    """For --json and the report: [{source, count, first, last}], dates as YYYY-MM-DD or null."""
    return [
        {
            "source": s.source,
            "count": s.count,
            "first": s.first.isoformat() if s.first else None,
            "last": s.last.isoformat() if s.last else None,
        }
        for s in seen
    ]
