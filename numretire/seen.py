"""Where an item was seen: its evidence summed up per kind of source, and that as one line of text.

Pure: it reads an item's evidence (what imports left: source kind, counts, first and last dates) and
nothing else. Several files of one kind (two SMS backups, say, the second a later copy of the first)
count as the most any one of them showed, from the earliest first day to the latest last day, so that
importing a newer backup never doubles a count.

A payment statement is one kind of source per issuer ("支付宝账单", "微信支付账单"), and says which
of the item's yes answers it showed, while they are still yes ("支付宝账单：自动扣款"; see
discovery.found_in_bill, and item_seen, which reads them).

A source this module has no words for (one a later import adds) is shown by its name, or by the
message `seen.<source>` once messages.py has one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from numretire.model import Evidence, Item

ORDER = ("sms", "passwords", "apps", "bill")  # known kinds first, in this order; any other by name after them
SEPARATOR = " · "


class Seen(NamedTuple):
    """One kind of source that showed an item: how many (messages, logins, apps), first and last day."""

    source: str
    count: int
    first: date | None
    last: date | None
    issuer: str = ""  # a statement's: alipay | wechat
    flags: tuple[str, ...] = ()  # a statement's: the yes answers it showed (auto-debit, password-free)


def where_seen(evidence: Iterable[Evidence]) -> list[Seen]:
    """One Seen per kind of source in `evidence` (a statement's per issuer), in ORDER, then the other
    kinds by name."""
    found: dict[tuple[str, str], Seen] = {}
    for e in evidence:
        issuer = e.issuer if e.source == "bill" else ""
        known = found.get((e.source, issuer))
        if known is None:
            found[e.source, issuer] = Seen(e.source, e.count, e.first, e.last, issuer)
            continue
        found[e.source, issuer] = Seen(
            e.source,
            max(known.count, e.count),
            min((d for d in (known.first, e.first) if d is not None), default=None),
            max((d for d in (known.last, e.last) if d is not None), default=None),
            issuer,
        )
    rank = {source: i for i, source in enumerate(ORDER)}
    return sorted(found.values(), key=lambda s: (rank.get(s.source, len(ORDER)), s.source, s.issuer))


def item_seen(item: Item) -> list[Seen]:
    """where_seen of the item's evidence, each statement with the yes answers it showed that are
    still yes (discovery.found_in_bill): what list, walk, the report and --json show."""
    from numretire.discovery import found_in_bill

    return [
        s._replace(flags=found_in_bill(item, s.issuer)) if s.source == "bill" else s
        for s in where_seen(item.evidence)
    ]


def seen_text(seen: Iterable[Seen], lang: str) -> str:
    """'短信 12 次 · 密码库 · 支付宝账单：自动扣款' / 'SMS ×12 · password manager · Alipay bill:
    auto-debit'; '' for none."""
    from numretire.i18n import t
    from numretire.messages import MESSAGES

    parts = []
    for s in seen:
        key = f"seen.{s.source}"
        if s.source == "bill":
            issuer_key = f"import.issuer.{s.issuer}"
            issuer = t(issuer_key, lang) if issuer_key in MESSAGES else t("seen.bill.any", lang)
            if s.flags:
                flags = t("seen.sep", lang).join(t(f"seen.flag.{f}", lang) for f in s.flags)
                parts.append(t("seen.bill.found", lang, issuer=issuer, flags=flags))
            else:
                parts.append(t("seen.bill", lang, issuer=issuer))
        elif key in MESSAGES:
            parts.append(t(key, lang, count=s.count, first=s.first or "", last=s.last or ""))
        else:
            parts.append(s.source)
    return SEPARATOR.join(parts)


def seen_json(seen: Iterable[Seen]) -> list[dict[str, object]]:
    """For --json and the report: [{source, count, first, last}], dates as YYYY-MM-DD or null; a
    statement's also with its issuer and the yes answers it showed (flags)."""
    return [
        {
            "source": s.source,
            "count": s.count,
            "first": s.first.isoformat() if s.first else None,
            "last": s.last.isoformat() if s.last else None,
            **({"issuer": s.issuer, "flags": list(s.flags)} if s.source == "bill" else {}),
        }
        for s in seen
    ]
