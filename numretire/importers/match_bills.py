"""Match the rows of a payment statement (Alipay, WeChat Pay) to catalog services. Pure: no files, no
output. Results hold service ids, counts, days and payment kinds only: never an amount, an order
number or a goods description, so that nothing shown or stored can leak them.

Rules, for each row:
1. The counterparty (交易对方) is a company a service is billed under (its `companies` alias),
   compared normalised: full-width letters, digits and brackets as ASCII, spaces dropped, case folded,
   and the company-form suffix (有限公司, 有限责任公司, 股份有限公司, 公司) left off, so that
   "北京三快在线科技有限公司" and "北京三快在线科技有限责任公司" are one company.
2. Else the counterparty is, as a whole, one service's name or app name (WeChat Pay bills name the
   brand: 美团, 滴滴出行), or that name followed by 平台商户 / 特约商户.
3. Else the goods column (商品说明 / 商品) starts with one service's name or app name ("美团订单…",
   "爱奇艺VIP会员连续包月"), the longest name winning (京东到家 over 京东), a Latin name standing as a
   word, and the counterparty is neither a person (masked: 张*三, x4***6) nor a shop (…店, …商行):
   a shop's goods are item titles, where brand names stand for what is sold, not who bills.
4. Counterparties matching no service are not offered: a statement is mostly shops, restaurants and
   people, far too many to review. The exception is a counterparty that holds an agreement to charge
   the user (an auto-debit, subscription or password-free payment was seen with it) and is not a
   person or a payment institution: that is a service holding money rights the user may have
   forgotten, offered as a custom item by its name.

Payment kinds are read from the type, goods, method and remark columns of each matched row (kept in
memory only): "auto-debit" (代扣, 自动扣款), "subscription" (自动续费, 连续包月 …), "password-free"
(免密支付). The statement's own account (Alipay for an Alipay statement, WeChat Pay for a WeChat one)
is found too, by every row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from numretire.catalog import Catalog
from numretire.importers import Payment
from numretire.model import EVIDENCE_KINDS

# The catalog id of the account each statement belongs to.
ISSUER_SERVICE = {"alipay": "alipay", "wechat": "wechat-pay"}

# Payment kinds -> the personal flag they answer yes.
KIND_FLAGS = {"auto-debit": "auto-debit", "subscription": "auto-debit", "password-free": "password-free"}
KINDS = EVIDENCE_KINDS
_KIND_WORDS = (
    ("password-free", re.compile(r"免密")),
    ("subscription", re.compile(r"自动续费|自动续订|连续包[月季年]|连续订阅|包月续费")),
    ("auto-debit", re.compile(r"代扣|自动扣款|自动扣费|委托扣款|周期扣款")),
)
_KIND_FIRST_CHARS = frozenset("免自连包代委周")  # a row without any of these has no kind: no regex run

_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "公司")
_BRAND_SUFFIXES = ("平台商户", "特约商户")
# A shop's name ends so, or with its branch in brackets: 某某专营店, 过桥米线(传奇广场店).
_SHOP = re.compile(r"(?:店|商行|超市|便利|小卖部|档口|工作室)\)?$|(?:店|商行|超市)\(.*\)$")
# Counterparties that are payment institutions, not services holding an agreement.
_PAYMENT_INSTITUTIONS = ("支付宝", "财付通", "微信支付", "网联清算", "银联", "花呗", "余额宝")
_LATIN = re.compile(r"[0-9a-z]")
NAME_MIN = 2  # characters: a one-character name would be found everywhere


def fold(text: str) -> str:
    """A name as compared: NFKC (full-width to ASCII), spaces dropped, case folded."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def company_key(name: str) -> str:
    """A company name without its company-form suffix: 北京三快在线科技有限公司 -> 北京三快在线科技."""
    key = fold(name)
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return key


def kinds_of(*texts: str) -> frozenset[str]:
    """The payment kinds these cells show."""
    text = "|".join(texts)
    if not _KIND_FIRST_CHARS.intersection(text):
        return frozenset()
    return frozenset(kind for kind, words in _KIND_WORDS if words.search(text))


def is_person(counterparty: str) -> bool:
    """A masked name (张*三, x4***6, rim***@qq.com) or an e-mail or phone-like id: a person."""
    return "*" in counterparty or "@" in counterparty


class BillHit(NamedTuple):
    service_id: str
    count: int  # rows
    first: date | None
    last: date | None
    kinds: tuple[str, ...]  # in KINDS order
    via: tuple[str, ...]  # "company", "name", "goods", "issuer"


class BillCandidate(NamedTuple):
    """A counterparty the catalog lacks, seen with an agreement to charge the user."""

    name: str
    count: int
    first: date | None
    last: date | None
    kinds: tuple[str, ...]


class BillMatches(NamedTuple):
    issuer: str  # alipay | wechat
    rows: int
    services: tuple[BillHit, ...]
    candidates: tuple[BillCandidate, ...]


class _Tally:
    __slots__ = ("count", "first", "kinds", "last", "via")

    def __init__(self) -> None:
        self.count = 0
        self.first: date | None = None
        self.last: date | None = None
        self.kinds: set[str] = set()
        self.via: set[str] = set()

    def add(self, on: date | None, kinds: frozenset[str], via: str) -> None:
        self.count += 1
        if on is not None:
            if self.first is None or on < self.first:
                self.first = on
            if self.last is None or on > self.last:
                self.last = on
        if kinds:
            self.kinds |= kinds
        self.via.add(via)

    def ordered_kinds(self) -> tuple[str, ...]:
        return tuple(k for k in KINDS if k in self.kinds)


