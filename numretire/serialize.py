"""Profile and config documents <-> model objects, with validation and schema migrations.

A document is what TOML holds: plain dicts, lists, strings, numbers, dates. Reading checks every key
and type, so a hand-edited or damaged file is reported (with the place) instead of half-loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from numretire.model import (
    EVIDENCE_KINDS,
    PROFILE_KINDS,
    STATUSES,
    Config,
    Custom,
    Event,
    Evidence,
    Item,
    Lookup,
    Profile,
)

PROFILE_SCHEMA = 4
CONFIG_SCHEMA = 1


class Invalid(Exception):
    """A document breaks the format: `where` is a key path such as 'items[2].status'."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class FutureSchema(Exception):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(found)
        self.found = found
        self.supported = supported


# ---------------------------------------------------------------- migrations


def _profile_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 kept only each item's id and status; 2 adds answers, origin and the history."""
    created = doc.get("created")
    for item in doc.get("items", []):
        item.setdefault("answers", {})
        item.setdefault("origin", "manual")
        if "history" not in item:
            item["history"] = [{"at": created, "status": item.get("status", "open"), "note": ""}]
    doc["schema"] = 2
    return doc


def _profile_2_to_3(doc: dict[str, Any]) -> dict[str, Any]:
    """3 adds the real cancellation or arrears date, lookups and items' evidence: all optional, so a
    schema 2 file is a valid schema 3 file."""
    doc["schema"] = 3
    return doc


def _profile_3_to_4(doc: dict[str, Any]) -> dict[str, Any]:
    """4 writes each history event as one line of text, 'TIME STATUS[ NOTE]', instead of an inline
    table: the same facts, read in less than half the time (20,000 inline tables were most of the cost
    of a big profile). The old events are checked where they stand, so an error names their old place.
    4 also allows, on an item's evidence from a payment statement, the payment kinds seen and whose
    statement it was: both optional. (A schema 4 file is refused, untouched, by a numretire that knows
    only 3.)"""
    items = doc.get("items")
    for i, item in enumerate(items if isinstance(items, list) else []):
        history = item.get("history") if isinstance(item, dict) else None
        if not isinstance(history, list):
            continue  # left for the checks of schema 4 to report
        lines = []
        for j, ev in enumerate(history):
            ew = f"items[{i}].history[{j}]."
            _check(isinstance(ev, dict), ew.rstrip("."), "expected a table")
            _unknown(ev, {"at", "status", "note"}, ew)
            ev_status = _get(ev, "status", str, ew)
            _check(ev_status in STATUSES, f"{ew}status", f"expected one of {', '.join(STATUSES)}")
            at = _aware(_get(ev, "at", datetime, ew))
            lines.append(event_line(Event(at, ev_status, _get(ev, "note", str, ew, ""))))
        item["history"] = lines
    doc["schema"] = 4
    return doc


PROFILE_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _profile_1_to_2,
    2: _profile_2_to_3,
    3: _profile_3_to_4,
}
CONFIG_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migrate(doc: dict[str, Any], current: int, steps: dict[int, Callable[[dict[str, Any]], dict[str, Any]]]):
    """Bring `doc` to the `current` schema, one step at a time; refuse a newer one."""
    version = doc.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Invalid("schema", "must be a whole number from 1")
    if version > current:
        raise FutureSchema(version, current)
    while version < current:
        doc = steps[version](doc)
        version = doc["schema"]
    return doc


# ---------------------------------------------------------------- checks


def _check(cond: bool, where: str, problem: str) -> None:
    if not cond:
        raise Invalid(where, problem)


def _get(doc: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, default: Any = ...) -> Any:
    if key not in doc:
        if default is ...:  # the message is built only when it is needed
            _check(False, f"{where}{key}", "missing")
        return default
    value = doc[key]
    ok = isinstance(value, kind) and not (isinstance(value, bool) and bool not in _as_tuple(kind))
    if kind is date:  # a datetime is a date too; a date-only key must not hold a time
        ok = ok and not isinstance(value, datetime)
    if not ok:
        _check(False, f"{where}{key}", f"expected {_kind_name(kind)}")
    return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {
        str: "text",
        int: "a whole number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
        date: "a date (YYYY-MM-DD)",
        datetime: "a date and time",
    }
    return " or ".join(names.get(k, k.__name__) for k in _as_tuple(kind))


def _unknown(doc: dict[str, Any], known: set[str], where: str) -> None:
    extra = sorted(set(doc) - known)
    _check(not extra, f"{where}{extra[0] if extra else ''}", "unknown key")


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# ---------------------------------------------------------------- history events

