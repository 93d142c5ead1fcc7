"""What numretire knows about the user: profiles (one per number), their items and the items' history.

Plain records, no I/O. A service's facts live in the catalog; an item stores only what is the
user's own: which service, the user's answers, the outcome and its history.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

STATUSES = (
    "open",
    "moved",
    "removed",
    "closed",
    "not-mine",
    "done",
    "skipped",
    "blocked",
    # for a newly acquired number (kind 'adopt'):
    "clear",  # no account found on the number
    "released",  # the service released the number from the previous holder's account
    "contacted",  # the service was contacted; waiting for an answer
    "occupied",  # still bound to someone else's account
)
# The outcomes that make sense for each kind of profile.
STATUSES_FOR = {
    "retire": ("open", "moved", "removed", "closed", "not-mine", "done", "skipped", "blocked"),
    "adopt": (
        "open",
        "clear",
        "released",
        "removed",
        "contacted",
        "occupied",
        "not-mine",
        "done",
        "skipped",
        "blocked",
    ),
}
# The number no longer reaches the account, or the item never concerned it. ('removed' also means: the
# previous holder's account was removed from a newly acquired number.)
RESOLVED = frozenset({"moved", "removed", "closed", "not-mine", "done", "clear", "released"})
# Still a danger to the user: the account is tied to the number.
UNRESOLVED = frozenset({"open", "skipped", "blocked", "contacted", "occupied"})

PROFILE_KINDS = ("retire", "adopt")
# The payment kinds a statement shows with a service (Evidence.kinds).
EVIDENCE_KINDS = ("auto-debit", "subscription", "password-free")


class _Record:
    """What @dataclass would give these classes (keyword or positional construction, fields in order in
    vars(), equality field by field, a repr naming each field), written out: seven dataclasses cost
    several milliseconds to create at every start-up, and every command imports this module."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment] - mutable and compared by value, as a dataclass

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__qualname__}({fields})"


class FrozenRecord(_Record):
    """A _Record that, as @dataclass(frozen=True), cannot be changed once made and can be hashed."""

    __slots__ = ()

    def __init__(self, **values: Any) -> None:
        for name in self._fields:
            object.__setattr__(self, name, values[name])

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(getattr(self, f) for f in self._fields))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")


class Event(_Record):
    """One change of an item's state, kept for the report's history."""

    _fields = __match_args__ = ("at", "status", "note")

    def __init__(self, at: datetime, status: str, note: str = "") -> None:
        self.at = at
        self.status = status
        self.note = note


class Evidence(_Record):
    """What an imported file showed about an item: never a message or a password, only counts and dates.

    bill: `kinds` are the payment kinds seen with the service (auto-debit, subscription, password-free),
    and `issuer` whose statement it was (alipay | wechat). Never an amount, an order number or goods."""

    _fields = __match_args__ = (
        "source",
        "digest",
        "count",
        "first",
        "last",
        "login_is_number",
        "kinds",
        "issuer",
    )

    def __init__(
        self,
        source: str,  # sms | passwords | bill
        digest: str,  # of the imported file: importing the same file again changes nothing
        count: int,
        first: date | None = None,
        last: date | None = None,
        login_is_number: bool = False,
        kinds: list[str] | None = None,
        issuer: str = "",
    ) -> None:
        self.source = source
        self.digest = digest
        self.count = count
        self.first = first
        self.last = last
        self.login_is_number = login_is_number
        self.kinds = [] if kinds is None else kinds
        self.issuer = issuer


class Lookup(_Record):
    """The result of the official linked-accounts lookup (一证通查 2.0): only a count."""

    _fields = __match_args__ = ("count", "on", "recorded")

    def __init__(self, count: int, on: date | None, recorded: datetime) -> None:
        self.count = count
        self.on = on  # the day the answer came
        self.recorded = recorded


class Custom(_Record):
    """A service the catalog lacks, described by the user."""

    _fields = __match_args__ = ("name", "category", "flags")

    def __init__(self, name: str, category: str = "other", flags: list[str] | None = None) -> None:
        self.name = name
        self.category = category
        self.flags = [] if flags is None else flags


class Item(_Record):
    """One account or task tied to a number."""

    _fields = __match_args__ = ("id", "status", "note", "answers", "custom", "origin", "history", "evidence")

    def __init__(
        self,
        id: str,
        status: str = "open",
        note: str = "",
        # The user's own answers about flags that vary per person ("is a card bound?"): flag -> yes/no.
        answers: dict[str, bool] | None = None,
        custom: Custom | None = None,
        origin: str = "manual",  # manual | init | triage | import-sms | import-passwords | import-bill | demo
        history: list[Event] | None = None,
        evidence: list[Evidence] | None = None,
    ) -> None:
        self.id = id
        self.status = status
        self.note = note
        self.answers = {} if answers is None else answers
        self.custom = custom
        self.origin = origin
        self.history = [] if history is None else history
        self.evidence = [] if evidence is None else evidence

    @property
    def history(self) -> list[Event]:
        history = self._history
        if callable(history):  # events of a parsed copy (serialize.profile_from_cache), made when first read
            history = self._history = history()
        return history

    @history.setter
    def history(self, value: list[Event] | Callable[[], list[Event]]) -> None:
        self._history = value


class Profile(_Record):
    """One number being retired (or, kind 'adopt', one newly acquired number being cleaned)."""

    _fields = __match_args__ = (
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
        "cancelled_on",
        "arrears_since",
        "acquired_on",
        "lookups",
        "items",
        "dismissed",
    )

    def __init__(
        self,
        number: str,  # E.164
        country_code: int,
        region: str,
        created: datetime,
        label: str = "",
        kind: str = "retire",
        new_number: str | None = None,
        carrier: str | None = None,  # a catalog carrier id, or the name the user gave
        carrier_source: str = "prefix",  # prefix | user
        cancel_on: date | None = None,
        cancelled_on: date | None = None,  # the real cancellation
        arrears_since: date | None = None,  # left to lapse for arrears instead of cancelled
        acquired_on: date | None = None,  # kind 'adopt': when the number became the user's
        lookups: list[Lookup] | None = None,
        items: list[Item] | None = None,
        # Catalog ids the user said are not tied to this number during triage (so triage does not ask again).
        dismissed: list[str] | None = None,
    ) -> None:
        self.number = number
        self.country_code = country_code
        self.region = region
        self.created = created
        self.label = label
        self.kind = kind
        self.new_number = new_number
        self.carrier = carrier
        self.carrier_source = carrier_source
        self.cancel_on = cancel_on
        self.cancelled_on = cancelled_on
        self.arrears_since = arrears_since
        self.acquired_on = acquired_on
        self.lookups = [] if lookups is None else lookups
        self.items = [] if items is None else items
        self.dismissed = [] if dismissed is None else dismissed

    def item(self, item_id: str) -> Item | None:
        return next((item for item in self.items if item.id == item_id), None)


class Config(_Record):
    _fields = __match_args__ = ("default_profile", "lang", "region")

    def __init__(
        self, default_profile: str | None = None, lang: str | None = None, region: str | None = None
    ) -> None:
        self.default_profile = default_profile  # E.164 of the profile commands use by default
        self.lang = lang
        self.region = region