class BillIndex:
    """The catalog's company names and service names, folded, for matching statement rows."""

    def __init__(self, catalog: Catalog) -> None:
        companies: dict[str, set[str]] = {}
        names: dict[str, set[str]] = {}
        for service in catalog:
            if service.kind != "account":
                continue
            for company in service.alias("companies"):
                companies.setdefault(company_key(company), set()).add(service.id)
            for name in (*service.name.values(), *service.alias("apps")):
                key = fold(name)
                if (len(key) >= NAME_MIN and not key.isdigit()) or key == "12306":
                    names.setdefault(key, set()).add(service.id)
        # A company or name several services carry names none of them.
        self.companies = {k: next(iter(v)) for k, v in companies.items() if len(v) == 1}
        self.names: dict[str, str | None] = {
            k: next(iter(v)) if len(v) == 1 else None for k, v in names.items()
        }
        self.lengths: dict[str, list[int]] = {}  # first character -> lengths of names, longest first
        for key in self.names:
            self.lengths.setdefault(key[0], []).append(len(key))
        for lengths in self.lengths.values():
            lengths.sort(reverse=True)
        self.longest = max((len(k) for k in self.names), default=0)

    def counterparty(self, counterparty: str) -> tuple[str | None, str]:
        """(service id, "company" | "name") for a counterparty, or (None, "")."""
        key = fold(counterparty)
        if not key:
            return None, ""
        found = self.companies.get(company_key(counterparty))
        if found is not None:
            return found, "company"
        for suffix in ("", *_BRAND_SUFFIXES):
            if suffix and not key.endswith(suffix):
                continue
            owner = self.names.get(key[: len(key) - len(suffix)] if suffix else key)
            if owner is not None:
                return owner, "name"
        return None, ""

    def leading_name(self, goods: str) -> str | None:
        """The one service whose name the goods text starts with (the longest name wins)."""
        head = fold(goods[: self.longest + 8])
        if not head:
            return None
        for n in self.lengths.get(head[0], ()):
            if n > len(head):
                continue
            key = head[:n]
            if key in self.names:
                # A Latin name stands as a word: "keep" is not "keeper".
                if key[-1].isascii() and n < len(head) and _LATIN.match(head[n]):
                    continue
                return self.names[key]
        return None


def may_name_by_goods(counterparty: str) -> bool:
    """Whether a row's goods text may name the service: not a person's or a shop's row."""
    if is_person(counterparty):
        return False
    return not _SHOP.search(fold(counterparty))


def is_payment_institution(counterparty: str) -> bool:
    key = fold(counterparty)
    return any(key.startswith(name) for name in _PAYMENT_INSTITUTIONS)


def match_payments(payments: Iterable[Payment], catalog: Catalog, issuer: str) -> BillMatches:
    """What a statement's rows reveal: the services (and unknown agreement holders) it names."""
    index = BillIndex(catalog)
    tallies: dict[str, _Tally] = {}
    unknown: dict[str, _Tally] = {}
    # Per distinct counterparty (a statement repeats them): (service, via, may the goods name it).
    seen: dict[str, tuple[str | None, str, bool]] = {}
    own = _Tally()
    rows = 0
    for row in payments:
        rows += 1
        own.add(row.on, frozenset(), "issuer")
        party = row.counterparty
        known = seen.get(party)
        if known is None:
            service_id, via = index.counterparty(party)
            known = seen[party] = (service_id, via, service_id is None and may_name_by_goods(party))
        service_id, via, by_goods = known
        if service_id is None and by_goods and row.goods:
            service_id = index.leading_name(row.goods)
            via = "goods"
        kinds = kinds_of(row.type, row.goods, row.method, row.remark)
        if service_id is not None:
            tally = tallies.get(service_id)
            if tally is None:
                tally = tallies[service_id] = _Tally()
            tally.add(row.on, kinds, via)
        elif kinds and party and not is_person(party) and not is_payment_institution(party):
            key = fold(party)
            tally = unknown.get(key)
            if tally is None:
                tally = unknown[key] = _Tally()
                tally.via.add(party)  # the name as the statement writes it
            tally.add(row.on, kinds, party)
    own_id = ISSUER_SERVICE.get(issuer)
    if rows and own_id is not None and catalog.get(own_id) is not None:
        mine = tallies.setdefault(own_id, _Tally())
        mine.count = max(mine.count, own.count)
        mine.first = min((d for d in (mine.first, own.first) if d), default=None)
        mine.last = max((d for d in (mine.last, own.last) if d), default=None)
        mine.via.add("issuer")
    services = tuple(
        sorted(
            (
                BillHit(sid, t.count, t.first, t.last, t.ordered_kinds(), tuple(sorted(t.via)))
                for sid, t in tallies.items()
            ),
            key=lambda h: (not h.kinds, -h.count, h.service_id),
        )
    )
    candidates = tuple(
        sorted(
            (
                BillCandidate(min(t.via, key=len), t.count, t.first, t.last, t.ordered_kinds())
                for t in unknown.values()
            ),
            key=lambda c: (-c.count, c.name),
        )
    )
    return BillMatches(issuer, rows, services, candidates)


def flags_of(kinds: Iterable[str]) -> tuple[str, ...]:
    """The personal flags the payment kinds answer yes, in a fixed order."""
    found = {KIND_FLAGS[k] for k in kinds if k in KIND_FLAGS}
    return tuple(f for f in ("auto-debit", "password-free") if f in found)