EVENT_FORMAT = "'YYYY-MM-DDTHH:MM:SSZ STATUS' with an optional note after a space"


def event_line(ev: Event) -> str:
    """An event as the profile file holds it: '2026-11-24T09:30:00Z moved' or, with a note,
    '2026-11-24T09:30:00Z blocked the bank wants a visit'. UTC is written Z, other offsets as they are."""
    at = ev.at.isoformat()
    if at.endswith("+00:00"):
        at = at[:-6] + "Z"
    return f"{at} {ev.status} {ev.note}" if ev.note else f"{at} {ev.status}"


def _event_from_line(line: Any, where: str) -> Event:
    if line.__class__ is not str:
        _check(False, where, f"expected text: {EVENT_FORMAT}")
    at_text, _, rest = line.partition(" ")
    status, _, note = rest.partition(" ")
    try:
        at = datetime.fromisoformat(at_text) if "T" in at_text else None
    except ValueError:
        at = None
    if at is None:
        _check(False, where, f"expected a date and time first: {EVENT_FORMAT}")
    if status not in _STATUS_SET:
        _check(False, where, f"expected a status after the time, one of {', '.join(STATUSES)}")
    return Event(at if at.tzinfo else at.replace(tzinfo=UTC), status, note)


_STATUS_SET = frozenset(STATUSES)


# ---------------------------------------------------------------- profile


def profile_from_doc(doc: dict[str, Any]) -> Profile:
    doc = migrate(doc, PROFILE_SCHEMA, PROFILE_MIGRATIONS)
    known = {
        "schema",
        "number",
        "country_code",
        "region",
        "created",
        "label",
        "kind",
        "new_number",
        "carrier",
        "carrier_source",
        "cancel_on",
        "items",
        "dismissed",
        "cancelled_on",
        "arrears_since",
        "acquired_on",
        "lookups",
    }
    _unknown(doc, known, "")
    number = _get(doc, "number", str, "")
    _check(
        number.startswith("+") and number[1:].isdigit(),
        "number",
        "expected a number in E.164 (+8613812345678)",
    )
    new_number = _get(doc, "new_number", str, "", None)
    if new_number is not None and not (
        new_number.startswith("+") and 8 <= len(new_number) <= 16 and new_number[1:].isdigit()
    ):
        _check(False, "new_number", "expected a number in E.164 (+8613912345678)")
    kind = _get(doc, "kind", str, "", "retire")
    _check(kind in PROFILE_KINDS, "kind", f"expected one of {', '.join(PROFILE_KINDS)}")
    carrier_source = _get(doc, "carrier_source", str, "", "prefix")
    _check(carrier_source in ("prefix", "user"), "carrier_source", "expected prefix or user")
    items = [_item_from_doc(raw, f"items[{i}].") for i, raw in enumerate(_get(doc, "items", list, "", []))]
    seen: set[str] = set()
    for i, item in enumerate(items):
        _check(item.id not in seen, f"items[{i}].id", f"duplicate item {item.id!r}")
        seen.add(item.id)
    return Profile(
        number=number,
        country_code=_get(doc, "country_code", int, ""),
        region=_get(doc, "region", str, ""),
        created=_aware(_get(doc, "created", datetime, "")),
        label=_get(doc, "label", str, "", ""),
        kind=kind,
        new_number=new_number,
        carrier=_get(doc, "carrier", str, "", None),
        carrier_source=carrier_source,
        cancel_on=_get(doc, "cancel_on", date, "", None),
        cancelled_on=_get(doc, "cancelled_on", date, "", None),
        arrears_since=_get(doc, "arrears_since", date, "", None),
        acquired_on=_get(doc, "acquired_on", date, "", None),
        lookups=[
            _lookup_from_doc(raw, f"lookups[{i}].")
            for i, raw in enumerate(_get(doc, "lookups", list, "", []))
        ],
        items=items,
        dismissed=_text_list(doc, "dismissed", ""),
    )


def _lookup_from_doc(raw: Any, where: str) -> Lookup:
    _check(isinstance(raw, dict), where.rstrip("."), "expected a table")
    _unknown(raw, {"count", "on", "recorded"}, where)
    count = _get(raw, "count", int, where)
    _check(count >= 0, f"{where}count", "must not be negative")
    return Lookup(count, _get(raw, "on", date, where, None), _aware(_get(raw, "recorded", datetime, where)))


