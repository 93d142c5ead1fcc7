"""Discovery results -> the inventory: what an import proposes, and how accepted proposals are stored.

Pure: it takes the matches an importer produced and the profile, and changes only the profile. What is
stored is the user's own: which services, the source kind, counts, first and last dates, and a digest
of the file (so that importing the same file again changes nothing). Never a message or a password.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from numretire.model import Custom, Event, Evidence, Item, Lookup, Profile


class Proposal(NamedTuple):
    service_id: str  # a catalog id; "" for a service the catalog lacks (see `custom`)
    count: int
    first: date | None
    last: date | None
    login_is_number: bool
    present: bool  # the inventory has it already: only its evidence is updated
    custom: Custom | None = None  # a service the catalog lacks, named by its signature or name
    kinds: tuple[str, ...] = ()  # a payment statement: the payment kinds seen (Evidence.kinds)
    issuer: str = ""  # a payment statement: whose (alipay | wechat)


def _key(name: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", name).strip().casefold()


def _custom_item(profile: Profile, name: str) -> Item | None:
    return next(
        (i for i in profile.items if i.custom is not None and _key(i.custom.name) == _key(name)), None
    )


BANK_NAME = ("银行", "农信", "信用社", "bank", "credit union", "banco", "banque")


def from_candidates(matches, profile: Profile) -> list[Proposal]:
    """One custom item per unknown signature or name that sent codes or notices: the forgotten
    accounts the catalog does not know (a parent company's signature naming none of its services is
    not one). Bank when the words or the name say bank, else other."""
    found: dict[str, Proposal] = {}
    for c in matches.candidates:
        if c.kind == "shared":
            continue
        bank = c.kind == "bank" or any(word in _key(c.signature) for word in BANK_NAME)
        known = found.get(_key(c.signature))
        count = c.count + (known.count if known else 0)
        found[_key(c.signature)] = Proposal(
            "",
            count,
            _day(c.first),
            _day(c.last),
            False,
            _custom_item(profile, c.signature) is not None,
            Custom(c.signature, "bank" if bank else "other", []),
        )
    return sorted(found.values(), key=lambda p: (-p.count, _key(p.custom.name)))


def adopt_custom(profile: Profile, catalog) -> int:
    """Custom items the catalog has since learned (by name, app name or signature) become that catalog
    item, keeping their status, history and evidence; returns how many."""
    names: dict[str, set[str]] = {}
    for service in catalog:
        if service.kind == "account":
            for name in (*service.name.values(), *service.alias("apps"), *service.alias("signatures")):
                names.setdefault(_key(name), set()).add(service.id)
    changed = 0
    for item in profile.items:
        if item.custom is None:
            continue
        ids = names.get(_key(item.custom.name), set())
        if len(ids) == 1 and profile.item(next(iter(ids))) is None:
            item.id, item.custom = next(iter(ids)), None
            changed += 1
    return changed


def from_apps(matches, profile: Profile) -> list[Proposal]:
    """One proposal per service an app list revealed, then one custom item per named app the catalog
    lacks (bank when its name says bank, else other). An app list has no dates."""
    known = sorted(
        (
            Proposal(h.service_id, h.count, None, None, False, profile.item(h.service_id) is not None)
            for h in matches.services
        ),
        key=lambda p: p.service_id,
    )
    custom = [
        Proposal(
            "",
            c.count,
            None,
            None,
            False,
            _custom_item(profile, c.name) is not None,
            Custom(c.name, "bank" if any(w in _key(c.name) for w in BANK_NAME) else "other", []),
        )
        for c in matches.candidates
    ]
    return [*known, *sorted(custom, key=lambda p: _key(p.custom.name))]


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


def from_bills(matches, profile: Profile) -> list[Proposal]:
    """One proposal per service the statement named, those seen with a payment agreement first; then
    one custom item per unknown counterparty seen with one (see importers.match_bills)."""
    found = [
        Proposal(
            h.service_id,
            h.count,
            h.first,
            h.last,
            False,
            profile.item(h.service_id) is not None,
            kinds=h.kinds,
            issuer=matches.issuer,
        )
        for h in matches.services
    ]
    for c in matches.candidates:
        found.append(
            Proposal(
                "",
                c.count,
                c.first,
                c.last,
                False,
                _custom_item(profile, c.name) is not None,
                Custom(c.name, "other", []),
                kinds=c.kinds,
                issuer=matches.issuer,
            )
        )
    return found


def bill_answers(kinds, answers: dict[str, bool]) -> dict[str, bool]:
    """The answers payment kinds seen in a statement give: yes to auto-debit or password-free, for
    the flags the user has not answered."""
    from numretire.importers.match_bills import flags_of

    return {flag: True for flag in flags_of(kinds) if flag not in answers}


def found_in_bill(item: Item, issuer: str | None = None) -> tuple[str, ...]:
    """The flags of an item whose yes a payment statement showed (auto-debit, password-free), while
    the answer is still yes: "found in the bill" beside the answer. With `issuer` (alipay | wechat),
    that issuer's statements only."""
    from numretire.importers.match_bills import flags_of

    kinds = {
        k
        for e in item.evidence
        if e.source == "bill" and (issuer is None or e.issuer == issuer)
        for k in e.kinds
    }
    return tuple(f for f in flags_of(kinds) if item.answers.get(f) is True)


def apply(profile: Profile, proposals: list[Proposal], source: str, digest: str, at: datetime) -> int:
    """Store accepted proposals: new items, and each item's evidence from this file (replaced, never
    duplicated). Returns how many things changed (0: the profile is as it was).

    Payment kinds a statement showed answer the item's auto-debit or password-free question yes,
    unless the user already answered it (the answer stays theirs to change with `answer`)."""
    changed = 0
    for p in proposals:
        if p.custom is not None:
            item = _custom_item(profile, p.custom.name)
            if item is None:
                from numretire.inventory import next_custom_id

                item = Item(
                    id=next_custom_id(profile, p.custom.name),
                    custom=Custom(p.custom.name, p.custom.category, []),
                    origin=f"import-{source}",
                    history=[Event(at, "open", "")],
                )
                profile.items.append(item)
                changed += 1
        else:
            item = profile.item(p.service_id)
        if item is None:
            item = Item(id=p.service_id, origin=f"import-{source}", history=[Event(at, "open", "")])
            profile.items.append(item)
            if p.service_id in profile.dismissed:
                profile.dismissed.remove(p.service_id)
            changed += 1
        evidence = Evidence(
            source, digest, p.count, p.first, p.last, p.login_is_number, list(p.kinds), p.issuer
        )
        kept = [e for e in item.evidence if not (e.source == source and e.digest == digest)]
        if [*kept, evidence] != item.evidence:
            item.evidence = [*kept, evidence]
            changed += 1
        answers = bill_answers(p.kinds, item.answers)
        if answers:
            item.answers.update(answers)
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
