"""What numretire knows about the user: profiles (one per number), their items and the items' history.

Plain dataclasses, no I/O. A service's facts live in the catalog; an item stores only what is the
user's own: which service, the user's answers, the outcome and its history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

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


@dataclass
class Event:
    """One change of an item's state, kept for the report's history."""

    at: datetime
    status: str
    note: str = ""


@dataclass
class Evidence:
    """What an imported file showed about an item: never a message or a password, only counts and dates."""

    source: str  # sms | passwords | bill
    digest: str  # of the imported file: importing the same file again changes nothing
    count: int
    first: date | None = None
    last: date | None = None
    login_is_number: bool = False
    # bill: the payment kinds seen with the service (auto-debit, subscription, password-free), and
    # whose statement it was (alipay | wechat). Never an amount, an order number or goods.
    kinds: list[str] = field(default_factory=list)
    issuer: str = ""


@dataclass
class Lookup:
    """The result of the official linked-accounts lookup (一证通查 2.0): only a count."""

    count: int
    on: date | None  # the day the answer came
    recorded: datetime


@dataclass
class Custom:
    """A service the catalog lacks, described by the user."""

    name: str
    category: str = "other"
    flags: list[str] = field(default_factory=list)


@dataclass
class Item:
    """One account or task tied to a number."""

    id: str
    status: str = "open"
    note: str = ""
    # The user's own answers about flags that vary per person ("is a card bound?"): flag -> yes/no.
    answers: dict[str, bool] = field(default_factory=dict)
    custom: Custom | None = None
    origin: str = "manual"  # manual | init | triage | import-sms | import-passwords | import-bill | demo
    history: list[Event] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Profile:
    """One number being retired (or, kind 'adopt', one newly acquired number being cleaned)."""

    number: str  # E.164
    country_code: int
    region: str
    created: datetime
    label: str = ""
    kind: str = "retire"
    new_number: str | None = None
    carrier: str | None = None  # a catalog carrier id, or the name the user gave
    carrier_source: str = "prefix"  # prefix | user
    cancel_on: date | None = None
    cancelled_on: date | None = None  # the real cancellation
    arrears_since: date | None = None  # left to lapse for arrears instead of cancelled
    acquired_on: date | None = None  # kind 'adopt': when the number became the user's
    lookups: list[Lookup] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    # Catalog ids the user said are not tied to this number during triage (so triage does not ask again).
    dismissed: list[str] = field(default_factory=list)

    def item(self, item_id: str) -> Item | None:
        return next((item for item in self.items if item.id == item_id), None)


@dataclass
class Config:
    default_profile: str | None = None  # E.164 of the profile commands use by default
    lang: str | None = None
    region: str | None = None