def _evidence_from_doc(raw: Any, where: str) -> Evidence:
    _check(isinstance(raw, dict), where.rstrip("."), "expected a table")
    _unknown(raw, {"source", "digest", "count", "first", "last", "login_is_number", "kinds", "issuer"}, where)
    kinds = _text_list(raw, "kinds", where)
    _check(
        all(kind in EVIDENCE_KINDS for kind in kinds),
        f"{where}kinds",
        f"expected a list of {', '.join(EVIDENCE_KINDS)}",
    )
    return Evidence(
        source=_get(raw, "source", str, where),
        digest=_get(raw, "digest", str, where),
        count=_get(raw, "count", int, where),
        first=_get(raw, "first", date, where, None),
        last=_get(raw, "last", date, where, None),
        login_is_number=_get(raw, "login_is_number", bool, where, False),
        kinds=kinds,
        issuer=_get(raw, "issuer", str, where, ""),
    )


def _text_list(doc: dict[str, Any], key: str, where: str) -> list[str]:
    values = _get(doc, key, list, where, [])
    _check(all(isinstance(v, str) for v in values), f"{where}{key}", "expected a list of text")
    return list(values)


def _item_from_doc(raw: Any, where: str) -> Item:
    _check(isinstance(raw, dict), where.rstrip("."), "expected a table")
    _unknown(raw, {"id", "status", "note", "answers", "custom", "origin", "history", "evidence"}, where)
    item_id = _get(raw, "id", str, where)
    _check(bool(item_id), f"{where}id", "empty")
    status = _get(raw, "status", str, where, "open")
    _check(status in STATUSES, f"{where}status", f"expected one of {', '.join(STATUSES)}")
    answers = _get(raw, "answers", dict, where, {})
    for flag, value in answers.items():
        _check(isinstance(value, bool), f"{where}answers.{flag}", "expected true or false")
    custom_raw = _get(raw, "custom", dict, where, None)
    custom = None
    if custom_raw is not None:
        cw = f"{where}custom."
        _unknown(custom_raw, {"name", "category", "flags"}, cw)
        flags = _text_list(custom_raw, "flags", cw)
        custom = Custom(
            _get(custom_raw, "name", str, cw), _get(custom_raw, "category", str, cw, "other"), flags
        )
    history = [
        _event_from_line(line, f"{where}history[{j}]")
        for j, line in enumerate(_get(raw, "history", list, where, []))
    ]
    return Item(
        id=item_id,
        status=status,
        note=_get(raw, "note", str, where, ""),
        answers=dict(answers),
        custom=custom,
        origin=_get(raw, "origin", str, where, "manual"),
        history=history,
        evidence=[
            _evidence_from_doc(ev, f"{where}evidence[{j}].")
            for j, ev in enumerate(_get(raw, "evidence", list, where, []))
        ],
    )


def _drop_none(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if v is not None}


def _evidence_to_doc(evidence: Evidence) -> dict[str, Any]:
    doc = _drop_none(dict(vars(evidence)))
    if not evidence.kinds:
        doc.pop("kinds")
    else:
        doc["kinds"] = list(evidence.kinds)
    if not evidence.issuer:
        doc.pop("issuer")
    return doc


def profile_to_doc(profile: Profile) -> dict[str, Any]:
    items = []
    for item in profile.items:
        raw: dict[str, Any] = {"id": item.id, "status": item.status, "origin": item.origin}
        if item.note:
            raw["note"] = item.note
        if item.answers:
            raw["answers"] = dict(item.answers)
        if item.custom:
            raw["custom"] = {
                "name": item.custom.name,
                "category": item.custom.category,
                "flags": list(item.custom.flags),
            }
        raw["history"] = [event_line(ev) for ev in item.history]
        if item.evidence:
            raw["evidence"] = [_evidence_to_doc(ev) for ev in item.evidence]
        items.append(raw)
    return _drop_none(
        {
            "schema": PROFILE_SCHEMA,
            "number": profile.number,
            "country_code": profile.country_code,
            "region": profile.region,
            "label": profile.label,
            "kind": profile.kind,
            "new_number": profile.new_number,
            "carrier": profile.carrier,
            "carrier_source": profile.carrier_source,
            "cancel_on": profile.cancel_on,
            "cancelled_on": profile.cancelled_on,
            "arrears_since": profile.arrears_since,
            "acquired_on": profile.acquired_on,
            "lookups": [_drop_none(dict(vars(lk))) for lk in profile.lookups] or None,
            "created": profile.created,
            "items": items,
            "dismissed": list(profile.dismissed) or None,
        }
    )


# ---------------------------------------------------------------- the parsed cache

# A profile (or the config) as plain tuples of text and numbers (what marshal stores), for the private
# parsed copy of each file (parsed_cache.py). Only what was decoded from a file, so already checked, is
# ever turned into one; reading one back checks its shape only, and anything that does not fit is read
# from the TOML.
CACHE_LAYOUT = 2  # 2: evidence carries payment kinds and issuer


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def profile_to_cache(profile: Profile) -> tuple:
    items = tuple(
        (
            item.id,
            item.status,
            item.note,
            dict(item.answers),
            None
            if item.custom is None
            else (item.custom.name, item.custom.category, tuple(item.custom.flags)),
            item.origin,
            tuple((ev.at.isoformat(), ev.status, ev.note) for ev in item.history),
            tuple(
                (
                    ev.source,
                    ev.digest,
                    ev.count,
                    _iso(ev.first),
                    _iso(ev.last),
                    ev.login_is_number,
                    tuple(ev.kinds),
                    ev.issuer,
                )
                for ev in item.evidence
            ),
        )
        for item in profile.items
    )
    return (
        CACHE_LAYOUT,
        profile.number,
        profile.country_code,
        profile.region,
        profile.created.isoformat(),
        profile.label,
        profile.kind,
        profile.new_number,
        profile.carrier,
        profile.carrier_source,
        _iso(profile.cancel_on),
        _iso(profile.cancelled_on),
        _iso(profile.arrears_since),
        _iso(profile.acquired_on),
        tuple((lk.count, _iso(lk.on), lk.recorded.isoformat()) for lk in profile.lookups),
        items,
        tuple(profile.dismissed),
    )


def profile_from_cache(data: Any) -> Profile:
    """The profile `profile_to_cache` gave `data` for; TypeError or ValueError when `data` is not one."""
    (
        layout,
        number,
        country_code,
        region,
        created,
        label,
        kind,
        new_number,
        carrier,
        carrier_source,
        cancel_on,
        cancelled_on,
        arrears_since,
        acquired_on,
        lookups,
        items,
        dismissed,
    ) = data
    if layout != CACHE_LAYOUT:
        raise ValueError(layout)
    moment = datetime.fromisoformat
    day = date.fromisoformat

    def opt_day(value: str | None) -> date | None:
        return None if value is None else day(value)

    def events(history: tuple) -> Callable[[], list[Event]]:
        # A command that never reads an item's history (status: 500 items of 10 events) never builds it.
        return lambda: [Event(moment(at), ev_status, ev_note) for at, ev_status, ev_note in history]

    out = []
    for item_id, status, note, answers, custom, origin, history, evidence in items:
        if not isinstance(history, tuple):
            raise TypeError(history)
        out.append(
            Item(
                id=item_id,
                status=status,
                note=note,
                answers=dict(answers),
                custom=None if custom is None else Custom(custom[0], custom[1], list(custom[2])),
                origin=origin,
                history=events(history),  # type: ignore[arg-type] - see Item.history
                evidence=[
                    Evidence(source, digest, count, opt_day(first), opt_day(last), login, list(kinds), issuer)
                    for source, digest, count, first, last, login, kinds, issuer in evidence
                ],
            )
        )
    return Profile(
        number=number,
        country_code=country_code,
        region=region,
        created=moment(created),
        label=label,
        kind=kind,
        new_number=new_number,
        carrier=carrier,
        carrier_source=carrier_source,
        cancel_on=opt_day(cancel_on),
        cancelled_on=opt_day(cancelled_on),
        arrears_since=opt_day(arrears_since),
        acquired_on=opt_day(acquired_on),
        lookups=[Lookup(count, opt_day(on), moment(recorded)) for count, on, recorded in lookups],
        items=out,
        dismissed=list(dismissed),
    )


# ---------------------------------------------------------------- config


def config_from_doc(doc: dict[str, Any]) -> Config:
    doc = migrate(doc, CONFIG_SCHEMA, CONFIG_MIGRATIONS)
    _unknown(doc, {"schema", "default_profile", "lang", "region"}, "")
    lang = _get(doc, "lang", str, "", None)
    _check(lang in (None, "zh", "en"), "lang", "expected zh or en")
    return Config(
        default_profile=_get(doc, "default_profile", str, "", None),
        lang=lang,
        region=_get(doc, "region", str, "", None),
    )


def config_to_cache(config: Config) -> tuple:
    return (CACHE_LAYOUT, config.default_profile, config.lang, config.region)


def config_from_cache(data: Any) -> Config:
    layout, default_profile, lang, region = data
    if layout != CACHE_LAYOUT:
        raise ValueError(layout)
    return Config(default_profile=default_profile, lang=lang, region=region)


def config_to_doc(config: Config) -> dict[str, Any]:
    return _drop_none(
        {
            "schema": CONFIG_SCHEMA,
            "default_profile": config.default_profile,
            "lang": config.lang,
            "region": config.region,
        }
    )
